package draw

import (
	"bytes"
	"image"
	"image/color"
	"testing"

	"github.com/paulmach/orb"
)

var (
	white = color.RGBA{255, 255, 255, 255}
	red   = color.RGBA{200, 0, 0, 255}
	blue  = color.RGBA{0, 0, 200, 255}
	black = color.RGBA{0, 0, 0, 255}
)

func newWhite(w, h int) *Raster {
	r := NewRaster(image.NewRGBA(image.Rect(0, 0, w, h)))
	r.Clear(white)
	return r
}

func square(x0, y0, x1, y1 float64) orb.Polygon {
	return orb.Polygon{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}}
}

func TestRasterFillPath(t *testing.T) {
	withHole := square(10, 10, 90, 90)
	withHole = append(withHole, square(40, 40, 60, 60)[0]) // same winding: AddPolygon must reverse it
	cases := []struct {
		name    string
		poly    orb.Polygon
		inside  []image.Point
		outside []image.Point
	}{
		{"square", square(20, 20, 60, 60), []image.Point{{21, 21}, {40, 40}, {58, 58}}, []image.Point{{19, 40}, {61, 40}, {40, 61}, {5, 5}}},
		{"hole", withHole, []image.Point{{20, 20}, {80, 80}, {35, 50}}, []image.Point{{50, 50}, {45, 55}, {5, 95}}},
		{"far outside the image", square(-1e6, -1e6, 1e6, 1e6), []image.Point{{0, 0}, {99, 99}, {50, 50}}, nil},
		{"partly off the left", square(-50, 30, 30, 70), []image.Point{{0, 50}, {28, 50}}, []image.Point{{32, 50}, {10, 20}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := newWhite(100, 100)
			var p Path
			p.AddPolygon(tc.poly)
			r.FillPath(p, red)
			for _, pt := range tc.inside {
				if got := r.Image().RGBAAt(pt.X, pt.Y); got != red {
					t.Errorf("pixel %v = %v, want the fill %v", pt, got, red)
				}
			}
			for _, pt := range tc.outside {
				if got := r.Image().RGBAAt(pt.X, pt.Y); got != white {
					t.Errorf("pixel %v = %v, want untouched white", pt, got)
				}
			}
		})
	}
}

func TestRasterFillAntiAliased(t *testing.T) {
	r := newWhite(20, 20)
	var p Path
	p.AddPolygon(square(5, 5, 10.5, 15)) // right edge half-way through column 10
	r.FillPath(p, black)
	got := r.Image().RGBAAt(10, 10)
	if got.R < 100 || got.R > 155 {
		t.Errorf("edge pixel = %v, want about half black", got)
	}
}

func TestRasterStrokePath(t *testing.T) {
	r := newWhite(100, 100)
	p := Path{orb.LineString{{10, 50}, {90, 50}, {90, 10}}}
	r.StrokePath(p, 4, blue)
	for _, pt := range []image.Point{{20, 50}, {50, 49}, {90, 30}, {89, 50}} {
		if got := r.Image().RGBAAt(pt.X, pt.Y); got != blue {
			t.Errorf("pixel %v on the line = %v, want %v", pt, got, blue)
		}
	}
	for _, pt := range []image.Point{{50, 45}, {50, 55}, {5, 50}, {50, 10}} {
		if got := r.Image().RGBAAt(pt.X, pt.Y); got != white {
			t.Errorf("pixel %v off the line = %v, want white", pt, got)
		}
	}
}

func TestRasterMarker(t *testing.T) {
	cases := []struct {
		name   string
		m      Marker
		centre color.RGBA // expected at the centre
		edgeX  int        // a pixel just inside the left edge, on the centre row
		edge   color.RGBA // expected there
	}{
		{"filled circle", Marker{Shape: Circle, Size: 10, Fill: red}, red, 16, red},
		{"outlined square", Marker{Shape: Square, Size: 10, Fill: red, Outline: blue, OutlineWidth: 2}, red, 15, blue},
		{"hollow diamond", Marker{Shape: Diamond, Size: 10, Outline: blue, OutlineWidth: 2}, white, 15, blue},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := newWhite(40, 40)
			r.Marker(20, 20, tc.m)
			img := r.Image()
			if got := img.RGBAAt(20, 20); got != tc.centre {
				t.Errorf("centre = %v, want %v", got, tc.centre)
			}
			if got := img.RGBAAt(tc.edgeX, 20); got != tc.edge {
				t.Errorf("left edge = %v, want %v", got, tc.edge)
			}
			if got := img.RGBAAt(20, 30); got != white {
				t.Errorf("below the marker = %v, want white", got)
			}
		})
	}
}

