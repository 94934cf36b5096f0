package draw

import (
	"math"

	"github.com/paulmach/orb"
)

// Path is a shape in device pixels: a list of subpaths, each a polyline.
// FillPath closes every subpath; StrokePath draws each one open.
//
// A Path may share its points with the geometry it was built from: the
// Add methods never copy a ring unless they must reverse it, and the
// backends never change a Path.
type Path []orb.LineString

// AddRing appends one ring or polyline as a subpath, as it is.
func (p *Path) AddRing(r orb.Ring) {
	if len(r) > 0 {
		*p = append(*p, orb.LineString(r))
	}
}

// AddLine appends an open polyline as a subpath.
func (p *Path) AddLine(ls orb.LineString) {
	if len(ls) > 0 {
		*p = append(*p, ls)
	}
}

// AddPolygon appends poly's rings so that the nonzero rule gives it its
// holes: a hole that winds the same way as the outer ring is appended as
// a reversed copy. Well-formed data (GeoJSON, orb) needs no copy.
func (p *Path) AddPolygon(poly orb.Polygon) {
	if len(poly) == 0 || len(poly[0]) == 0 {
		return
	}
	p.AddRing(poly[0])
	if len(poly) == 1 {
		return
	}
	outer := signedArea(poly[0]) > 0
	for _, hole := range poly[1:] {
		if len(hole) == 0 {
			continue
		}
		if (signedArea(hole) > 0) == outer {
			rev := make(orb.LineString, len(hole))
			for i, pt := range hole {
				rev[len(hole)-1-i] = pt
			}
			*p = append(*p, rev)
			continue
		}
		p.AddRing(hole)
	}
}

// AddRect appends the rectangle from (x0, y0) to (x1, y1) as a closed subpath.
func (p *Path) AddRect(x0, y0, x1, y1 float64) {
	*p = append(*p, orb.LineString{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}})
}

// Bound is the bound of every point of p; an empty orb.Bound when p is empty.
func (p Path) Bound() orb.Bound {
	b := orb.Bound{Min: orb.Point{math.Inf(1), math.Inf(1)}, Max: orb.Point{math.Inf(-1), math.Inf(-1)}}
	for _, sp := range p {
		for _, pt := range sp {
			b.Min[0] = math.Min(b.Min[0], pt[0])
			b.Min[1] = math.Min(b.Min[1], pt[1])
			b.Max[0] = math.Max(b.Max[0], pt[0])
			b.Max[1] = math.Max(b.Max[1], pt[1])
		}
	}
	if b.Min[0] > b.Max[0] {
		return orb.Bound{}
	}
	return b
}

// empty reports whether p has no point.
func (p Path) empty() bool {
	for _, sp := range p {
		if len(sp) > 0 {
			return false
		}
	}
	return true
}

// signedArea is twice the shoelace area of r; its sign gives the winding.
func signedArea(r orb.Ring) float64 {
	var a float64
	for i := 0; i+1 < len(r); i++ {
		a += r[i][0]*r[i+1][1] - r[i+1][0]*r[i][1]
	}
	if n := len(r); n > 1 && r[0] != r[n-1] {
		a += r[n-1][0]*r[0][1] - r[0][0]*r[n-1][1]
	}
	return a
}
