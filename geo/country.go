package geo

import (
	"fmt"

	"github.com/paulmach/orb"
)

// Country is one Natural Earth admin-0 country.
type Country struct {
	Code    string    // ISO 3166 alpha-3 ("MLI"); features with no ISO id get Natural Earth's ADM0_A3-style code (e.g. "KOS" Kosovo, "CYN" N. Cyprus, "SOL" Somaliland)
	Numeric string    // ISO 3166 numeric as in world-atlas ("466"), "" when none
	Name    string    // English name ("Mali", "Côte d'Ivoire")
	Bound   orb.Bound // lon/lat bound of the 10m geometry

	index int // position in Atlas.countries
}

// LOD is a level of detail: the Natural Earth scale.
type LOD int

// The levels of detail, coarsest first.
const (
	LOD110m LOD = iota // 1:110m, about 10,600 vertices for the world
	LOD50m             // 1:50m, about 97,000 vertices
	LOD10m             // 1:10m, about 545,000 vertices
)

// lods lists every LOD, coarsest first.
var lods = [...]LOD{LOD110m, LOD50m, LOD10m}

// String returns the Natural Earth scale name: "110m", "50m" or "10m".
func (l LOD) String() string {
	switch l {
	case LOD110m:
		return "110m"
	case LOD50m:
		return "50m"
	case LOD10m:
		return "10m"
	}
	return fmt.Sprintf("LOD(%d)", int(l))
}

// LODForZoom returns the scale to draw at a zoom (the world is 256·2^zoom
// pixels wide): 110m while the world is under 1024 pixels wide, 50m under
// 4096, 10m beyond. Natural Earth's scales are meant for about those sizes,
// and Projected simplifies further to one pixel anyway. For HiDPI, pass the
// zoom in device pixels: zoom + log2(scale).
func LODForZoom(zoom float64) LOD {
	switch {
	case zoom < 2:
		return LOD110m
	case zoom < 4:
		return LOD50m
	}
	return LOD10m
}
