package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/sahelatlas/sahelatlas/data"
)

// newYearWindow is a test window, its first frame drawn, whose timeline
// shows the first year of the data, drawn too, and that year's first day.
func newYearWindow(t *testing.T) (*Window, *uiQueue, data.Date) {
	ui, q := newTestWindowQueue(t)
	q.next(t) // the first frame
	drain(q)
	first, _ := ui.Timeline.Span()
	ui.Timeline.SetWindow(first, first.AddDays(365))
	drain(q)
	return ui, q, first
}

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
	rows := ui.List.len()

	w := ui.Timeline.Size().Width
	x0 := ui.Timeline.xOf(first.AddDays(180).Days())
	ui.Timeline.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(x0+w/4, 10)}, Dragged: fyne.NewDelta(w/4, 0)})
	if ui.Explorer.From == first {
		t.Fatal("the drag did not move the Explorer's window")
	}
	if ui.DateWindow.Text != before || ui.List.len() != rows {
		t.Errorf("while dragging, the date line %q and the list's %d rows changed at once; they follow later", ui.DateWindow.Text, ui.List.len())
	}
	ui.Timeline.DragEnd()
	for ui.DateWindow.Text == before {
		q.next(t) // frames, then the catch-up panelDelay after the drag
	}
	if got, want := ui.List.len(), len(ui.Explorer.Listed()); got != want {
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

// TestDraggedTimelineDrawnWithTheMap: while the timeline is dragged its
// window is drawn where the drag took it when the map's frame for that
// step is shown, not at every pointer event besides (each refresh
// repaints the whole window), and at once when the drag ends.
func TestDraggedTimelineDrawnWithTheMap(t *testing.T) {
	ui, q, first := newYearWindow(t)
	r := test.TempWidgetRenderer(t, ui.Timeline).(*timelineRenderer)
	drawnAt := r.window.Position().X

	w := ui.Timeline.Size().Width
	x0 := ui.Timeline.xOf(first.AddDays(180).Days())
	ui.Timeline.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(x0+w/4, 10)}, Dragged: fyne.NewDelta(w/4, 0)})
	if ui.Explorer.From == first {
		t.Fatal("the drag did not move the Explorer's window")
	}
	if got := r.window.Position().X; got != drawnAt {
		t.Errorf("the window was drawn at x=%v before the map's frame, want it still at %v", got, drawnAt)
	}
	shown := ui.Map.image.Image
	for i := 0; i < 50 && ui.Map.image.Image == shown; i++ {
		q.next(t) // until the map's frame for the step is shown
	}
	want := ui.Timeline.xOf(ui.Explorer.From.Days())
	if got := r.window.Position().X; got != want {
		t.Errorf("with the map's frame the window is drawn at x=%v, want %v", got, want)
	}

	ui.Timeline.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(x0+w/3, 10)}, Dragged: fyne.NewDelta(w/3-w/4, 0)})
	ui.Timeline.DragEnd()
	want = ui.Timeline.xOf(ui.Explorer.From.Days())
	if got := r.window.Position().X; got != want {
		t.Errorf("after the drag ended the window is drawn at x=%v, want %v at once", got, want)
	}
	drain(q)
}

// TestPanelsCatchUpAsksNoFrame: when the list and the date line catch up
// with a dragged timeline they ask the map for no frame: it has drawn
// that window already (the old code drew it again, several times a
// second while dragging).
func TestPanelsCatchUpAsksNoFrame(t *testing.T) {
	ui, q, first := newYearWindow(t)
	before := ui.DateWindow.Text

	w := ui.Timeline.Size().Width
	x0 := ui.Timeline.xOf(first.AddDays(180).Days())
	ui.Timeline.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(x0+w/4, 10)}, Dragged: fyne.NewDelta(w/4, 0)})
	requests := func() uint64 {
		ui.Map.frames.mu.Lock()
		defer ui.Map.frames.mu.Unlock()
		return ui.Map.frames.gen
	}
	asked := requests()
	if !ui.panelsDue {
		t.Fatal("the drag left the panels nothing to catch up with")
	}
	ui.panelsAt = time.Now() // due
	ui.catchUp()
	if ui.DateWindow.Text == before {
		t.Errorf("the date line %q did not catch up", before)
	}
	if got := requests(); got != asked {
		t.Errorf("catching up asked the map for %d more frames, want none", got-asked)
	}
	ui.Timeline.DragEnd()
	drain(q)
}