func TestRasterMarkerDashed(t *testing.T) {
	r := newWhite(60, 60)
	r.Marker(30, 30, Marker{Shape: Circle, Size: 40, Outline: black, OutlineWidth: 2, Dashed: true})
	var dark, light int
	for a := 0; a < 360; a += 3 {
		x, y := polar(30, 30, 20, float64(a))
		if r.Image().RGBAAt(x, y).R < 128 {
			dark++
		} else {
			light++
		}
	}
	if dark < 30 || light < 30 {
		t.Errorf("around a dashed circle: %d dark and %d light samples, want both many", dark, light)
	}
}

func TestRasterMarkerClipped(t *testing.T) {
	r := newWhite(10, 10)
	m := Marker{Shape: Square, Size: 6, Fill: red}
	for _, p := range [][2]float64{{0, 0}, {9, 9}, {-2, 5}, {12, 5}, {-100, -100}} {
		r.Marker(p[0], p[1], m) // must not panic at the edges
	}
	if got := r.Image().RGBAAt(0, 0); got != red {
		t.Errorf("corner under a clipped marker = %v, want %v", got, red)
	}
}

func TestRasterText(t *testing.T) {
	r := newWhite(200, 60)
	st := TextStyle{Size: 20, Colour: black, Halo: white, Anchor: AnchorCentre}
	r.Text(100, 30, "Côte d'Ivoire", st)
	w, h := r.MeasureText("Côte d'Ivoire", st)
	if w < 80 || w > 160 || h < 15 || h > 30 {
		t.Fatalf("MeasureText = %v×%v, want about 120×23", w, h)
	}
	inked := 0
	for y := 0; y < 60; y++ {
		for x := 0; x < 200; x++ {
			if r.Image().RGBAAt(x, y).R < 100 {
				inked++
				if float64(x) < 100-w/2-2 || float64(x) > 100+w/2+2 {
					t.Fatalf("ink at x=%d, outside the measured box", x)
				}
			}
		}
	}
	if inked < 100 {
		t.Errorf("%d inked pixels, want the text drawn", inked)
	}
}

func TestRasterFillPixelRect(t *testing.T) {
	cases := []struct {
		name string
		rect [4]float64
		in   image.Point
		out  image.Point
	}{
		{"whole pixels", [4]float64{10, 10, 20, 20}, image.Point{19, 19}, image.Point{20, 20}},
		{"off the image", [4]float64{-10, -10, 5, 5}, image.Point{0, 0}, image.Point{5, 5}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := newWhite(30, 30)
			var p Path
			p.AddRect(tc.rect[0], tc.rect[1], tc.rect[2], tc.rect[3])
			if !isPixelRect(p) {
				t.Fatal("AddRect on whole pixels is not taken for a pixel rectangle")
			}
			r.FillPath(p, red)
			if got := r.Image().RGBAAt(tc.in.X, tc.in.Y); got != red {
				t.Errorf("inside %v = %v, want %v", tc.in, got, red)
			}
			if got := r.Image().RGBAAt(tc.out.X, tc.out.Y); got != white {
				t.Errorf("outside %v = %v, want white", tc.out, got)
			}
		})
	}
	if isPixelRect(Path{{{0, 0}, {10, 0}, {10, 10.5}, {0, 10}}}) {
		t.Error("a skewed quadrilateral was taken for a pixel rectangle")
	}
}

// A text set once is stamped again the same: the same pixels, moved with it.
func TestRasterTextStamps(t *testing.T) {
	st := TextStyle{Size: 14, Colour: color.RGBA{0, 0, 0, 255}, Halo: color.RGBA{0xe0, 0xe0, 0xe0, 0xe0}, Anchor: AnchorLeft}
	draw := func(x, y float64, r *Raster) *image.RGBA {
		img := image.NewRGBA(image.Rect(0, 0, 120, 60))
		if r == nil {
			r = NewRaster(img)
		} else {
			r.SetImage(img)
		}
		r.Text(x, y, "Ségou 187", st)
		return img
	}
	fresh := draw(10, 20, nil)
	r := NewRaster(image.NewRGBA(image.Rect(0, 0, 1, 1)))
	draw(10, 20, r) // sets the stamp
	again := draw(10, 20, r)
	if !bytes.Equal(fresh.Pix, again.Pix) {
		t.Fatal("a stamped text differs from the text set afresh")
	}
	moved := draw(30, 35, r)
	for y := 0; y < 40; y++ {
		for x := 0; x < 90; x++ {
			if fresh.RGBAAt(x, y) != moved.RGBAAt(x+20, y+15) {
				t.Fatalf("the text moved by whole pixels differs at %d,%d", x, y)
			}
		}
	}
	if len(r.texts) != 1 {
		t.Fatalf("%d stamps kept for one text at one sub-pixel offset", len(r.texts))
	}
	var ink int
	for _, v := range fresh.Pix {
		if v != 0 {
			ink++
		}
	}
	if ink == 0 {
		t.Fatal("no text drawn")
	}
}
