package exchange

import (
	"cmp"
	"slices"
)

// Skip counts the rows an import left out on purpose, for one reason: a
// filter they did not pass, a code with no kind, a duplicate collapsed.
// They are not problems: a file is never refused for them.
type Skip struct {
	Reason string // "CAMEO 03 express intent to cooperate: no Sahel Atlas kind"
	Count  int
}

// tally counts skipped rows by reason while a file is read.
type tally map[string]int

// skips returns the counts, the largest first, then by reason.
func (t tally) skips() []Skip {
	out := make([]Skip, 0, len(t))
	for r, n := range t {
		out = append(out, Skip{Reason: r, Count: n})
	}
	slices.SortFunc(out, func(a, b Skip) int {
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		return cmp.Compare(a.Reason, b.Reason)
	})
	return out
}

// SkippedCount returns how many rows the import left out on purpose (the
// sum of Skipped's counts).
func (r *Result) SkippedCount() int {
	n := 0
	for _, s := range r.Skipped {
		n += s.Count
	}
	return n
}
