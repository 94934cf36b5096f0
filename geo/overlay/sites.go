package overlay

import (
	"sort"
	"sync"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
)

// site is a point where events are drawn: every event given to the layer
// at that lon/lat that overlaps the window, counted.
type site struct {
	world    orb.Point // Web Mercator, see geo.ToWorld
	n        int32     // its events
	family   [4]int32  // how many of its events are of each Family
	inferred int32     // how many of its events are at an inferred place
	single   int32     // one of its events (the last), an index into eventSet.base: the event of a site of one
	weight   float64   // the fatalities of its events, when the data gives them
	first    int32     // its events are grouped().events[first : first+n]
	place    int32     // index into memo.worlds
}

// eventBase is the events of one SetEvents call with what grouping needs
// of each; never changed once made, so the eventSets of every window
// share it.
type eventBase struct {
	events []*data.Event
	infos  []eventInfo
	// sorted: every event is dated and they come by start; maxSpan is
	// the longest end − start among them, so a window's events lie
	// between two binary searches.
	sorted   bool
	maxSpan  int32
	weighted bool // some event gives its fatalities
}

// eventSet is the events of one window counted by site. It is never
// changed once made, so layouts and hit tests may share it; the events
// grouped by site are listed only when something asks for them (a hit
// test, a layer that does not cluster), so a slider step reads a few
// bytes an event and allocates nothing in proportion to the events.
type eventSet struct {
	from, to data.Date
	base     *eventBase
	sites    []site // in the order of their first event
	inView   int32  // the events counted in sites
	once     sync.Once
	groups   *siteGroups
}

// siteGroups is an eventSet's events grouped by site.
type siteGroups struct {
	events []*data.Event // grouped by site; in input order within a site
	order  []int32       // the input position of each of events
}

// style is the style code of the event at index i of the base.
func (s *eventSet) style(i int32) uint8 { return s.base.infos[i].style }

// event is the event at index i of the base.
func (s *eventSet) event(i int32) *data.Event { return s.base.events[i] }

// grouped returns the set's events grouped by site, listing them on the
// first call.
func (s *eventSet) grouped() *siteGroups {
	s.once.Do(func() {
		g := &siteGroups{events: make([]*data.Event, s.inView), order: make([]int32, s.inView)}
		next := make([]int32, len(s.sites))
		siteOf := make(map[int32]int32, len(s.sites)) // by place
		for k := range s.sites {
			next[k] = s.sites[k].first
			siteOf[s.sites[k].place] = int32(k)
		}
		b := s.base
		s.scan(func(i int32, info *eventInfo) {
			k := siteOf[info.place]
			g.events[next[k]] = b.events[i]
			g.order[next[k]] = i
			next[k]++
		})
		s.groups = g
	})
	return s.groups
}

// siteEvents returns the events of site k.
func (s *eventSet) siteEvents(k int32) []*data.Event {
	st := &s.sites[k]
	return s.grouped().events[st.first : st.first+st.n]
}

// scan calls f, in input order, with every event of the base that
// overlaps the set's window (every event when from and to are zero;
// undated events always).
func (s *eventSet) scan(f func(i int32, info *eventInfo)) {
	b := s.base
	lo, hi, window, fromDay, toDay := s.bounds()
	for i := lo; i < hi; i++ {
		info := &b.infos[i]
		if window && info.dated && (info.start > toDay || info.end < fromDay) {
			continue
		}
		f(int32(i), info)
	}
}

// bounds returns the part [lo, hi) of the base that scan reads, whether
// the set has a window, and the window's days.
func (s *eventSet) bounds() (lo, hi int, window bool, fromDay, toDay int32) {
	b := s.base
	lo, hi = 0, len(b.infos)
	window = !s.from.IsZero() || !s.to.IsZero()
	if window {
		fromDay, toDay = s.from.Days(), s.to.Days()
		if b.sorted {
			lo = sort.Search(len(b.infos), func(i int) bool { return b.infos[i].start >= fromDay-b.maxSpan })
			hi = sort.Search(len(b.infos), func(i int) bool { return b.infos[i].start > toDay })
		}
	}
	return lo, hi, window, fromDay, toDay
}

