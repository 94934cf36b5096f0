// Command icon draws Sahel Atlas's application icon into assets/icon.png
// and assets/icon.svg.
//
// Run it by hand from the repository root when the icon should change:
//
//	go run ./assets/gen/icon
//
// The icon is a stylised map pin over a sand-coloured disc crossed by a
// dashed visit arc. Each shape is one path (shape.go), rasterised with
// golang.org/x/image/vector for the PNG and written as the same path for
// the SVG, so the two show the same picture.
package main

import (
	"image/color"
	"log"
	"math"
	"os"
)

const size = 512

var (
	sea   = color.RGBA{0x1f, 0x4e, 0x79, 0xff} // deep blue
	sand  = color.RGBA{0xe9, 0xc9, 0x8b, 0xff}
	sahel = color.RGBA{0xc8, 0x8f, 0x4a, 0xff} // darker sand
	red   = color.RGBA{0xb0, 0x1c, 0x2e, 0xff}
	white = color.RGBA{0xff, 0xff, 0xff, 0xff}
)

// icon returns the icon's shapes, painted in order.
func icon() []shape {
	rim := disc(256, 256, 220)
	shapes := []shape{
		{path: disc(256, 256, 240), fill: sea},
		{path: rim, fill: sand},
		// A band of land in darker sand: the Sahel.
		{path: band(), fill: sahel, clip: rim},
	}
	// The visit arc, dashed, from left to the pin.
	for t := 0.0; t < 1; t += 0.08 {
		a, b := arcPoint(t), arcPoint(t+0.045)
		shapes = append(shapes, shape{path: segment(a, b, 9), fill: red})
	}
	return append(shapes,
		shape{path: pin(), fill: red, clip: rim},
		shape{path: disc(340, 168, 26), fill: white},
	)
}

func main() {
	shapes := icon()
	if err := writePNG("assets/icon.png", shapes); err != nil {
		log.Fatalf("icon: %v (run from the repository root)", err)
	}
	if err := os.WriteFile("assets/icon.svg", svg(shapes), 0o644); err != nil {
		log.Fatalf("icon: %v (run from the repository root)", err)
	}
}

func band() *path {
	p := &path{}
	p.moveTo(40, 300)
	p.cubeTo(160, 250, 340, 340, 472, 290)
	p.lineTo(472, 350)
	p.cubeTo(340, 400, 160, 310, 40, 360)
	p.close()
	return p
}

func pin() *path {
	p := &path{}
	p.moveTo(340, 300)
	p.cubeTo(300, 240, 270, 210, 270, 170)
	p.cubeTo(270, 125, 300, 95, 340, 95)
	p.cubeTo(380, 95, 410, 125, 410, 170)
	p.cubeTo(410, 210, 380, 240, 340, 300)
	p.close()
	return p
}

func arcPoint(t float64) [2]float64 {
	// Quadratic Bézier from (90,250) via (200,60) to (330,150).
	x := (1-t)*(1-t)*90 + 2*(1-t)*t*200 + t*t*330
	y := (1-t)*(1-t)*250 + 2*(1-t)*t*60 + t*t*150
	return [2]float64{x, y}
}

// disc is a circle as a 96-sided polygon.
func disc(cx, cy, r float64) *path {
	p := &path{}
	const n = 96
	for i := 0; i <= n; i++ {
		a := 2 * math.Pi * float64(i) / n
		x, y := float32(cx+r*math.Cos(a)), float32(cy+r*math.Sin(a))
		if i == 0 {
			p.moveTo(x, y)
		} else {
			p.lineTo(x, y)
		}
	}
	p.close()
	return p
}

// segment is the stroke from a to b, w wide, as a rectangle.
func segment(a, b [2]float64, w float64) *path {
	dx, dy := b[0]-a[0], b[1]-a[1]
	l := math.Hypot(dx, dy)
	nx, ny := -dy/l*w/2, dx/l*w/2
	p := &path{}
	p.moveTo(float32(a[0]+nx), float32(a[1]+ny))
	p.lineTo(float32(b[0]+nx), float32(b[1]+ny))
	p.lineTo(float32(b[0]-nx), float32(b[1]-ny))
	p.lineTo(float32(a[0]-nx), float32(a[1]-ny))
	p.close()
	return p
}
