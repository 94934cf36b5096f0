package geo

import (
	"fmt"
	"strings"
	"sync"

	"github.com/paulmach/orb"

	"github.com/sahelatlas/sahelatlas/assets"
	"github.com/sahelatlas/sahelatlas/assets/boundaries"
)

// Atlas is the set of countries at every level of detail, loaded from the
// embedded assets. It is safe for concurrent use.
type Atlas struct {
	countries []*Country          // sorted by Code
	byCode    map[string]*Country // upper-case code
	// geometry[lod][i] is country i at lod, falling back to the next finer
	// scale for countries too small for lod; bounds[lod][i] is its bound.
	geometry [len(lods)][]orb.MultiPolygon
	bounds   [len(lods)][]orb.Bound
	// polygons[i] are country i's 10m polygons with their bounds, for At.
	polygons [][]boundPolygon

	neighboursOnce sync.Once
	neighbours     [][]string // by country index

	projected projectedCache
}

// boundPolygon is one polygon with its bound.
type boundPolygon struct {
	polygon orb.Polygon
	bound   orb.Bound
}

var (
	loadOnce   sync.Once
	loadResult *Atlas
	loadErr    error
)

// LoadAtlas returns the atlas decoded from the embedded boundaries. It is
// decoded once, on the first call; every call returns the same Atlas.
func LoadAtlas() (*Atlas, error) {
	loadOnce.Do(func() { loadResult, loadErr = decodeAtlas(assets.Boundaries) })
	return loadResult, loadErr
}

// decodeAtlas builds an atlas from the boundaries files that files returns for
// each scale name ("10m", "50m", "110m").
func decodeAtlas(files func(scale string) []byte) (*Atlas, error) {
	a := &Atlas{byCode: map[string]*Country{}}
	var decoded [len(lods)][]boundaries.Country
	for _, lod := range lods {
		_, cs, err := boundaries.Decode(files(lod.String()))
		if err != nil {
			return nil, fmt.Errorf("geo: embedded boundaries %s: %w (regenerate them with assets/gen/boundaries)", lod, err)
		}
		decoded[lod] = cs
	}
	// The 10m scale has every country; the coarser ones a subset.
	if len(decoded[LOD10m]) > maxCountries {
		return nil, fmt.Errorf("geo: embedded boundaries 10m: %d countries, at most %d fit the neighbour keys", len(decoded[LOD10m]), maxCountries)
	}
	for i, c := range decoded[LOD10m] {
		if i > 0 && decoded[LOD10m][i-1].Code >= c.Code {
			return nil, fmt.Errorf("geo: embedded boundaries 10m: codes %s and %s out of order or repeated", decoded[LOD10m][i-1].Code, c.Code)
		}
		country := &Country{Code: c.Code, Numeric: c.Numeric, Name: c.Name, Bound: c.Geometry.Bound(), index: i}
		a.countries = append(a.countries, country)
		a.byCode[c.Code] = country
		polygons := make([]boundPolygon, len(c.Geometry))
		for j, p := range c.Geometry {
			polygons[j] = boundPolygon{polygon: p, bound: p.Bound()}
		}
		a.polygons = append(a.polygons, polygons)
	}
	for _, lod := range lods {
		a.geometry[lod] = make([]orb.MultiPolygon, len(a.countries))
		a.bounds[lod] = make([]orb.Bound, len(a.countries))
		for _, c := range decoded[lod] {
			country := a.byCode[c.Code]
			if country == nil {
				return nil, fmt.Errorf("geo: embedded boundaries %s: country %s is not in the 10m scale", lod, c.Code)
			}
			a.geometry[lod][country.index] = c.Geometry
		}
	}
	// Fill the gaps from the next finer scale, finest first.
	for l := len(lods) - 1; l >= 0; l-- {
		for i, g := range a.geometry[l] {
			if g == nil {
				g = a.geometry[l+1][i]
				a.geometry[l][i] = g
			}
			a.bounds[l][i] = g.Bound()
		}
	}
	return a, nil
}

// Countries returns every country, sorted by Code. The slice is the atlas's
// own: do not change it.
func (a *Atlas) Countries() []*Country {
	return a.countries
}

// Country returns the country with alpha-3 code (any case), or nil.
func (a *Atlas) Country(code string) *Country {
	return a.byCode[strings.ToUpper(strings.TrimSpace(code))]
}

// Geometry returns the lon/lat geometry of c at lod. Countries too small for a
// coarse scale (Andorra at 110m) come at the next finer scale that has them.
// The geometry is shared: Clone it before changing it (orb's project, clip
// and simplify all work in place).
func (a *Atlas) Geometry(c *Country, lod LOD) orb.MultiPolygon {
	if c == nil || lod < LOD110m || lod > LOD10m || c.index >= len(a.countries) || a.countries[c.index] != c {
		return nil
	}
	return a.geometry[lod][c.index]
}
