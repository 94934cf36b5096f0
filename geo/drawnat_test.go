package geo

import (
	"math"
	"testing"

	"github.com/paulmach/orb"

	"github.com/sahelatlas/sahelatlas/assets"
)

// drawnAtViews are the views DrawnAt is checked in: the window's presets,
// on a HiDPI screen and in a small window, and zoomed in beyond the levels
// file (Bamako at zoom 9, drawn from the full boundaries).
var drawnAtViews = []struct {
	name     string
	view     string
	w, h     int
	scale    float64
	zoomTo   float64 // 0: the view fitted
	inLevels bool    // the levels file holds its level
}{
	{"sahel 1920×1080", "sahel", 1920, 1080, 1, 0, true},
	{"sahel 1400×900 HiDPI", "sahel", 1400, 900, 2, 0, true},
	{"sahel 320×180", "sahel", 320, 180, 1, 0, true},
	{"world 1920×1080", "world", 1920, 1080, 1, 0, true},
	{"mali 856×578", "mali", 856, 578, 1, 0, true},
	{"Bamako zoom 9", "mali", 1200, 800, 1, 9, false},
}

func drawnAtView(t *testing.T, a *Atlas, i int) Viewport {
	t.Helper()
	c := drawnAtViews[i]
	b, err := ViewBound(c.view, a)
	if err != nil {
		t.Fatal(err)
	}
	v := Fit(b, c.w, c.h, c.scale)
	if c.zoomTo > 0 {
		v.Center, v.Zoom = orb.Point{-8.0029, 12.6392}, c.zoomTo
	}
	return v
}

// TestDrawnAt: away from borders, the country drawn under a point is the
// one At finds, in every view; at sea and at NaN it is none.
func TestDrawnAt(t *testing.T) {
	a := testAtlas(t)
	cases := []struct {
		name string
		p    orb.Point
		want string // "" for sea
	}{
		{"Bamako", orb.Point{-8.0029, 12.6392}, "MLI"},
		{"Port Sudan", orb.Point{37.2164, 19.6158}, "SDN"},
		{"Paris", orb.Point{2.3522, 48.8566}, "FRA"},
		{"Niamey", orb.Point{2.1254, 13.5116}, "NER"},
		{"Abidjan", orb.Point{-4.0083, 5.3600}, "CIV"},
		{"Khartoum", orb.Point{32.5599, 15.5007}, "SDN"},
		{"Timbuktu", orb.Point{-3.0026, 16.7735}, "MLI"},
		{"N'Djamena", orb.Point{15.0444, 12.1348}, "TCD"},
		{"Chukotka west of 180°", orb.Point{175, 67}, "RUS"},
		{"Chukotka east of 180°", orb.Point{-172, 66}, "RUS"},
		{"Atlantic", orb.Point{-30, 20}, ""},
		{"Gulf of Guinea", orb.Point{2, 2}, ""},
		{"NaN latitude", orb.Point{-8, math.NaN()}, ""},
		{"infinite longitude", orb.Point{math.Inf(-1), 12.6}, ""},
	}
	for i, vc := range drawnAtViews {
		v := drawnAtView(t, a, i)
		for _, tc := range cases {
			got := a.DrawnAt(v, tc.p)
			switch {
			case tc.want == "" && got != nil:
				t.Errorf("%s: DrawnAt(%s %v) = %s, want nil (sea)", vc.name, tc.name, tc.p, got.Code)
			case tc.want != "" && (got == nil || got.Code != tc.want):
				t.Errorf("%s: DrawnAt(%s %v) = %v, want %s", vc.name, tc.name, tc.p, got, tc.want)
			}
		}
	}
}

