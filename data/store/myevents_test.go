package store

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/sahelatlas/sahelatlas/data"
)

// myEvent returns a valid event of the analyst's (without id or times).
func myEvent(title string) data.MyEvent {
	return data.MyEvent{
		Event: data.Event{
			Kind: data.KindVisit, Title: title, Summary: "read in a wire story",
			Start: data.D(2025, time.April, 9), End: data.D(2025, time.April, 9), Precision: data.PrecisionDay,
		},
		Place:          data.Place{Name: "Niamey", Point: orb.Point{2.1098, 13.5137}, Country: "NER"},
		PlacePrecision: data.PlaceTown,
		Origin:         &data.Place{Name: "Bamako", Point: orb.Point{-8.0, 12.65}, Country: "MLI"},
		Actors: []data.Participant{
			{Actor: data.Actor{Name: "Abdoulaye Diop", Kind: data.ActorPerson, Country: "MLI"}, Role: data.RoleVisitor},
			{Actor: data.Actor{Name: "Niger", Kind: data.ActorState, Country: "NER"}, Role: data.RoleHost},
		},
		Sources: []data.Source{{Outlet: "Reuters", Headline: "Mali's minister in Niamey", Author: "A. Reporter",
			Published: data.D(2025, time.April, 10), URL: "https://example.org/a"}},
		Author: "A. Analyst",
	}
}

func TestMyEventsCRUDSurvivesReopen(t *testing.T) {
	s, path := openTest(t)
	a, err := s.AddEvent(myEvent("Diop visits Niamey"))
	if err != nil {
		t.Fatal(err)
	}
	if !data.ValidAnnotationID(a.Event.ID) || a.Created.IsZero() || a.Updated != a.Created {
		t.Fatalf("AddEvent gave id %q, created %v, updated %v", a.Event.ID, a.Created, a.Updated)
	}
	b, err := s.AddEvent(myEvent("Second visit"))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	s, rec, err := Open(path)
	if err != nil || rec != nil {
		t.Fatalf("reopen: %v, %v", err, rec)
	}
	defer s.Close()
	got, err := s.Events()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Event.ID != a.Event.ID || got[1].Event.ID != b.Event.ID {
		t.Fatalf("Events after reopen = %d events, want %s then %s", len(got), a.Event.ID, b.Event.ID)
	}
	g := got[0]
	if g.Event.Title != "Diop visits Niamey" || g.Place.Name != "Niamey" || g.Origin == nil || g.Origin.Name != "Bamako" ||
		g.PlacePrecision != data.PlaceTown || len(g.Actors) != 2 || g.Actors[1].Role != data.RoleHost ||
		g.Sources[0].URL != "https://example.org/a" || g.Sources[0].Published != data.D(2025, time.April, 10) ||
		g.Author != "A. Analyst" || !g.Created.Equal(a.Created) {
		t.Errorf("event read back differs: %+v", g)
	}

	g.Event.Title = "Diop visits Niamey (corrected)"
	u, err := s.UpdateEvent(g)
	if err != nil {
		t.Fatal(err)
	}
	if !u.Created.Equal(a.Created) {
		t.Errorf("UpdateEvent changed Created from %v to %v", a.Created, u.Created)
	}
	if e, _ := s.Event(a.Event.ID); e.Event.Title != "Diop visits Niamey (corrected)" {
		t.Errorf("title after update = %q", e.Event.Title)
	}

	d, err := s.DeleteEvent(b.Event.ID)
	if err != nil || d.Event.Title != "Second visit" {
		t.Fatalf("DeleteEvent = %q, %v; want the deleted event back", d.Event.Title, err)
	}
	if _, err := s.Event(b.Event.ID); !errors.Is(err, ErrNoEvent) {
		t.Errorf("Event after delete: %v, want ErrNoEvent", err)
	}
	if _, err := s.DeleteEvent(b.Event.ID); !errors.Is(err, ErrNoEvent) {
		t.Errorf("second delete: %v, want ErrNoEvent", err)
	}
	if _, err := s.UpdateEvent(d); !errors.Is(err, ErrNoEvent) {
		t.Errorf("update of a deleted event: %v, want ErrNoEvent", err)
	}
	if err := s.PutEvent(d); err != nil { // undo
		t.Fatal(err)
	}
	if e, err := s.Event(b.Event.ID); err != nil || !e.Created.Equal(b.Created) {
		t.Errorf("undone delete: %v, created %v want %v", err, e.Created, b.Created)
	}
	// Own events and annotations do not mix.
	if as, _ := s.List(); len(as) != 0 {
		t.Errorf("List holds %d annotations, want none", len(as))
	}
}

