package data

import (
	"math"

	"github.com/paulmach/orb"
)

// Nearest returns the gazetteer's place nearest to p (lon, lat), by
// distance on an equirectangular plane, or nil for an empty gazetteer: how
// a point clicked or typed gets its country.
func (g *Gazetteer) Nearest(p orb.Point) *Place {
	var best *Place
	bestD := math.Inf(1)
	k := math.Cos(p[1] * math.Pi / 180)
	for _, q := range g.places {
		dx, dy := (q.Point[0]-p[0])*k, q.Point[1]-p[1]
		if d := dx*dx + dy*dy; d < bestD {
			best, bestD = q, d
		}
	}
	return best
}
