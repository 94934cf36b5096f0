package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/exchange"
	datalang "github.com/sahelatlas/sahelatlas/data/lang"
)

// Details shows the selected event: title, date with its precision, kind,
// place, actors (each a button that filters to that actor), summary, what
// an imported file says beyond that (fatalities, admin areas, ACLED's
// precisions…) and every source.
type Details struct {
	*fyne.Container
	x *Explorer

	// OnActor is called when the analyst taps an actor.
	OnActor func(a *data.Actor)
	// OnAnnotate is called when the analyst asks to annotate the event.
	OnAnnotate func(e *data.Event)
	// OnEdit is called when the analyst asks to edit the event (theirs)
	// or correct it as theirs (bundled or imported).
	OnEdit func(e *data.Event)
	// OnArticle is called to show the text of an article an event was
	// read from, its evidence (the event's summary) highlighted.
	OnArticle func(e *data.Event, s *data.Source)
}

// NewDetails makes the details panel for x.
func NewDetails(x *Explorer) *Details {
	d := &Details{x: x, Container: container.NewVBox()}
	d.Show(nil)
	return d
}

// Show fills the panel with e (nil: a hint).
func (d *Details) Show(e *data.Event) {
	d.Container.RemoveAll()
	if e == nil {
		d.Container.Add(widget.NewLabel(lang.L("Select an event on the map or in the list.")))
		d.Container.Refresh()
		return
	}
	add := func(o fyne.CanvasObject) { d.Container.Add(o) }
	title := widget.NewLabelWithStyle(eventTitle(e), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	add(title)
	add(labelWrap(fmt.Sprintf(lang.L("%s (precision: %s)"), EventDate(e), precisionName(e.Precision))))
	if e.DateNote != "" {
		add(labelWrap(lang.L("Date as given: ") + e.DateNoteIn(datalang.Current())))
	}
	if e.YearInferred != "" {
		add(labelWrap(lang.L("Year inferred: ") + e.YearInferredIn(datalang.Current())))
	}
	kind := kindName(e.Kind)
	if c := e.Kind.CAMEO(); c != "" {
		kind += " · CAMEO " + c
	}
	add(labelWrap(lang.L("Kind: ") + kind))
	add(labelWrap(lang.L("Place: ") + d.placeName(e.Place)))
	if e.Origin != "" {
		add(labelWrap(lang.L("Came from: ") + d.placeName(e.Origin)))
	}
	if len(e.Countries) > 0 {
		add(labelWrap(lang.L("Countries: ") + strings.Join(e.Countries, ", ")))
	}
	if len(e.Actors) > 0 {
		add(widget.NewLabelWithStyle(lang.L("Actors (tap to filter)"), fyne.TextAlignLeading, fyne.TextStyle{Italic: true}))
		actors := container.NewGridWrap(fyne.NewSize(170, 36))
		for _, id := range e.Actors {
			a := d.x.Data.Actor(id)
			if a == nil {
				continue
			}
			b := widget.NewButton(actorName(a), func() {
				if d.OnActor != nil {
					d.OnActor(a)
				}
			})
			actors.Add(b)
		}
		add(actors)
	}
	add(widget.NewSeparator())
	add(labelWrap(eventSummary(e)))
	if e.Confidence != "" {
		add(labelWrap(lang.L("Confidence: ") + e.ConfidenceIn(datalang.Current())))
	}
	if len(e.Fields) > 0 {
		add(widget.NewLabelWithStyle(lang.L("From the imported file"), fyne.TextAlignLeading, fyne.TextStyle{Italic: true}))
		for _, f := range e.Fields {
			label, value := exchange.FieldLabel(f)
			add(labelWrap(label + ": " + value))
		}
	}
	add(widget.NewSeparator())
	add(widget.NewLabelWithStyle(lang.L("Sources"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, ref := range e.Sources {
		s := d.x.Data.Source(ref.Document)
		add(labelWrap(SourceLine(s, ref)))
		if s != nil && s.Text != "" && d.OnArticle != nil {
			add(widget.NewButton(lang.L("Show the article…"), func() { d.OnArticle(e, s) }))
		}
	}
	if d.OnAnnotate != nil {
		add(widget.NewButton(lang.L("Annotate this event…"), func() { d.OnAnnotate(e) }))
	}
	if d.OnEdit != nil {
		add(widget.NewButton(lang.L("Edit, or correct as my event…"), func() { d.OnEdit(e) }))
	}
	d.Container.Refresh()
}

// SourceLine describes a source: document, outlet, headline and date.
func SourceLine(s *data.Source, ref data.SourceRef) string {
	parts := []string{ref.Document}
	if s != nil {
		if s.Outlet != "" {
			parts = append(parts, s.Outlet)
		}
		if s.Headline != "" {
			parts = append(parts, "“"+s.Headline+"”")
		}
		if !s.Published.IsZero() {
			parts = append(parts, FormatDate(s.Published))
		} else if s.DateNote != "" {
			parts = append(parts, s.DateNoteIn(datalang.Current()))
		}
	}
	line := "• " + strings.Join(parts, " — ")
	if ref.Note != "" {
		line += " (" + ref.Note + ")"
	}
	return line
}

func (d *Details) placeName(id string) string {
	p := d.x.Data.Place(id)
	if p == nil {
		return id
	}
	return fmt.Sprintf("%s (%s)", p.Name, FormatLonLat(p.Point))
}

func labelWrap(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}
