package draw

import (
	"image"
	"testing"

	"github.com/paulmach/orb"
)

// A stroke drawn in bands of rows covers the pixels the same stroke drawn
// at once covers, up to rounding: no row is lost or doubled where bands
// meet, for lines of every slope, widths with and without joints, and a
// frame as large as the image.
func TestStrokeBandsMatchOneStroke(t *testing.T) {
	const w, h = 700, 500
	paths := []struct {
		name  string
		path  Path
		width float64
	}{
		{"frame", Path{orb.LineString{{2, 2}, {698, 2}, {698, 498}, {2, 498}, {2, 2}}}, 1.2},
		{"steep and shallow lines", Path{orb.LineString{{10, 5}, {40, 495}, {690, 470}, {300, 20}}}, 0.6},
		{"wide line with joints", Path{orb.LineString{{20, 480}, {350, 30}, {680, 480}}, orb.LineString{{0, 250}, {700, 251}}}, 5},
		{"lines leaving the image", Path{orb.LineString{{-300, -200}, {1000, 800}}, orb.LineString{{350, -1000}, {351, 1500}}}, 2},
	}
	for _, tc := range paths {
		for _, band := range []int{16, 17, 64, 128} {
			whole, banded := newWhite(w, h), newWhite(w, h)
			box := whole.box(tc.path.Bound(), tc.width/2+1)
			whole.strokeBands(tc.path, tc.width, blue, box, box.Dy())
			banded.strokeBands(tc.path, tc.width, blue, box, band)
			a, b := whole.Image(), banded.Image()
			drawn := 0
			for y := 0; y < h; y++ {
				for x := 0; x < w; x++ {
					pa, pb := a.RGBAAt(x, y), b.RGBAAt(x, y)
					if pa != white {
						drawn++
					}
					if d := max(diff(pa.R, pb.R), diff(pa.G, pb.G), diff(pa.B, pb.B)); d > 2 {
						t.Fatalf("%s in bands of %d: pixel %v is %v, %v drawn at once", tc.name, band, image.Pt(x, y), pb, pa)
					}
				}
			}
			if drawn == 0 {
				t.Fatalf("%s: nothing drawn", tc.name)
			}
		}
	}
}

// diff is |a−b|.
func diff(a, b uint8) int {
	if a > b {
		return int(a - b)
	}
	return int(b - a)
}
