package render

import (
	"image"
	"image/color"
	"sync"
	"testing"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
)

var (
	atlasOnce sync.Once
	atlas     *geo.Atlas
	atlasErr  error
)

// testAtlas loads the embedded atlas once for all tests.
func testAtlas(t testing.TB) *geo.Atlas {
	t.Helper()
	atlasOnce.Do(func() { atlas, atlasErr = geo.LoadAtlas() })
	if atlasErr != nil {
		t.Fatal(atlasErr)
	}
	return atlas
}

// view is the named view fitted to 1920×1080.
func view(t testing.TB, a *geo.Atlas, name string) geo.Viewport {
	t.Helper()
	b, err := geo.ViewBound(name, a)
	if err != nil {
		t.Fatal(err)
	}
	return geo.Fit(b, 1920, 1080, 1)
}

func TestRenderCountryColours(t *testing.T) {
	a := testAtlas(t)
	cases := []struct {
		name  string
		view  string
		point orb.Point // lon, lat
		want  color.RGBA
	}{
		{"Bamako is in Mali", "sahel", orb.Point{-8.0029, 12.6392}, ColourMali},
		{"central Sudan", "sahel", orb.Point{30.0, 14.0}, ColourSudan},
		{"central France", "sahel", orb.Point{0.5, 44.5}, ColourFrance},
		{"Niger neighbours Mali", "sahel", orb.Point{8.0, 16.0}, ColourNeighbour},
		{"Chad neighbours Sudan", "sahel", orb.Point{16.0, 12.0}, ColourNeighbour},
		{"Brazil borders French Guiana", "world", orb.Point{-45.0, -5.0}, ColourNeighbour},
		{"Kazakhstan is neither", "world", orb.Point{73.0, 50.0}, ColourLand},
		{"Australia is neither", "world", orb.Point{122.0, -26.0}, ColourLand},
		{"the Mediterranean", "sahel", orb.Point{18.0, 34.0}, ColourSea},
		{"the Atlantic", "world", orb.Point{-35.0, 30.0}, ColourSea},
	}
	m := New(a, Options{}) // no capitals: their dots would cover Bamako
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			v := view(t, a, tc.view)
			x, y := v.Project(tc.point)
			px, py := int(x), int(y)
			// A country's name may be drawn over its fill: make sure the
			// probe is not under one, so the test checks the fill.
			for _, n := range m.placeNames(draw.NewRaster(image.NewRGBA(image.Rect(0, 0, 1920, 1080))), v, nil) {
				if n.box.Pad(3).Contains(orb.Point{x, y}) {
					t.Fatalf("probe %v lies under a label %v: pick another point", tc.point, n.box)
				}
			}
			if got := m.Render(nil, v).RGBAAt(px, py); got != tc.want {
				t.Errorf("pixel (%d, %d) at %v = %v, want %v", px, py, tc.point, got, tc.want)
			}
		})
	}
}

func TestRenderCapitals(t *testing.T) {
	a := testAtlas(t)
	v := view(t, a, "sahel")
	bamako := Place{"Bamako", orb.Point{-8.0029, 12.6392}, "MLI"}
	brasilia := Place{"Brasília", orb.Point{-47.9292, -15.7797}, "BRA"}
	canberra := Place{"Canberra", orb.Point{149.1281, -35.2835}, "AUS"}
	m := New(a, Options{Capitals: []Place{bamako, brasilia, canberra}})
	img := m.Render(nil, v)
	x, y := v.Project(bamako.Point)
	if got := img.RGBAAt(int(x), int(y)); got != ColourCapital {
		t.Errorf("pixel at Bamako = %v, want the capital dot %v", got, ColourCapital)
	}
	// The country under the dot is still Mali, a few pixels away.
	if got := img.RGBAAt(int(x), int(y)+8); got != ColourMali {
		t.Errorf("pixel 8 px below Bamako = %v, want Mali %v", got, ColourMali)
	}
	names := &namesLayer{atlas: a, style: newStyle(a, Options{}), capitals: m.names.capitals}
	dots, _ := names.capitalDots(view(t, a, "world"), 1920, 1080)
	var got []string
	for _, d := range dots {
		got = append(got, d.place.Name)
	}
	// Brazil borders France through French Guiana; Australia borders none.
	if len(got) != 2 || got[0] != "Bamako" || got[1] != "Brasília" {
		t.Errorf("capitals drawn in the world view = %v, want [Bamako Brasília]", got)
	}
}

// fixedMeasurer measures every character as 10×20 pixels.
type fixedMeasurer struct{}

func (fixedMeasurer) MeasureText(s string, _ draw.TextStyle) (w, h float64) {
	return 10 * float64(len([]rune(s))), 20
}

