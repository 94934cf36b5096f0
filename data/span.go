package data

import "slices"

// outlierGap is how far a date must lie from the rest of the events to
// be left out of the span: an odd date that slipped in (0001-01-01,
// 9999-12-31) would otherwise stretch the timeline over millennia with the
// real events a sliver.
const outlierGap = 50 * 366

// Span is the dense span of the dated events: from the first start to the
// last end, leaving out outliers — dates more than fifty years from the
// rest, walking out from the middle of the events. It is the window the
// map opens with and a snapshot shows by default; the timeline draws
// events outside it at its edges. With no dated event it is 2024–2025.
func (d *Dataset) Span() (first, last Date) {
	d.spanOnce.Do(func() { d.spanFirst, d.spanLast = denseSpan(d.Dated()) })
	return d.spanFirst, d.spanLast
}

// denseSpan is Span for dated events sorted by start.
func denseSpan(dated []*Event) (first, last Date) {
	if len(dated) == 0 {
		return D(2024, 1, 1), D(2025, 12, 31)
	}
	mid := len(dated) / 2
	lo := mid
	for lo > 0 && dated[lo].Start.Days()-dated[lo-1].Start.Days() <= outlierGap {
		lo--
	}
	ends := make([]int32, 0, len(dated)-lo)
	for _, e := range dated[lo:] {
		ends = append(ends, e.End.Days())
	}
	slices.Sort(ends)
	hi := min(mid-lo, len(ends)-1)
	for hi+1 < len(ends) && ends[hi+1]-ends[hi] <= outlierGap {
		hi++
	}
	return dated[lo].Start, DateFromDays(ends[hi])
}
