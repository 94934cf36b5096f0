package geo

import (
	"math"

	"github.com/paulmach/orb"
)

// At returns the country whose 10m geometry contains the lon/lat point p, or
// nil at sea. Where disputed areas overlap, the first by code wins.
//
// Countries and their polygons are skipped by bound; the rings left are tested
// through a band index (see ringIndex), built for all of them on the first
// call, so a point in Russia costs a few microseconds, not a walk of its
// 37,000 vertices. A point with a NaN or infinite coordinate is nowhere:
// At returns nil.
func (a *Atlas) At(p orb.Point) *Country {
	if !finitePoint(p) {
		return nil
	}
	a.atOnce.Do(a.indexRings)
	for _, c := range a.countries {
		if !c.Bound.Contains(p) {
			continue
		}
		for _, bp := range a.polygons[c.index] {
			if bp.bound.Contains(p) && polygonContains(bp.index, p) {
				return c
			}
		}
	}
	return nil
}

// CountryCodeAt returns the code of the country At finds at p, or "" at
// sea. It lets packages that do not import geo ask (exchange.CountryFinder).
func (a *Atlas) CountryCodeAt(p orb.Point) string {
	if c := a.At(p); c != nil {
		return c.Code
	}
	return ""
}

// indexRings builds the ring indexes of every 10m polygon.
func (a *Atlas) indexRings() {
	a.decode()
	for _, polygons := range a.polygons {
		for i := range polygons {
			bp := &polygons[i]
			bp.index = make([]ringIndex, len(bp.polygon))
			for j, r := range bp.polygon {
				bp.index[j] = newRingIndex(r)
			}
		}
	}
}

// polygonContains reports whether a point is inside the exterior ring and
// outside every hole of an indexed polygon.
func polygonContains(rings []ringIndex, p orb.Point) bool {
	if len(rings) == 0 || !rings[0].contains(p) {
		return false
	}
	for _, hole := range rings[1:] {
		if hole.contains(p) {
			return false
		}
	}
	return true
}

// ringIndex lists the edges of a closed ring by horizontal band, so a ray
// cast along a parallel meets only the edges of one band.
type ringIndex struct {
	ring       orb.Ring
	minY, maxY float64
	bandHeight float64
	bands      [][]int32 // per band, i for every edge ring[i]→ring[i+1] reaching into it
}

// Edges per band aimed for, and the most bands a ring gets.
const (
	edgesPerBand = 8
	maxBands     = 4096
)

func newRingIndex(r orb.Ring) ringIndex {
	b := r.Bound()
	n := min(max(len(r)/edgesPerBand, 1), maxBands)
	ri := ringIndex{ring: r, minY: b.Min[1], maxY: b.Max[1], bandHeight: (b.Max[1] - b.Min[1]) / float64(n)}
	if ri.bandHeight <= 0 {
		n, ri.bandHeight = 1, 1
	}
	ri.bands = make([][]int32, n)
	for i := 0; i+1 < len(r); i++ {
		lo, hi := ri.band(math.Min(r[i][1], r[i+1][1])), ri.band(math.Max(r[i][1], r[i+1][1]))
		for k := lo; k <= hi; k++ {
			ri.bands[k] = append(ri.bands[k], int32(i))
		}
	}
	return ri
}

// band returns the band holding latitude y, which must be within the ring's
// bound; it stays within the bands whatever y is.
func (ri *ringIndex) band(y float64) int {
	return max(min(int((y-ri.minY)/ri.bandHeight), len(ri.bands)-1), 0)
}

// finitePoint reports whether both of p's coordinates are numbers, neither
// NaN nor infinite.
func finitePoint(p orb.Point) bool {
	return !math.IsNaN(p[0]) && !math.IsNaN(p[1]) && !math.IsInf(p[0], 0) && !math.IsInf(p[1], 0)
}

// contains casts a ray from p towards the east and counts the edges it
// crosses (the even–odd rule); an edge counts when its ends lie on either side
// of p's parallel, the upper end exclusive, so a vertex on the ray counts once.
func (ri *ringIndex) contains(p orb.Point) bool {
	if p[1] < ri.minY || p[1] > ri.maxY {
		return false
	}
	in := false
	for _, i := range ri.bands[ri.band(p[1])] {
		a, b := ri.ring[i], ri.ring[i+1]
		if (a[1] > p[1]) != (b[1] > p[1]) && p[0] < (b[0]-a[0])*(p[1]-a[1])/(b[1]-a[1])+a[0] {
			in = !in
		}
	}
	return in
}
