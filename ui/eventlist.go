package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/sahelatlas/sahelatlas/data"
)

// EventList lists the events in the window that pass the filters, by date,
// then those the sources give no date for. Choosing one selects it;
// selecting elsewhere (on the map) selects it here.
type EventList struct {
	*widget.List
	x *Explorer
	// What the list shows, refreshed by Sync: the window's events, then
	// the undated ones, read where the Explorer keeps them (a million
	// rows are not copied into one list at every step of the slider).
	dated, undated []*data.Event
	syncing        bool
	OnChosen       func(e *data.Event) // called when the analyst picks an event in the list
}

// NewEventList makes the list for x.
func NewEventList(x *Explorer) *EventList {
	l := &EventList{x: x, dated: x.InWindow(), undated: x.Undated()}
	l.List = widget.NewList(
		l.len,
		func() fyne.CanvasObject {
			t := widget.NewLabel("9 Apr 2025 · a long event title for sizing")
			t.Truncation = fyne.TextTruncateEllipsis
			return t
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if e := l.row(id); e != nil {
				// A row showing the same event keeps its text: setting
				// it again shapes and truncates it again.
				if t, line := o.(*widget.Label), EventLine(e); t.Text != line {
					t.SetText(line)
				}
			}
		},
	)
	l.List.OnSelected = func(id widget.ListItemID) {
		if l.syncing {
			return
		}
		if e := l.row(id); e != nil {
			x.Select(e)
			if l.OnChosen != nil {
				l.OnChosen(e)
			}
		}
	}
	return l
}

// Sync refreshes the rows and moves the list's selection to the Explorer's.
func (l *EventList) Sync() {
	l.syncing = true
	defer func() { l.syncing = false }()
	l.dated, l.undated = l.x.InWindow(), l.x.Undated()
	l.List.Refresh()
	if i := l.index(l.x.Selected); i >= 0 {
		l.List.Select(i)
		l.List.ScrollTo(i)
		return
	}
	l.List.UnselectAll()
}

// len is how many rows the list shows.
func (l *EventList) len() int { return len(l.dated) + len(l.undated) }

// row returns the event of row id, or nil past the end.
func (l *EventList) row(id widget.ListItemID) *data.Event {
	switch {
	case id < 0:
		return nil
	case id < len(l.dated):
		return l.dated[id]
	case id < l.len():
		return l.undated[id-len(l.dated)]
	}
	return nil
}

// index returns the row of e, or -1 when the list does not show it.
func (l *EventList) index(e *data.Event) int {
	if e == nil {
		return -1
	}
	for i, r := range l.dated {
		if r == e {
			return i
		}
	}
	for i, r := range l.undated {
		if r == e {
			return len(l.dated) + i
		}
	}
	return -1
}

// EventLine is one row of the event list: date, kind and title.
func EventLine(e *data.Event) string {
	return fmt.Sprintf("%s · %s", EventDate(e), eventTitle(e))
}

// EventDate writes an event's date at the precision the sources give:
// "11–13 Jan 2025", "Aug 2020", "2013", "from 2021, ongoing",
// "7 Feb (year not given)".
func EventDate(e *data.Event) string {
	if !e.Dated() {
		if e.NoYear != nil {
			return e.NoYear.String() + lang.L(" (year not given)")
		}
		return lang.L("date not given")
	}
	s := dateAt(e.Start, e.Precision)
	if e.Ongoing {
		s = lang.L("from ") + s + lang.L(", ongoing")
	} else if e.End != e.Start {
		end := dateAt(e.End, e.Precision)
		if end != s {
			s += " – " + end
		}
	}
	if e.YearInferred != "" {
		s += lang.L(" (year inferred)")
	}
	return s
}

func dateAt(d data.Date, p data.Precision) string {
	switch p {
	case data.PrecisionYear:
		return fmt.Sprint(d.Year())
	case data.PrecisionMonth:
		return monthYear(d)
	default:
		return FormatDate(d)
	}
}
