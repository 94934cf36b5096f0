// Command icon draws Sahel Atlas's application icon into assets/icon.png.
//
// Run it by hand from the repository root when the icon should change:
//
//	go run ./assets/gen/icon
//
// The icon is a stylised map pin over a sand-coloured disc crossed by a
// dashed visit arc, drawn with golang.org/x/image/vector.
package main

import (
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"log"
	"math"
	"os"

	"golang.org/x/image/vector"
)

const size = 512

func main() {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	fill(img, disc(256, 256, 240), color.RGBA{0x1f, 0x4e, 0x79, 0xff}) // deep blue sea
	fill(img, disc(256, 256, 220), color.RGBA{0xe9, 0xc9, 0x8b, 0xff}) // sand
	// A band of land in darker sand: the Sahel.
	band := &vector.Rasterizer{}
	band.Reset(size, size)
	band.MoveTo(40, 300)
	band.CubeTo(160, 250, 340, 340, 472, 290)
	band.LineTo(472, 350)
	band.CubeTo(340, 400, 160, 310, 40, 360)
	band.ClosePath()
	maskDisc(img, band, color.RGBA{0xc8, 0x8f, 0x4a, 0xff})
	// The visit arc, dashed, from left to the pin.
	for t := 0.0; t < 1; t += 0.08 {
		a, b := arcPoint(t), arcPoint(t+0.045)
		fill(img, segment(a, b, 9), color.RGBA{0xb0, 0x1c, 0x2e, 0xff})
	}
	// The pin.
	pin := &vector.Rasterizer{}
	pin.Reset(size, size)
	pin.MoveTo(340, 300)
	pin.CubeTo(300, 240, 270, 210, 270, 170)
	pin.CubeTo(270, 125, 300, 95, 340, 95)
	pin.CubeTo(380, 95, 410, 125, 410, 170)
	pin.CubeTo(410, 210, 380, 240, 340, 300)
	pin.ClosePath()
	maskDisc(img, pin, color.RGBA{0xb0, 0x1c, 0x2e, 0xff})
	fill(img, disc(340, 168, 26), color.RGBA{0xff, 0xff, 0xff, 0xff})

	f, err := os.Create("assets/icon.png")
	if err != nil {
		log.Fatalf("icon: %v (run from the repository root)", err)
	}
	if err := png.Encode(f, img); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}

func arcPoint(t float64) [2]float64 {
	// Quadratic Bézier from (90,250) via (200,60) to (330,150).
	x := (1-t)*(1-t)*90 + 2*(1-t)*t*200 + t*t*330
	y := (1-t)*(1-t)*250 + 2*(1-t)*t*60 + t*t*150
	return [2]float64{x, y}
}

func disc(cx, cy, r float64) *vector.Rasterizer {
	z := &vector.Rasterizer{}
	z.Reset(size, size)
	const n = 96
	for i := 0; i <= n; i++ {
		a := 2 * math.Pi * float64(i) / n
		x, y := float32(cx+r*math.Cos(a)), float32(cy+r*math.Sin(a))
		if i == 0 {
			z.MoveTo(x, y)
		} else {
			z.LineTo(x, y)
		}
	}
	z.ClosePath()
	return z
}

func segment(a, b [2]float64, w float64) *vector.Rasterizer {
	dx, dy := b[0]-a[0], b[1]-a[1]
	l := math.Hypot(dx, dy)
	nx, ny := -dy/l*w/2, dx/l*w/2
	z := &vector.Rasterizer{}
	z.Reset(size, size)
	z.MoveTo(float32(a[0]+nx), float32(a[1]+ny))
	z.LineTo(float32(b[0]+nx), float32(b[1]+ny))
	z.LineTo(float32(b[0]-nx), float32(b[1]-ny))
	z.LineTo(float32(a[0]-nx), float32(a[1]-ny))
	z.ClosePath()
	return z
}

func fill(img *image.RGBA, z *vector.Rasterizer, c color.RGBA) {
	z.Draw(img, img.Bounds(), image.NewUniform(c), image.Point{})
}

// maskDisc fills z but only inside the sand disc, so shapes never spill over the rim.
func maskDisc(img *image.RGBA, z *vector.Rasterizer, c color.RGBA) {
	layer := image.NewRGBA(img.Bounds())
	z.Draw(layer, layer.Bounds(), image.NewUniform(c), image.Point{})
	mask := image.NewAlpha(img.Bounds())
	disc(256, 256, 220).Draw(mask, mask.Bounds(), image.Opaque, image.Point{})
	draw.DrawMask(img, img.Bounds(), layer, image.Point{}, mask, image.Point{}, draw.Over)
}
