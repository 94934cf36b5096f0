package overlay

import (
	"slices"
	"testing"

	"github.com/sahelatlas/sahelatlas/data"
)

// TestMemoLooksUpEarlierEvents: a layer given events it has seen before
// (all of them, then a filter's, then all again, out of order, a second
// dataset, then the first again) counts the same sites as a layer given
// them fresh, and keeps at most one base of events besides the current.
func TestMemoLooksUpEarlierEvents(t *testing.T) {
	d := data.SyntheticEvents(5_000, 1)
	other := data.SyntheticEvents(3_000, 2)
	all := d.Dated()
	every := func(k int) []*data.Event {
		var out []*data.Event
		for i, e := range all {
			if i%k == 0 {
				out = append(out, e)
			}
		}
		return out
	}
	reversed := slices.Clone(all)
	slices.Reverse(reversed)
	first, _ := d.Span()
	window := []data.Date{first.AddDays(400), first.AddDays(3 * 365)}
	steps := []struct {
		name   string
		events []*data.Event
		keeps  int // the events of the base looked up in next
	}{
		{"every event", all, len(all)},
		{"every third", every(3), len(all)},
		{"every seventh", every(7), len(all)},
		{"every event again", all, len(all)},
		{"with a nil", append([]*data.Event{nil}, every(2)...), len(all)},
		{"out of order", reversed, len(all)},
		{"a second dataset", other.Dated(), len(other.Dated())},
		{"the first again, filtered", every(5), len(every(5))},
		{"the first again", all, len(all)},
	}
	l := NewEventLayer()
	for _, st := range steps {
		got := l.memo.setEvents(st.events, window[0], window[1])
		want := new(memo).setEvents(st.events, window[0], window[1])
		if len(got.sites) == 0 || len(got.sites) != len(want.sites) {
			t.Fatalf("%s: %d sites, a fresh layer counts %d", st.name, len(got.sites), len(want.sites))
		}
		for k := range got.sites {
			g, w := got.sites[k], want.sites[k]
			g.place, w.place = 0, 0 // indexes into each memo's own places
			if g != w {
				t.Errorf("%s: site %d is %+v, a fresh layer's %+v", st.name, k, g, w)
				break
			}
		}
		if got.base.sorted != want.base.sorted || got.base.maxSpan != want.base.maxSpan || got.inView != want.inView {
			t.Errorf("%s: sorted %v, span %d, %d in view; a fresh layer: %v, %d, %d", st.name,
				got.base.sorted, got.base.maxSpan, got.inView, want.base.sorted, want.base.maxSpan, want.inView)
		}
		if n := len(l.memo.ref.events); n != st.keeps {
			t.Errorf("%s: the memo looks up the next events in %d, want %d", st.name, n, st.keeps)
		}
	}
}