func TestPlaceLabels(t *testing.T) {
	centre := func(text string, x, y float64) Label { return Label{Text: text, X: x, Y: y} }
	cases := []struct {
		name      string
		labels    []Label
		obstacles []orb.Bound
		want      []string
	}{
		{"apart", []Label{centre("Mali", 100, 100), centre("Niger", 300, 100)}, nil, []string{"Mali", "Niger"}},
		{"overlapping: first wins", []Label{centre("Mali", 100, 100), centre("Niger", 120, 110)}, nil, []string{"Mali"}},
		{"off screen", []Label{centre("Sudan", 5, 100), centre("Chad", 100, 395)}, nil, nil},
		{"too big for its country", []Label{{Text: "Burkina Faso", X: 100, Y: 100, Within: orb.Bound{Min: orb.Point{60, 80}, Max: orb.Point{140, 120}}}}, nil, nil},
		{"fits its country", []Label{{Text: "Togo", X: 100, Y: 100, Within: orb.Bound{Min: orb.Point{60, 80}, Max: orb.Point{140, 120}}}}, nil, []string{"Togo"}},
		{"blocked by a dot", []Label{centre("Bamako", 100, 100)}, []orb.Bound{{Min: orb.Point{98, 98}, Max: orb.Point{102, 102}}}, nil},
		{"left anchor clears its dot", []Label{{Text: "Bamako", X: 106, Y: 100, Style: draw.TextStyle{Anchor: draw.AnchorLeft}}}, []orb.Bound{{Min: orb.Point{97, 97}, Max: orb.Point{103, 103}}}, []string{"Bamako"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			kept, boxes := PlaceLabels(fixedMeasurer{}, 400, 400, tc.labels, tc.obstacles)
			var got []string
			for _, l := range kept {
				got = append(got, l.Text)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("placed %v, want %v", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Fatalf("placed %v, want %v", got, tc.want)
				}
			}
			if len(boxes) != len(kept) {
				t.Errorf("%d boxes for %d labels", len(boxes), len(kept))
			}
		})
	}
}

func TestLabelsNeverOverlap(t *testing.T) {
	a := testAtlas(t)
	capitals := []Place{{"Bamako", orb.Point{-8.0029, 12.6392}, "MLI"}, {"Niamey", orb.Point{2.1098, 13.5137}, "NER"}, {"Khartoum", orb.Point{32.5342, 15.5518}, "SDN"}, {"Paris", orb.Point{2.3488, 48.8534}, "FRA"}}
	m := New(a, Options{Capitals: capitals, Towns: func() []Town { return testTowns }})
	measure := draw.NewRaster(image.NewRGBA(image.Rect(0, 0, 1920, 1080)))
	for _, name := range []string{"sahel", "world", "mali", "sudan", "france"} {
		t.Run(name, func(t *testing.T) {
			v := view(t, a, name)
			_, dotBoxes := m.names.capitalDots(v, 1920, 1080)
			kept := m.placeNames(measure, v, nil)
			if len(kept) < 3 {
				t.Fatalf("only %d labels placed", len(kept))
			}
			for i := range kept {
				for j := range i {
					if kept[i].box.Intersects(kept[j].box) {
						t.Errorf("%q %v overlaps %q %v", kept[i].Text, kept[i].box, kept[j].Text, kept[j].box)
					}
				}
				for _, d := range dotBoxes {
					if kept[i].box.Intersects(d) {
						t.Errorf("%q covers a capital dot", kept[i].Text)
					}
				}
			}
			if name == "sahel" {
				for _, want := range []string{"Mali", "Sudan", "France", "Bamako", "Khartoum"} {
					found := false
					for _, l := range kept {
						found = found || l.Text == want
					}
					if !found {
						t.Errorf("no label %q in the Sahel view", want)
					}
				}
			}
		})
	}
}

func TestInteriorPoint(t *testing.T) {
	// A U shape whose centroid falls in the gap between its arms.
	u := orb.Polygon{{{0, 0}, {30, 0}, {30, 30}, {20, 30}, {20, 10}, {10, 10}, {10, 30}, {0, 30}, {0, 0}}}
	x, y := interiorPoint(u)
	if p := (orb.Point{x, y}); !insidePolygon(u, p) {
		t.Errorf("interiorPoint of a U = %v, outside it", p)
	}
	sq := orb.Polygon{{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}}
	if x, y := interiorPoint(sq); x != 5 || y != 5 {
		t.Errorf("interiorPoint of a square = %v, %v, want its centre 5, 5", x, y)
	}
}

// cachedBase is the cached base image of v, or nil.
func cachedBase(m *Map, v geo.Viewport) *image.RGBA {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, b := range m.cache {
		if b.view == v {
			return b.img
		}
	}
	return nil
}

