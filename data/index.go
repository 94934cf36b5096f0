package data

import "sort"

// dateIndex finds the events that overlap a window of days without
// scanning them all. Events are split into classes by how long they last;
// within a class they are sorted by start, and since none lasts longer than
// the class's longest, the events overlapping [from, to] all start within
// [from-longest, to]: two binary searches bound them. Long events (a year or
// more) are few, so their class stays small.
type dateIndex struct {
	classes []dateClass
}

type dateClass struct {
	longest int32   // the longest span (end - start, in days) in the class
	starts  []int32 // Date.Days of each start, ascending
	ends    []int32
	events  []*Event
	order   []int32 // position of each event in the sorted dataset, to merge classes
}

// ongoingEnd is the day an ongoing event ends for the index: later than
// any window, and far enough from the int32 limits that from-longest does
// not overflow.
const ongoingEnd = 1 << 29

// spanLimits bound the classes: spans of 0 days, up to a week, a month, a
// year, and longer.
var spanLimits = []int32{0, 7, 31, 366, 1 << 30}

// newDateIndex indexes dated events already sorted by start.
func newDateIndex(events []*Event) dateIndex {
	ix := dateIndex{classes: make([]dateClass, len(spanLimits))}
	for i, e := range events {
		s, en := e.Start.Days(), e.End.Days()
		if e.Ongoing {
			en = ongoingEnd
		}
		span := en - s
		c := sort.Search(len(spanLimits), func(k int) bool { return span <= spanLimits[k] })
		cl := &ix.classes[c]
		cl.starts = append(cl.starts, s)
		cl.ends = append(cl.ends, en)
		cl.events = append(cl.events, e)
		cl.order = append(cl.order, int32(i))
		cl.longest = max(cl.longest, span)
	}
	return ix
}

// appendBetween appends to dst the events overlapping from..to (days,
// inclusive), in dataset order.
func (ix *dateIndex) appendBetween(dst []*Event, from, to int32) []*Event {
	// Candidate range [lo, hi) in each class.
	var lo, hi [8]int
	n := 0
	for k := range ix.classes {
		c := &ix.classes[k]
		lo[k] = searchInt32(c.starts, from-c.longest)
		hi[k] = searchInt32(c.starts, to+1)
		if lo[k] < hi[k] {
			n++
		}
	}
	if n == 1 { // the common case: no merge needed
		for k := range ix.classes {
			c := &ix.classes[k]
			for i := lo[k]; i < hi[k]; i++ {
				if c.ends[i] >= from {
					dst = append(dst, c.events[i])
				}
			}
		}
		return dst
	}
	// Merge the classes by dataset order.
	for {
		best := -1
		var bestOrder int32
		for k := range ix.classes {
			c := &ix.classes[k]
			for lo[k] < hi[k] && c.ends[lo[k]] < from {
				lo[k]++
			}
			if lo[k] < hi[k] && (best < 0 || c.order[lo[k]] < bestOrder) {
				best, bestOrder = k, c.order[lo[k]]
			}
		}
		if best < 0 {
			return dst
		}
		dst = append(dst, ix.classes[best].events[lo[best]])
		lo[best]++
	}
}

// searchInt32 returns the first index i with a[i] >= x.
func searchInt32(a []int32, x int32) int {
	lo, hi := 0, len(a)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if a[m] < x {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}
