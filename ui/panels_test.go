package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// TestDraggedTimelinePanelsCatchUp: while the timeline is dragged the map
// follows every step and the list and the date line lag; they catch up
// with the Explorer's window once the delay has passed, and a change that
// is not a drag (Home: all dates) reaches them at once.
func TestDraggedTimelinePanelsCatchUp(t *testing.T) {
	ui, q := newTestWindowQueue(t)
	q.next(t) // the first frame
	drain(q)
	first, last := ui.Timeline.Span()
	ui.Timeline.SetWindow(first, first.AddDays(365))
	before := ui.DateWindow.Text
	rows := len(ui.List.rows)

	w := ui.Timeline.Size().Width
	x0 := ui.Timeline.xOf(first.AddDays(180).Days())
	ui.Timeline.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(x0+w/4, 10)}, Dragged: fyne.NewDelta(w/4, 0)})
	if ui.Explorer.From == first {
		t.Fatal("the drag did not move the Explorer's window")
	}
	if ui.DateWindow.Text != before || len(ui.List.rows) != rows {
		t.Errorf("while dragging, the date line %q and the list's %d rows changed at once; they follow later", ui.DateWindow.Text, len(ui.List.rows))
	}
	ui.Timeline.DragEnd()
	for ui.DateWindow.Text == before {
		q.next(t) // frames, then the catch-up panelDelay after the drag
	}
	if got, want := len(ui.List.rows), len(ui.Explorer.Listed()); got != want {
		t.Errorf("after the catch-up the list has %d rows, the Explorer lists %d", got, want)
	}
	if want := FormatDate(ui.Explorer.From); !strings.HasPrefix(ui.DateWindow.Text, want) {
		t.Errorf("date line %q after the catch-up, want it to start at %s", ui.DateWindow.Text, want)
	}

	ui.ShowAllDates() // not a drag: at once
	if want := FormatDate(first) + " – " + FormatDate(last); !strings.HasPrefix(ui.DateWindow.Text, want) {
		t.Errorf("date line %q after All dates, want %s at once", ui.DateWindow.Text, want)
	}
}
