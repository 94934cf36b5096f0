package data

import (
	"testing"
	"unsafe"
)

// TestEventSizes keeps the structs a window holds a million of small: an
// event was 376 bytes with 24-byte dates, its kind and precisions as
// strings, and its search text beside the map of actor names.
func TestEventSizes(t *testing.T) {
	for _, c := range []struct {
		name      string
		size, max uintptr
	}{
		{"Date", unsafe.Sizeof(Date{}), 4},
		{"Event", unsafe.Sizeof(Event{}), 288},
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

// TestEventListsWaitForUse: New makes no lists by kind, actor or
// country (the window asks none of them: a million events' lists took
// 40 MB), ByKind, ByActor and ByCountry make them, and ActorEventCount
// agrees with ByActor without them.
func TestEventListsWaitForUse(t *testing.T) {
	d := SyntheticEvents(1_000, 3)
	if d.byKind != nil || d.byActor != nil || d.byCountry != nil {
		t.Fatal("New made the lists of events by kind, actor or country before any was asked for")
	}
	for _, a := range d.Actors {
		if n := d.ActorEventCount(a.ID); n != len(d.ByActor(a.ID)) {
			t.Errorf("ActorEventCount(%q) = %d, ByActor lists %d", a.ID, n, len(d.ByActor(a.ID)))
		}
	}
	if d.ActorEventCount("no-such-actor") != 0 {
		t.Error("ActorEventCount of an unknown actor is not 0")
	}
	if len(d.ByKind(KindAttack)) == 0 || len(d.ByCountry("MLI")) == 0 {
		t.Error("ByKind or ByCountry found nothing among synthetic attacks in Mali")
	}
}
