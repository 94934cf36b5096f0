package render

import (
	"testing"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/geo"
)

// TestPrepare checks that Prepare makes the rivers' level that a draw of
// the same view reads, and no other.
func TestPrepare(t *testing.T) {
	atlas, err := geo.LoadAtlas()
	if err != nil {
		t.Fatal(err)
	}
	m := New(atlas, Options{})
	// A 320×180 page of the Sahel: 1920×1080 logical pixels at a sixth.
	v := geo.Fit(orb.Bound{Min: orb.Point{-18, 5}, Max: orb.Point{40, 28}}, 1920, 1080, 1.0/6)
	m.Prepare(v)
	var rl *riversLayer
	for _, l := range m.base {
		if r, ok := l.(*riversLayer); ok {
			rl = r
		}
	}
	if rl == nil {
		t.Fatal("the map has no rivers layer")
	}
	want := rl.level(v.Zoom)
	if want == nil {
		t.Fatalf("no rivers level for zoom %g", v.Zoom)
	}
	for i := range rl.levels {
		lv := &rl.levels[i]
		made := lv.rivers != nil || lv.lakes != nil
		if made != (lv == want) {
			t.Errorf("level %d (from zoom %g) made: %v, want %v", i, lv.minZoom, made, lv == want)
		}
	}
}
