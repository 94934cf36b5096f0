package render

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"github.com/sahelatlas/sahelatlas/data/lang"
	"github.com/sahelatlas/sahelatlas/geo"
)

// box is the square of side size centred on x, y.
func box(x, y, size float64) orb.Bound {
	return orb.Bound{Min: orb.Point{x - size/2, y - size/2}, Max: orb.Point{x + size/2, y + size/2}}
}

// crossedBy reports whether a polyline of p passes through b.
func crossedBy(p []orb.LineString, b orb.Bound) bool {
	for _, l := range p {
		for i := 1; i < len(l); i++ {
			if segmentHitsBound(l[i-1], l[i], b) {
				return true
			}
		}
	}
	return false
}

// Issue 13 item 1: names are placed after the overlays, never over a
// symbol, and a name a line must cross is drawn after it, over a halo.
func TestNamesClearOfSymbolsAndLines(t *testing.T) {
	a := testAtlas(t)
	m := New(a, Options{Capitals: sahelCapitals, Towns: func() []Town { return testTowns }})
	v := view(t, a, "mali")
	bx, by := v.Project(orb.Point{-8.0029, 12.6392})   // Bamako
	gx, gy := v.Project(orb.Point{-1.6, 15.75})        // Gossi
	mx, my := v.Project(orb.Point{-2.0, 17.5})         // the middle of Mali
	ax, ay := v.Project(orb.Point{-0.04472, 16.27167}) // Gao
	w, h := v.PixelSize()

	var wall []orb.Bound // symbols all round Bamako, 14 px each, touching, 70 px across
	for dx := -2.0; dx <= 2; dx++ {
		for dy := -2.0; dy <= 2; dy++ {
			wall = append(wall, box(bx+dx*14, by+dy*14, 14))
		}
	}
	// Symbols 2 px apart all round Bamako, 78 px across: no room beside
	// it, but a short leader out (a wider crowd: see TestCrowdedNames).
	var crowd []orb.Bound
	for dx := -2.0; dx <= 2; dx++ {
		for dy := -2.0; dy <= 2; dy++ {
			crowd = append(crowd, box(bx+dx*16, by+dy*16, 14))
		}
	}
	var rows []orb.LineString // a line every 6 px across the frame
	for y := 0.0; y < float64(h); y += 6 {
		rows = append(rows, orb.LineString{{0, y}, {float64(w), y + 3}})
	}
	cases := []struct {
		name    string
		overlay fakeOverlay
		want    []string // names that must be drawn
		leader  bool     // a leader line must be drawn
	}{
		{"a symbol on Bamako", fakeOverlay{markers: []orb.Bound{box(bx, by, 16)}}, []string{"Bamako", "Mali", "Kidal"}, false},
		{"a symbol on Bamako and one touching it", fakeOverlay{markers: []orb.Bound{box(bx, by, 16), box(bx+14, by, 14)}}, []string{"Bamako"}, false},
		{"symbols all round Bamako: a short leader out", fakeOverlay{markers: wall}, []string{"Bamako"}, true},
		{"a crowd of symbols round Bamako", fakeOverlay{markers: crowd}, []string{"Bamako", "Mali"}, true},
		{"lines across every spot", fakeOverlay{lines: rows}, []string{"Mali", "Bamako", "Gao"}, false},
		{"a relation line through the middle of Mali", fakeOverlay{lines: []orb.LineString{{{bx, by}, {mx + 300, my - 300}}}}, []string{"Mali", "Bamako"}, false},
		{"an event at Gossi, no town there", fakeOverlay{
			markers: []orb.Bound{box(gx, gy, 14)},
			names:   []PlaceName{{Text: "Gossi", At: box(gx, gy, 14), Rank: -1}},
		}, []string{"Gossi"}, false},
		{"an event at Gao names the town once", fakeOverlay{
			markers: []orb.Bound{box(ax, ay, 14)},
			names:   []PlaceName{{Text: "Gao", At: box(ax, ay, 14), Rank: -1}},
		}, []string{"Gao"}, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rec := newRecorder(w, h)
			m.RenderTo(rec, v, tc.overlay)
			names := rec.texts("names")
			var got []string
			for _, n := range names {
				got = append(got, n.text)
			}
			for _, want := range tc.want {
				if c := strings.Count(strings.Join(got, "|")+"|", want+"|"); c != 1 {
					t.Errorf("%q drawn %d times, want once; names %q", want, c, got)
				}
			}
			namesAt := slices.IndexFunc(rec.ops, func(o op) bool { return o.kind == "text" && o.group == "names" })
			for i, o := range rec.ops {
				if o.group == "overlay" && i > namesAt {
					t.Fatalf("the overlay drew after the names (op %d, names from %d)", i, namesAt)
				}
			}
			for _, n := range names {
				inner := n.box.Pad(-0.5)
				for _, mk := range tc.overlay.markers {
					if inner.Intersects(mk) {
						t.Errorf("%q %v lies over a symbol %v", n.text, n.box, mk)
					}
				}
				if crossedBy(tc.overlay.lines, n.box) && (n.style.Halo.A == 0 || n.style.HaloWidth < 2.5) {
					t.Errorf("%q is struck through by a line without a halo (halo %v, width %.1f)", n.text, n.style.Halo, n.style.HaloWidth)
				}
			}
			for i := range names {
				for j := range i {
					if names[i].box.Intersects(names[j].box) {
						t.Errorf("%q %v overlaps %q %v", names[i].text, names[i].box, names[j].text, names[j].box)
					}
				}
			}
			leaders := slices.ContainsFunc(rec.ops, func(o op) bool { return o.group == "leaders" })
			if leaders != tc.leader {
				t.Errorf("leader line drawn = %v, want %v", leaders, tc.leader)
			}
		})
	}
}

