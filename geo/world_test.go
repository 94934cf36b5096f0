package geo

import (
	"math"
	"testing"

	"github.com/paulmach/orb"
)

func TestToWorld(t *testing.T) {
	cases := []struct {
		name string
		p    orb.Point
		want orb.Point
	}{
		{"null island", orb.Point{0, 0}, orb.Point{0.5, 0.5}},
		{"90°E", orb.Point{90, 0}, orb.Point{0.75, 0.5}},
		{"top-left corner", orb.Point{-180, MaxLatitude}, orb.Point{0, 0}},
		{"bottom-right corner", orb.Point{180, -MaxLatitude}, orb.Point{1, 1}},
	}
	for _, tc := range cases {
		got := ToWorld(tc.p)
		if !near(got[0], tc.want[0], 1e-9) || !near(got[1], tc.want[1], 1e-9) {
			t.Errorf("%s: ToWorld(%v) = %v, want %v", tc.name, tc.p, got, tc.want)
		}
		if back := fromWorld(got); !near(back[0], tc.p[0], 1e-9) || !near(back[1], tc.p[1], 1e-9) {
			t.Errorf("%s: fromWorld(ToWorld(%v)) = %v", tc.name, tc.p, back)
		}
	}
}

func TestWorldTransform(t *testing.T) {
	views := []Viewport{
		{Center: orb.Point{0, 0}, Zoom: 0, Width: 256, Height: 256},
		{Center: orb.Point{-8, 12.6}, Zoom: 11.3, Width: 800, Height: 600, Scale: 2},
		{Center: orb.Point{179, -70}, Zoom: 2.2, Width: 1000, Height: 700, Scale: 1.25},
	}
	for _, v := range views {
		tr := v.WorldTransform()
		if want := 256 * math.Exp2(v.Zoom) * v.DeviceScale(); !near(tr.Size, want, 1e-9*want) {
			t.Errorf("%+v: world size %g device pixels, want %g", v, tr.Size, want)
		}
		if nw := ToWorld(v.Unproject(0, 0)); !near(nw[0], tr.Origin[0], 1e-12) || (math.Abs(v.Unproject(0, 0)[1]) < MaxLatitude && !near(nw[1], tr.Origin[1], 1e-12)) {
			t.Errorf("%+v: origin %v, but the top-left pixel is at %v", v, tr.Origin, nw)
		}
		w, h := v.PixelSize()
		if x, y := tr.Pixel(ToWorld(v.Center)); !near(x, float64(w)/2, 1e-6) || !near(y, float64(h)/2, 1e-6) {
			t.Errorf("%+v: the centre is at %g, %g, want the middle of %d×%d", v, x, y, w, h)
		}
		p := orb.Point{v.Center[0] + 0.01, v.Center[1] - 0.01}
		x, y := tr.Pixel(ToWorld(p))
		if px, py := v.Project(p); x != px || y != py {
			t.Errorf("%+v: Pixel(ToWorld(%v)) = %g, %g; Project = %g, %g", v, p, x, y, px, py)
		}
	}
}
