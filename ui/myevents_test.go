package ui

import (
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/store"
)

// findTitle returns the window's event with this title, or nil.
func findTitle(ui *Window, title string) *data.Event {
	for _, e := range ui.Explorer.Data.Events {
		if e.Title == title {
			return e
		}
	}
	return nil
}

// The New event form saves to My events: the event is in the store and in
// the window's events at once; hidden, it leaves them; deleted, it can be
// put back.
func TestNewEventForm(t *testing.T) {
	ui, q := newTestWindowQueue(t)
	// The window merges My events in the background: run what the merge
	// hands to the UI goroutine until it is applied.
	merged := func() {
		t.Helper()
		for ui.Imports.message.Text != "" {
			q.next(t)
		}
	}
	st := ui.Imports.store()
	f := newEventForm(nil)
	f.title.SetText("Diop visits Niamey")
	f.kind.SetSelected("visit")
	f.date.SetText("2025-04-09")
	f.place.SetText("niamey")
	f.actors.SetText("visitor:Abdoulaye Diop, host:Niger")
	f.outlet.SetText("Wire Daily")
	if err := ui.saveNewEvent(st, f); err != nil {
		t.Fatal(err)
	}
	merged()
	mine, err := st.Events()
	if err != nil || len(mine) != 1 {
		t.Fatalf("the store holds %d events of the analyst's (%v), want 1", len(mine), err)
	}
	m := mine[0]
	if m.Place.Name != "Niamey" || m.Actors[0].Actor.ID != "diop" || m.Actors[0].Role != data.RoleVisitor || m.Sources[0].Outlet != "Wire Daily" {
		t.Errorf("saved %+v", m)
	}
	e := findTitle(ui, "Diop visits Niamey")
	if e == nil {
		t.Fatal("the new event is not among the window's events")
	}
	if !strings.Contains(ui.Status.Text, "Saved to My events") {
		t.Errorf("status %q", ui.Status.Text)
	}

	ui.Imports.hidden[store.MyEventsLayer] = true
	ui.Imports.reloadNow()
	if findTitle(ui, "Diop visits Niamey") != nil {
		t.Error("My events hidden, the event is still shown")
	}
	ui.Imports.hidden[store.MyEventsLayer] = false
	ui.Imports.reloadNow()

	ui.Explorer.Select(findTitle(ui, "Diop visits Niamey"))
	ui.DeleteSelectedEvent()
	merged()
	if findTitle(ui, "Diop visits Niamey") != nil {
		t.Error("the deleted event is still shown")
	}
	if mine, _ := st.Events(); len(mine) != 0 {
		t.Errorf("the store still holds %d events", len(mine))
	}
	ui.UndoDeleteEvent()
	merged()
	if findTitle(ui, "Diop visits Niamey") == nil {
		t.Error("Undo delete event did not put it back")
	}

	// A bundled event is not the analyst's to delete.
	ui.Explorer.Select(ui.Explorer.Data.Event("2025-04-09-kone-meets-burhan-port-sudan"))
	ui.DeleteSelectedEvent()
	if !strings.Contains(ui.Status.Text, "Only your own events") || ui.Explorer.Data.Event("2025-04-09-kone-meets-burhan-port-sudan") == nil {
		t.Errorf("deleting a bundled event: status %q", ui.Status.Text)
	}
}

// The form says what to fix and saves nothing; "New event here" takes the
// clicked point, with the country of the nearest place.
func TestNewEventFormChecks(t *testing.T) {
	ui := newTestWindow(t)
	st := ui.Imports.store()
	fill := func(f *eventForm) {
		f.title.SetText("T")
		f.kind.SetSelected("talks")
		f.date.SetText("2025")
		f.actors.SetText("Mali")
	}
	cases := []struct {
		name   string
		change func(f *eventForm)
		want   string
	}{
		{"no kind", func(f *eventForm) { f.kind.ClearSelected() }, "kind"},
		{"bad date", func(f *eventForm) { f.date.SetText("April 2025") }, "is not written"},
		{"end before start", func(f *eventForm) { f.end.SetText("2024") }, "before it starts"},
		{"no place", func(f *eventForm) { f.place.SetText("") }, "place"},
		{"unknown place", func(f *eventForm) { f.place.SetText("Qwxzyv") }, "no place is called"},
		{"no title", func(f *eventForm) { f.title.SetText(" ") }, "no title"},
		{"no actor", func(f *eventForm) { f.actors.SetText("") }, "no actors"},
	}
	for _, c := range cases {
		f := newEventForm(nil)
		fill(f)
		f.place.SetText("Gao")
		c.change(f)
		if err := ui.saveNewEvent(st, f); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want an error with %q", c.name, err, c.want)
		}
	}
	if mine, _ := st.Events(); len(mine) != 0 {
		t.Fatalf("refused forms stored %d events", len(mine))
	}
	f := newEventForm(&orb.Point{2.11, 13.51})
	fill(f)
	if err := ui.saveNewEvent(st, f); err != nil {
		t.Fatal(err)
	}
	mine, _ := st.Events()
	if len(mine) != 1 || mine[0].Place.Point != (orb.Point{2.11, 13.51}) || mine[0].Place.Country != "NER" || mine[0].PlacePrecision != data.PlaceExact {
		t.Errorf("New event here saved %+v", mine)
	}
}
