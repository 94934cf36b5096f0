package data

import (
	"testing"
	"unsafe"
)

// TestEventSizes keeps the structs a window holds a million of small: an
// event was 376 bytes with 24-byte dates and its search text beside the
// map of actor names.
func TestEventSizes(t *testing.T) {
	for _, c := range []struct {
		name      string
		size, max uintptr
	}{
		{"Date", unsafe.Sizeof(Date{}), 4},
		{"Event", unsafe.Sizeof(Event{}), 320},
	} {
		if c.size > c.max {
			t.Errorf("a %s takes %d bytes, want at most %d", c.name, c.size, c.max)
		}
	}
}

// TestEventByID: Dataset.Event finds every event by its id, in the
// bundled data and among synthetic events, and nothing for an id no
// event has.
func TestEventByID(t *testing.T) {
	for _, c := range []struct {
		name string
		d    *Dataset
	}{
		{"bundled", bundled(t)},
		{"synthetic", SyntheticEvents(2_000, 7)},
	} {
		for _, e := range c.d.Events {
			if got := c.d.Event(e.ID); got != e {
				t.Fatalf("%s: Event(%q) = %v, want the event with that id", c.name, e.ID, got)
			}
		}
		for _, id := range []string{"", "no-such-event", "\xff"} {
			if got := c.d.Event(id); got != nil {
				t.Errorf("%s: Event(%q) = %s, want nil", c.name, id, got.ID)
			}
		}
	}
}