func TestBaseCacheReused(t *testing.T) {
	a := testAtlas(t)
	m := New(a, Options{})
	v := view(t, a, "sahel")
	first := m.Render(nil, v)
	base := cachedBase(m, v)
	if base == nil {
		t.Fatal("no base image cached after a raster render")
	}
	overlayDraws := 0
	dot := LayerFunc(func(c draw.Canvas, v geo.Viewport) {
		overlayDraws++
		c.Marker(960, 540, draw.Marker{Shape: draw.Square, Size: 10, Fill: color.RGBA{0, 0, 0, 255}})
	})
	second := m.Render(nil, v, dot)
	if cachedBase(m, v) != base {
		t.Error("the base image of an unchanged viewport was drawn again")
	}
	if overlayDraws != 1 {
		t.Errorf("overlay drawn %d times, want 1", overlayDraws)
	}
	if got := second.RGBAAt(960, 540); got != (color.RGBA{0, 0, 0, 255}) {
		t.Errorf("overlay pixel = %v, want black", got)
	}
	if first.RGBAAt(960, 540) == (color.RGBA{0, 0, 0, 255}) || base.RGBAAt(960, 540) == (color.RGBA{0, 0, 0, 255}) {
		t.Error("the overlay reached an image returned earlier or the cached base")
	}
	// Two viewports (the window's and an export's) are cached side by side.
	other := v.Pan(10, 0)
	m.Render(nil, other)
	if cachedBase(m, v) != base || cachedBase(m, other) == nil {
		t.Error("a second viewport evicted the first")
	}
	m.Render(nil, v.Pan(20, 0))
	if cachedBase(m, other) == nil || cachedBase(m, v) != nil {
		t.Error("a third viewport should evict the least recently used one")
	}
}

// A frame within a page, on a raster, gets the cached base map at the
// frame's corner, as the same map drawn on its own.
func TestRenderToFrame(t *testing.T) {
	a := testAtlas(t)
	m := New(a, Options{})
	v := geo.Fit(a.Country("MLI").Bound, 400, 300, 1)
	alone := m.Render(nil, v)
	page := image.NewRGBA(image.Rect(0, 0, 600, 500))
	r := draw.NewRaster(page)
	r.BeginFrame(100, 150, 400, 300)
	m.RenderTo(r, v)
	r.EndFrame()
	for _, p := range []image.Point{{0, 0}, {200, 150}, {399, 299}} {
		if got, want := page.RGBAAt(100+p.X, 150+p.Y), alone.RGBAAt(p.X, p.Y); got != want {
			t.Errorf("page pixel at frame %v = %v, want %v", p, got, want)
		}
	}
	if got := page.RGBAAt(50, 50); got != (color.RGBA{}) {
		t.Errorf("pixel outside the frame = %v, want untouched", got)
	}
}

func TestRenderConcurrent(t *testing.T) {
	a := testAtlas(t)
	m := New(a, Options{})
	v := view(t, a, "mali")
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			img := m.Render(nil, v.Pan(float64(i%3), 0))
			if img.Bounds().Dx() != 1920 {
				t.Errorf("image %d wide", img.Bounds().Dx())
			}
		}()
	}
	wg.Wait()
}

func TestPlaceLabelsElse(t *testing.T) {
	dot := orb.Bound{Min: orb.Point{97, 97}, Max: orb.Point{103, 103}}
	l := Label{Text: "Sudan", X: 100, Y: 100, Else: []Spot{{100, 60, draw.AnchorCentre}, {100, 140, draw.AnchorLeft}}}
	kept, boxes := PlaceLabels(fixedMeasurer{}, 400, 400, []Label{l}, []orb.Bound{dot})
	if len(kept) != 1 || kept[0].X != 100 || kept[0].Y != 60 {
		t.Fatalf("placed %+v, want Sudan moved to its first other spot, 100, 60", kept)
	}
	if want := (orb.Bound{Min: orb.Point{75, 50}, Max: orb.Point{125, 70}}); boxes[0] != want {
		t.Errorf("box %v, want %v", boxes[0], want)
	}
}

func TestRenderReusesImage(t *testing.T) {
	a := testAtlas(t)
	m := New(a, Options{})
	v := view(t, a, "mali")
	w, h := v.PixelSize()
	buf := image.NewRGBA(image.Rect(0, 0, w, h))
	if got := m.Render(buf, v); got != buf {
		t.Error("Render allocated although dst had the right size")
	}
	if got := buf.RGBAAt(0, 0); got == (color.RGBA{}) {
		t.Error("Render left dst blank")
	}
	small := image.NewRGBA(image.Rect(0, 0, 10, 10))
	if got := m.Render(small, v); got == small || got.Rect.Dx() != w {
		t.Errorf("Render into a %v image returned %v, want a new %dx%d image", small.Rect, got.Rect, w, h)
	}
}