// eventInfo is what grouping needs of an event, kept compact: reading it
// from the events themselves, scattered over the heap, costs three cache
// misses an event, most of a slider step with 100,000 events.
type eventInfo struct {
	place      int32   // index into memo.worlds
	start, end int32   // Date.Days; dated is false when there are none
	weight     float32 // fatalities, when the data gives them
	family     Family
	dated      bool
	style      uint8 // styleCode
	weighted   bool  // the data gives its fatalities
}

// memo remembers the eventInfo of the events a layer has been given (in
// ref, a base it keeps), and the Web Mercator position of every point, so
// SetEvents touches an event's memory only when it was not given before.
// It is guarded by its mutex; the eventSets it makes share nothing with it
// but the bases, which it never changes.
//
// Events come in the dataset's order (by start date), whatever the
// filter, so the events of a call are found in ref by walking both lists
// once: no map of every event (40 bytes and more an event, for good), and
// a pointer comparison, not a hash lookup, for each.
type memo struct {
	mu     sync.Mutex
	ref    *eventBase // the largest base made since the events last changed order or dataset
	places map[orb.Point]int32
	worlds []orb.Point
	base   *eventBase // the events of the last setEvents
	local  []int32    // scratch: site index in the set being made, by place; -1 when none
	used   []int32    // scratch: the places whose local is set
	sites  int        // the sites of the last set made: the next, a step of the slider away, has about as many
}

// maxPlaces bounds how many places the memo keeps, so a layer given one
// dataset after another does not keep them all: beyond it, it starts
// afresh.
const maxPlaces = 1 << 20

// setEvents remembers events (copying the slice) with their eventInfo,
// and groups those that overlap from–to.
func (m *memo) setEvents(events []*data.Event, from, to data.Date) *eventSet {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.places == nil || len(m.worlds) > maxPlaces {
		m.places = map[orb.Point]int32{}
		m.worlds = m.worlds[:0]
		m.ref = nil // its places are gone
	}
	// A new base each time: the sets of earlier windows still read theirs.
	b := &eventBase{events: make([]*data.Event, 0, len(events)), infos: make([]eventInfo, 0, len(events)), sorted: true}
	var ref []*data.Event
	if m.ref != nil {
		ref = m.ref.events
	}
	j, missed := 0, false // the walk along ref; whether an event was not in it
	for _, e := range events {
		if e == nil {
			continue
		}
		var info eventInfo
		for j < len(ref) && ref[j] != e {
			j++
		}
		if j < len(ref) {
			info = m.ref.infos[j]
			j++
		} else {
			info = m.learn(e)
			missed, ref = true, nil // not in ref, or out of its order: learn the rest
		}
		b.weighted = b.weighted || info.weighted
		if n := len(b.infos); !info.dated || n > 0 && b.infos[n-1].start > info.start {
			b.sorted = false // undated, or not by date: every window reads them all
		}
		if info.dated {
			b.maxSpan = max(b.maxSpan, info.end-info.start)
		}
		b.events = append(b.events, e)
		b.infos = append(b.infos, info)
	}
	m.base = b
	if missed || m.ref == nil || len(b.events) >= len(m.ref.events) {
		m.ref = b // the next call, a filter away, is looked up in this one
	}
	return m.group(from, to)
}

// setWindow groups the events of the last setEvents that overlap from–to.
func (m *memo) setWindow(from, to data.Date) *eventSet {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.group(from, to)
}

