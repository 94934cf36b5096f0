package draw

import (
	"image/color"
	"math"

	"github.com/paulmach/orb"
)

// Shape is the outline of a marker symbol.
type Shape uint8

// The marker shapes.
const (
	Circle Shape = iota
	Square
	Triangle // pointing up
	Diamond
	Star    // five points
	Hexagon // pointy-top, Size from corner to corner: the density layer's bins
)

// Marker is a pre-defined point symbol, such as one event on the map. It
// is comparable, so backends cache one rendering per distinct Marker.
type Marker struct {
	Shape Shape
	// Size is the symbol's width and height in device pixels.
	Size float64
	// Fill colours the inside; a zero colour leaves the symbol hollow.
	Fill color.RGBA
	// Outline colours the edge; a zero colour draws no outline.
	Outline color.RGBA
	// OutlineWidth is in device pixels; 0 means 1 when Outline is set.
	OutlineWidth float64
	// Dashed draws the outline as dashes, e.g. for an approximate place.
	Dashed bool
}

// outlineWidth is the effective outline width: 0 when there is none.
func (m Marker) outlineWidth() float64 {
	if m.Outline.A == 0 {
		return 0
	}
	if m.OutlineWidth <= 0 {
		return 1
	}
	return m.OutlineWidth
}

// dashes is how many dashes a dashed outline of m has: one dash and one gap
// every ~3 px of perimeter, at least 4.
func (m Marker) dashes() int {
	return max(4, int(math.Round(math.Pi*m.Size/6)))
}

// ring is the outline of shape s centred on cx, cy and size px wide, as a
// closed ring wound clockwise on screen. Circles become 4·size segments
// (at least 16), enough for a stamp; vector backends draw true circles.
func (s Shape) ring(cx, cy, size float64) orb.Ring {
	r := size / 2
	switch s {
	case Square:
		return orb.Ring{{cx - r, cy - r}, {cx + r, cy - r}, {cx + r, cy + r}, {cx - r, cy + r}, {cx - r, cy - r}}
	case Triangle:
		// Equilateral, centred on its bounding box.
		h := size * math.Sqrt(3) / 2
		top, bottom := cy-h/2, cy+h/2
		return orb.Ring{{cx, top}, {cx + r, bottom}, {cx - r, bottom}, {cx, top}}
	case Diamond:
		return orb.Ring{{cx, cy - r}, {cx + r, cy}, {cx, cy + r}, {cx - r, cy}, {cx, cy - r}}
	case Hexagon:
		ring := make(orb.Ring, 0, 7)
		for i := 0; i < 6; i++ {
			a := -math.Pi/2 + float64(i)*math.Pi/3
			ring = append(ring, orb.Point{cx + r*math.Cos(a), cy + r*math.Sin(a)})
		}
		return append(ring, ring[0])
	case Star:
		ring := make(orb.Ring, 0, 11)
		for i := 0; i < 10; i++ {
			rad := r
			if i%2 == 1 {
				rad = r * 0.45
			}
			a := -math.Pi/2 + float64(i)*math.Pi/5
			ring = append(ring, orb.Point{cx + rad*math.Cos(a), cy + rad*math.Sin(a)})
		}
		return append(ring, ring[0])
	default: // Circle
		n := max(16, int(4*size))
		ring := make(orb.Ring, 0, n+1)
		for i := 0; i < n; i++ {
			a := 2 * math.Pi * float64(i) / float64(n)
			ring = append(ring, orb.Point{cx + r*math.Cos(a), cy + r*math.Sin(a)})
		}
		return append(ring, ring[0])
	}
}
