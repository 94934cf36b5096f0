package draw

import (
	"image"
	"image/color"
	"testing"
)

// TestNewPageImage checks that a page image, small (on the Go heap) or
// large (mapped, on Linux), is zeroed, the size asked for, and drawn on
// as image.NewRGBA's is, and that release may be called twice.
func TestNewPageImage(t *testing.T) {
	for _, c := range []struct{ w, h int }{{320, 180}, {1920, 1080}, {1000, 525}} {
		img, release := NewPageImage(c.w, c.h)
		if img.Bounds() != image.Rect(0, 0, c.w, c.h) || img.Stride != 4*c.w || len(img.Pix) != 4*c.w*c.h {
			t.Fatalf("%dx%d: bounds %v, stride %d, %d bytes", c.w, c.h, img.Bounds(), img.Stride, len(img.Pix))
		}
		for i, b := range img.Pix {
			if b != 0 {
				t.Fatalf("%dx%d: byte %d is %d, not zero", c.w, c.h, i, b)
			}
		}
		want := image.NewRGBA(img.Bounds())
		for _, m := range []*image.RGBA{img, want} {
			r := NewRaster(m)
			r.Clear(white)
			var p Path
			p.AddPolygon(square(3.3, 4.7, float64(c.w)-9.2, float64(c.h)-21.9))
			r.FillPath(p, color.RGBA{0x80, 0x20, 0x10, 0xff})
		}
		if string(img.Pix) != string(want.Pix) {
			t.Errorf("%dx%d: drawn differently from image.NewRGBA's", c.w, c.h)
		}
		release()
		release()
	}
}

// TestReserveScratch checks that a Raster whose buffers are reserved
// draws what one that grows them draws: fills and strokes larger and
// smaller than 512 pixels (x/image/vector's two modes), markers, text.
func TestReserveScratch(t *testing.T) {
	for _, c := range []struct{ w, h int }{{320, 180}, {1300, 700}} {
		var pix [2][]byte
		for i := range pix {
			img := image.NewRGBA(image.Rect(0, 0, c.w, c.h))
			r := NewRaster(img)
			if i == 1 {
				r.ReserveScratch()
				if cap(r.cover) < c.w*c.h {
					t.Fatalf("%dx%d: coverage mask of %d bytes reserved", c.w, c.h, cap(r.cover))
				}
			}
			r.Clear(white)
			for _, sq := range [][4]float64{{3, 4, 60, 50}, {10.5, 7.25, float64(c.w) - 5, float64(c.h) - 3}, {100, 20, 140, 44}} {
				var p Path
				p.AddPolygon(square(sq[0], sq[1], sq[2], sq[3]))
				r.FillPath(p, color.RGBA{0x30, 0x60, 0x90, 0xc0})
				r.StrokePath(p, 1.5, red)
			}
			r.Marker(40, 30, Marker{Shape: Circle, Size: 12, Fill: blue, Outline: black})
			r.Text(20, 40, "Ségou", TextStyle{Size: 12, Colour: black, Halo: white})
			pix[i] = img.Pix
		}
		if string(pix[0]) != string(pix[1]) {
			t.Errorf("%dx%d: drawn differently with reserved buffers", c.w, c.h)
		}
	}
}
