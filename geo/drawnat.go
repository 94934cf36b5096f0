package geo

import (
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// DrawnAt returns the country drawn under the lon/lat point p in view v,
// or nil at sea: what the pointer is over. It tests p against the
// geometry the view is drawn from (Projected's level for v, simplified to
// within a device pixel), so it agrees with the map on screen and, unlike
// At, does not decode the full-resolution boundaries where the levels file
// holds the view's level. Near a border or a coast it may differ from At
// by two or three device pixels (see gapReach), and an island too small to
// be drawn is sea. Where disputed areas overlap, the first by code wins,
// as with At. A point with a NaN or infinite coordinate is nowhere:
// DrawnAt returns nil.
func (a *Atlas) DrawnAt(v Viewport, p orb.Point) *Country {
	if !finitePoint(p) {
		return nil
	}
	key, tolerance := viewLevel(v)
	// Countries are simplified one by one, so a border drawn twice may
	// leave a sliver inside neither: a point in no country but within
	// reach of two is in the nearer.
	reach := gapReach * tolerance
	// A country's rings are within its bound at the scale, give or take an
	// eighth of the tolerance (the levels file rounds them to a grid of a
	// quarter of it); a world unit is at most 360 degrees.
	pad := (reach + tolerance) * 360
	w := ToWorld(p)
	pc := &a.projected
	pc.mu.Lock()
	defer pc.mu.Unlock()
	lv := a.cachedLevel(key)
	var nearest *Country
	nearestD2, near := reach*reach, 0
	for i, c := range a.countries {
		if outside(a.bounds[key.lod][i], p, pad) {
			continue
		}
		for _, bp := range a.levelCountry(lv, i, tolerance) {
			if bp.bound.Contains(w) && planar.PolygonContains(bp.polygon, w) {
				return c
			}
			if outside(bp.bound, w, reach) {
				continue
			}
			for _, r := range bp.polygon {
				if d2 := ringDistance2(r, w, reach*reach); d2 < reach*reach {
					if near == 0 || near == 1 && c != nearest {
						near++
					}
					if d2 < nearestD2 {
						nearest, nearestD2 = c, d2
					}
				}
			}
		}
	}
	if near < 2 {
		return nil // off one country's coast: at sea, as drawn
	}
	return nearest
}

// gapReach is how far from two countries, in tolerances, a point in
// neither is taken to be in the sliver between their borders, each drawn
// within a tolerance or two of the exact one (thinned, then simplified).
const gapReach = 2.5

// outside reports whether p is more than d outside bound b.
func outside(b orb.Bound, p orb.Point, d float64) bool {
	return p[0] < b.Min[0]-d || p[0] > b.Max[0]+d || p[1] < b.Min[1]-d || p[1] > b.Max[1]+d
}

// ringDistance2 returns the square of the distance from p to the nearest
// edge of ring r, or limit when none is nearer than √limit.
func ringDistance2(r orb.Ring, p orb.Point, limit float64) float64 {
	best := limit
	for i := 0; i+1 < len(r); i++ {
		best = min(best, planar.DistanceFromSegmentSquared(r[i], r[i+1], p))
	}
	return best
}
