package main

import (
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/clip"
	"github.com/paulmach/orb/planar"

	"github.com/sahelatlas/sahelatlas/assets/boundaries"
)

// mercatorLimit is the latitude beyond which Web Mercator shows nothing.
const mercatorLimit = 85.0511

// crossesAntimeridian reports whether any edge of p jumps more than 180° in
// longitude: world-atlas stitches polygons across ±180° (Russia's Chukotka,
// Fiji, Antarctica), which a flat map would draw as streaks across the world.
// An edge along a parallel beyond the Web Mercator limit (how a ring around a
// pole is closed) is never drawn and does not count.
func crossesAntimeridian(p orb.Polygon) bool {
	for _, r := range p {
		for i := 1; i < len(r); i++ {
			a, b := r[i-1], r[i]
			if math.Abs(b[0]-a[0]) > 180 && (a[1] != b[1] || math.Abs(a[1]) < mercatorLimit) {
				return true
			}
		}
	}
	return false
}

// splitAntimeridian cuts a polygon that crosses ±180° into pieces that each
// lie within lon −180..180. Rings are first unwrapped to continuous
// longitudes (a ring around a pole, like Antarctica's, is closed along the
// pole at the grid latitude nearest it), then clipped to each 360°-wide
// window they reach and shifted back.
func splitAntimeridian(p orb.Polygon, grid boundaries.Grid) orb.MultiPolygon {
	if !crossesAntimeridian(p) {
		return orb.MultiPolygon{p}
	}
	ref := p[0][0][0]
	unwrapped := make(orb.Polygon, len(p))
	minX, maxX := math.Inf(1), math.Inf(-1)
	for i, r := range p {
		u := unwrap(r, ref, grid)
		unwrapped[i] = u
		for _, pt := range u {
			minX, maxX = math.Min(minX, pt[0]), math.Max(maxX, pt[0])
		}
	}
	var out orb.MultiPolygon
	for k := math.Floor((minX + 180) / 360); k*360-180 < maxX; k++ {
		window := orb.Bound{Min: orb.Point{k*360 - 180, -90}, Max: orb.Point{k*360 + 180, 90}}
		piece := clip.Polygon(window, unwrapped.Clone())
		if piece == nil || math.Abs(planar.Area(piece[0])) < 1e-12 {
			continue
		}
		for _, r := range piece {
			for j := range r {
				r[j][0] -= k * 360
			}
		}
		out = append(out, piece)
	}
	return out
}

// unwrap returns a copy of the closed ring r whose longitudes never jump by
// more than 180° between vertices, starting within 180° of ref. A ring that
// winds once around a pole comes back 360° away from where it started; it is
// closed along the nearer pole instead, at the grid latitude closest to the
// pole that is still within ±90°.
func unwrap(r orb.Ring, ref float64, grid boundaries.Grid) orb.Ring {
	off := 0.0
	switch {
	case r[0][0]-ref > 180:
		off = -360
	case r[0][0]-ref < -180:
		off = 360
	}
	u := make(orb.Ring, len(r), len(r)+3)
	sumY := 0.0
	for i, pt := range r {
		if i > 0 {
			switch d := pt[0] - r[i-1][0]; {
			case d > 180:
				off -= 360
			case d < -180:
				off += 360
			}
		}
		u[i] = orb.Point{pt[0] + off, pt[1]}
		sumY += pt[1]
	}
	first, last := u[0], u[len(u)-1]
	if math.Abs(last[0]-first[0]) > 180 {
		sy, ty := grid.Scale[1], grid.Translate[1]
		pole := math.Floor((90-ty)/sy)*sy + ty
		if sumY < 0 {
			pole = math.Ceil((-90-ty)/sy)*sy + ty
		}
		u = append(u, orb.Point{last[0], pole}, orb.Point{first[0], pole}, first)
	}
	return u
}