// group counts the remembered events that overlap from–to (or all of
// them when both are zero; undated events are always kept) by where they
// are drawn: one pass over compact arrays (a binary search finds the
// window's part when the events come by date), no sort and no reading of
// the events themselves. m.mu is held.
func (m *memo) group(from, to data.Date) *eventSet {
	if m.base == nil {
		m.base = &eventBase{}
	}
	s := &eventSet{from: from, to: to, base: m.base}
	// Made to the size the last window needed, and a little more, rather
	// than grown by doubling: tens of thousands of sites a slider step
	// would otherwise leave twice their size as garbage.
	s.sites = make([]site, 0, m.sites+m.sites/16)
	for len(m.local) < len(m.worlds) {
		m.local = append(m.local, -1)
	}
	// scan's loop written out, with no call of a closure for each of
	// what may be a million events.
	infos, local, worlds := s.base.infos, m.local, m.worlds
	lo, hi, window, fromDay, toDay := s.bounds()
	for i := lo; i < hi; i++ {
		info := &infos[i]
		if window && info.dated && (info.start > toDay || info.end < fromDay) {
			continue
		}
		k := local[info.place]
		if k < 0 {
			k = int32(len(s.sites))
			local[info.place] = k
			s.sites = append(s.sites, site{world: worlds[info.place], place: info.place})
			m.used = append(m.used, info.place)
		}
		st := &s.sites[k]
		st.n++
		st.family[info.family]++
		st.single = int32(i)
		st.weight += float64(info.weight)
		if codeInferred(info.style) {
			st.inferred++
		}
	}
	// Reset the scratch for the next call, touching only what was used.
	for _, p := range m.used {
		m.local[p] = -1
	}
	m.used = m.used[:0]
	for k := range s.sites {
		s.sites[k].first = s.inView
		s.inView += s.sites[k].n
	}
	m.sites = len(s.sites)
	return s
}

// learn reads what grouping needs from e, remembering its place.
func (m *memo) learn(e *data.Event) eventInfo {
	at := e.At()
	p, ok := m.places[at]
	if !ok {
		p = int32(len(m.worlds))
		m.places[at] = p
		m.worlds = append(m.worlds, geo.ToWorld(at))
	}
	info := eventInfo{place: p, family: FamilyOf(e.Kind), dated: e.Dated(), style: styleCode(e)}
	info.weight, info.weighted = Fatalities(e)
	if info.dated {
		info.start, info.end = e.Start.Days(), e.End.Days()
	}
	return info
}

// styleCode numbers the symbols an event can have: eight times the kind's
// position in KindStyles (len(KindStyles) for a kind not in it), plus four
// when the place is approximate (drawn with PlaceApproxRing), plus two when
// it is inferred (drawn with PlaceHalo), plus one when the date is
// approximate. markerTable turns it into a Marker.
func styleCode(e *data.Event) uint8 {
	i := len(KindStyles)
	if st, ok := styleIndex[e.Kind]; ok {
		i = st
	}
	c := uint8(8 * i)
	if PlaceApproximate(e) {
		c += 4
	}
	if PlaceInferred(e) {
		c += 2
	}
	if Approximate(e) {
		c++
	}
	return c
}

// The parts of a style code.
func codeKind(c uint8) int         { return int(c / 8) }
func codeApproximate(c uint8) bool { return c%2 == 1 }
func codeInferred(c uint8) bool    { return c%4 >= 2 }
func codePlaceApprox(c uint8) bool { return c%8 >= 4 }

// numStyleCodes is the number of style codes.
var numStyleCodes = 8 * (len(KindStyles) + 1)

// markerTable returns the Marker of every style code at scale.
func markerTable(scale float64) []draw.Marker {
	t := make([]draw.Marker, numStyleCodes)
	for i := range len(KindStyles) + 1 {
		var k data.Kind
		if i < len(KindStyles) {
			k = KindStyles[i].Kind
		}
		for _, place := range []int{0, 2, 4, 6} {
			t[8*i+place] = StyleFor(k, scale)
			t[8*i+place+1] = ApproximateStyleFor(k, scale)
		}
	}
	return t
}
