package render

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/geo/draw"
)

// crowd is a page of real data's worst case: n event symbols and
// clusters of 10 to 26 pixels, overlapping or a few pixels apart, over a
// disc of radius pixels round centre (as South Asia on a world map of a
// year of ACLED), and the names of their places, the first scattered the
// busiest. The symbols are scattered from a fixed seed, so every run
// draws the same page.
func crowd(centre orb.Point, radius float64, n int) fakeOverlay {
	r := rand.New(rand.NewPCG(13, uint64(n)))
	var f fakeOverlay
	for len(f.markers) < n {
		x := centre[0] + (r.Float64()*2-1)*radius
		y := centre[1] + (r.Float64()*2-1)*radius
		if (x-centre[0])*(x-centre[0])+(y-centre[1])*(y-centre[1]) > radius*radius {
			continue
		}
		b := box(x, y, 10+16*r.Float64())
		f.markers = append(f.markers, b)
		f.names = append(f.names, PlaceName{Text: fmt.Sprintf("Place %d", len(f.markers)), At: b, Rank: len(f.markers) - n - 1})
	}
	return f
}

// grid is n×n symbols of size px, step px apart, centred on x, y, each
// naming its place.
func grid(x, y float64, n int, size, step float64) fakeOverlay {
	var f fakeOverlay
	for i := range n {
		for j := range n {
			b := box(x+(float64(i)-float64(n-1)/2)*step, y+(float64(j)-float64(n-1)/2)*step, size)
			f.markers = append(f.markers, b)
			f.names = append(f.names, PlaceName{Text: fmt.Sprintf("Place %d", len(f.markers)), At: b, Rank: -len(f.markers)})
		}
	}
	return f
}

// join is the overlays' symbols and names together.
func join(fs ...fakeOverlay) fakeOverlay {
	var out fakeOverlay
	for _, f := range fs {
		out.markers = append(out.markers, f.markers...)
		out.lines = append(out.lines, f.lines...)
		out.names = append(out.names, f.names...)
	}
	for i := range out.names { // names unique across the parts
		out.names[i].Text = fmt.Sprintf("Place %d", i+1)
	}
	return out
}

