package data

import (
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"
)

func TestParseEventDate(t *testing.T) {
	cases := []struct {
		in         string
		start, end Date
		p          Precision
		noYear     *MonthDay
		err        string
	}{
		{in: "2025-04-09", start: D(2025, 4, 9), end: D(2025, 4, 9), p: PrecisionDay},
		{in: "2024-02", start: D(2024, 2, 1), end: D(2024, 2, 29), p: PrecisionMonth},
		{in: "2021", start: D(2021, 1, 1), end: D(2021, 12, 31), p: PrecisionYear},
		{in: "--02-07", p: PrecisionDay, noYear: &MonthDay{Month: time.February, Day: 7}},
		{in: "--09", p: PrecisionMonth, noYear: &MonthDay{Month: time.September}},
		{in: "--02-30", err: "does not exist"},
		{in: "2025-02-30", err: "does not exist"},
		{in: "2025-13", err: "is not written"},
		{in: "9 April", err: "is not written"},
		{in: "", err: "is not written"},
	}
	for _, c := range cases {
		start, end, p, md, err := ParseEventDate(c.in)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%q: error %v, want %q", c.in, err, c.err)
			}
			continue
		}
		if err != nil || start != c.start || end != c.end || p != c.p || (md == nil) != (c.noYear == nil) || (md != nil && *md != *c.noYear) {
			t.Errorf("%q = %v %v %v %v %v", c.in, start, end, p, md, err)
		}
	}
}

func TestMyEventRecord(t *testing.T) {
	m := MyEvent{
		Event:  Event{ID: NewAnnotationID(), Kind: KindVisit, Title: "T"},
		Place:  Place{Name: "Somewhere", Point: orb.Point{1, 13}},
		Actors: []Participant{{Actor: Actor{Name: "Someone"}, Role: RoleParty}},
	}
	if err := m.Event.SetDate("--03", ""); err != nil {
		t.Fatal(err)
	}
	if err := m.Validate(); err != nil {
		t.Fatal(err)
	}
	r := m.Record()
	if r.Place.Country != "XXX" || len(r.Event.Countries) != 1 || r.Event.Countries[0] != "XXX" ||
		len(r.Sources) != 1 || r.Sources[0].Document != MyEventsFile || r.Actors[0].ID != "x-someone" || r.From.File != MyEventsFile {
		t.Errorf("Record of an event with no country or source: %+v", r)
	}
	// The record joins a dataset.
	srcs := []*Source{&r.Sources[0]}
	places := []*Place{&r.Place}
	ev := r.Event
	if _, err := New(srcs, places, r.Actors, []*Event{&ev}, nil); err != nil {
		t.Errorf("the record does not make a valid dataset: %v", err)
	}
}