// TestDrawnAtWithinAPixel: on a grid of device pixels over each view,
// where DrawnAt and At disagree the point is within three device pixels
// of a point where At agrees with DrawnAt: the drawn border is at most a
// pixel or two from the exact one.
func TestDrawnAtWithinAPixel(t *testing.T) {
	a := testAtlas(t)
	for i, vc := range drawnAtViews {
		v := drawnAtView(t, a, i)
		w, h := v.PixelSize()
		stride := max(w, h) / 60
		s := v.DeviceScale()
		checked, differ := 0, 0
		for y := stride / 2; y < h; y += stride {
			for x := stride / 2; x < w; x += stride {
				p := v.Unproject(float64(x)/s, float64(y)/s)
				if math.Abs(p[1]) > 84 {
					continue
				}
				checked++
				got, exact := a.DrawnAt(v, p), a.At(p)
				if got == exact {
					continue
				}
				differ++
				if !nearby(a, v, x, y, got) {
					t.Errorf("%s: at pixel %d,%d (%v) DrawnAt says %v, At %v, and At says %v nowhere within 3 pixels", vc.name, x, y, p, got, exact, got)
				}
			}
		}
		if checked < 1000 {
			t.Errorf("%s: only %d pixels checked", vc.name, checked)
		}
		t.Logf("%s: %d of %d pixels differ from At, each within 3 pixels of a border", vc.name, differ, checked)
	}
}

// nearby reports whether At finds want at some point within three device
// pixels of device pixel x, y in v.
func nearby(a *Atlas, v Viewport, x, y int, want *Country) bool {
	s := v.DeviceScale()
	for r := 0.5; r <= 3; r += 0.5 {
		for k := range 16 {
			angle := float64(k) * math.Pi / 8
			p := v.Unproject((float64(x)+r*math.Cos(angle))/s, (float64(y)+r*math.Sin(angle))/s)
			if a.At(p) == want {
				return true
			}
		}
	}
	return false
}

// TestDrawnAtKeepsTheBoundariesEncoded: finding the country under the
// pointer in the views the levels file holds does not decode the full
// boundaries (11 MB, and 9 MB more of At's ring indexes, kept for good).
func TestDrawnAtKeepsTheBoundariesEncoded(t *testing.T) {
	decodes := 0
	files := func(scale string) []byte {
		decodes++
		return assets.Boundaries(scale)
	}
	a, err := loadAtlas(files, assets.Levels())
	if err != nil {
		t.Fatal(err)
	}
	for i, vc := range drawnAtViews {
		if !vc.inLevels {
			continue
		}
		v := drawnAtView(t, a, i)
		if c := a.DrawnAt(v, orb.Point{-8.0029, 12.6392}); c == nil || c.Code != "MLI" {
			t.Errorf("%s: DrawnAt(Bamako) = %v, want Mali", vc.name, c)
		}
		w, h := v.PixelSize()
		for y := 0; y < h; y += 17 {
			for x := 0; x < w; x += 17 {
				a.DrawnAt(v, v.Unproject(float64(x)/v.DeviceScale(), float64(y)/v.DeviceScale()))
			}
		}
	}
	if decodes != 0 || a.BoundariesDecoded() {
		t.Errorf("DrawnAt decoded the boundaries (%d files read) in views the levels file holds", decodes)
	}
	i := len(drawnAtViews) - 1 // zoomed in beyond the levels file
	if c := a.DrawnAt(drawnAtView(t, a, i), orb.Point{-8.0029, 12.6392}); c == nil || c.Code != "MLI" {
		t.Errorf("%s: DrawnAt(Bamako) = %v, want Mali", drawnAtViews[i].name, c)
	}
	if !a.BoundariesDecoded() {
		t.Errorf("%s: DrawnAt found Bamako without the boundaries, which the levels file does not hold at that zoom", drawnAtViews[i].name)
	}
}

func BenchmarkDrawnAt(b *testing.B) {
	a := testAtlas(b)
	bound, err := ViewBound("sahel", a)
	if err != nil {
		b.Fatal(err)
	}
	v := Fit(bound, 1920, 1080, 1)
	points := []orb.Point{{-8.0029, 12.6392}, {37.2164, 19.6158}, {2.3522, 48.8566}, {2.1254, 13.5116}, {-30, 20}, {40, 45}}
	a.DrawnAt(v, points[0])
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		a.DrawnAt(v, points[i%len(points)])
	}
}
