package geo

import (
	"math"
	"sync"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/clip"
	"github.com/paulmach/orb/project"
	"github.com/paulmach/orb/simplify"
)

// ProjectedCountry is a country's geometry ready to draw in one view.
type ProjectedCountry struct {
	Country  *Country
	Polygons orb.MultiPolygon // device pixels
}

// projectMargin is how far, in device pixels, geometry is kept beyond the
// view's edges, so clipped edges and strokes along them stay off screen.
const projectMargin = 8

// The cache keeps the simplified geometry of this many zoom levels, and the
// results of this many views.
const (
	maxLevels = 4
	maxViews  = 2
)

// Projected returns the countries' geometry for a viewport, already simplified
// for its zoom (Douglas–Peucker to at most one device pixel), clipped to the
// view with a margin of a few pixels and projected to device pixels, in Code
// order; countries outside the view are left out. The scale is
// LODForZoom of the zoom in device pixels.
//
// Simplified geometry is cached per level of half a zoom step, and only for
// the countries a view has needed, so panning at one zoom reuses it and only
// translates and clips; the last few views' results are cached whole. The
// result is shared between callers: Clone before changing it. Geometry
// crossing ±180° was cut there when the assets were made, so it never draws
// streaks; the view does not repeat the world beyond ±180°.
func (a *Atlas) Projected(v Viewport) []ProjectedCountry {
	pc := &a.projected
	pc.mu.Lock()
	defer pc.mu.Unlock()
	for _, cv := range pc.views {
		if cv.view == v {
			return cv.result
		}
	}
	key, tolerance := viewLevel(v)
	lod := key.lod
	lv := a.cachedLevel(key)

	o, size := v.origin()
	w, h := v.PixelSize()
	m := projectMargin / size
	view := orb.Bound{Min: orb.Point{o[0] - m, o[1] - m}, Max: orb.Point{o[0] + float64(w)/size + m, o[1] + float64(h)/size + m}}
	nw, se := fromWorld(view.Min), fromWorld(view.Max)
	viewLonLat := orb.Bound{Min: orb.Point{nw[0], se[1]}, Max: orb.Point{se[0], nw[1]}}
	box := orb.Bound{Min: orb.Point{-projectMargin, -projectMargin}, Max: orb.Point{float64(w) + projectMargin, float64(h) + projectMargin}}

	var result []ProjectedCountry
	for i, c := range a.countries {
		if !a.bounds[lod][i].Intersects(viewLonLat) {
			continue
		}
		polygons := a.levelCountry(lv, i, tolerance)
		var out orb.MultiPolygon
		for _, bp := range polygons {
			if !bp.bound.Intersects(view) {
				continue
			}
			p := toDevice(bp.polygon, o, size)
			if !(view.Contains(bp.bound.Min) && view.Contains(bp.bound.Max)) {
				if p = clip.Polygon(box, p); p == nil {
					continue
				}
			}
			out = append(out, p)
		}
		if len(out) > 0 {
			result = append(result, ProjectedCountry{Country: c, Polygons: out})
		}
	}
	pc.views = append([]cachedView{{view: v, result: result}}, pc.views[:min(len(pc.views), maxViews-1)]...)
	return result
}

// viewLevel returns the level v is drawn at, with its tolerance in world
// units: the scale LODForZoom gives the zoom in device pixels, simplified
// to at most one device pixel.
func viewLevel(v Viewport) (levelKey, float64) {
	size := v.worldSize()
	step := math.Ceil(2 * math.Log2(size)) // tolerance 2^(−step/2) of the world: ≤ 1 device pixel
	return levelKey{lod: LODForZoom(math.Log2(size / tileSize)), step: int(step)}, math.Exp2(-step / 2)
}

// cachedLevel returns the cached level for key (see projectedCache.level),
// taking a new one's countries from the levels file when it holds them.
// a.projected.mu must be held.
func (a *Atlas) cachedLevel(key levelKey) *level {
	lv := a.projected.level(key, len(a.countries))
	if lv.fresh {
		lv.fresh = false
		if pre := a.levels.level(key, len(a.countries)); pre != nil {
			lv.countries = pre // simplified when the assets were made
		}
	}
	return lv
}

// levelCountry returns country i's polygons at lv, simplifying its
// geometry to tolerance (which decodes the boundaries) when neither the
// levels file nor an earlier view gave them. a.projected.mu must be held.
func (a *Atlas) levelCountry(lv *level, i int, tolerance float64) []boundPolygon {
	if lv.countries[i] == nil {
		a.decode()
		lv.countries[i] = simplified(a.geometry[lv.key.lod][i], tolerance)
	}
	return lv.countries[i]
}

