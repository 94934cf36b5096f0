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
	order   []int32 // position of each event in the sorted dataset: the event, and the order to merge classes
}

// ongoingEnd is the day an ongoing event ends for the index: later than
// any window, and far enough from the int32 limits that from-longest does
// not overflow.
const ongoingEnd = 1 << 29

// spanLimits bound the classes: spans of 0 days, up to a week, a month, a
// year, and longer.
var spanLimits = []int32{0, 7, 31, 366, 1 << 30}

// newDateIndex indexes dated events already sorted by start. Each class's
// slices are made to their length at once: grown by append, they kept up
// to a quarter more room than they use (a million events' index is
// 12 MB).
func newDateIndex(events []*Event) dateIndex {
	ix := dateIndex{classes: make([]dateClass, len(spanLimits))}
	class := func(e *Event) (c int, start, end int32) {
		start, end = e.Start.Days(), e.End.Days()
		if e.Ongoing {
			end = ongoingEnd
		}
		span := end - start
		return sort.Search(len(spanLimits), func(k int) bool { return span <= spanLimits[k] }), start, end
	}
	var counts [8]int
	for _, e := range events {
		c, _, _ := class(e)
		counts[c]++
	}
	for c := range ix.classes {
		cl := &ix.classes[c]
		cl.starts = make([]int32, 0, counts[c])
		cl.ends = make([]int32, 0, counts[c])
		cl.order = make([]int32, 0, counts[c])
	}
	for i, e := range events {
		c, start, end := class(e)
		cl := &ix.classes[c]
		cl.starts = append(cl.starts, start)
		cl.ends = append(cl.ends, end)
		cl.order = append(cl.order, int32(i))
		cl.longest = max(cl.longest, end-start)
	}
	return ix
}

// appendBetween appends to dst the events overlapping from..to (days,
// inclusive), in dataset order; events are the ones newDateIndex indexed.
func (ix *dateIndex) appendBetween(dst, events []*Event, from, to int32) []*Event {
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
					dst = append(dst, events[c.order[i]])
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
		dst = append(dst, events[bestOrder])
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
