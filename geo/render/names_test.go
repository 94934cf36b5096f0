package render

import (
	"image"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/data/lang"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
)

func TestCanHold(t *testing.T) {
	b := orb.Bound{Min: orb.Point{10, 20}, Max: orb.Point{40, 30}} // 30×10
	cases := []struct {
		name string
		w, h float64
		want bool
	}{
		{"smaller", 20, 5, true},
		{"exactly", 30, 10, true},
		{"a rounding error wider", 30 + 1e-9, 10, true},
		{"wider", 30.01, 5, false},
		{"taller", 20, 10.01, false},
		{"both", 31, 11, false},
	}
	for _, tc := range cases {
		if got := canHold(b, tc.w, tc.h); got != tc.want {
			t.Errorf("%s: canHold(30×10, %g×%g) = %v, want %v", tc.name, tc.w, tc.h, got, tc.want)
		}
	}
}

// The country names the map leaves out of its labels before placing
// them (canHold) are names the placer would put at none of their spots,
// even on an empty frame; focus countries are never left out, and some
// names are, at a small page's scale.
func TestUnplaceableCountryNamesLeftOut(t *testing.T) {
	a := testAtlas(t)
	m := New(a, Options{Capitals: sahelCapitals})
	c := draw.NewRaster(image.NewRGBA(image.Rect(0, 0, 1, 1))) // a measurer
	left := 0
	for _, tc := range []struct {
		view  string
		scale float64
	}{{"sahel", 1}, {"sahel", 1.0 / 6}, {"world", 1.0 / 6}, {"mali", 1.0 / 6}} {
		b, err := geo.ViewBound(tc.view, a)
		if err != nil {
			t.Fatal(err)
		}
		v := geo.Fit(b, 1920, 1080, tc.scale)
		w, h := v.PixelSize()
		kept := map[string]bool{}
		for _, wd := range m.names.labels(v, c, nil) {
			if wd.country {
				kept[wd.Text] = true
			}
		}
		for _, pc := range a.Projected(v) {
			poly, _ := largest(pc.Polygons)
			if poly == nil {
				continue
			}
			st := draw.TextStyle{Size: sizeOther * v.DeviceScale()}
			cl := m.style.classOf(pc.Country.Code)
			switch cl {
			case classFocus:
				st.Size, st.Bold = sizeFocus*v.DeviceScale(), true
			case classNeighbour:
				st.Size = sizeNeighbour * v.DeviceScale()
			}
			text := lang.Current().Country(pc.Country.Code, pc.Country.Name)
			if kept[text] {
				continue
			}
			left++
			if cl == classFocus {
				t.Errorf("%s at scale %g: the focus country %s has no label", tc.view, tc.scale, text)
				continue
			}
			// The label as it would have been, on an empty frame.
			x, y := interiorPoint(poly)
			lb := Label{Text: text, X: x, Y: y, Style: st, Within: poly.Bound(), Else: innerSpots(poly, poly.Bound(), x, y)}
			for _, d := range [][2]float64{{0, -1.1}, {0, 1.1}, {-2, 0}, {2, 0}} {
				lb.Else = append(lb.Else, Spot{x + d[0]*st.Size, y + d[1]*st.Size, draw.AnchorCentre})
			}
			tw, th := c.MeasureText(text, st)
			if _, box, ok := newPlacer(w, h).spot(lb, tw, th, true, nil); ok {
				t.Errorf("%s at scale %g: %s left out, but it fits at %v", tc.view, tc.scale, text, box)
			}
		}
	}
	if left == 0 {
		t.Error("no country name was left out: the test tests nothing")
	}
}

// A country's spots inside its polygon, worked out only when placing
// needs them (placer.spotOf), give the spot found when they are listed
// from the start, on frames strewn with symbols and lines crossing the
// names' first spots.
func TestInnerSpotsWhenNeeded(t *testing.T) {
	a := testAtlas(t)
	m := New(a, Options{Capitals: sahelCapitals})
	c := draw.NewRaster(image.NewRGBA(image.Rect(0, 0, 1, 1)))
	inner := 0
	for _, tc := range []struct {
		view  string
		scale float64
	}{{"sahel", 1}, {"sahel", 1.0 / 6}, {"mali", 1}, {"world", 1.0 / 2}} {
		b, err := geo.ViewBound(tc.view, a)
		if err != nil {
			t.Fatal(err)
		}
		v := geo.Fit(b, 1920, 1080, tc.scale)
		w, h := v.PixelSize()
		for seed := range uint64(4) {
			r := rand.New(rand.NewPCG(seed, 7))
			p := newPlacer(w, h)
			for range 40 * int(seed) {
				x, y := r.Float64()*float64(w), r.Float64()*float64(h)
				p.addBox(box(x, y, 4+20*r.Float64()))
			}
			for _, wd := range m.names.labels(v, c, nil) {
				if wd.inner == nil {
					continue
				}
				// Lines through the name's first spots, each in turn, so
				// that some names find a clear spot only inside.
				if seed > 0 {
					x, y := wd.X, wd.Y
					p.addLine(orb.LineString{{x - 50, y + r.Float64()}, {x + 50, y - r.Float64()}})
				}
				eager := wd.Label
				eager.Else = append(slices.Clip(eager.Else), innerSpots(wd.inner.poly, eager.Within, eager.X, eager.Y)...)
				want, wantBox, wantOK := p.spot(eager, wd.w, wd.h, true, nil)
				got, gotBox, gotOK := p.spotOf(&wd, nil)
				if gotOK != wantOK || gotBox != wantBox || got.X != want.X || got.Y != want.Y || got.Style != want.Style {
					t.Fatalf("%s at scale %g, seed %d, %s: spot %v at %v,%v (%v), want %v at %v,%v (%v)", tc.view, tc.scale, seed, wd.Text,
						gotBox, got.X, got.Y, gotOK, wantBox, want.X, want.Y, wantOK)
				}
				if wantOK && !slices.Contains(append([]Spot{{wd.X, wd.Y, wd.Style.Anchor}}, wd.Else...), Spot{want.X, want.Y, want.Style.Anchor}) {
					inner++ // placed at a spot inside, worked out when needed
				}
			}
		}
	}
	if inner == 0 {
		t.Error("no name was placed at a spot inside its country: the test tests nothing")
	}
	t.Logf("%d names placed at a spot inside their country", inner)
}
