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
	x        *Explorer
	rows     []*data.Event // what the list shows, refreshed by Sync
	syncing  bool
	OnChosen func(e *data.Event) // called when the analyst picks an event in the list
}

// NewEventList makes the list for x.
func NewEventList(x *Explorer) *EventList {
	l := &EventList{x: x, rows: x.Listed()}
	l.List = widget.NewList(
		func() int { return len(l.rows) },
		func() fyne.CanvasObject {
			t := widget.NewLabel("9 Apr 2025 · a long event title for sizing")
			t.Truncation = fyne.TextTruncateEllipsis
			return t
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(l.rows) {
				o.(*widget.Label).SetText(EventLine(l.rows[id]))
			}
		},
	)
	l.List.OnSelected = func(id widget.ListItemID) {
		if l.syncing {
			return
		}
		if id < len(l.rows) {
			e := l.rows[id]
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
	l.rows = l.x.Listed()
	l.List.Refresh()
	for i, e := range l.rows {
		if e == l.x.Selected {
			l.List.Select(i)
			l.List.ScrollTo(i)
			return
		}
	}
	l.List.UnselectAll()
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
