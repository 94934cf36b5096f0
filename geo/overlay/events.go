package overlay

import (
	"sync"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
)

// EventLayer draws one symbol per event at its place, shaped and coloured
// by kind (StyleFor), hollow and dashed when the date is approximate, and
// gathers symbols that would overlap at the viewport's zoom into clusters
// showing their count.
//
// It is safe for concurrent use: SetEvents, Draw, HitTest and the legend
// methods may be called from any goroutines. The zero EventLayer draws
// nothing; use NewEventLayer.
type EventLayer struct {
	memo    memo
	mu      sync.Mutex
	set     *eventSet
	noGroup bool
	layouts layoutCache[*eventLayout]
	places  Places // names the places of the symbols drawn (Occupied); nil for none
}

// NewEventLayer returns a layer with no events that clusters symbols.
func NewEventLayer() *EventLayer {
	return &EventLayer{set: &eventSet{}}
}

// SetEvents replaces the events drawn: those of events that overlap the
// window from–to, both days included (a zero from and to keep every
// event; events with no year on the calendar are always kept and drawn as
// approximate). The layer copies the slice, so the caller may reuse it (as
// with data.Dataset.AppendBetween). It remembers each event's place,
// dates and kind the first time it sees the event, so the events
// themselves must not change (a Dataset's never do).
func (l *EventLayer) SetEvents(events []*data.Event, from, to data.Date) {
	l.replace(l.memo.setEvents(events, from, to))
}

// SetWindow keeps the events of the last SetEvents but draws only those
// that overlap from–to, as SetEvents would. It reads no event, only what
// the layer remembers of them, so it is the fast way to move the date
// slider: give the layer every event that passes the other filters once,
// then move the window.
func (l *EventLayer) SetWindow(from, to data.Date) {
	l.replace(l.memo.setWindow(from, to))
}

// replace makes set the events drawn.
func (l *EventLayer) replace(set *eventSet) {
	l.mu.Lock()
	l.set = set
	l.layouts.clear()
	l.mu.Unlock()
}

// SetClustering turns clustering on (the default) or off; with it off
// every event gets its own symbol, drawn in the order given, overlapping.
func (l *EventLayer) SetClustering(on bool) {
	l.mu.Lock()
	if l.noGroup == on {
		l.noGroup = !on
		l.layouts.clear()
	}
	l.mu.Unlock()
}

// Window returns the date window given to the last SetEvents.
func (l *EventLayer) Window() (from, to data.Date) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.set.from, l.set.to
}

// layout returns the layout for v of the current events, making it if the
// last two viewports were different.
func (l *EventLayer) layout(v geo.Viewport) *eventLayout {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.layouts.get(v, l.makeLayout)
}

// makeLayout lays out the current events for v; l.mu is held.
func (l *EventLayer) makeLayout(v geo.Viewport) *eventLayout {
	if l.set == nil {
		l.set = &eventSet{}
	}
	return newEventLayout(l.set, v, !l.noGroup)
}

// Draw draws the events for v on c: single symbols first, each of an
// inferred place over its PlaceHalo, then clusters with their counts over
// them, a cluster holding an event of an inferred place inside a ring as
// dotted.
func (l *EventLayer) Draw(c draw.Canvas, v geo.Viewport) {
	lo := l.layout(v)
	if lo.cells != nil {
		lo.drawDensity(c)
		return
	}
	if len(lo.symbols) == 0 {
		return
	}
	draw.BeginGroup(c, "events")
	ts := ClusterTextStyle(v.DeviceScale())
	halo, ring := PlaceHalo(v.DeviceScale()), PlaceApproxRing(v.DeviceScale())
	for i := range lo.symbols {
		s := &lo.symbols[i]
		switch {
		case s.cluster() && s.inferred:
			c.Marker(s.x, s.y, placeHaloAround(s.marker.Size, v.DeviceScale()))
		case !s.cluster() && codeInferred(lo.set.style(s.event)):
			c.Marker(s.x, s.y, halo)
		case !s.cluster() && codePlaceApprox(lo.set.style(s.event)):
			c.Marker(s.x, s.y, ring)
		}
		c.Marker(s.x, s.y, s.marker)
		if s.label != "" {
			c.Text(s.x, s.y, s.label, ts)
		}
	}
	draw.EndGroup(c)
}

// HitTest returns the event or cluster drawn under device pixel x, y for
// v: the one drawn last (on top) when several are. The events of a
// cluster are in the order given to SetEvents. Where the layer draws
// density, a hexagon is a cluster of its events.
func (l *EventLayer) HitTest(v geo.Viewport, x, y float64) Hit {
	lo := l.layout(v)
	scale := v.DeviceScale()
	if lo.cells != nil {
		if c := lo.hitCell(x, y, scale); c != nil {
			return Hit{Kind: HitCluster, Events: lo.eventsOf(lo.members[c.member:c.member+c.sites], c.count), X: c.x, Y: c.y}
		}
		return Hit{}
	}
	for i := len(lo.symbols) - 1; i >= 0; i-- {
		s := &lo.symbols[i]
		if !s.contains(x, y, scale) {
			continue
		}
		kind := HitEvent
		if s.cluster() {
			kind = HitCluster
		}
		return Hit{Kind: kind, Events: lo.events(s), X: s.x, Y: s.y}
	}
	return Hit{}
}

// Legend is what a legend must explain about the event symbols drawn for a
// viewport.
type Legend struct {
	Kinds       []data.Kind // kinds of the single symbols drawn, in data.Kinds order
	Approximate bool        // some symbol drawn is of an approximate date
	Inferred    bool        // some symbol drawn is of an inferred place (PlaceHalo)
	PlaceApprox bool        // some symbol drawn is of an approximate place (PlaceApproxRing)
	Clusters    bool        // some clusters are drawn
	// Density is the colours of the density hexagons drawn in place of
	// symbols, empty when symbols are drawn; Weighted says they count
	// fatalities rather than events.
	Density  []DensityClass
	Weighted bool
}

// Legend returns what the symbols drawn for v need explained.
func (l *EventLayer) Legend(v geo.Viewport) Legend {
	lo := l.layout(v)
	lg := Legend{Kinds: append([]data.Kind(nil), lo.kinds...), Approximate: lo.approx, Inferred: lo.inferred, PlaceApprox: lo.placeApprox}
	if lo.cells != nil {
		lg.Density, lg.Weighted = append([]DensityClass(nil), lo.classes...), lo.set.base.weighted
	}
	for i := range lo.symbols {
		if lo.symbols[i].cluster() {
			lg.Clusters = true
			break
		}
	}
	return lg
}
