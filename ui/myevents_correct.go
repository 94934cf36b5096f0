package ui

import (
	"errors"
	"fmt"
	"fyne.io/fyne/v2/lang"
	"strings"

	"fyne.io/fyne/v2"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/store"
)

// EditSelectedEvent opens the selected event, one of the analyst's own,
// in the event form; saving replaces it, and Undo edit event puts the
// version before back.
func (ui *Window) EditSelectedEvent() {
	st, e := ui.Imports.store(), ui.Explorer.Selected
	if st == nil || e == nil {
		ui.Status.SetText(lang.L("Select one of your events first."))
		return
	}
	orig, err := st.Event(e.ID)
	if errors.Is(err, store.ErrNoEvent) {
		ui.Status.SetText(lang.L("Only your own events can be edited: Correct as my event copies this one into My events."))
		return
	}
	if err != nil {
		ui.showError(err)
		return
	}
	ui.showForm(ui.Win, lang.L("Edit event"), &orig, func(m data.MyEvent) error {
		if _, err := st.UpdateEvent(m); err != nil {
			return err
		}
		before := orig
		ui.editedEvent = &before
		ui.Imports.reloadData() // off the UI goroutine
		ui.Status.SetText(fmt.Sprintf(lang.L("Saved %q (Events → Undo edit event puts the version before back)."), m.Event.Title))
		return nil
	})
}

// UndoEditEvent puts back the version of the analyst's event edited last.
func (ui *Window) UndoEditEvent() {
	st, m := ui.Imports.store(), ui.editedEvent
	if st == nil || m == nil {
		ui.Status.SetText(lang.L("No edited event to put back."))
		return
	}
	if err := st.PutEvent(*m); err != nil {
		ui.showError(err)
		return
	}
	ui.editedEvent = nil
	ui.Imports.reloadData()
	ui.Status.SetText(fmt.Sprintf(lang.L("Put back %q as it was."), m.Event.Title))
}

// CorrectSelectedEvent copies the selected event, bundled or imported,
// into the event form; saving adds the copy to My events, citing the
// original's sources and saying which event it corrects.
func (ui *Window) CorrectSelectedEvent() {
	st, e := ui.Imports.store(), ui.Explorer.Selected
	if st == nil || e == nil {
		ui.Status.SetText("Select an event first.")
		return
	}
	if _, err := st.Event(e.ID); err == nil {
		ui.EditSelectedEvent() // already the analyst's
		return
	}
	m := correction(ui.Explorer.Data, e)
	ui.showForm(ui.Win, lang.L("Correct as my event"), &m, func(m data.MyEvent) error {
		m.Author = ui.App.Preferences().String(authorPref)
		m, err := st.AddEvent(m)
		if err != nil {
			return err
		}
		ui.Imports.reloadData()
		ui.Status.SetText(fmt.Sprintf(lang.L("Saved to My events: %s (a correction of %s)"), m.Event.Title, e.ID))
		return nil
	})
}

// correction is event e of dataset d as an event of the analyst's, with a
// new id: its place, origin, actors (visitors and hosts for a visit) and
// sources given whole, and a confidence note naming the event it
// corrects and where that came from.
func correction(d *data.Dataset, e *data.Event) data.MyEvent {
	m := data.MyEvent{Event: *e}
	m.Event.ID = data.NewAnnotationID()
	m.Event.Fields = nil
	if p := d.Place(e.Place); p != nil {
		m.Place = *p
	}
	switch e.PlacePrecision {
	case data.PlaceGiven:
		m.PlacePrecision = data.PlaceTown
	case data.PlaceApproximate:
		m.PlacePrecision = data.PlaceRegion
	default:
		m.PlacePrecision = e.PlacePrecision
	}
	if o := d.Place(e.Origin); o != nil && e.Origin != "" {
		oc := *o
		m.Origin = &oc
	}
	for _, id := range e.Actors {
		a := d.Actor(id)
		if a == nil {
			continue
		}
		role := data.RoleParty
		if e.Kind == data.KindVisit {
			role = data.RoleHost
			if a.Country != "" && a.Country != m.Place.Country {
				role = data.RoleVisitor
			}
		}
		m.Actors = append(m.Actors, data.Participant{Actor: *a, Role: role})
	}
	var docs []string
	for _, ref := range e.Sources {
		docs = append(docs, ref.Document)
		if s := d.Source(ref.Document); s != nil {
			m.Sources = append(m.Sources, *s)
		} else {
			m.Sources = append(m.Sources, data.Source{Document: ref.Document})
		}
	}
	note := fmt.Sprintf("A correction of event %s (from %s).", e.ID, strings.Join(docs, ", "))
	m.Event.Confidence = strings.TrimSpace(note + " " + e.Confidence)
	return m
}

// editMenuItems are the Events menu's items to edit an event of the
// analyst's, undo it, and correct another as one's own.
func (ui *Window) editMenuItems() []*fyne.MenuItem {
	return []*fyne.MenuItem{
		fyne.NewMenuItem(lang.L("Edit the selected event of mine…"), ui.EditSelectedEvent),
		fyne.NewMenuItem(lang.L("Undo edit event"), ui.UndoEditEvent),
		fyne.NewMenuItem(lang.L("Correct as my event…"), ui.CorrectSelectedEvent),
	}
}

// editOrCorrect selects e and opens it in the event form: to edit it when
// it is the analyst's, else to correct it as theirs.
func (ui *Window) editOrCorrect(e *data.Event) {
	ui.Explorer.Select(e)
	ui.CorrectSelectedEvent() // which edits the analyst's own
}