// Issue 13 item 1 on crowded pages of real data: a name is set near what
// it names, beside it or on a leader line at most leaderReach of its
// heights long that crosses no name and no other leader, or it is left
// off and counted (Map.UnnamedPlaces); where there is room, every place
// is named.
func TestCrowdedNames(t *testing.T) {
	a := testAtlas(t)
	m := New(a, Options{Capitals: sahelCapitals, Towns: func() []Town { return testTowns }})
	v := view(t, a, "mali")
	w, h := v.PixelSize()
	bx, by := v.Project(orb.Point{-8.0029, 12.6392}) // Bamako
	cx, cy := bx+150, by-150
	cases := []struct {
		name    string
		overlay fakeOverlay
		named   []string // must be drawn
		unnamed []string // must not be drawn
		leaders bool     // at least one leader must be drawn
	}{
		{"a crowd of 400 symbols, South Asia on a world map", crowd(orb.Point{cx, cy}, 260, 400), nil, nil, false},
		{"a crowd of 150 symbols", crowd(orb.Point{cx, cy}, 200, 150), nil, nil, false},
		{"a grid of symbols 2 px apart, too wide for a short leader", grid(cx, cy, 9, 14, 16),
			[]string{"Place 1", "Place 9", "Place 73", "Place 81"}, []string{"Place 41"}, false},
		{"a small grid of symbols 2 px apart: short leaders out", grid(cx, cy, 3, 14, 16), []string{"Place 5"}, nil, true},
		{"places well apart are all named", grid(cx, cy, 4, 14, 160),
			[]string{"Place 1", "Place 2", "Place 3", "Place 4", "Place 5", "Place 6", "Place 7", "Place 8",
				"Place 9", "Place 10", "Place 11", "Place 12", "Place 13", "Place 14", "Place 15", "Place 16"}, nil, false},
		{"a lone place beside a crowd is named beside it", join(crowd(orb.Point{cx, cy}, 120, 200), grid(cx+300, cy, 1, 14, 0)),
			[]string{"Place 201"}, nil, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rec := newRecorder(w, h)
			m.RenderTo(rec, v, tc.overlay)
			at := map[string]orb.Bound{}
			for _, n := range tc.overlay.names {
				at[n.Text] = n.At
			}
			names := rec.texts("names")
			drawn := map[string]bool{}
			var high float64 // the tallest name
			for _, n := range names {
				drawn[n.text] = true
				high = max(high, n.box.Max[1]-n.box.Min[1])
			}
			reach := leaderReach * high
			var biggest float64
			for _, mk := range tc.overlay.markers {
				biggest = max(biggest, mk.Max[0]-mk.Min[0])
			}
			for _, want := range tc.named {
				if !drawn[want] {
					t.Errorf("%q is not named", want)
				}
			}
			for _, not := range tc.unnamed {
				if drawn[not] {
					t.Errorf("%q is named, in a crowd no short leader leaves", not)
				}
			}
			var leaders [][2]orb.Point
			for _, o := range rec.ops {
				if o.group == "leaders" && len(o.path) == 1 && len(o.path[0]) == 2 {
					l := [2]orb.Point{o.path[0][0], o.path[0][1]}
					if !slices.Contains(leaders, l) { // each is stroked twice: casing, line
						leaders = append(leaders, l)
					}
				}
			}
			sites := 0
			for _, n := range names {
				f, ok := at[n.text]
				if !ok {
					continue
				}
				sites++
				// Beside its place (or a small group of symbols round
				// it), or at the end of a short leader.
				far := groupReach*high + biggest/2 // beside a symbol over the place
				if slices.ContainsFunc(leaders, func(l [2]orb.Point) bool { return n.box.Pad(1.5).Contains(l[1]) }) {
					far = reach + 2*labelGap
				}
				if d := boxGap(n.box, f); d > far {
					t.Errorf("%q %v is %.0f px from its place %v, further than %.0f", n.text, n.box, d, f, far)
				}
				for _, mk := range tc.overlay.markers {
					if n.box.Pad(-0.5).Intersects(mk) {
						t.Errorf("%q %v lies over a symbol %v", n.text, n.box, mk)
					}
				}
			}
			if got, want := m.UnnamedPlaces(rec, v, tc.overlay), len(tc.overlay.names)-sites; got != want {
				t.Errorf("UnnamedPlaces = %d, want %d (%d of %d places named)", got, want, sites, len(tc.overlay.names))
			}
			if tc.leaders && len(leaders) == 0 {
				t.Error("no leader line drawn")
			}
			for i, l := range leaders {
				if n := math.Hypot(l[1][0]-l[0][0], l[1][1]-l[0][1]); n > reach {
					t.Errorf("leader %v is %.0f px long, longer than %.0f", l, n, reach)
				}
				for _, n := range names {
					if segmentHitsBound(l[0], l[1], n.box) {
						t.Errorf("leader %v crosses %q %v", l, n.text, n.box)
					}
				}
				for _, k := range leaders[:i] {
					if segmentsMeet(l[0], l[1], k[0], k[1]) {
						t.Errorf("leaders %v and %v cross", l, k)
					}
				}
			}
			t.Logf("%d of %d places named, %d leaders", sites, len(tc.overlay.names), len(leaders))
		})
	}
}

// BenchmarkNamesCrowded places and draws the names of a Mali frame over
// a crowd of 400 symbols, each asking for its place's name, as a page of
// a year of real data does.
func BenchmarkNamesCrowded(b *testing.B) {
	a := testAtlas(b)
	v := view(b, a, "mali")
	m := New(a, Options{Capitals: sahelCapitals, Towns: func() []Town { return testTowns }})
	bx, by := v.Project(orb.Point{-8.0029, 12.6392}) // Bamako
	ov := crowd(orb.Point{bx + 150, by - 150}, 260, 400)
	r := draw.NewRaster(m.Render(nil, v))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		drawNames(r, v, m.placeNames(r, v, []Layer{ov}))
	}
}
