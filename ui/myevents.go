package ui

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/store"
)

// eventForm is the New event form: the fields of an event of the
// analyst's, read into a data.MyEvent by read.
type eventForm struct {
	title, date, end, place, actors *widget.Entry
	origin                          *widget.Entry // for a visit, where the visitor came from
	summary, outlet, headline, url  *widget.Entry
	kind                            *choice
	picker                          *widget.SelectEntry // adds known actors to actors; nil when not offered
	at                              *orb.Point          // the point clicked for "New event here", nil for none
}

// newEventForm makes an empty form; at, when not nil, is the place.
func newEventForm(at *orb.Point) *eventForm {
	f := &eventForm{
		title: widget.NewEntry(), date: widget.NewEntry(), end: widget.NewEntry(), place: widget.NewEntry(),
		actors: widget.NewEntry(), summary: widget.NewMultiLineEntry(), outlet: widget.NewEntry(),
		headline: widget.NewEntry(), url: widget.NewEntry(), at: at, origin: widget.NewEntry(),
	}
	f.origin.SetPlaceHolder(lang.L("for a visit, the place the visitor came from (optional)"))
	kinds := make([]string, len(data.Kinds))
	for i, k := range data.Kinds {
		kinds[i] = kindName(k)
	}
	f.kind = newChoice(kinds, nil)
	f.date.SetPlaceHolder(lang.L("YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD (no year)"))
	f.end.SetPlaceHolder(lang.L("last day of a range, written alike (optional)"))
	f.date.Validator = func(s string) error {
		_, _, _, _, err := data.ParseEventDate(strings.TrimSpace(s))
		return err
	}
	f.title.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(lang.L("give the event a title"))
		}
		return nil
	}
	f.place.SetPlaceHolder(lang.L("a place name (Niamey, Tombouctou…)"))
	if at != nil {
		f.place.SetPlaceHolder(fmt.Sprintf(lang.L("the point clicked (%s), or a place name"), FormatLonLat(*at)))
	}
	f.actors.SetPlaceHolder(lang.L("names separated by commas; visitor:, host: or party: before a name"))
	return f
}

// items are the form's rows.
func (f *eventForm) items() []*widget.FormItem {
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Title"), f.title), widget.NewFormItem(lang.L("Kind"), f.kind),
		widget.NewFormItem(lang.L("Date"), f.date), widget.NewFormItem(lang.L("Until"), f.end),
		widget.NewFormItem(lang.L("Place"), f.place), widget.NewFormItem(lang.L("Origin"), f.origin), widget.NewFormItem(lang.L("Actors"), f.actors),
		widget.NewFormItem(lang.L("Summary"), f.summary), widget.NewFormItem(lang.L("Source outlet"), f.outlet),
		widget.NewFormItem(lang.L("Source headline"), f.headline), widget.NewFormItem(lang.L("Source URL"), f.url),
	}
	if f.picker != nil {
		items = slices.Insert(items, 6, widget.NewFormItem(lang.L("Add actor"), fyne.CanvasObject(f.picker)))
	}
	return items
}

// read makes the event the form describes, looking places up in gaz and
// actors among known; the error says which field to fix.
func (f *eventForm) read(gaz *data.Gazetteer, known []*data.Actor, author string) (data.MyEvent, error) {
	m := data.MyEvent{Author: author}
	e := &m.Event
	e.ID = data.NewAnnotationID()
	e.Title = strings.TrimSpace(f.title.Text)
	e.Kind = kindOf(f.kind.Selected)
	if e.Kind == 0 {
		return m, errors.New(lang.L("choose the event's kind"))
	}
	if err := e.SetDate(strings.TrimSpace(f.date.Text), strings.TrimSpace(f.end.Text)); err != nil {
		return m, errors.New(strings.TrimPrefix(err.Error(), "data: "))
	}
	e.Summary = strings.TrimSpace(f.summary.Text)
	switch name := strings.TrimSpace(f.place.Text); {
	case name != "":
		var ms []data.PlaceMatch
		if gaz != nil {
			ms = gaz.Match(name, "", 1)
		}
		if len(ms) == 0 {
			return m, fmt.Errorf(lang.L("no place is called %q: try another spelling, or right-click the map for New event here"), name)
		}
		m.Place, m.PlacePrecision = *ms[0].Place, data.PlaceTown
	case f.at != nil:
		m.Place = data.Place{Name: fmt.Sprintf("%.4f, %.4f", f.at[1], f.at[0]), Point: *f.at}
		if gaz != nil {
			if near := gaz.Nearest(*f.at); near != nil {
				m.Place.Country = near.Country
			}
		}
		m.PlacePrecision = data.PlaceExact
	default:
		return m, errors.New(lang.L("give the place's name"))
	}
	if name := strings.TrimSpace(f.origin.Text); name != "" {
		var ms []data.PlaceMatch
		if gaz != nil {
			ms = gaz.Match(name, "", 1)
		}
		if len(ms) == 0 {
			return m, fmt.Errorf(lang.L("no place is called %q: give the visitor's origin another spelling, or leave it empty"), name)
		}
		o := *ms[0].Place
		m.Origin = &o
	}
	for _, s := range strings.Split(f.actors.Text, ",") {
		if strings.TrimSpace(s) == "" {
			continue
		}
		m.Actors = append(m.Actors, participantOf(s, known))
	}
	if f.outlet.Text != "" || f.headline.Text != "" || f.url.Text != "" {
		m.Sources = []data.Source{{Outlet: strings.TrimSpace(f.outlet.Text), Headline: strings.TrimSpace(f.headline.Text), URL: strings.TrimSpace(f.url.Text)}}
	}
	if err := m.Validate(); err != nil {
		return m, errors.New(strings.TrimPrefix(err.Error(), "data: "))
	}
	return m, nil
}

