package render

import (
	"image/color"
	"math"
	"sort"
	"sync"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
)

// Town is a place the map names when zoomed in far enough: a seat of
// government (a region's capital, such as Kidal or Ménaka) or a populous
// town.
type Town struct {
	Name       string
	Point      orb.Point // lon, lat
	Country    string    // ISO 3166 alpha-3
	Population int
	Seat       bool // the seat of a first-level region (GeoNames PPLA)
}

// Type size of town names and their dots, and the least distance
// between two towns named, in logical pixels.
const (
	sizeTown    = 10
	townDot     = 3.5
	townSpacing = 40
)

// townRule is which towns are named at logical zoom z: those of at least
// minPop people, and every seat of government when seats is set; none
// when minPop is negative. A Sahel page (zoom about 4.7) names none, so
// it never reads the towns; the window's Mali frame (about 5.1 in a
// window of 1280×680) names the regions' seats, Gao, Timbuktu and Kidal
// among them; a Mali or France page (6 to 7) names them and towns of
// 50,000.
func townRule(z float64) (minPop int, seats bool) {
	switch {
	case z < 4.9:
		return -1, false
	case z < 5.5:
		return 250_000, true
	case z < 6:
		return 100_000, true
	case z < 7:
		return 50_000, true
	case z < 8:
		return 15_000, true
	}
	return 0, true
}

// towns are the towns a map may name, loaded the first time a view is
// zoomed in enough to name one, so a world map never reads them.
type towns struct {
	once  sync.Once
	load  func() []Town
	towns []Town
}

// all returns the towns, loading them on first use.
func (t *towns) all() []Town {
	if t == nil || t.load == nil {
		return nil
	}
	t.once.Do(func() { t.towns = t.load() })
	return t.towns
}

// labels are the names of the towns v's zoom names and that lie in v:
// those of the focus countries first, then their neighbours', each the
// seats first, then by population, and none within townSpacing of one
// before it; each with its dot as its feature.
func (t *towns) labels(v geo.Viewport, m Measurer, st *style) []wanted {
	minPop, seats := townRule(v.Zoom)
	if minPop < 0 {
		return nil
	}
	w, h := v.PixelSize()
	s := v.DeviceScale()
	r := townDot * s / 2
	type cand struct {
		town *Town
		x, y float64
		rank float64
	}
	var cands []cand
	for i := range t.all() {
		tw := &t.towns[i]
		cl := st.classOf(tw.Country)
		if (tw.Population < minPop && !(seats && tw.Seat)) || cl == classOther {
			continue
		}
		x, y := v.Project(tw.Point)
		if x < 0 || y < 0 || x > float64(w) || y > float64(h) {
			continue
		}
		rank := -float64(tw.Population)
		if tw.Seat {
			rank -= 1e12
		}
		if cl == classFocus {
			rank -= 1e13
		}
		cands = append(cands, cand{tw, x, y, rank})
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].rank < cands[j].rank })
	// Thin them: a grid of townSpacing cells, each town checked against
	// the towns kept in its own and the eight cells around.
	gap := townSpacing * s
	kept := map[[2]int][]orb.Point{}
	var out []wanted
	ts := draw.TextStyle{Size: sizeTown * s, Colour: colourTownName, Halo: ColourHalo, HaloWidth: 1.5 * s}
next:
	for _, c := range cands {
		cx, cy := int(c.x/gap), int(c.y/gap)
		for dy := -1; dy <= 1; dy++ {
			for dx := -1; dx <= 1; dx++ {
				for _, p := range kept[[2]int{cx + dx, cy + dy}] {
					if math.Hypot(p[0]-c.x, p[1]-c.y) < gap {
						continue next
					}
				}
			}
		}
		kept[[2]int{cx, cy}] = append(kept[[2]int{cx, cy}], orb.Point{c.x, c.y})
		feature := orb.Bound{Min: orb.Point{c.x - r - 1, c.y - r - 1}, Max: orb.Point{c.x + r + 1, c.y + r + 1}}
		wd := beside(m, c.town.Name, ts, feature, tierTown, c.rank, false)
		wd.dot = true
		out = append(out, wd)
	}
	return out
}

// colourTownName is the colour of town names, a little lighter than
// capitals'.
var colourTownName = color.RGBA{0x45, 0x45, 0x45, 0xff}

// townMarker is the dot of a town at scale s.
func townMarker(s float64) draw.Marker {
	return draw.Marker{Shape: draw.Circle, Size: townDot * s, Fill: ColourCapital, Outline: ColourHalo, OutlineWidth: 0.8 * s}
}
