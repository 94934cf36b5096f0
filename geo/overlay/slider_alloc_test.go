package overlay

import (
	"testing"

	"github.com/sahelatlas/sahelatlas/data"
)

// TestSliderStepAllocations: a step of the date slider (SetWindow over
// events already given) makes its sites' list at once, the size the last
// window needed, rather than growing it by doubling: a handful of
// allocations however many sites the window holds (the old code made a
// dozen or more for a few thousand sites, and left twice their size as
// garbage each step).
func TestSliderStepAllocations(t *testing.T) {
	d := data.SyntheticEvents(20_000, 1)
	l := NewEventLayer()
	first, last := d.Span()
	l.SetEvents(d.Dated(), first, last)
	from, to := first, first.AddDays(3*365)
	if n := len(l.memo.setWindow(from, to).sites); n < 100 {
		t.Fatalf("the window holds %d sites, want enough to grow a list", n)
	}
	step := 0
	allocs := testing.AllocsPerRun(20, func() {
		step = (step + 1) % 2 // two windows a day apart, as a drag moves
		l.SetWindow(from.AddDays(step), to.AddDays(step))
	})
	if allocs > 3 {
		t.Errorf("a slider step made %.0f allocations, want at most 3", allocs)
	}
}
