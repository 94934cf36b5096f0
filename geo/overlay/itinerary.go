package overlay

import (
	"image/color"
	"slices"
	"strconv"
	"sync"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
)

// ItineraryColour is the colour of an itinerary's legs and of the
// outline and number of its stops.
var ItineraryColour = color.RGBA{0x22, 0x22, 0x22, 0xFF}

// stopSize is the width of an itinerary stop in logical pixels.
const stopSize = 16

// stop is one visit of an itinerary.
type stop struct {
	at     orb.Point // destination, Web Mercator
	origin orb.Point // where the visitor came from, Web Mercator
	known  bool      // origin is known
	visit  *data.Event
}

// ItineraryLayer draws one actor's travels: the visits naming the actor,
// in date order, each a numbered stop at the place visited, joined by
// arcs with arrowheads. A leg starts at the visit's origin when the data
// gives one, otherwise at the previous stop; where an origin is not the
// previous stop, a thin straight line joins them, for the travel the
// sources do not describe. Visits with no year on the calendar are left
// out, since they cannot be put in order.
//
// It is safe for concurrent use, like EventLayer.
type ItineraryLayer struct {
	places  Places
	mu      sync.Mutex
	actor   string
	events  []*data.Event
	from    data.Date
	to      data.Date
	stops   []stop
	layouts layoutCache[*itineraryLayout]
}

// NewItineraryLayer returns a layer for the actor with id actor, finding
// places in places.
func NewItineraryLayer(places Places, actor string) *ItineraryLayer {
	return &ItineraryLayer{places: places, actor: actor}
}

// SetActor changes whose itinerary is drawn.
func (l *ItineraryLayer) SetActor(actor string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.actor = actor
	l.rebuild()
}

// SetEvents replaces the events the itinerary is taken from, keeping
// those that overlap from–to as EventLayer.SetEvents does.
func (l *ItineraryLayer) SetEvents(events []*data.Event, from, to data.Date) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.events = l.events[:0]
	for _, e := range events {
		if e != nil && e.Kind == data.KindVisit && e.Dated() {
			l.events = append(l.events, e)
		}
	}
	l.from, l.to = from, to
	l.rebuild()
}

// Stops returns the visits of the itinerary in the order they are
// numbered.
func (l *ItineraryLayer) Stops() []*data.Event {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make([]*data.Event, len(l.stops))
	for i, s := range l.stops {
		out[i] = s.visit
	}
	return out
}

// rebuild works out the stops; l.mu is held.
func (l *ItineraryLayer) rebuild() {
	l.layouts.clear()
	l.stops = l.stops[:0]
	window := !l.from.IsZero() || !l.to.IsZero()
	var visits []*data.Event
	for _, e := range l.events {
		if slices.Contains(e.Actors, l.actor) && (!window || e.Overlaps(l.from, l.to)) {
			visits = append(visits, e)
		}
	}
	slices.SortStableFunc(visits, func(a, b *data.Event) int {
		if c := a.Start.Compare(b.Start); c != 0 {
			return c
		}
		return a.End.Compare(b.End)
	})
	for _, e := range visits {
		s := stop{at: geo.ToWorld(e.At()), visit: e}
		if o := l.places.Place(e.Origin); e.Origin != "" && o != nil {
			s.origin, s.known = geo.ToWorld(o.Point), true
		}
		l.stops = append(l.stops, s)
	}
}

// itineraryLayout is the itinerary drawn for one viewport.
type itineraryLayout struct {
	legs       []drawnArc
	connectors orb.MultiLineString // origin not the previous stop
	stops      []drawnStop
}

type drawnStop struct {
	x, y   float64
	n      int // its number, from 1
	visits []*data.Event
}

// layout returns the itinerary drawn for v, laying it out if the last two
// viewports were different.
func (l *ItineraryLayer) layout(v geo.Viewport) *itineraryLayout {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.layouts.get(v, l.makeLayout)
}

