package scene

import (
	"image"
	"image/color"
	"slices"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/lang"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
	"github.com/sahelatlas/sahelatlas/geo/layout"
)

// drawn is a marker or a text a pageRecorder saw, in page pixels.
type drawn struct {
	group string
	text  string // "" for a marker
	box   orb.Bound
	order int
}

// pageRecorder is a canvas that keeps the boxes of markers and texts in
// page pixels, moving them by the frames it is given as the real
// canvases do, and the group each was drawn in.
type pageRecorder struct {
	w, h    int
	meas    *draw.Raster
	groups  []string
	origins []image.Point
	sizes   []image.Point
	items   []drawn
}

func newPageRecorder(w, h int) *pageRecorder {
	return &pageRecorder{w: w, h: h, meas: draw.NewRaster(image.NewRGBA(image.Rect(0, 0, 1, 1)))}
}

func (r *pageRecorder) origin() (float64, float64) {
	if len(r.origins) == 0 {
		return 0, 0
	}
	o := r.origins[len(r.origins)-1]
	return float64(o.X), float64(o.Y)
}

func (r *pageRecorder) add(text string, b orb.Bound) {
	g := strings.Join(r.groups, "/")
	ox, oy := r.origin()
	b = orb.Bound{Min: orb.Point{b.Min[0] + ox, b.Min[1] + oy}, Max: orb.Point{b.Max[0] + ox, b.Max[1] + oy}}
	r.items = append(r.items, drawn{group: g, text: text, box: b, order: len(r.items)})
}

func (r *pageRecorder) Size() (int, int) {
	if len(r.sizes) > 0 {
		s := r.sizes[len(r.sizes)-1]
		return s.X, s.Y
	}
	return r.w, r.h
}
func (r *pageRecorder) BeginGroup(name string) { r.groups = append(r.groups, name) }
func (r *pageRecorder) EndGroup()              { r.groups = r.groups[:len(r.groups)-1] }
func (r *pageRecorder) BeginFrame(x, y, w, h int) {
	ox, oy := r.origin()
	r.origins = append(r.origins, image.Pt(int(ox)+x, int(oy)+y))
	r.sizes = append(r.sizes, image.Pt(w, h))
}
func (r *pageRecorder) EndFrame() {
	r.origins, r.sizes = r.origins[:len(r.origins)-1], r.sizes[:len(r.sizes)-1]
}
func (r *pageRecorder) FillPath(draw.Path, color.RGBA)            {}
func (r *pageRecorder) StrokePath(draw.Path, float64, color.RGBA) {}
func (r *pageRecorder) Marker(x, y float64, m draw.Marker) {
	s := m.Size / 2
	r.add("", orb.Bound{Min: orb.Point{x - s, y - s}, Max: orb.Point{x + s, y + s}})
}
func (r *pageRecorder) Text(x, y float64, s string, st draw.TextStyle) {
	w, h := r.meas.MeasureText(s, st)
	x0 := x - w/2
	switch st.Anchor {
	case draw.AnchorLeft:
		x0 = x
	case draw.AnchorRight:
		x0 = x - w
	}
	r.add(s, orb.Bound{Min: orb.Point{x0, y - h/2}, Max: orb.Point{x0 + w, y + h/2}})
}
func (r *pageRecorder) MeasureText(s string, st draw.TextStyle) (float64, float64) {
	return r.meas.MeasureText(s, st)
}

