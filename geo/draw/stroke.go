package draw

import (
	"math"

	"github.com/paulmach/orb"
	"golang.org/x/image/vector"
)

// strokeInto adds to z the outline of every subpath of p drawn width
// pixels wide: one quadrilateral per segment and, for lines wider than
// 2 px, an octagon at every joint so corners do not gape. All the pieces
// wind the same way, so where they overlap the nonzero rule keeps them
// filled. Segments are first clipped to clipTo; ox, oy is subtracted from
// every point (the rasteriser's own origin).
func strokeInto(z *vector.Rasterizer, p Path, width float64, clipTo orb.Bound, ox, oy float64) {
	h := width / 2
	joints := width > 2
	for _, sp := range p {
		if n := len(sp); joints && n > 2 && sp[0] == sp[n-1] && clipTo.Contains(sp[0]) {
			joint(z, sp[0][0]-ox, sp[0][1]-oy, h) // the corner where a ring closes
		}
		for i := 0; i+1 < len(sp); i++ {
			a, b, ok := clipSegment(sp[i], sp[i+1], clipTo)
			if !ok {
				continue
			}
			dx, dy := b[0]-a[0], b[1]-a[1]
			l := math.Hypot(dx, dy)
			if l == 0 {
				continue
			}
			nx, ny := -dy/l*h, dx/l*h
			z.MoveTo(float32(a[0]+nx-ox), float32(a[1]+ny-oy))
			z.LineTo(float32(b[0]+nx-ox), float32(b[1]+ny-oy))
			z.LineTo(float32(b[0]-nx-ox), float32(b[1]-ny-oy))
			z.LineTo(float32(a[0]-nx-ox), float32(a[1]-ny-oy))
			z.ClosePath()
			if joints && i > 0 && clipTo.Contains(sp[i]) {
				joint(z, sp[i][0]-ox, sp[i][1]-oy, h)
			}
		}
	}
}

// octagon is the unit octagon, wound like the stroke quads.
var octagon = func() [8][2]float64 {
	var o [8][2]float64
	for i := range o {
		a := -2 * math.Pi * (float64(i) + 0.5) / 8
		o[i] = [2]float64{math.Cos(a), math.Sin(a)}
	}
	return o
}()

// joint adds an octagon of radius r centred on x, y.
func joint(z *vector.Rasterizer, x, y, r float64) {
	z.MoveTo(float32(x+r*octagon[0][0]), float32(y+r*octagon[0][1]))
	for _, o := range octagon[1:] {
		z.LineTo(float32(x+r*o[0]), float32(y+r*o[1]))
	}
	z.ClosePath()
}

// clipSegment clips the segment a-b to the bound b (Liang–Barsky) and
// reports whether any of it is left.
func clipSegment(a, b orb.Point, box orb.Bound) (orb.Point, orb.Point, bool) {
	t0, t1 := 0.0, 1.0
	dx, dy := b[0]-a[0], b[1]-a[1]
	for _, e := range [4][2]float64{
		{-dx, a[0] - box.Min[0]},
		{dx, box.Max[0] - a[0]},
		{-dy, a[1] - box.Min[1]},
		{dy, box.Max[1] - a[1]},
	} {
		p, q := e[0], e[1]
		if p == 0 {
			if q < 0 {
				return a, b, false
			}
			continue
		}
		t := q / p
		if p < 0 {
			if t > t1 {
				return a, b, false
			}
			t0 = max(t0, t)
		} else {
			if t < t0 {
				return a, b, false
			}
			t1 = min(t1, t)
		}
	}
	na := orb.Point{a[0] + t0*dx, a[1] + t0*dy}
	nb := orb.Point{a[0] + t1*dx, a[1] + t1*dy}
	return na, nb, true
}
