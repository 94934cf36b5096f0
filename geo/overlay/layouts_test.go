package overlay

import (
	"slices"
	"testing"

	"github.com/paulmach/orb"

	"github.com/sahelatlas/sahelatlas/geo"
)

func TestLayoutCacheKeepsTwoViewports(t *testing.T) {
	view := func(zoom float64) geo.Viewport {
		return geo.Viewport{Center: orb.Point{0, 15}, Zoom: zoom, Width: 100, Height: 80}
	}
	cases := []struct {
		name  string
		gets  []float64 // zooms asked for, in order
		clear bool      // clear before the last get
		made  []float64 // zooms laid out, in order
	}{
		{"one viewport is made once", []float64{3, 3, 3}, false, []float64{3}},
		{"two alternate without remaking", []float64{3, 4, 3, 4}, false, []float64{3, 4}},
		{"a third drops the older", []float64{3, 4, 5, 4, 3}, false, []float64{3, 4, 5, 3}},
		{"the older made goes even if used since", []float64{3, 4, 3, 5, 3}, false, []float64{3, 4, 5, 3}},
		{"clear forgets all", []float64{3, 4, 3}, true, []float64{3, 4, 3}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var cache layoutCache[*float64]
			var made []float64
			build := func(v geo.Viewport) *float64 {
				made = append(made, v.Zoom)
				z := v.Zoom
				return &z
			}
			for i, z := range c.gets {
				if c.clear && i == len(c.gets)-1 {
					cache.clear()
				}
				if got := cache.get(view(z), build); *got != z {
					t.Fatalf("get %d (zoom %g) returned the layout of zoom %g", i, z, *got)
				}
			}
			if !slices.Equal(made, c.made) {
				t.Errorf("laid out zooms %v, want %v", made, c.made)
			}
		})
	}
}