func TestAddEventRejects(t *testing.T) {
	cases := []struct {
		name   string
		change func(m *data.MyEvent)
		want   string
	}{
		{"bad kind", func(m *data.MyEvent) { m.Event.Kind = 0 }, `kind "" is not one of`},
		{"no title", func(m *data.MyEvent) { m.Event.Title = "  " }, "has no title"},
		{"end before start", func(m *data.MyEvent) { m.Event.End = data.D(2025, time.April, 1) }, "ends (2025-04-01) before it starts"},
		{"no place", func(m *data.MyEvent) { m.Place = data.Place{} }, "has no place"},
		{"place off the globe", func(m *data.MyEvent) { m.Place.Point = orb.Point{200, 0} }, "outside lon"},
		{"no actor", func(m *data.MyEvent) { m.Actors = nil }, "has no actors"},
		{"bad role", func(m *data.MyEvent) { m.Actors[0].Role = "guest" }, `role "guest"`},
		{"month precision on a day", func(m *data.MyEvent) { m.Event.Precision = data.PrecisionMonth }, "month precision"},
		{"bad place precision", func(m *data.MyEvent) { m.PlacePrecision = 200 }, `place precision "PlacePrecision(200)"`},
		{"no year without note", func(m *data.MyEvent) {
			m.Event.Start, m.Event.End = data.Date{}, data.Date{}
			m.Event.NoYear = &data.MonthDay{Month: time.February, Day: 7}
		}, "date_note"},
	}
	s, _ := openTest(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := myEvent("x")
			c.change(&m)
			_, err := s.AddEvent(m)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("AddEvent: %v, want an error containing %q", err, c.want)
			}
		})
	}
	if got, err := s.Events(); err != nil || len(got) != 0 {
		t.Errorf("after refused events the store holds %d (%v), want none", len(got), err)
	}
}

// A byte changed in an own event's value is caught by the repair at Open:
// the event is dropped, named in the report, and the others are kept.
func TestMyEventDamagedIsDropped(t *testing.T) {
	s, path := openTest(t)
	a, err := s.AddEvent(myEvent("Kept"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.AddEvent(myEvent("Damaged"))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(raw, []byte("Damaged"))
	if i < 0 {
		t.Fatal("the event's title is not in the file")
	}
	raw[i] = 'd'
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	s, rec, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if rec == nil || len(rec.Dropped) != 1 || rec.Dropped[0].Key != myEventPrefix+b.Event.ID {
		t.Fatalf("Recovery = %v, want %s dropped", rec, b.Event.ID)
	}
	got, err := s.Events()
	if err != nil || len(got) != 1 || got[0].Event.ID != a.Event.ID {
		t.Errorf("Events after repair = %d (%v), want only %s", len(got), err, a.Event.ID)
	}
}

func TestMyEventsSurviveCompact(t *testing.T) {
	s, path := openTest(t)
	a, err := s.AddEvent(myEvent("Before compaction"))
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 5; i++ {
		a.Event.Summary = strings.Repeat("x", i)
		if a, err = s.UpdateEvent(a); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Compact(); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, _, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.Events()
	if err != nil || len(got) != 1 || got[0].Event.Summary != "xxxx" {
		t.Fatalf("after Compact and reopen: %d events (%v), want the last update", len(got), err)
	}
}

func TestShownEventsHoldsMyEvents(t *testing.T) {
	s, _ := openTest(t)
	a, err := s.AddEvent(myEvent("Diop visits Niamey"))
	if err != nil {
		t.Fatal(err)
	}
	_, records, err := s.ShownEvents(nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(records) != 1 || records[0].Event.ID != a.Event.ID || records[0].From.File != data.MyEventsFile {
		t.Fatalf("ShownEvents = %d records, want the one own event from %q", len(records), data.MyEventsFile)
	}
	r := records[0]
	if r.Event.Place != r.Place.ID || r.Event.Origin != r.OriginPlace.ID || len(r.Event.Actors) != 2 ||
		strings.Join(r.Event.Countries, ",") != "NER,MLI" || r.Sources[0].Outlet != "Reuters" {
		t.Errorf("the record does not hold the event's place, origin, actors, countries and source: %+v", r)
	}
	if _, records, _ = s.ShownEvents(map[string]bool{MyEventsLayer: true}); len(records) != 0 {
		t.Errorf("hidden My events still gives %d records", len(records))
	}
}
