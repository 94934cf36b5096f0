package scene

import (
	"bytes"
	"context"
	"math"
	"testing"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/layout"
)

// Issue 13 item 6: a page framed on France and Mali shows France and Mali,
// centred, with only what its aspect adds, as it is drawn; and PageView is
// the viewport the page is drawn with.
func TestPageViewKeepsTheFrame(t *testing.T) {
	s := testScene(t)
	franceMali := orb.Bound{Min: orb.Point{-12.5, 10}, Max: orb.Point{9.6, 51.2}}
	sahel := orb.Bound{Min: orb.Point{-18, 8}, Max: orb.Point{40, 22}}
	for _, c := range []struct {
		name   string
		o      Snapshot
		format Format
	}{
		{"France and Mali, a slide", Snapshot{Bound: franceMali}, FormatPNG},
		{"France and Mali, A4 PDF", Snapshot{Bound: franceMali, Paper: "a4"}, FormatPDF},
		{"the Sahel, a captioned slide", Snapshot{Bound: sahel, Layout: layout.Options{Title: "Briefing", Caveat: "SECRET"}}, FormatSVG},
	} {
		c.o.Format, c.o.From, c.o.To = c.format, data.D(2025, 1, 1), data.D(2025, 12, 31)
		o, err := c.o.Complete(s, "")
		if err != nil {
			t.Fatal(err)
		}
		v, err := PageView(s, o)
		if err != nil {
			t.Fatal(err)
		}
		f, err := newFramer(s, o)
		if err != nil {
			t.Fatal(err)
		}
		if _, drawn, _ := f.raster(o.From, o.To); drawn != v {
			t.Errorf("%s: PageView %+v, the page is drawn with %+v", c.name, v, drawn)
		}
		got, box := v.Bound().Pad(1e-6), o.Bound
		if !got.Contains(box.Min) || !got.Contains(box.Max) {
			t.Errorf("%s: the page shows %v, not all of %v", c.name, v.Bound(), box)
		}
		mid := func(b orb.Bound) orb.Point {
			nw, se := geo.ToWorld(orb.Point{b.Min[0], b.Max[1]}), geo.ToWorld(orb.Point{b.Max[0], b.Min[1]})
			return orb.Point{(nw[0] + se[0]) / 2, (nw[1] + se[1]) / 2}
		}
		if at, want := geo.ToWorld(v.Center), mid(box); math.Abs(at[0]-want[0]) > 1e-9 || math.Abs(at[1]-want[1]) > 1e-9 {
			t.Errorf("%s: the page is centred on %v, not on its frame's centre", c.name, v.Center)
		}
		// On one axis the page shows the box edge to edge.
		pb := v.Bound()
		nw, se := geo.ToWorld(orb.Point{pb.Min[0], pb.Max[1]}), geo.ToWorld(orb.Point{pb.Max[0], pb.Min[1]})
		bnw, bse := geo.ToWorld(orb.Point{box.Min[0], box.Max[1]}), geo.ToWorld(orb.Point{box.Max[0], box.Min[1]})
		if tight := math.Min((se[0]-nw[0])/(bse[0]-bnw[0]), (se[1]-nw[1])/(bse[1]-bnw[1])); tight > 1.02 {
			t.Errorf("%s: the page shows %.2f× its frame on its tighter side, want it edge to edge", c.name, tight)
		}
	}
}

// Issue 13 item 8: a PDF's metadata carries its title and caveat, as
// readers show them (fpdf writes them as UTF-16 with a byte-order mark).
func TestPDFInfo(t *testing.T) {
	s := testScene(t)
	utf16 := func(s string) []byte {
		b := []byte{0xFE, 0xFF}
		for _, r := range s {
			b = append(b, byte(r>>8), byte(r))
		}
		return b
	}
	for _, c := range []struct {
		layout         layout.Options
		title, subject string
	}{
		{layout.Options{Title: "Mali briefing", Caveat: "SECRET // TRAINING", Subtitle: "September 2025"}, "Mali briefing", "SECRET // TRAINING — September 2025"},
		{layout.Options{}, "Sahel Atlas", ""},
	} {
		var buf bytes.Buffer
		o := Snapshot{Format: FormatPDF, Width: 192, Height: 108, Layout: c.layout}
		if err := Encode(context.Background(), s, &buf, o); err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(buf.Bytes(), utf16(c.title)) {
			t.Errorf("the PDF's metadata has no title %q", c.title)
		}
		if c.subject != "" && !bytes.Contains(buf.Bytes(), utf16(c.subject)) {
			t.Errorf("the PDF's metadata has no subject %q", c.subject)
		}
	}
}
