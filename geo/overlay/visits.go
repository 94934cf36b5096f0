package overlay

import (
	"image/color"
	"sync"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
)

// Places finds a place by id; *data.Dataset is one.
type Places interface {
	Place(id string) *data.Place
}

// VisitColour is the colour of visit arcs: the visit kind's colour.
var VisitColour = StyleOf(data.KindVisit).Colour

// casing is the white edge drawn under lines to keep them legible.
var casing = color.RGBA{0xD0, 0xD0, 0xD0, 0xD0} // white at 82 %, premultiplied

// route is every visit given to a layer from one place to another.
type route struct {
	from, to orb.Point // Web Mercator, see geo.ToWorld
	visits   []*data.Event
	approx   bool      // every visit on it has an approximate date
	names    [2]string // of the origin and the place visited, for an arc leaving the frame
}

// VisitLayer draws each visit that has an origin as a curved arc from the
// origin to the place visited, with an arrowhead at the destination (see
// NewArc). Visits along the same route share one arc, wider the more
// visits it carries, and dashed when all their dates are approximate.
// Arcs leaving the view are clipped to it; the arrowhead is drawn when the
// destination shows.
//
// It is safe for concurrent use, like EventLayer.
type VisitLayer struct {
	places  Places
	mu      sync.Mutex
	routes  []route
	layouts layoutCache[*arcLayout]
}

// NewVisitLayer returns a layer finding origins and destinations in
// places.
func NewVisitLayer(places Places) *VisitLayer {
	return &VisitLayer{places: places}
}

// SetEvents replaces the visits drawn with those among events that
// overlap from–to, as EventLayer.SetEvents does; events that are not
// visits, or have no known origin, are skipped.
func (l *VisitLayer) SetEvents(events []*data.Event, from, to data.Date) {
	routes := routesOf(l.places, events, from, to)
	l.mu.Lock()
	l.routes = routes
	l.layouts.clear()
	l.mu.Unlock()
}

// routesOf groups the visits with a known origin by route, in the order
// of each route's first visit.
func routesOf(places Places, events []*data.Event, from, to data.Date) []route {
	window := !from.IsZero() || !to.IsZero()
	type key struct{ from, to orb.Point }
	index := map[key]int{}
	var routes []route
	for _, e := range events {
		if e == nil || e.Kind != data.KindVisit || e.Origin == "" || (window && e.Dated() && !e.Overlaps(from, to)) {
			continue
		}
		o := places.Place(e.Origin)
		if o == nil || o.Point == e.At() {
			continue
		}
		k := key{o.Point, e.At()}
		i, ok := index[k]
		if !ok {
			i = len(routes)
			index[k] = i
			routes = append(routes, route{from: geo.ToWorld(o.Point), to: geo.ToWorld(e.At()), approx: true, names: [2]string{o.Name, placeName(places, e.Place)}})
		}
		routes[i].visits = append(routes[i].visits, e)
		routes[i].approx = routes[i].approx && Approximate(e)
	}
	return routes
}

// drawnArc is an arc as laid out for one viewport.
type drawnArc struct {
	arc    Arc
	pieces orb.MultiLineString // the curve clipped to the view
	arrow  bool                // the arrowhead shows
	width  float64
	dashed bool
	visits []*data.Event
	stop   int       // for an itinerary: the number of the stop the leg ends at
	names  [2]string // of the arc's two ends, for one leaving the frame
}

// arcLayout is a layer's arcs for one viewport; never changed once made.
type arcLayout struct {
	arcs []drawnArc
}

// routeWidth is the width in logical pixels of an arc carrying n visits.
func routeWidth(n int) float64 {
	return 1.5 + 0.5*float64(min(n-1, 4))
}

// layoutArc flattens one arc from world a to world b for a w×h view, its
// tip gap pixels short of b, and clips it to the view: it returns the
// arc, the pieces of its curve in view, and whether the arrowhead shows.
func layoutArc(af geo.WorldTransform, a, b orb.Point, w, h int, scale, gap float64) (Arc, orb.MultiLineString, bool) {
	ax, ay := af.Pixel(a)
	bx, by := af.Pixel(b)
	arc := NewArc(orb.Point{ax, ay}, orb.Point{bx, by}, scale, gap)
	view := viewBound(w, h, 4*scale)
	return arc, clipLine(view, arc.Line), view.Contains(arc.Tip)
}

// layout returns the arcs for v, laying them out if the last two
// viewports were different.
func (l *VisitLayer) layout(v geo.Viewport) *arcLayout {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.layouts.get(v, l.makeLayout)
}

