package render

import (
	"testing"

	"github.com/paulmach/orb"
)

// TestNamesPlacedWithoutGrowingLists: placing the names of a frame with
// thousands of symbols again (a step of the slider) fills the lists the
// last frame's placer grew rather than growing new ones a cell at a
// time: a few dozen allocations, however many symbols there are (the old
// code made 2,107 here).
func TestNamesPlacedWithoutGrowingLists(t *testing.T) {
	a := testAtlas(t)
	m := New(a, Options{Capitals: sahelCapitals, Towns: func() []Town { return testTowns }})
	v := view(t, a, "mali")
	w, h := v.PixelSize()
	var symbols []orb.Bound // a symbol every 24 px across the frame
	for x := 12.0; x < float64(w); x += 24 {
		for y := 12.0; y < float64(h); y += 24 {
			symbols = append(symbols, box(x, y, 14))
		}
	}
	if len(symbols) < 1000 {
		t.Fatalf("%d symbols, want a frame full of them", len(symbols))
	}
	overlays := []Layer{fakeOverlay{markers: symbols}}
	meas := fixedMeasurer{}
	m.placeAll(meas, w, h, v, overlays, false) // measures the map's own names, kept for the view
	allocs := testing.AllocsPerRun(5, func() { m.placeAll(meas, w, h, v, overlays, false) })
	t.Logf("%d symbols: %.0f allocations", len(symbols), allocs)
	if allocs > 100 {
		t.Errorf("placing the names again made %.0f allocations, want at most 100", allocs)
	}
}