// projectedCache holds Projected's work between calls.
type projectedCache struct {
	mu     sync.Mutex
	levels []*level     // most recently used first
	views  []cachedView // most recent first
}

// levelKey names a zoom level: the scale and the simplification step.
type levelKey struct {
	lod  LOD
	step int
}

// level is the geometry of one zoom level in world units (the Web Mercator
// square is 1 wide), simplified, filled in country by country as views need
// them.
type level struct {
	key       levelKey
	countries [][]boundPolygon // by country index; nil until needed
	fresh     bool             // just made: Projected looks for it in the levels file
}

// cachedView is one Projected result.
type cachedView struct {
	view   Viewport
	result []ProjectedCountry
}

// level returns the cached level for key, making it the most recently used,
// or a new empty one, dropping the least recently used beyond maxLevels.
func (pc *projectedCache) level(key levelKey, countries int) *level {
	for i, lv := range pc.levels {
		if lv.key == key {
			copy(pc.levels[1:i+1], pc.levels[:i])
			pc.levels[0] = lv
			return lv
		}
	}
	lv := &level{key: key, countries: make([][]boundPolygon, countries), fresh: true}
	pc.levels = append([]*level{lv}, pc.levels[:min(len(pc.levels), maxLevels-1)]...)
	return lv
}

// simplified returns a copy of the lon/lat geometry g in world units,
// simplified to tolerance (world units), with each polygon's bound. Rings are
// thinned in lon/lat first (see thin), so the costly projection and
// Douglas–Peucker see only the vertices that can matter. Rings (and polygons)
// simplified below four points are left out; a country simplified away
// entirely gets an empty, non-nil slice.
func simplified(g orb.MultiPolygon, tolerance float64) []boundPolygon {
	dp := simplify.DouglasPeucker(tolerance)
	out := make([]boundPolygon, 0, len(g))
	for _, p := range g {
		sp := make(orb.Polygon, 0, len(p))
		for _, r := range p {
			s := dp.Ring(project.Ring(thin(r, tolerance), ToWorld))
			if len(s) < 4 {
				if len(sp) == 0 {
					break // the exterior is gone
				}
				continue
			}
			sp = append(sp, s.Clone()) // not the thinned ring's whole backing array
		}
		if len(sp) > 0 {
			out = append(out, boundPolygon{polygon: sp, bound: sp[0].Bound()})
		}
	}
	return out
}

// thin returns a new ring: r without the vertices that lie within tolerance
// (in world units, the Web Mercator square being 1 wide) of the last vertex
// kept, measured in lon/lat without projecting. A degree of latitude is
// longest in Mercator at the highest latitude it spans, so a vertex is
// dropped only when it is less than a degree of latitude away and close
// enough at the kept vertex's latitude plus one degree.
func thin(r orb.Ring, tolerance float64) orb.Ring {
	if len(r) < 3 {
		return r.Clone()
	}
	deg := tolerance * 360 // the tolerance in degrees at the equator
	out := make(orb.Ring, 1, len(r))
	out[0] = r[0]
	kept, limit := r[0], 0.0
	reach := func(p orb.Point) float64 {
		l := deg * math.Cos(math.Min(math.Abs(p[1])+1, MaxLatitude)*math.Pi/180)
		return l * l
	}
	limit = reach(kept)
	for _, p := range r[1 : len(r)-1] {
		dx, dy := p[0]-kept[0], p[1]-kept[1]
		if math.Abs(dy) < 1 && dx*dx+dy*dy <= limit {
			continue
		}
		out = append(out, p)
		kept, limit = p, reach(p)
	}
	return append(out, r[len(r)-1])
}

// toDevice returns a new polygon: p in world units scaled by size and moved
// so that origin is at 0, 0.
func toDevice(p orb.Polygon, origin orb.Point, size float64) orb.Polygon {
	n := 0
	for _, r := range p {
		n += len(r)
	}
	points := make([]orb.Point, n)
	out := make(orb.Polygon, len(p))
	for i, r := range p {
		dr := orb.Ring(points[:len(r):len(r)])
		points = points[len(r):]
		for j, pt := range r {
			dr[j] = orb.Point{(pt[0] - origin[0]) * size, (pt[1] - origin[1]) * size}
		}
		out[i] = dr
	}
	return out
}
