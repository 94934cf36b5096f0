package ui

import (
	"fmt"
	"fyne.io/fyne/v2/lang"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/sahelatlas/sahelatlas/data"
)

// dateFields writes an event's dates as the form's Date and Until take
// them: YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD, and the last date of a
// range ("" when the event is one day, month or year).
func dateFields(e *data.Event) (date, end string) {
	if e.NoYear != nil && e.YearInferred == "" {
		if e.NoYear.Day == 0 {
			return fmt.Sprintf("--%02d", int(e.NoYear.Month)), ""
		}
		return fmt.Sprintf("--%02d-%02d", int(e.NoYear.Month), e.NoYear.Day), ""
	}
	if e.Start.IsZero() {
		return "", ""
	}
	at := func(d data.Date) string {
		switch e.Precision {
		case data.PrecisionYear:
			return fmt.Sprintf("%04d", d.Year())
		case data.PrecisionMonth:
			return fmt.Sprintf("%04d-%02d", d.Year(), int(d.Month()))
		}
		return d.String()
	}
	date = at(e.Start)
	if last := at(e.End); last != date {
		end = last
	}
	return date, end
}

// fill writes an event of the analyst's into the form.
func (f *eventForm) fill(m *data.MyEvent) {
	e := &m.Event
	f.title.SetText(e.Title)
	if e.Kind != 0 {
		f.kind.SetSelected(e.Kind.String())
	}
	date, end := dateFields(e)
	f.date.SetText(date)
	f.end.SetText(end)
	f.place.SetText(m.Place.Name)
	if m.Origin != nil {
		f.origin.SetText(m.Origin.Name)
	}
	var actors []string
	for _, p := range m.Actors {
		actors = append(actors, string(p.Role)+":"+p.Actor.Name)
	}
	f.actors.SetText(strings.Join(actors, ", "))
	f.summary.SetText(e.Summary)
	if len(m.Sources) > 0 {
		s := m.Sources[0]
		f.outlet.SetText(s.Outlet)
		f.headline.SetText(s.Headline)
		f.url.SetText(s.URL)
	}
}

// edited reads the form over orig, keeping what the form does not show:
// the id, the place and its precision when the place's name is unchanged,
// an ongoing span when the dates are, the confidence note, the sources'
// other fields (the article's text, its publication date), the author
// and the creation time.
func (f *eventForm) edited(orig *data.MyEvent, gaz *data.Gazetteer, known []*data.Actor) (data.MyEvent, error) {
	m, err := f.read(gaz, known, orig.Author)
	if err != nil {
		return m, err
	}
	if orig.Event.ID != "" { // a proposal has none yet: read gave it one
		m.Event.ID = orig.Event.ID
	}
	m.Created = orig.Created
	for i := range m.Actors { // an actor new to the dataset keeps the kind and country it was given
		a := &m.Actors[i].Actor
		for _, o := range orig.Actors {
			if a.ID == "" && a.Kind == "" && o.Actor.Name == a.Name {
				*a = o.Actor
			}
		}
	}
	if data.Fold(strings.TrimSpace(f.place.Text)) == data.Fold(orig.Place.Name) {
		m.Place, m.PlacePrecision = orig.Place, orig.PlacePrecision
	}
	if date, end := dateFields(&orig.Event); date == strings.TrimSpace(f.date.Text) && end == strings.TrimSpace(f.end.Text) {
		m.Event.Ongoing, m.Event.YearInferred = orig.Event.Ongoing, orig.Event.YearInferred
		if orig.Event.YearInferred != "" {
			m.Event.Start, m.Event.End, m.Event.NoYear = orig.Event.Start, orig.Event.End, orig.Event.NoYear
		}
	}
	if m.Event.Confidence == "" {
		m.Event.Confidence = orig.Event.Confidence
	}
	if len(orig.Sources) > 0 {
		s := orig.Sources[0]
		if len(m.Sources) > 0 {
			s.Outlet, s.Headline, s.URL = m.Sources[0].Outlet, m.Sources[0].Headline, m.Sources[0].URL
		}
		m.Sources = append([]data.Source{s}, orig.Sources[1:]...)
	}
	if err := m.Validate(); err != nil {
		return m, fmt.Errorf("%s", strings.TrimPrefix(err.Error(), "data: "))
	}
	return m, nil
}

// showForm opens the event form titled title over orig, on parent; save is called
// with the event read from it, and the form stays open to fix what save
// refuses.
func (ui *Window) showForm(parent fyne.Window, title string, orig *data.MyEvent, save func(data.MyEvent) error) *eventForm {
	f := newEventForm(nil)
	f.pickActors(ui.Explorer.Data.Actors)
	f.fill(orig)
	var d dialog.Dialog
	d = dialog.NewForm(title, lang.L("Save"), lang.L("Cancel"), f.items(), func(ok bool) {
		if !ok {
			return
		}
		gaz, _ := ui.Explorer.Data.Gazetteer()
		m, err := f.edited(orig, gaz, ui.Explorer.Data.Actors)
		if err == nil {
			err = save(m)
		}
		if err != nil {
			ui.showError(err)
			d.Show() // keep what was typed, to fix it
		}
	}, parent)
	d.Resize(fyne.NewSize(600, 620))
	d.Show()
	return f
}
