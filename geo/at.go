package geo

import (
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// At returns the country whose 10m geometry contains the lon/lat point p, or
// nil at sea. Where disputed areas overlap, the first by code wins.
func (a *Atlas) At(p orb.Point) *Country {
	for _, c := range a.countries {
		if !c.Bound.Contains(p) {
			continue
		}
		for _, bp := range a.polygons[c.index] {
			if bp.bound.Contains(p) && planar.PolygonContains(bp.polygon, p) {
				return c
			}
		}
	}
	return nil
}
