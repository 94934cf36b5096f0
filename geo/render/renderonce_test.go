package render

import (
	"bytes"
	"image"
	"image/color"
	"testing"

	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
)

// RenderOnce draws the pixels RenderTo draws, on a whole image and in a
// frame within a page, and keeps no base image.
func TestRenderOnceIsRenderTo(t *testing.T) {
	a := testAtlas(t)
	dot := LayerFunc(func(c draw.Canvas, v geo.Viewport) {
		c.Marker(200, 150, draw.Marker{Shape: draw.Circle, Size: 12, Fill: color.RGBA{200, 0, 0, 255}})
	})
	cases := []struct {
		name  string
		view  geo.Viewport
		page  image.Rectangle
		frame image.Rectangle // empty: the whole page
	}{
		{"whole image, Sahel", view(t, a, "sahel"), image.Rect(0, 0, 1920, 1080), image.Rectangle{}},
		{"frame within a page, Mali", geo.Fit(a.Country("MLI").Bound, 400, 300, 1), image.Rect(0, 0, 600, 500), image.Rect(100, 150, 500, 450)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			draws := func(render func(m *Map, r *draw.Raster)) (*image.RGBA, *Map) {
				m := New(a, Options{})
				img := image.NewRGBA(tc.page)
				r := draw.NewRaster(img)
				if !tc.frame.Empty() {
					r.BeginFrame(tc.frame.Min.X, tc.frame.Min.Y, tc.frame.Dx(), tc.frame.Dy())
				}
				render(m, r)
				if !tc.frame.Empty() {
					r.EndFrame()
				}
				return img, m
			}
			cached, _ := draws(func(m *Map, r *draw.Raster) { m.RenderTo(r, tc.view, dot) })
			once, m := draws(func(m *Map, r *draw.Raster) { m.RenderOnce(r, tc.view, dot) })
			if !bytes.Equal(cached.Pix, once.Pix) {
				t.Error("RenderOnce drew other pixels than RenderTo")
			}
			if once.RGBAAt(0, 0) == (color.RGBA{}) && tc.frame.Empty() {
				t.Error("RenderOnce left the image blank")
			}
			if cachedBase(m, tc.view) != nil {
				t.Error("RenderOnce kept a base image")
			}
		})
	}
}

// BenchmarkSnapshotSahel is what a snapshot command draws of its map, from
// a new Map (its rivers, names and styles loaded afresh) to a Sahel frame
// at 1920×1080 drawn once into a new image.
func BenchmarkSnapshotSahel(b *testing.B) {
	a := testAtlas(b)
	v := view(b, a, "sahel")
	w, h := v.PixelSize()
	b.ReportAllocs()
	for b.Loop() {
		m := New(a, Options{})
		m.RenderOnce(draw.NewRaster(image.NewRGBA(image.Rect(0, 0, w, h))), v)
	}
}
