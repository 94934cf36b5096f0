package render

import (
	"cmp"
	"math"
	"slices"
	"sort"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
	"github.com/sahelatlas/sahelatlas/data/lang"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
)

// Type sizes in logical pixels.
const (
	sizeFocus     = 15
	sizeNeighbour = 13
	sizeOther     = 11
	sizeCapital   = 11
	capitalDot    = 5 // the dot's diameter
	// dotRadius is half the box a capital dot keeps clear of labels.
	dotRadius = capitalDot/2.0 + 1
)

// namesLayer draws country names where they fit and the capitals of the
// focus countries and their neighbours, none overlapping another.
type namesLayer struct {
	atlas    *geo.Atlas
	style    *style
	capitals []Place
}

// Draw places the labels and draws the capital dots, then the names.
func (l *namesLayer) Draw(c draw.Canvas, v geo.Viewport) {
	w, h := c.Size()
	dots, dotBoxes := l.capitalDots(v, w, h)
	labels, _ := PlaceLabels(c, w, h, l.labels(v, dots), dotBoxes)
	draw.BeginGroup(c, "capitals")
	m := capitalMarker(v.DeviceScale())
	for _, d := range dots {
		c.Marker(d.x, d.y, m)
	}
	draw.EndGroup(c)
	draw.BeginGroup(c, "names")
	for _, lb := range labels {
		c.Text(lb.X, lb.Y, lb.Text, lb.Style)
	}
	draw.EndGroup(c)
}

// capitalMarker is the symbol of a capital at scale s.
func capitalMarker(s float64) draw.Marker {
	return draw.Marker{
		Shape: draw.Circle, Size: capitalDot * s, Fill: ColourCapital,
		Outline: ColourHalo, OutlineWidth: s,
	}
}

// dot is a capital on screen.
type dot struct {
	place *Place
	class class
	x, y  float64
}

// capitalDots are the capitals of focus countries and neighbours that are
// on screen, and the boxes their dots cover.
func (l *namesLayer) capitalDots(v geo.Viewport, w, h int) ([]dot, []orb.Bound) {
	var (
		dots  []dot
		boxes []orb.Bound
	)
	r := dotRadius * v.DeviceScale()
	for i := range l.capitals {
		p := &l.capitals[i]
		cl := l.style.classOf(p.Country)
		if cl == classOther {
			continue
		}
		x, y := v.Project(p.Point)
		if x < 0 || y < 0 || x > float64(w) || y > float64(h) {
			continue
		}
		dots = append(dots, dot{p, cl, x, y})
		boxes = append(boxes, orb.Bound{Min: orb.Point{x - r, y - r}, Max: orb.Point{x + r, y + r}})
	}
	return dots, boxes
}

// labels are every label the map would like, most important first: focus
// country names and their capitals, then neighbours' names and capitals,
// then other countries by size on screen.
func (l *namesLayer) labels(v geo.Viewport, dots []dot) []Label {
	s := v.DeviceScale()
	type candidate struct {
		label Label
		class class
		rank  int     // order among focus countries
		area  float64 // on screen, for ordering the rest
		city  bool
	}
	var cands []candidate
	for _, pc := range l.atlas.Projected(v) {
		poly, area := largest(pc.Polygons)
		if poly == nil {
			continue
		}
		cl := l.style.classOf(pc.Country.Code)
		st := draw.TextStyle{Size: sizeOther * s, Colour: ColourLabel, Halo: ColourHalo, HaloWidth: 1.5 * s}
		switch cl {
		case classFocus:
			st.Size, st.Bold = sizeFocus*s, true
		case classNeighbour:
			st.Size = sizeNeighbour * s
		}
		x, y := interiorPoint(poly)
		// If the middle is taken (by a capital, say), try a little above,
		// below, then to either side.
		dy := st.Size * 1.1
		dx := st.Size * 2
		cands = append(cands, candidate{
			label: Label{Text: lang.Current().Country(pc.Country.Code, pc.Country.Name), X: x, Y: y, Style: st, Within: poly.Bound(), Else: []Spot{
				{x, y - dy, draw.AnchorCentre}, {x, y + dy, draw.AnchorCentre},
				{x - dx, y, draw.AnchorCentre}, {x + dx, y, draw.AnchorCentre},
			}},
			class: cl, rank: slices.Index(l.style.focusOrder, pc.Country.Code), area: area,
		})
	}
	for _, d := range dots {
		st := draw.TextStyle{Size: sizeCapital * s, Colour: ColourLabel, Halo: ColourHalo, HaloWidth: 1.5 * s, Anchor: draw.AnchorLeft}
		off := dotRadius*s + labelGap + 1 // clear of the dot's own box
		up := off + st.Size/2
		cands = append(cands, candidate{
			label: Label{Text: lang.Current().Capital(d.place.Name), X: d.x + off, Y: d.y, Style: st, Else: []Spot{
				{d.x - off, d.y, draw.AnchorRight},
				{d.x, d.y - up, draw.AnchorCentre},
				{d.x, d.y + up, draw.AnchorCentre},
			}},
			class: d.class, rank: slices.Index(l.style.focusOrder, d.place.Country), city: true,
		})
	}
	sort.SliceStable(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		if a.class != b.class {
			return a.class < b.class
		}
		if a.class == classFocus && a.rank != b.rank {
			return a.rank < b.rank
		}
		if a.city != b.city {
			return !a.city // a country's name before the capitals of its class
		}
		return a.area > b.area
	})
	out := make([]Label, len(cands))
	for i, c := range cands {
		out[i] = c.label
	}
	return out
}

// largest is the polygon of mp with the greatest area, and that area.
func largest(mp orb.MultiPolygon) (orb.Polygon, float64) {
	var (
		best orb.Polygon
		area float64
	)
	for _, p := range mp {
		if a := math.Abs(planar.Area(p)); a > area {
			best, area = p, a
		}
	}
	return best, area
}

// interiorPoint is where a polygon's name goes: its centroid when that
// lies inside it, otherwise the middle of the widest stretch of the
// polygon along the centroid's row.
func interiorPoint(p orb.Polygon) (x, y float64) {
	c, _ := planar.CentroidArea(p)
	if planar.PolygonContains(p, c) {
		return c[0], c[1]
	}
	var xs []float64
	for _, ring := range p {
		for i := 0; i+1 < len(ring); i++ {
			a, b := ring[i], ring[i+1]
			if (a[1] > c[1]) != (b[1] > c[1]) {
				xs = append(xs, a[0]+(c[1]-a[1])*(b[0]-a[0])/(b[1]-a[1]))
			}
		}
	}
	slices.SortFunc(xs, cmp.Compare)
	bestX, widest := c[0], -1.0
	for i := 0; i+1 < len(xs); i += 2 { // inside between crossings 0-1, 2-3, …
		if w := xs[i+1] - xs[i]; w > widest {
			bestX, widest = (xs[i]+xs[i+1])/2, w
		}
	}
	return bestX, c[1]
}
