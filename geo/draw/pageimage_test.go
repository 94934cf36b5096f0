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
