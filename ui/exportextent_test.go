package ui

import (
	"math"
	"testing"

	"github.com/paulmach/orb"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/prefs"
	"github.com/sahelatlas/sahelatlas/geo"
)

// Issue 13 item 6: the Export dialog keeps the frame the window showed when
// it opened and its date window, typed to the day; the page's extent holds
// that frame, centred on it; the dialog draws the map around the page with
// the extent outlined, and the live map outlines it too until the dialog
// closes, when the map gets its view back.
func TestExportShowsThePageExtent(t *testing.T) {
	withConfigDir(t)
	ui, x, q := newTestExporter(t)
	franceMali := orb.Bound{Min: orb.Point{-12.5, 10}, Max: orb.Point{9.6, 51.2}}
	ui.Map.FitBound(franceMali)
	framed := ui.Map.View()
	x.show("")
	x.from.SetText("2025-09-01")
	x.to.SetText("2025-09-30")
	ui.Map.FitBound(orb.Bound{Min: orb.Point{-170, -60}, Max: orb.Point{170, 70}}) // the map behind moves
	o, err := x.snapshot()
	if err != nil {
		t.Fatal(err)
	}
	if o.Bound != framed.Bound() || o.From != data.D(2025, 9, 1) || o.To != data.D(2025, 9, 30) {
		t.Errorf("the snapshot frames %v from %s to %s; want the window's %v of 1–30 Sep 2025", o.Bound, o.From, o.To, framed.Bound())
	}
	extent, err := pageExtent(ui.sc, o)
	if err != nil {
		t.Fatal(err)
	}
	if !extent.Pad(1e-6).Contains(o.Bound.Min) || !extent.Pad(1e-6).Contains(o.Bound.Max) {
		t.Errorf("the page shows %v, not all of the frame %v", extent, o.Bound)
	}
	mid := func(b orb.Bound) orb.Point {
		nw, se := geo.ToWorld(orb.Point{b.Min[0], b.Max[1]}), geo.ToWorld(orb.Point{b.Max[0], b.Min[1]})
		return orb.Point{(nw[0] + se[0]) / 2, (nw[1] + se[1]) / 2}
	}
	if a, b := mid(extent), mid(o.Bound); math.Abs(a[0]-b[0]) > 1e-6 || math.Abs(a[1]-b[1]) > 1e-6 {
		t.Errorf("the page is centred on %v, the frame on %v (world units)", a, b)
	}
	img, err := pageOverview(ui.sc, o, extent, 480, 270)
	if err != nil {
		t.Fatal(err)
	}
	outline := 0
	for i := 0; i < len(img.Pix); i += 4 {
		if img.Pix[i] == extentColour.R && img.Pix[i+1] == extentColour.G && img.Pix[i+2] == extentColour.B {
			outline++
		}
	}
	if img.Bounds().Dx() != 480 || outline < 2*(200+100) {
		t.Errorf("the overview is %v with %d pixels of outline, want 480 wide and the extent outlined", img.Bounds(), outline)
	}
	// The preview worker outlines the extent on the live map.
	for ui.extent.bound.Load() == nil {
		q.next(t)
	}
	if got := *ui.extent.bound.Load(); !got.Pad(1e-6).Contains(o.Bound.Min) || !got.Pad(1e-6).Contains(o.Bound.Max) {
		t.Errorf("the map outlines %v, not the page's extent", got)
	}
	x.hide()
	x.closed()
	if ui.extent.bound.Load() != nil || ui.Map.View() != framed {
		t.Errorf("after the dialog closed: outline %v, view %+v; want none and %+v", ui.extent.bound.Load(), ui.Map.View(), framed)
	}
}

// Issue 13 item 8: the Export dialog opens with the caveat remembered,
// also one the snapshot command remembered while the window was open,
// unless the analyst typed another.
func TestExportFillsInTheRememberedCaveat(t *testing.T) {
	withConfigDir(t)
	if err := prefs.SaveSnapshot(prefs.Snapshot{Caveat: "SECRET // TRAINING"}); err != nil {
		t.Fatal(err)
	}
	_, x, _ := newTestExporter(t)
	x.show("")
	if x.caveat.Text != "SECRET // TRAINING" {
		t.Errorf("the dialog opens with the caveat %q, want the remembered one", x.caveat.Text)
	}
	x.hide()
	x.closed()
	if err := prefs.SaveSnapshot(prefs.Snapshot{Caveat: "UNCLASSIFIED"}); err != nil { // snapshot --caveat in a terminal
		t.Fatal(err)
	}
	x.show("")
	if x.caveat.Text != "UNCLASSIFIED" {
		t.Errorf("the dialog opens again with %q, want the caveat the command remembered since", x.caveat.Text)
	}
	x.caveat.SetText("MY OWN")
	x.hide()
	x.closed()
	x.show("")
	if x.caveat.Text != "MY OWN" {
		t.Errorf("the dialog opens again with %q, want the caveat typed in it", x.caveat.Text)
	}
}
