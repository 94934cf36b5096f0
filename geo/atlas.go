package geo

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

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
	// polygons[i] are country i's 10m polygons with their bounds, for At,
	// which indexes them on its first call.
	polygons [][]boundPolygon
	atOnce   sync.Once

	neighboursOnce sync.Once
	neighbours     [][]string // by country index

	// levels is the embedded levels file: the countries, neighbours and
	// simplified levels worked out when the assets were made; nil when
	// there is none. An atlas made from it decodes the boundaries files
	// (files) only when geometry it does not hold is needed (decoded).
	levels  *levelsFile
	files   func(scale string) []byte
	decoded sync.Once
	full    atomic.Bool // the boundaries files are decoded

	projected projectedCache
}

// boundPolygon is one polygon with its bound, and for At its rings' indexes.
type boundPolygon struct {
	polygon orb.Polygon
	bound   orb.Bound
	index   []ringIndex
}

var (
	loadOnce   sync.Once
	loadResult *Atlas
	loadErr    error
)

// LoadAtlas returns the atlas decoded from the embedded boundaries. It is
// decoded once, on the first call; every call returns the same Atlas.
func LoadAtlas() (*Atlas, error) {
	loadOnce.Do(func() { loadResult, loadErr = loadAtlas(assets.Boundaries, assets.Levels()) })
	return loadResult, loadErr
}

// loadAtlas makes the atlas from the levels file's table of countries,
// decoding the boundaries files only when geometry the levels file does
// not hold is first needed (At, Geometry, a zoom level it lacks); with no
// levels file it decodes them now.
func loadAtlas(files func(scale string) []byte, levels []byte) (*Atlas, error) {
	f, err := readLevels(levels)
	if err != nil || f == nil {
		if err == nil {
			return decodeAtlas(files)
		}
		return nil, err
	}
	a := &Atlas{countries: f.countries, byCode: make(map[string]*Country, len(f.countries)), bounds: f.bounds, levels: f, files: files}
	for _, c := range a.countries {
		a.byCode[c.Code] = c
	}
	return a, nil
}

// decode decodes the boundaries files, on the first call, for an atlas
// made from the levels file. The levels file is checked against them by
// the tests (TestLevelsMatchBoundaries), as the files are embedded: one
// that does not match is a broken build, and decode panics.
func (a *Atlas) decode() {
	a.decoded.Do(func() {
		if a.files == nil {
			return // decodeAtlas made it: decoded already
		}
		d, err := decodeAtlas(a.files)
		if err == nil && len(d.countries) != len(a.countries) {
			err = fmt.Errorf("%d countries, the levels file has %d", len(d.countries), len(a.countries))
		}
		for i := 0; err == nil && i < len(d.countries); i++ {
			if d.countries[i].Code != a.countries[i].Code {
				err = fmt.Errorf("country %d is %s, the levels file has %s", i, d.countries[i].Code, a.countries[i].Code)
			}
		}
		if err != nil {
			panic(fmt.Sprintf("geo: the embedded boundaries do not match the embedded levels (regenerate them with assets/gen/levels): %v", err))
		}
		a.geometry, a.polygons = d.geometry, d.polygons
		a.full.Store(true)
	})
}

// BoundariesDecoded reports whether the atlas holds the full-resolution
// boundaries, decoded (about 11 MB) for At, Geometry, an import's
// countries or a view zoomed in beyond the levels file. The window's
// memory tests check that pointing at the map does not decode them.
func (a *Atlas) BoundariesDecoded() bool {
	return a.files == nil || a.full.Load()
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
		country := &Country{Code: c.Code, Numeric: c.Numeric, Name: c.Name, Bound: union(c.Bounds), index: i}
		a.countries = append(a.countries, country)
		a.byCode[c.Code] = country
		polygons := make([]boundPolygon, len(c.Geometry))
		for j, p := range c.Geometry {
			polygons[j] = boundPolygon{polygon: p, bound: c.Bounds[j]}
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
			a.bounds[lod][country.index] = union(c.Bounds)
		}
	}
	// Fill the gaps from the next finer scale, finest first.
	for l := len(lods) - 2; l >= 0; l-- {
		for i, g := range a.geometry[l] {
			if g == nil {
				a.geometry[l][i], a.bounds[l][i] = a.geometry[l+1][i], a.bounds[l+1][i]
			}
		}
	}
	return a, nil
}

// union returns the bound around all of bs.
func union(bs []orb.Bound) orb.Bound {
	if len(bs) == 0 {
		return orb.Bound{}
	}
	u := bs[0]
	for _, b := range bs[1:] {
		u = u.Union(b)
	}
	return u
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
	a.decode()
	return a.geometry[lod][c.index]
}
