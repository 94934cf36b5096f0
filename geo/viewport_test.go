package geo

import (
	"math"
	"testing"

	"github.com/paulmach/orb"
)

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func TestProjectUnproject(t *testing.T) {
	views := []Viewport{
		{Center: orb.Point{0, 0}, Zoom: 0, Width: 256, Height: 256},
		{Center: orb.Point{12.5, 27.5}, Zoom: 4.6, Width: 1920, Height: 1080},
		{Center: orb.Point{-8, 12.6}, Zoom: 11.3, Width: 800, Height: 600, Scale: 2},
		{Center: orb.Point{179, -70}, Zoom: 2.2, Width: 1000, Height: 700, Scale: 1.25},
	}
	points := []orb.Point{{0, 0}, {-8.0029, 12.6392}, {37.2164, 19.6158}, {2.3522, 48.8566}, {-179.5, -60}, {179.9, 80}}
	for _, v := range views {
		for _, p := range points {
			x, y := v.Project(p)
			got := v.Unproject(x, y)
			if !near(got[0], p[0], 1e-9) || !near(got[1], p[1], 1e-9) {
				t.Errorf("%+v: Unproject(Project(%v)) = %v", v, p, got)
			}
		}
		w, h := v.PixelSize()
		for _, px := range [][2]float64{{0, 0}, {float64(w) / 2, float64(h) / 2}, {float64(w), float64(h)}, {13.5, 100.25}} {
			p := v.Unproject(px[0], px[1])
			if math.Abs(p[1]) >= MaxLatitude {
				continue // beyond the top or bottom of the world
			}
			x, y := v.Project(p)
			if !near(x, px[0], 1e-6) || !near(y, px[1], 1e-6) {
				t.Errorf("%+v: Project(Unproject(%v)) = %g, %g", v, px, x, y)
			}
		}
		if x, y := v.Project(v.Center); !near(x, float64(w)/2, 1e-6) || !near(y, float64(h)/2, 1e-6) {
			t.Errorf("%+v: centre projects to %g, %g, want the middle of %d×%d", v, x, y, w, h)
		}
	}
}

func TestPixelSize(t *testing.T) {
	cases := []struct {
		v    Viewport
		w, h int
	}{
		{Viewport{Width: 800, Height: 600}, 800, 600},
		{Viewport{Width: 800, Height: 600, Scale: 2}, 1600, 1200},
		{Viewport{Width: 801, Height: 601, Scale: 1.5}, 1202, 902},
	}
	for _, tc := range cases {
		if w, h := tc.v.PixelSize(); w != tc.w || h != tc.h {
			t.Errorf("%+v: PixelSize = %d×%d, want %d×%d", tc.v, w, h, tc.w, tc.h)
		}
	}
}

func TestFit(t *testing.T) {
	cases := []struct {
		name          string
		b             orb.Bound
		width, height int
		scale         float64
	}{
		{"sahel", orb.Bound{Min: orb.Point{-25, -5}, Max: orb.Point{50, 50}}, 1920, 1080, 1},
		{"world", orb.Bound{Min: orb.Point{-180, -60}, Max: orb.Point{180, 80}}, 1920, 1080, 1},
		{"mali hidpi", orb.Bound{Min: orb.Point{-12.2, 10.1}, Max: orb.Point{4.3, 25}}, 800, 600, 2},
		{"tall box wide window", orb.Bound{Min: orb.Point{0, -40}, Max: orb.Point{1, 40}}, 1000, 200, 1},
		{"small window", orb.Bound{Min: orb.Point{-180, -85}, Max: orb.Point{180, 85}}, 100, 80, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			v := Fit(tc.b, tc.width, tc.height, tc.scale)
			got := v.Bound()
			const eps = 1e-9
			if got.Min[0] > tc.b.Min[0]+eps || got.Min[1] > tc.b.Min[1]+eps || got.Max[0] < tc.b.Max[0]-eps || got.Max[1] < tc.b.Max[1]-eps {
				t.Errorf("Fit(%v) shows %v, which does not contain it", tc.b, got)
			}
			// One step closer and the box no longer fits.
			closer := v
			closer.Zoom += 0.01
			cb := closer.Bound()
			if cb.Min[0] <= tc.b.Min[0] && cb.Min[1] <= tc.b.Min[1] && cb.Max[0] >= tc.b.Max[0] && cb.Max[1] >= tc.b.Max[1] {
				t.Errorf("Fit(%v) zoom %g is not the largest: %g still shows it", tc.b, v.Zoom, closer.Zoom)
			}
		})
	}
	if v := Fit(orb.Bound{Min: orb.Point{2, 13}, Max: orb.Point{2, 13}}, 100, 100, 1); v.Zoom != MaxZoom || !near(v.Center[0], 2, 1e-9) {
		t.Errorf("Fit of a point = %+v, want MaxZoom centred on it", v)
	}
}