// makeLayout lays out the routes for v; l.mu is held.
func (l *VisitLayer) makeLayout(v geo.Viewport) *arcLayout {
	lo := &arcLayout{}
	af, scale := v.WorldTransform(), v.DeviceScale()
	w, h := v.PixelSize()
	for _, r := range l.routes {
		arc, pieces, arrow := layoutArc(af, r.from, r.to, w, h, scale, (SymbolSize/2+1)*scale)
		if len(pieces) == 0 && !arrow {
			continue
		}
		lo.arcs = append(lo.arcs, drawnArc{
			arc: arc, pieces: pieces, arrow: arrow, dashed: r.approx,
			width: routeWidth(len(r.visits)) * scale, visits: r.visits, names: r.names,
		})
	}
	return lo
}

// Draw draws the arcs for v on c: a white casing, then the curves, then
// the arrowheads, each as few paths as there are widths.
func (l *VisitLayer) Draw(c draw.Canvas, v geo.Viewport) {
	lo := l.layout(v)
	if len(lo.arcs) == 0 {
		return
	}
	draw.BeginGroup(c, "visits")
	drawArcs(c, lo.arcs, v.DeviceScale(), VisitColour)
	draw.EndGroup(c)
}

// drawArcs strokes arcs in colour over a casing, grouping arcs of one
// width into one path, and fills every arrowhead as one path.
func drawArcs(c draw.Canvas, arcs []drawnArc, scale float64, colour color.RGBA) {
	byWidth := map[float64]*draw.Path{}
	var widths []float64
	var arrows draw.Path
	for i := range arcs {
		a := &arcs[i]
		p := byWidth[a.width]
		if p == nil {
			p = &draw.Path{}
			byWidth[a.width] = p
			widths = append(widths, a.width)
		}
		for _, piece := range a.pieces {
			if a.dashed {
				addDashed(p, piece, 6*scale, 4*scale)
			} else {
				p.AddLine(piece)
			}
		}
		if a.arrow {
			arrows.AddRing(a.arc.Arrow)
		}
	}
	for _, wd := range widths {
		c.StrokePath(*byWidth[wd], wd+2*scale, casing)
	}
	for _, wd := range widths {
		c.StrokePath(*byWidth[wd], wd, colour)
	}
	c.FillPath(arrows, colour)
	c.StrokePath(closeRings(arrows), scale, casing)
}

// closeRings returns p's rings as polylines ending where they start, for
// outlining.
func closeRings(p draw.Path) draw.Path {
	out := make(draw.Path, 0, len(p))
	for _, r := range p {
		if len(r) > 0 && r[0] != r[len(r)-1] {
			r = append(r[:len(r):len(r)], r[0])
		}
		out = append(out, r)
	}
	return out
}

// HitTest returns the arc drawn for v nearest to device pixel x, y within
// a few pixels of its curve or on its arrowhead, with every visit along
// it, or a miss.
func (l *VisitLayer) HitTest(v geo.Viewport, x, y float64) Hit {
	return hitArcs(l.layout(v).arcs, x, y, v.DeviceScale())
}

// ArcTolerance is how far, in logical pixels, from the edge of a drawn
// line a hit test still finds it.
const ArcTolerance = 3

// hitArcs finds the nearest of arcs to x, y.
func hitArcs(arcs []drawnArc, x, y, scale float64) Hit {
	p := orb.Point{x, y}
	best := Hit{}
	bestD := 0.0
	for i := range arcs {
		a := &arcs[i]
		tol := a.width/2 + ArcTolerance*scale
		d, at := 1e300, orb.Point{}
		if a.arrow && planar.RingContains(a.arc.Arrow, p) {
			d, at = 0, p
		}
		for _, piece := range a.pieces {
			if dd, q := nearestOnLine(p, piece); dd < d {
				d, at = dd, q
			}
		}
		if d <= tol && (!best.OK() || d < bestD) {
			best = Hit{Kind: HitArc, Events: a.visits[:len(a.visits):len(a.visits)], X: at[0], Y: at[1], Stop: a.stop}
			bestD = d
		}
	}
	return best
}

// Arcs returns the arcs drawn for v, in device pixels, for exports and
// tests: one per route shown.
func (l *VisitLayer) Arcs(v geo.Viewport) []Arc {
	lo := l.layout(v)
	out := make([]Arc, len(lo.arcs))
	for i := range lo.arcs {
		out[i] = lo.arcs[i].arc
	}
	return out
}
