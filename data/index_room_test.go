package data

import (
	"fmt"
	"testing"
)

// TestIndexesHoldNoSpareRoom checks that New makes each index list (by
// kind, actor, country, and the date index's classes) to its length:
// grown by append they kept up to a quarter more room than they use,
// 13.5 bytes an event of the dataset's 121 (1,000 synthetic events here,
// 300,000 when measured).
func TestIndexesHoldNoSpareRoom(t *testing.T) {
	d := SyntheticEvents(1000, 1)
	d.eventLists()
	lists := []struct {
		name  string
		lists map[string]int // spare room by list
	}{
		{"by kind", spare(d.byKind)},
		{"by actor", spare(d.byActor)},
		{"by country", spare(d.byCountry)},
		{"date index", dateIndexSpare(d.index)},
	}
	for _, l := range lists {
		if len(l.lists) == 0 {
			t.Errorf("%s: no lists", l.name)
		}
		for key, room := range l.lists {
			if room != 0 {
				t.Errorf("%s %q: room for %d more events than it holds", l.name, key, room)
			}
		}
	}
	var indexed int
	for _, c := range d.index.classes {
		indexed += len(c.order)
	}
	if indexed != d.dated {
		t.Errorf("date index holds %d events, want the %d dated ones", indexed, d.dated)
	}
}

// spare is each list's room beyond its length, by key.
func spare[K comparable](m map[K][]*Event) map[string]int {
	out := map[string]int{}
	for k, l := range m {
		out[fmt.Sprint(k)] = cap(l) - len(l)
	}
	return out
}

// dateIndexSpare is the room beyond their length of each date class's
// lists, by class and list.
func dateIndexSpare(ix dateIndex) map[string]int {
	out := map[string]int{}
	for i, c := range ix.classes {
		out[fmt.Sprintf("class %d starts", i)] = cap(c.starts) - len(c.starts)
		out[fmt.Sprintf("class %d ends", i)] = cap(c.ends) - len(c.ends)
		out[fmt.Sprintf("class %d order", i)] = cap(c.order) - len(c.order)
	}
	return out
}