func TestPan(t *testing.T) {
	v := Viewport{Center: orb.Point{10, 20}, Zoom: 5, Width: 800, Height: 600, Scale: 2}
	p := orb.Point{12, 21}
	x, y := v.Project(p)
	moved := v.Pan(30, -40)
	if nx, ny := moved.Project(p); !near(nx, x+30, 1e-6) || !near(ny, y-40, 1e-6) {
		t.Errorf("after Pan(30, -40) the point is at %g, %g, want %g, %g", nx, ny, x+30, y-40)
	}
	if moved.Center[0] >= v.Center[0] {
		t.Errorf("dragging right moved the centre from lon %g to %g, want west", v.Center[0], moved.Center[0])
	}
	// Across the antimeridian the centre wraps.
	east := Viewport{Center: orb.Point{179, 0}, Zoom: 3, Width: 800, Height: 600}.Pan(-300, 0)
	if east.Center[0] < -180 || east.Center[0] >= 180 {
		t.Errorf("Pan across 180° gave centre lon %g, want within −180..180", east.Center[0])
	}
	// Dragging far down stops at the top of the world.
	if top := v.Pan(0, 1e9); top.Center[1] != MaxLatitude {
		t.Errorf("Pan far down gave centre lat %g, want %g", top.Center[1], MaxLatitude)
	}
}

func TestZoomAt(t *testing.T) {
	v := Viewport{Center: orb.Point{-2, 14}, Zoom: 4.5, Width: 1200, Height: 800, Scale: 1.5}
	cases := []struct {
		x, y, factor float64
		zoom         float64
		fixed        bool // the point stays put (not when the world is smaller than the view)
	}{
		{900, 600, 2, 5.5, true},
		{0, 0, 0.5, 3.5, true},
		{1799, 1199, 1.1, 4.5 + math.Log2(1.1), true},
		{300, 300, 1e12, MaxZoom, true},
		{300, 300, 1e-12, MinZoom, false},
	}
	for _, tc := range cases {
		before := v.Unproject(tc.x, tc.y)
		z := v.ZoomAt(tc.x, tc.y, tc.factor)
		if !near(z.Zoom, tc.zoom, 1e-9) {
			t.Errorf("ZoomAt(%g, %g, %g).Zoom = %g, want %g", tc.x, tc.y, tc.factor, z.Zoom, tc.zoom)
		}
		if x, y := z.Project(before); tc.fixed && (!near(x, tc.x, 1e-6) || !near(y, tc.y, 1e-6)) {
			t.Errorf("ZoomAt(%g, %g, %g) moved %v to %g, %g", tc.x, tc.y, tc.factor, before, x, y)
		}
	}
	if z := v.ZoomAt(10, 10, 0); z != v {
		t.Errorf("ZoomAt by 0 changed the view to %+v", z)
	}
}

func TestMetresPerPixel(t *testing.T) {
	cases := []struct {
		v    Viewport
		want float64
	}{
		// The equator is 40,075 km long: 256 pixels at zoom 0.
		{Viewport{Center: orb.Point{0, 0}, Zoom: 0}, 2 * math.Pi * orb.EarthRadius / 256},
		{Viewport{Center: orb.Point{0, 0}, Zoom: 3, Scale: 2}, 2 * math.Pi * orb.EarthRadius / 256 / 16},
		{Viewport{Center: orb.Point{30, 60}, Zoom: 1}, 2 * math.Pi * orb.EarthRadius / 512 / 2},
	}
	for _, tc := range cases {
		if got := tc.v.MetresPerPixel(); !near(got, tc.want, tc.want*1e-9) {
			t.Errorf("%+v: MetresPerPixel = %g, want %g", tc.v, got, tc.want)
		}
	}
	// A pixel of the measured distance: Bamako to Niamey along the map.
	v := Viewport{Center: orb.Point{-3, 13}, Zoom: 7, Width: 1000, Height: 800}
	x1, _ := v.Project(orb.Point{-4, 13})
	x2, _ := v.Project(orb.Point{-2, 13})
	metres := 2 * math.Pi * orb.EarthRadius * math.Cos(13*math.Pi/180) * 2 / 360
	if got := (x2 - x1) * v.MetresPerPixel(); !near(got, metres, metres*1e-3) {
		t.Errorf("2° of longitude at 13°N measure %g m, want %g", got, metres)
	}
}