// Issue 13 items 1 and 2 on a page: the places of the events shown are
// named, whatever their population, towns appear at a Mali frame, the far
// ends of lines leaving the frame are named, and no name lies under an
// event's symbol or under the legend, the scale bar or the north arrow.
func TestPageNames(t *testing.T) {
	s := testScene(t)
	cases := []struct {
		name     string
		view     string
		from, to data.Date
		want     []string // names drawn (a far end's with its arrow)
	}{
		{"Sahel 2025", "sahel", data.D(2025, 1, 1), data.D(2025, 12, 31), []string{"Port Sudan", "Bamako", "Khartoum", "Paris", "↑ Moscow", "← Washington, D.C."}},
		{"the world, 2025", "world", data.D(2025, 1, 1), data.D(2025, 12, 31), []string{"Mali", "Sudan", "France", "Bamako", "Port Sudan", "Dodoma"}},
		{"Mali 2020-2025", "mali", data.D(2020, 1, 1), data.D(2025, 12, 31), []string{"Gossi", "Niamey", "Ouagadougou", "Kidal", "Ménaka", "Gao", "Timbuktu", "↑ Moscow"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b, err := geo.ViewBound(tc.view, s.Atlas)
			if err != nil {
				t.Fatal(err)
			}
			o, err := Snapshot{Bound: b, From: tc.from, To: tc.to, Layout: layout.Options{Title: tc.name}}.Complete(s, "x.png")
			if err != nil {
				t.Fatal(err)
			}
			f, err := newFramer(s, o)
			if err != nil {
				t.Fatal(err)
			}
			rec := newPageRecorder(o.Width, o.Height)
			f.draw(rec, o.From, o.To)
			var names, symbols, furniture []drawn
			for _, d := range rec.items {
				switch {
				case strings.HasSuffix(d.group, "/names"):
					names = append(names, d)
				case strings.HasSuffix(d.group, "/events") && d.text == "":
					symbols = append(symbols, d)
				case d.group == "legend" || d.group == "scale" || d.group == "north":
					furniture = append(furniture, d)
				}
			}
			if len(symbols) == 0 || len(furniture) == 0 {
				t.Fatalf("%d symbols and %d pieces of furniture recorded: the groups moved?", len(symbols), len(furniture))
			}
			var got []string
			for _, n := range names {
				got = append(got, n.text)
			}
			for _, w := range tc.want {
				if !slices.Contains(got, w) {
					t.Errorf("no name %q; names %q", w, got)
				}
			}
			for _, n := range names {
				inner := n.box.Pad(-0.5)
				for _, sym := range symbols {
					if inner.Intersects(sym.box) {
						t.Errorf("%q %v lies over an event's symbol %v", n.text, n.box, sym.box)
					}
					if sym.order > n.order {
						t.Fatalf("a symbol is drawn after the name %q", n.text)
					}
				}
				for _, fu := range furniture {
					if inner.Intersects(fu.box) {
						t.Errorf("%q %v lies under the page's %s %v", n.text, n.box, fu.group, fu.box)
					}
				}
			}
		})
	}
}

// Issue 13 item 1 on crowded pages: a page whose events crowd part of the
// map leaves the places it cannot name near their symbols unnamed, and
// its note says how many, as counted on the frame drawn; a page with room
// for every name says nothing.
func TestPageSaysUnnamedPlaces(t *testing.T) {
	seed := testScene(t)
	crowded := seed.WithData(data.SyntheticEvents(20_000, 7))
	cases := []struct {
		name     string
		scene    *Scene
		view     string
		from, to data.Date
		unnamed  bool
	}{
		{"the seed data, Sahel 2025", seed, "sahel", data.D(2025, 1, 1), data.D(2025, 12, 31), false},
		{"a month of 20,000 events, Sahel", crowded, "sahel", data.D(2010, 3, 1), data.D(2010, 3, 31), true},
		{"a month of 20,000 events, world", crowded, "world", data.D(2010, 3, 1), data.D(2010, 3, 31), true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b, err := geo.ViewBound(tc.view, tc.scene.Atlas)
			if err != nil {
				t.Fatal(err)
			}
			o, err := Snapshot{Bound: b, From: tc.from, To: tc.to}.Complete(tc.scene, "x.png")
			if err != nil {
				t.Fatal(err)
			}
			f, err := newFramer(tc.scene, o)
			if err != nil {
				t.Fatal(err)
			}
			rec := newPageRecorder(o.Width, o.Height)
			page, v := f.page(rec, o.From, o.To)
			overlays, _ := f.mapOverlays(rec, page, v)
			n := tc.scene.Map.UnnamedPlaces(rec, v, overlays...)
			sentence := ""
			if n > 0 {
				sentence = lang.Current().Plural("page.unnamed", n)
			}
			switch {
			case tc.unnamed && n == 0:
				t.Fatalf("no place left unnamed on a crowded page; note %q", page.Options.Note)
			case !tc.unnamed && n > 0:
				t.Errorf("%d places left unnamed on a page with room; note %q", n, page.Options.Note)
			case n > 0 && !strings.Contains(page.Options.Note, sentence):
				t.Errorf("the note %q does not say %q", page.Options.Note, sentence)
			case n == 0 && strings.Contains(page.Options.Note, strings.TrimPrefix(lang.Current().Plural("page.unnamed", 2), "2 ")):
				t.Errorf("the note %q counts unnamed places on a page that names them all", page.Options.Note)
			}
		})
	}
}