// makeLayout lays out the stops and legs for v; l.mu is held.
func (l *ItineraryLayer) makeLayout(v geo.Viewport) *itineraryLayout {
	lo := &itineraryLayout{}
	af, scale := v.WorldTransform(), v.DeviceScale()
	w, h := v.PixelSize()
	view := viewBound(w, h, stopSize*scale)
	for i, s := range l.stops {
		start, ok := s.origin, s.known
		if i > 0 {
			prev := l.stops[i-1].at
			if !ok {
				start, ok = prev, true
			} else if prev != start {
				px, py := af.Pixel(prev)
				sx, sy := af.Pixel(start)
				lo.connectors = append(lo.connectors, clipLine(view, orb.LineString{{px, py}, {sx, sy}})...)
			}
		}
		if ok && start != s.at {
			// The arrow stops at the edge of the stop's disc.
			arc, pieces, arrow := layoutArc(af, start, s.at, w, h, scale, (stopSize/2+1)*scale)
			if len(pieces) > 0 || arrow {
				lo.legs = append(lo.legs, drawnArc{arc: arc, pieces: pieces, arrow: arrow, width: 2 * scale, visits: []*data.Event{s.visit}, stop: i + 1})
			}
		}
		x, y := af.Pixel(s.at)
		if !view.Contains(orb.Point{x, y}) {
			continue
		}
		// Stops at one place share a disc: the later number is written,
		// and the hit test returns every visit there.
		if k := len(lo.stops) - 1; k >= 0 && lo.stops[k].x == x && lo.stops[k].y == y {
			lo.stops[k].n = i + 1
			lo.stops[k].visits = append(lo.stops[k].visits, s.visit)
			continue
		}
		lo.stops = append(lo.stops, drawnStop{x: x, y: y, n: i + 1, visits: []*data.Event{s.visit}})
	}
	return lo
}

// stopMarker is the disc of an itinerary stop.
func stopMarker(scale float64) draw.Marker {
	return draw.Marker{Shape: draw.Circle, Size: stopSize * scale, Fill: color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}, Outline: ItineraryColour, OutlineWidth: 2 * scale}
}

// Draw draws the itinerary for v: connectors, legs, then numbered stops.
func (l *ItineraryLayer) Draw(c draw.Canvas, v geo.Viewport) {
	lo := l.layout(v)
	if len(lo.stops) == 0 && len(lo.legs) == 0 {
		return
	}
	scale := v.DeviceScale()
	draw.BeginGroup(c, "itinerary")
	if len(lo.connectors) > 0 {
		var p draw.Path
		for _, ls := range lo.connectors {
			addDashed(&p, ls, 3*scale, 3*scale)
		}
		c.StrokePath(p, scale, ItineraryColour)
	}
	drawArcs(c, lo.legs, scale, ItineraryColour)
	m := stopMarker(scale)
	ts := draw.TextStyle{Size: 10 * scale, Bold: true, Colour: ItineraryColour, Anchor: draw.AnchorCentre}
	for _, s := range lo.stops {
		c.Marker(s.x, s.y, m)
		c.Text(s.x, s.y, strconv.Itoa(s.n), ts)
	}
	draw.EndGroup(c)
}

// HitTest returns the stop (HitStop, with every visit drawn at it) or the
// leg (HitArc, with the visit it leads to) drawn for v under device pixel
// x, y; stops are on top of legs.
func (l *ItineraryLayer) HitTest(v geo.Viewport, x, y float64) Hit {
	lo := l.layout(v)
	scale := v.DeviceScale()
	r := stopSize*scale/2 + scale
	for i := len(lo.stops) - 1; i >= 0; i-- {
		s := lo.stops[i]
		if (x-s.x)*(x-s.x)+(y-s.y)*(y-s.y) <= r*r {
			return Hit{Kind: HitStop, Events: s.visits[:len(s.visits):len(s.visits)], X: s.x, Y: s.y, Stop: s.n}
		}
	}
	return hitArcs(lo.legs, x, y, scale)
}
