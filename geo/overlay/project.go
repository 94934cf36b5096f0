package overlay

import (
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/project"
	"github.com/sahelatlas/sahelatlas/geo"
)

// earthHalf is half the circumference of the Mercator sphere in metres,
// as in package geo.
const earthHalf = orb.EarthRadius * math.Pi

// world returns the Web Mercator position of a lon/lat point as a fraction
// of the world square, x from 0 (180°W) to 1, y from 0 (top) to 1, with
// the same formula as geo.Viewport.Project. A layer works it out once per
// place, so a new viewport costs a multiply-add per place.
func world(p orb.Point) orb.Point {
	m := project.WGS84.ToMercator(p)
	return orb.Point{0.5 + m[0]/(2*earthHalf), 0.5 - m[1]/(2*earthHalf)}
}

// affine maps world positions to a viewport's device pixels.
type affine struct {
	ox, oy, size float64
}

// affineOf reads v's world origin and size off v.Project of two points
// whose world positions are exact: (0°, 0°) at (½, ½) and (90°E, 0°) at
// (¾, ½).
func affineOf(v geo.Viewport) affine {
	x0, y0 := v.Project(orb.Point{0, 0})
	x1, _ := v.Project(orb.Point{90, 0})
	size := (x1 - x0) * 4
	return affine{ox: 0.5 - x0/size, oy: 0.5 - y0/size, size: size}
}

// pixel returns the device pixel of world position w.
func (a affine) pixel(w orb.Point) (x, y float64) {
	return (w[0] - a.ox) * a.size, (w[1] - a.oy) * a.size
}