// Issue 13 item 2: the far end of a line leaving the frame is named at
// the edge, inside the frame, beside where the line leaves, with an arrow
// pointing out.
func TestFarEndNamedAtEdge(t *testing.T) {
	a := testAtlas(t)
	m := New(a, Options{Capitals: sahelCapitals})
	v := view(t, a, "mali")
	w, h := v.PixelSize()
	bx, by := v.Project(orb.Point{-8.0029, 12.6392})
	cases := []struct {
		name string
		to   orb.Point // far outside the frame
		text string
	}{
		{"Moscow, off the top", orb.Point{bx + 900, -2000}, "↑ Moscow"},
		{"Washington, off the left", orb.Point{-3000, by - 600}, "← Washington"},
		{"Khartoum, off the right", orb.Point{float64(w) + 2500, by - 200}, "Khartoum →"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			line := orb.LineString{{bx, by}, tc.to}
			frame := orb.Bound{Max: orb.Point{float64(w), float64(h)}}
			var exit orb.Point
			for k := 1.0; k >= 0; k -= 0.0005 { // walk back from the far end to the frame
				p := orb.Point{bx + (tc.to[0]-bx)*k, by + (tc.to[1]-by)*k}
				if frame.Contains(p) {
					exit = p
					break
				}
			}
			name := strings.Trim(strings.Trim(tc.text, "↑←→ "), " ")
			ov := fakeOverlay{lines: []orb.LineString{line}, names: []PlaceName{{Text: name, At: box(exit[0], exit[1], 4), Edge: true}}}
			rec := newRecorder(w, h)
			m.RenderTo(rec, v, ov)
			var found *op
			for _, n := range rec.texts("names") {
				if n.text == tc.text {
					found = &n
				}
			}
			if found == nil {
				t.Fatalf("no name %q at the edge; names %v", tc.text, rec.texts("names"))
			}
			if !inside(found.box, frame) {
				t.Errorf("%q %v is not inside the frame", tc.text, found.box)
			}
			if d := planar.Distance(found.box.Center(), exit); d > 150 {
				t.Errorf("%q is %.0f px from where the line leaves the frame %v", tc.text, d, exit)
			}
		})
	}
}

