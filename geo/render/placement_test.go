package render

import (
	"bytes"
	"image"
	"testing"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
)

// A frame drawn after its unnamed places were counted draws the names
// placed then when the overlays occupy the same room, and places them
// afresh when they do not: moved symbols, symbols changed in the
// overlay's own slice since, other names, other lines. Every frame is the
// frame a new Map draws.
func TestPlacementReusedOnlyForTheSameRoom(t *testing.T) {
	a := testAtlas(t)
	b, err := geo.ViewBound("mali", a)
	if err != nil {
		t.Fatal(err)
	}
	v := geo.Fit(b, 640, 360, 1)
	x, y := v.Project(orb.Point{-8.0029, 12.6392}) // Bamako
	shifted := func(f fakeOverlay, dx float64) fakeOverlay {
		g := fakeOverlay{lines: f.lines}
		for _, b := range f.markers {
			g.markers = append(g.markers, orb.Bound{Min: orb.Point{b.Min[0] + dx, b.Min[1]}, Max: orb.Point{b.Max[0] + dx, b.Max[1]}})
		}
		g.names = append(g.names, f.names...)
		for i := range g.names {
			g.names[i].At = g.markers[i]
		}
		return g
	}
	cases := []struct {
		name   string
		change func(f fakeOverlay) fakeOverlay // the overlay drawn, from the one counted
		reused bool
	}{
		{"same room", func(f fakeOverlay) fakeOverlay { return f }, true},
		{"moved symbols", func(f fakeOverlay) fakeOverlay { return shifted(f, 40) }, false},
		{"changed in place", func(f fakeOverlay) fakeOverlay {
			g := shifted(f, 25)
			copy(f.markers, g.markers)
			copy(f.names, g.names)
			return f
		}, false},
		{"other names", func(f fakeOverlay) fakeOverlay {
			g := shifted(f, 0)
			g.names[0].Text = "Somewhere else"
			return g
		}, false},
		{"a line across", func(f fakeOverlay) fakeOverlay {
			g := shifted(f, 0)
			g.lines = append(g.lines, orb.LineString{{x - 200, y - 30}, {x + 200, y + 30}})
			return g
		}, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			counted := grid(x, y, 4, 14, 30)
			m := New(a, Options{Capitals: sahelCapitals, Towns: func() []Town { return testTowns }})
			m.UnnamedPlaces(draw.NewRaster(image.NewRGBA(image.Rect(0, 0, 1, 1))), v, counted)
			before := m.placement
			drawn := tc.change(counted)
			got := m.Render(nil, v, drawn)
			if reused := m.placement == before; reused != tc.reused {
				t.Errorf("placement reused %v, want %v", reused, tc.reused)
			}
			want := New(a, Options{Capitals: sahelCapitals, Towns: func() []Town { return testTowns }}).Render(nil, v, drawn)
			if !bytes.Equal(got.Pix, want.Pix) {
				t.Error("the frame differs from the one a new Map draws")
			}
		})
	}
}
