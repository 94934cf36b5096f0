package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/sahelatlas/sahelatlas/data"
)

// DateFields are the From and To fields beside the timeline: typed dates
// (YYYY-MM-DD) set the date window exactly, to the day, where dragging
// moves it days at a time. Enter in either field, or the Set button,
// applies both.
type DateFields struct {
	From, To *widget.Entry
	Set      *widget.Button
	// fromLabel and toLabel name the fields: "From", "to".
	fromLabel, toLabel *widget.Label
	// Container holds the labelled fields and the button.
	Container *fyne.Container

	timeline *Timeline
	// onError is told what is wrong with a typed date, and "" once dates
	// are right again after that; the window writes it in its status bar.
	onError func(string)
	erred   bool
}

// NewDateFields makes the fields for t, showing its window.
func NewDateFields(t *Timeline, onError func(string)) *DateFields {
	f := &DateFields{From: newDateEntry(), To: newDateEntry(), timeline: t, onError: onError}
	f.From.OnSubmitted = func(string) { f.Apply() }
	f.To.OnSubmitted = func(string) { f.Apply() }
	f.Set = widget.NewButton("", f.Apply)
	f.fromLabel, f.toLabel = widget.NewLabel(""), widget.NewLabel("")
	f.Relabel()
	f.Container = container.NewHBox(f.fromLabel, dateBox(f.From), f.toLabel, dateBox(f.To), f.Set)
	f.Sync()
	return f
}

// Relabel words the fields' labels and button in the window's language,
// after it changed.
func (f *DateFields) Relabel() {
	f.fromLabel.SetText(lang.L("From"))
	f.toLabel.SetText(lang.L("to"))
	f.Set.SetText(lang.L("Set"))
}

// newDateEntry is a field for YYYY-MM-DD.
func newDateEntry() *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder("YYYY-MM-DD")
	return e
}

// dateBox holds a date field at the width a date needs.
func dateBox(e *widget.Entry) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(118, e.MinSize().Height), e)
}

// Sync shows the timeline's window in the fields.
func (f *DateFields) Sync() {
	from, to := f.timeline.Window()
	f.From.SetText(from.String())
	f.To.SetText(to.String())
}

// Apply sets the timeline's window to the typed dates, each kept within
// the span of the data; a date that is not one, or a window that ends
// before it starts, is said (onError) and changes nothing.
func (f *DateFields) Apply() {
	from, to, err := ParseDateWindow(f.From.Text, f.To.Text)
	if err == nil {
		first, last := f.timeline.Span()
		from, to = laterDate(from, first), earlierDate(to, last)
		if to.Before(from) {
			err = fmt.Errorf("%s to %s is outside the dates of the events (%s to %s)", f.From.Text, f.To.Text, first, last)
		}
	}
	if err != nil {
		f.erred = true
		if f.onError != nil {
			f.onError(err.Error())
		}
		return
	}
	if f.erred && f.onError != nil {
		f.onError("")
	}
	f.erred = false
	f.timeline.SetWindow(from, to)
	f.Sync() // the dates as kept within the span
}

// ParseDateWindow reads a typed date window, From and To as YYYY-MM-DD,
// with a message naming the field that is wrong.
func ParseDateWindow(fromText, toText string) (from, to data.Date, err error) {
	from, err = data.ParseDate(strings.TrimSpace(fromText))
	if err != nil {
		return from, to, fmt.Errorf("the From date %q is not a date YYYY-MM-DD (say 2025-09-01)", fromText)
	}
	to, err = data.ParseDate(strings.TrimSpace(toText))
	if err != nil {
		return from, to, fmt.Errorf("the To date %q is not a date YYYY-MM-DD (say 2025-09-30)", toText)
	}
	if to.Before(from) {
		return from, to, fmt.Errorf("the window ends (%s) before it starts (%s)", to, from)
	}
	return from, to, nil
}

// laterDate is the later of a and b.
func laterDate(a, b data.Date) data.Date {
	if a.Before(b) {
		return b
	}
	return a
}

// earlierDate is the earlier of a and b.
func earlierDate(a, b data.Date) data.Date {
	if a.After(b) {
		return b
	}
	return a
}
