package overlay

import (
	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/data"
)

// site is a point where events are drawn: every event given to the layer
// at that lon/lat.
type site struct {
	world    orb.Point // Web Mercator, see world
	first, n int32     // the site's events are eventSet.events[first : first+n]
	family   [4]int32  // how many of its events are of each Family
}

// eventSet is the events of one SetEvents call grouped by site. It is
// never changed once made, so layouts and hit tests may share it.
type eventSet struct {
	from, to data.Date
	events   []*data.Event // grouped by site; in input order within a site
	order    []int32       // the input position of each of events
	sites    []site        // in the order of their first event
}

// newEventSet groups the events that overlap from–to (or all of them
// when both are zero; undated events are always kept) by where they are
// drawn, with a counting sort: two passes and no comparison sort.
func newEventSet(events []*data.Event, from, to data.Date) *eventSet {
	s := &eventSet{from: from, to: to}
	window := !from.IsZero() || !to.IsZero()
	index := make(map[orb.Point]int32, 64)
	siteOf := make([]int32, len(events))
	var fam famCache
	for i, e := range events {
		if e == nil || (window && e.Dated() && !e.Overlaps(from, to)) {
			siteOf[i] = -1
			continue
		}
		at := e.At()
		k, ok := index[at]
		if !ok {
			k = int32(len(s.sites))
			index[at] = k
			s.sites = append(s.sites, site{world: world(at)})
		}
		siteOf[i] = k
		st := &s.sites[k]
		st.n++
		st.family[fam.of(e.Kind)]++
	}
	var total int32
	for k := range s.sites {
		s.sites[k].first = total
		total += s.sites[k].n
	}
	s.events = make([]*data.Event, total)
	s.order = make([]int32, total)
	next := make([]int32, len(s.sites))
	for k := range s.sites {
		next[k] = s.sites[k].first
	}
	for i, k := range siteOf {
		if k < 0 {
			continue
		}
		s.events[next[k]] = events[i]
		s.order[next[k]] = int32(i)
		next[k]++
	}
	return s
}

// siteEvents returns the events of site k.
func (s *eventSet) siteEvents(k int32) []*data.Event {
	st := &s.sites[k]
	return s.events[st.first : st.first+st.n]
}

// famCache remembers the family of the last kind looked up: events come
// in runs of few kinds, and comparing a string is cheaper than a map.
type famCache struct {
	kind data.Kind
	fam  Family
	set  bool
}

func (c *famCache) of(k data.Kind) Family {
	if !c.set || k != c.kind {
		c.kind, c.fam, c.set = k, FamilyOf(k), true
	}
	return c.fam
}
