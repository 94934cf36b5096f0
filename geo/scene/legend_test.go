package scene

import (
	"image"
	"image/color"
	"slices"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
)

// Issue 13 item 5: the legend lists inferred places when such events are
// drawn, and explains the country fills in view, only those.
func TestLegendInferredPlacesAndFills(t *testing.T) {
	s := testScene(t)
	for _, c := range []struct {
		name      string
		bound     orb.Bound
		from, to  data.Date
		want, not []string
	}{
		{"Dodoma, October 2025", orb.Bound{Min: orb.Point{33, -8}, Max: orb.Point{38, -4}}, data.D(2025, 10, 1), data.D(2025, 10, 31),
			[]string{"place inferred (sources give none)"}, []string{"Mali (focus country)", "France (focus country)"}},
		{"the Sahel, 2025", orb.Bound{Min: orb.Point{-18, 5}, Max: orb.Point{40, 50}}, data.D(2025, 1, 1), data.D(2025, 12, 31),
			[]string{"Mali (focus country)", "Sudan (focus country)", "France (focus country)", "neighbour of Mali, Sudan or France"}, nil},
		{"Bamako, 14 September 2025 (no source names the place)", orb.Bound{Min: orb.Point{-9, 11.5}, Max: orb.Point{-7, 13.5}}, data.D(2025, 9, 14), data.D(2025, 9, 14),
			[]string{"expulsion", "place inferred (sources give none)", "Mali (focus country)", "neighbour of Mali, Sudan or France"}, []string{"France (focus country)", "Sudan (focus country)"}},
	} {
		l, err := s.NewLayers(c.to)
		if err != nil {
			t.Fatal(err)
		}
		l.Set(s.Data.Query(c.from, c.to, data.Filter{}), c.from, c.to)
		v := geo.Fit(c.bound, 960, 540, 1)
		var labels []string
		for _, it := range Legend(l, nil, v) {
			labels = append(labels, it.Label)
		}
		for _, w := range c.want {
			if !slices.Contains(labels, w) {
				t.Errorf("%s: legend %q lacks %q", c.name, strings.Join(labels, "; "), w)
			}
		}
		for _, n := range c.not {
			if slices.Contains(labels, n) {
				t.Errorf("%s: legend %q has %q", c.name, strings.Join(labels, "; "), n)
			}
		}
	}
}

// The sign of an inferred place reads on the window's dark theme as on a
// white page: drawn on either background, it covers pixels that differ
// plainly from it.
func TestLegendInferredReadsOnDark(t *testing.T) {
	for _, bg := range []struct {
		name string
		c    color.RGBA
	}{{"white page", color.RGBA{0xff, 0xff, 0xff, 0xff}}, {"dark theme", color.RGBA{0x14, 0x14, 0x15, 0xff}}} {
		img := image.NewRGBA(image.Rect(0, 0, 28, 28))
		r := draw.NewRaster(img)
		r.Clear(bg.c)
		r.Marker(14, 14, inferredSwatch())
		contrasting := 0
		for i := 0; i < len(img.Pix); i += 4 {
			d := absDiff(img.Pix[i], bg.c.R) + absDiff(img.Pix[i+1], bg.c.G) + absDiff(img.Pix[i+2], bg.c.B)
			if d >= 3*0x60 {
				contrasting++
			}
		}
		if contrasting < 60 {
			t.Errorf("on a %s the inferred-place sign has %d pixels standing out, want at least 60", bg.name, contrasting)
		}
	}
}

func absDiff(a, b uint8) int {
	if a > b {
		return int(a - b)
	}
	return int(b - a)
}
