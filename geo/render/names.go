package render

import (
	"cmp"
	"math"
	"slices"

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

// namesLayer knows the map's own names: the countries', the capitals of
// the focus countries and their neighbours, and towns by zoom. As a base
// layer it draws only the capital dots; the names are placed after the
// overlays (see Map.RenderTo), clear of whatever they drew.
type namesLayer struct {
	atlas    *geo.Atlas
	style    *style
	capitals []Place
	towns    *towns
}

// Draw draws the capital dots.
func (l *namesLayer) Draw(c draw.Canvas, v geo.Viewport) {
	w, h := c.Size()
	dots, _ := l.capitalDots(v, w, h)
	draw.BeginGroup(c, "capitals")
	m := capitalMarker(v.DeviceScale())
	for _, d := range dots {
		c.Marker(d.x, d.y, m)
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

// labels are every label the map would like before the overlays are
// known, measured with m: country names (focus countries', neighbours',
// then the rest by size on screen), the capitals beside their dots, and
// the towns of v's zoom.
func (l *namesLayer) labels(v geo.Viewport, m Measurer, dots []dot) []wanted {
	s := v.DeviceScale()
	var out []wanted
	for _, pc := range l.atlas.Projected(v) {
		poly, area := largest(pc.Polygons)
		if poly == nil {
			continue
		}
		cl := l.style.classOf(pc.Country.Code)
		st := draw.TextStyle{Size: sizeOther * s, Colour: ColourLabel, Halo: ColourHalo, HaloWidth: 1.5 * s}
		t := tierOtherName
		switch cl {
		case classFocus:
			st.Size, st.Bold = sizeFocus*s, true
			t = tierFocusName
		case classNeighbour:
			st.Size = sizeNeighbour * s
			t = tierNeighbourName
		}
		text := lang.Current().Country(pc.Country.Code, pc.Country.Name)
		w, h := m.MeasureText(text, st)
		within := poly.Bound()
		if cl != classFocus && !canHold(within, w, h) {
			continue // the name fits at none of its spots: it would not be placed
		}
		x, y := interiorPoint(poly)
		// If the middle is taken (by a capital, say), try a little above,
		// below, then to either side, then further inside the country.
		dy := st.Size * 1.1
		dx := st.Size * 2
		spots := []Spot{
			{x, y - dy, draw.AnchorCentre}, {x, y + dy, draw.AnchorCentre},
			{x - dx, y, draw.AnchorCentre}, {x + dx, y, draw.AnchorCentre},
		}
		rank := -area
		if cl == classFocus {
			rank = float64(slices.Index(l.style.focusOrder, pc.Country.Code))
		}
		lb := Label{Text: text, X: x, Y: y, Style: st, Within: within, Else: spots}
		wd := wanted{Label: lb, w: w, h: h, tier: t, rank: rank, country: true, inner: &spotsInside{poly: poly}}
		if cl == classFocus { // named whatever it takes: on a leader line from inside it if need be
			wd.must, wd.feature = true, orb.Bound{Min: orb.Point{x - 1, y - 1}, Max: orb.Point{x + 1, y + 1}}
		}
		out = append(out, wd)
	}
	for _, d := range dots {
		st := draw.TextStyle{Size: sizeCapital * s, Colour: ColourLabel, Halo: ColourHalo, HaloWidth: 1.5 * s}
		r := dotRadius * s
		feature := orb.Bound{Min: orb.Point{d.x - r, d.y - r}, Max: orb.Point{d.x + r, d.y + r}}
		// A focus country's capital is named whatever it takes, on a
		// leader line if need be; a neighbour's where there is room
		// (unless events happened there: see mergeNames).
		t, rank, must := tierNeighbourCapital, 0.0, false
		if d.class == classFocus {
			t, rank, must = tierFocusCapital, float64(slices.Index(l.style.focusOrder, d.place.Country)), true
		}
		out = append(out, beside(m, lang.Current().Capital(d.place.Name), st, feature, t, rank, must))
	}
	return append(out, l.towns.labels(v, m, l.style)...)
}

// canHold reports whether a w×h box may lie inside within: a country's
// name must lie inside its polygon's bound (Label.Within), so a name
// wider or taller than the bound is placed at none of its spots. The
// test leaves a margin for rounding: a name it keeps may still not fit.
func canHold(within orb.Bound, w, h float64) bool {
	const slack = 1e-6
	return w <= within.Max[0]-within.Min[0]+slack && h <= within.Max[1]-within.Min[1]+slack
}

// innerSpots are further places for a country's name inside its largest
// polygon, around x, y: a quarter of the way to each side of its bound b.
func innerSpots(poly orb.Polygon, b orb.Bound, x, y float64) []Spot {
	qx, qy := (b.Max[0]-b.Min[0])/4, (b.Max[1]-b.Min[1])/4
	var out []Spot
	for _, d := range [][2]float64{{0, -1}, {0, 1}, {-1, 0}, {1, 0}, {-1, -1}, {1, -1}, {-1, 1}, {1, 1}} {
		p := orb.Point{x + d[0]*qx, y + d[1]*qy}
		if planar.PolygonContains(poly, p) {
			out = append(out, Spot{p[0], p[1], draw.AnchorCentre})
		}
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
