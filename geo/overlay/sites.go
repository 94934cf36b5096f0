package overlay

import (
	"sync"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
)

// site is a point where events are drawn: every event given to the layer
// at that lon/lat.
type site struct {
	world    orb.Point // Web Mercator, see geo.ToWorld
	first, n int32     // the site's events are eventSet.events[first : first+n]
	family   [4]int32  // how many of its events are of each Family
}

// eventSet is the events of one SetEvents call grouped by site. It is
// never changed once made, so layouts and hit tests may share it.
type eventSet struct {
	from, to data.Date
	events   []*data.Event // grouped by site; in input order within a site
	order    []int32       // the input position of each of events
	styles   []uint8       // the styleCode of each of events
	sites    []site        // in the order of their first event
}

// siteEvents returns the events of site k.
func (s *eventSet) siteEvents(k int32) []*data.Event {
	st := &s.sites[k]
	return s.events[st.first : st.first+st.n]
}

// eventInfo is what grouping needs of an event, kept compact: reading it
// from the events themselves, scattered over the heap, costs three cache
// misses an event, most of a slider step with 100,000 events.
type eventInfo struct {
	place      int32 // index into memo.worlds
	start, end int32 // Date.Days; dated is false when there are none
	family     Family
	dated      bool
	style      uint8 // styleCode
}

// memo remembers eventInfo for every event a layer has been given, and
// the Web Mercator position of every point, so SetEvents touches each
// event's memory only the first time it sees it. It is guarded by its
// mutex; the eventSets it makes share nothing with it.
type memo struct {
	mu     sync.Mutex
	info   map[*data.Event]eventInfo
	places map[orb.Point]int32
	worlds []orb.Point
	events []*data.Event // the events of the last setEvents
	infos  []eventInfo   // and what grouping needs of each
	local  []int32       // scratch: site index in the set being made, by place; -1 when none
	used   []int32       // scratch: the places whose local is set
	siteOf []int32       // scratch: site of each input event, -1 when left out
}

// maxMemo bounds how many events the memo keeps beyond those of the
// current call, so a layer given one dataset after another does not keep
// them all.
const maxMemo = 1 << 20

// setEvents remembers events (copying the slice) with their eventInfo,
// and groups those that overlap from–to.
func (m *memo) setEvents(events []*data.Event, from, to data.Date) *eventSet {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.info == nil || len(m.info) > maxMemo+len(events) {
		m.info = make(map[*data.Event]eventInfo, len(events))
		m.places = map[orb.Point]int32{}
		m.worlds = m.worlds[:0]
	}
	m.events = m.events[:0]
	m.infos = m.infos[:0]
	for _, e := range events {
		if e == nil {
			continue
		}
		info, ok := m.info[e]
		if !ok {
			info = m.learn(e)
		}
		m.events = append(m.events, e)
		m.infos = append(m.infos, info)
	}
	return m.group(from, to)
}

// setWindow groups the events of the last setEvents that overlap from–to.
func (m *memo) setWindow(from, to data.Date) *eventSet {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.group(from, to)
}

// group groups the remembered events that overlap from–to (or all of
// them when both are zero; undated events are always kept) by where they
// are drawn, with a counting sort: two sequential passes over compact
// arrays, no comparison sort and no reading of the events themselves.
// m.mu is held.
func (m *memo) group(from, to data.Date) *eventSet {
	s := &eventSet{from: from, to: to}
	window := !from.IsZero() || !to.IsZero()
	var fromDay, toDay int32
	if window {
		fromDay, toDay = from.Days(), to.Days()
	}
	if cap(m.siteOf) < len(m.infos) {
		m.siteOf = make([]int32, len(m.infos))
	}
	siteOf := m.siteOf[:len(m.infos)]
	for len(m.local) < len(m.worlds) {
		m.local = append(m.local, -1)
	}
	for i := range m.infos {
		info := &m.infos[i]
		siteOf[i] = -1
		if window && info.dated && (info.start > toDay || info.end < fromDay) {
			continue
		}
		k := m.local[info.place]
		if k < 0 {
			k = int32(len(s.sites))
			m.local[info.place] = k
			s.sites = append(s.sites, site{world: m.worlds[info.place]})
			m.used = append(m.used, info.place)
		}
		siteOf[i] = k
		st := &s.sites[k]
		st.n++
		st.family[info.family]++
	}
	// Reset the scratch for the next call, touching only what was used.
	for _, p := range m.used {
		m.local[p] = -1
	}
	m.used = m.used[:0]
	var total int32
	for k := range s.sites {
		s.sites[k].first = total
		total += s.sites[k].n
	}
	s.events = make([]*data.Event, total)
	s.order = make([]int32, total)
	s.styles = make([]uint8, total)
	next := make([]int32, len(s.sites))
	for k := range s.sites {
		next[k] = s.sites[k].first
	}
	for i, k := range siteOf {
		if k < 0 {
			continue
		}
		s.events[next[k]] = m.events[i]
		s.order[next[k]] = int32(i)
		s.styles[next[k]] = m.infos[i].style
		next[k]++
	}
	return s
}

// learn reads what grouping needs from e and remembers it.
func (m *memo) learn(e *data.Event) eventInfo {
	at := e.At()
	p, ok := m.places[at]
	if !ok {
		p = int32(len(m.worlds))
		m.places[at] = p
		m.worlds = append(m.worlds, geo.ToWorld(at))
	}
	info := eventInfo{place: p, family: FamilyOf(e.Kind), dated: e.Dated(), style: styleCode(e)}
	if info.dated {
		info.start, info.end = e.Start.Days(), e.End.Days()
	}
	m.info[e] = info
	return info
}

// styleCode numbers the symbols an event can have: four times the kind's
// position in KindStyles (len(KindStyles) for a kind not in it), plus two
// when the place is inferred (drawn with PlaceHalo), plus one when the date
// is approximate. markerTable turns it into a Marker.
func styleCode(e *data.Event) uint8 {
	i := len(KindStyles)
	if st, ok := styleIndex[e.Kind]; ok {
		i = st
	}
	c := uint8(4 * i)
	if PlaceInferred(e) {
		c += 2
	}
	if Approximate(e) {
		c++
	}
	return c
}

// The parts of a style code.
func codeKind(c uint8) int         { return int(c / 4) }
func codeApproximate(c uint8) bool { return c%2 == 1 }
func codeInferred(c uint8) bool    { return c%4 >= 2 }

// numStyleCodes is the number of style codes.
var numStyleCodes = 4 * (len(KindStyles) + 1)

// markerTable returns the Marker of every style code at scale.
func markerTable(scale float64) []draw.Marker {
	t := make([]draw.Marker, numStyleCodes)
	for i := range len(KindStyles) + 1 {
		k := data.Kind("")
		if i < len(KindStyles) {
			k = KindStyles[i].Kind
		}
		for _, inferred := range []int{0, 2} {
			t[4*i+inferred] = StyleFor(k, scale)
			t[4*i+inferred+1] = ApproximateStyleFor(k, scale)
		}
	}
	return t
}