// Towns are named by zoom: the seats of Mali's regions, however small,
// at a Mali frame, none at the Sahel or world frames.
func TestTownsByZoom(t *testing.T) {
	a := testAtlas(t)
	loads := 0
	m := New(a, Options{Capitals: sahelCapitals, Towns: func() []Town { loads++; return testTowns }})
	cases := []struct {
		view      string
		want, not []string
	}{
		{"world", nil, []string{"Kidal", "Gao"}},
		{"sahel", nil, []string{"Kidal", "Ménaka", "Gao", "Timbuktu"}},
		{"mali", []string{"Kidal", "Ménaka", "Gao", "Timbuktu"}, []string{"Tiny"}},
		{"mali in the window", []string{"Kidal", "Ménaka", "Gao", "Timbuktu"}, []string{"Tiny"}},
	}
	for _, tc := range cases {
		t.Run(tc.view, func(t *testing.T) {
			var v geo.Viewport
			if tc.view == "mali in the window" { // the map's part of a 1280×680 window
				b, err := geo.ViewBound("mali", a)
				if err != nil {
					t.Fatal(err)
				}
				v = geo.Fit(b, 860, 460, 1)
			} else {
				v = view(t, a, tc.view)
			}
			w, h := v.PixelSize()
			rec := newRecorder(w, h)
			m.RenderTo(rec, v)
			var got []string
			for _, n := range rec.texts("names") {
				got = append(got, n.text)
			}
			for _, want := range tc.want {
				if !slices.Contains(got, want) {
					t.Errorf("no %q in %q", want, got)
				}
			}
			for _, not := range tc.not {
				if slices.Contains(got, not) {
					t.Errorf("%q named at the %s zoom", not, tc.view)
				}
			}
			if !strings.HasPrefix(tc.view, "mali") && loads != 0 {
				t.Errorf("the towns were read for the %s frame, which names none", tc.view)
			}
		})
	}
	if loads != 1 {
		t.Errorf("the towns were read %d times, want once", loads)
	}
}

// Issue 13 item 9: the rivers and lakes are drawn under the symbols: the
// Niger at Mopti on a Mali frame, Lake Nasser's water on a Sudan frame,
// the coarse level on a Sahel frame, none on a world map.
func TestRiversDrawn(t *testing.T) {
	a := testAtlas(t)
	m := New(a, Options{})
	niger := orb.Point{-4.48081177996, 14.24805066} // a WDBII vertex of the Niger above Mopti
	cases := []struct {
		view         string
		rivers, lake bool
		near         *orb.Point // a river passes within 2 px
	}{
		{"mali", true, true, &niger},
		{"sudan", true, true, nil},
		{"sahel", true, true, nil},
		{"world", false, false, nil},
	}
	for _, tc := range cases {
		t.Run(tc.view, func(t *testing.T) {
			v := view(t, a, tc.view)
			w, h := v.PixelSize()
			rec := newRecorder(w, h)
			m.RenderTo(rec, v, fakeOverlay{markers: []orb.Bound{box(100, 100, 10)}})
			var strokes []orb.LineString
			fill, first := false, -1
			for i, o := range rec.ops {
				if o.group != "rivers" {
					continue
				}
				if first < 0 {
					first = i
				}
				if o.kind == "stroke" {
					strokes = append(strokes, o.path...)
				}
				fill = fill || o.kind == "fill"
			}
			if (len(strokes) > 0) != tc.rivers || fill != tc.lake {
				t.Fatalf("rivers drawn %v, lakes %v; want %v, %v", len(strokes) > 0, fill, tc.rivers, tc.lake)
			}
			if first >= 0 && first > slices.IndexFunc(rec.ops, func(o op) bool { return o.group == "overlay" }) {
				t.Error("the rivers are drawn over the symbols")
			}
			if tc.near != nil {
				x, y := v.Project(*tc.near)
				best := math.Inf(1)
				for _, s := range strokes {
					best = math.Min(best, planar.DistanceFrom(s, orb.Point{x, y}))
				}
				if best > 2 {
					t.Errorf("the nearest river passes %.1f px from the Niger at Mopti", best)
				}
			}
		})
	}
}

// TestNamesFollowTheLanguage: a viewport drawn again after the language
// changed names the countries in the new one, not from the names kept
// for it in the old.
func TestNamesFollowTheLanguage(t *testing.T) {
	a := testAtlas(t)
	m := New(a, Options{Capitals: sahelCapitals})
	v := view(t, a, "sahel")
	w, h := v.PixelSize()
	t.Cleanup(func() { lang.Set(lang.English) })
	for _, tc := range []struct {
		lang      lang.Tag
		want, not string
	}{
		{lang.English, "Sudan", "Soudan"},
		{lang.French, "Soudan", "Sudan"},
		{lang.English, "Sudan", "Soudan"},
	} {
		lang.Set(tc.lang)
		rec := newRecorder(w, h)
		m.RenderTo(rec, v)
		var got []string
		for _, n := range rec.texts("names") {
			got = append(got, n.text)
		}
		if !slices.Contains(got, tc.want) || slices.Contains(got, tc.not) {
			t.Errorf("in %s the names are %q, want %q and not %q", tc.lang, got, tc.want, tc.not)
		}
	}
}