// participantOf reads NAME or ROLE:NAME, taking a known actor whose name
// or alias matches (case and diacritics ignored).
func participantOf(s string, known []*data.Actor) data.Participant {
	role, name := data.RoleParty, strings.TrimSpace(s)
	if r, n, ok := strings.Cut(s, ":"); ok && data.ActorRole(strings.TrimSpace(r)).Valid() {
		role, name = data.ActorRole(strings.TrimSpace(r)), strings.TrimSpace(n)
	}
	key := data.Fold(name)
	for _, a := range known {
		for _, n := range a.Names() {
			if data.Fold(n) == key {
				return data.Participant{Actor: *a, Role: role}
			}
		}
	}
	return data.Participant{Actor: data.Actor{Name: name}, Role: role}
}

// ShowNewEvent opens the New event form; at, when not nil, is the point
// right-clicked on the map. Saving adds the event to My events in the
// workspace store and shows it at once.
func (ui *Window) ShowNewEvent(at *orb.Point) {
	st := ui.Imports.store()
	if st == nil {
		ui.showError(errors.New(lang.L("my events are off: no workspace store is open")))
		return
	}
	f := newEventForm(at)
	f.pickActors(ui.Explorer.Data.Actors)
	var d dialog.Dialog
	d = dialog.NewForm(lang.L("New event"), lang.L("Save"), lang.L("Cancel"), f.items(), func(ok bool) {
		if !ok {
			return
		}
		if err := ui.saveNewEvent(st, f); err != nil {
			ui.showError(err)
			d.Show() // keep what was typed, to fix it
		}
	}, ui.Win)
	d.Resize(fyne.NewSize(560, 560))
	d.Show()
}

// saveNewEvent reads the form and saves the event; it returns nil once the
// event is on disk and in the window.
func (ui *Window) saveNewEvent(st *store.Store, f *eventForm) error {
	gaz, _ := ui.Explorer.Data.Gazetteer()
	m, err := f.read(gaz, ui.Explorer.Data.Actors, ui.App.Preferences().String(authorPref))
	if err != nil {
		return err
	}
	if m, err = st.AddEvent(m); err != nil {
		return err
	}
	ui.Imports.reloadData() // off the UI goroutine: a second with 100k imported events
	ui.Status.SetText(fmt.Sprintf(lang.L("Saved to My events: %s"), m.Event.Title))
	return nil
}

// DeleteSelectedEvent deletes the selected event when it is one of the
// analyst's own; Undo delete event puts it back.
func (ui *Window) DeleteSelectedEvent() {
	st := ui.Imports.store()
	e := ui.Explorer.Selected
	if st == nil || e == nil {
		ui.Status.SetText(lang.L("Select one of your events first."))
		return
	}
	m, err := st.DeleteEvent(e.ID)
	if errors.Is(err, store.ErrNoEvent) {
		ui.Status.SetText(lang.L("Only your own events (My events) can be deleted."))
		return
	}
	if err != nil {
		ui.showError(err)
		return
	}
	ui.Imports.deletedEvent = &m
	ui.Imports.reloadData() // off the UI goroutine: a second with 100k imported events
	ui.Status.SetText(fmt.Sprintf(lang.L("Deleted %q from My events (Events → Undo delete event puts it back)."), m.Event.Title))
}

// UndoDeleteEvent puts back the event of the analyst's deleted last.
func (ui *Window) UndoDeleteEvent() {
	st, m := ui.Imports.store(), ui.Imports.deletedEvent
	if st == nil || m == nil {
		ui.Status.SetText(lang.L("No deleted event to put back."))
		return
	}
	if err := st.PutEvent(*m); err != nil {
		ui.showError(err)
		return
	}
	ui.Imports.deletedEvent = nil
	ui.Imports.reloadData() // off the UI goroutine: a second with 100k imported events
	ui.Status.SetText(fmt.Sprintf(lang.L("Put back %q."), m.Event.Title))
}

// eventsMenu is the Events menu: New event, delete and undo.
func (ui *Window) eventsMenu() *fyne.Menu {
	item := fyne.NewMenuItem(lang.L("New event…"), func() { ui.ShowNewEvent(nil) })
	item.Shortcut = newEventShortcut
	items := append([]*fyne.MenuItem{item}, ui.editMenuItems()...)
	return fyne.NewMenu(lang.L("Events"), append(items,
		fyne.NewMenuItem(lang.L("Delete the selected event of mine"), ui.DeleteSelectedEvent),
		fyne.NewMenuItem(lang.L("Undo delete event"), ui.UndoDeleteEvent))...)
}

// newEventShortcut is Ctrl+Shift+N (Cmd+Shift+N on macOS): Ctrl+N adds a pin.
var newEventShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
