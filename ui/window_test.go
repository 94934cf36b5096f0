package ui

import (
	"os"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/exchange"
	"github.com/sahelatlas/sahelatlas/data/store"
)

// newTestWindow builds the whole window on the bundled data in a test app,
// with a store in a temporary folder. Frames are handed to a queue the
// test never drains: these tests look at the panels, not the pixels.
func newTestWindow(t *testing.T) *Window {
	t.Helper()
	ui, _ := newTestWindowQueue(t)
	return ui
}

// newTestWindowQueue is newTestWindow with the queue of work handed to the
// UI goroutine (frames shown, legends updated), for a test to run.
func newTestWindowQueue(t testing.TB) (*Window, *uiQueue) {
	t.Helper()
	return newTestWindowStore(t, nil)
}

// newTestWindowStore is newTestWindowQueue with fill run on the window's
// store before the window is built (imports it opens on, say).
func newTestWindowStore(t testing.TB, fill func(*store.Store)) (*Window, *uiQueue) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Preferences().SetBool(authorAskedPref, true) // TestAskAuthorOnce asks
	w := a.NewWindow("Sahel Atlas")
	t.Cleanup(w.Close)
	s, _, err := store.Open(t.TempDir() + "/w.db")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if fill != nil {
		fill(s)
	}
	q := &uiQueue{ch: make(chan func(), 1<<16)}
	ui, err := Build(a, w, Options{View: "sahel", Workspace: s, do: q.do})
	if err != nil {
		t.Fatal(err)
	}
	w.Resize(fyne.NewSize(1400, 900))
	return ui, q
}

func listIDs(ui *Window) []string {
	var ids []string
	for _, e := range ui.Explorer.InWindow() {
		ids = append(ids, e.ID)
	}
	return ids
}

func TestWindowSliderMovesList(t *testing.T) {
	ui := newTestWindow(t)
	tests := []struct {
		name     string
		from, to data.Date
		want     []string
		notWant  []string
	}{
		{"April 2025 shows Koné's visit to Port Sudan", data.D(2025, 4, 1), data.D(2025, 4, 30),
			[]string{"2025-04-09-kone-meets-burhan-port-sudan"}, []string{"2025-01-11-burhan-visits-bamako"}},
		{"a window ending mid-visit shows the visit", data.D(2025, 1, 1), data.D(2025, 1, 12),
			[]string{"2025-01-11-burhan-visits-bamako"}, nil},
		{"September 2025 shows the expulsions", data.D(2025, 9, 1), data.D(2025, 9, 30),
			[]string{"2025-09-14-mali-expels-french-diplomats", "2025-09-19-france-expels-malian-diplomats"}, []string{"2024-06-05-kabbashi-visits-bamako"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ui.Timeline.SetWindow(tt.from, tt.to)
			ids := listIDs(ui)
			for _, id := range tt.want {
				if !slices.Contains(ids, id) {
					t.Errorf("list %v lacks %s", ids, id)
				}
			}
			for _, id := range tt.notWant {
				if slices.Contains(ids, id) {
					t.Errorf("list %v has %s", ids, id)
				}
			}
			if got, want := ui.List.List.Length(), len(ids)+len(ui.Explorer.Undated()); got != want {
				t.Errorf("the list widget shows %d rows for %d events in the window and %d undated", got, len(ids), len(ui.Explorer.Undated()))
			}
		})
	}
}

func TestWindowDragTimeline(t *testing.T) {
	ui := newTestWindow(t)
	first, last := ui.Timeline.Span()
	ui.Timeline.SetWindow(first, first.AddDays(365))
	from0, _ := ui.Timeline.Window()
	// Drag the window's body to the right by half the timeline's width.
	tl := ui.Timeline
	if tl.Size().Width < 100 {
		t.Fatalf("the timeline is %v wide", tl.Size())
	}
	drag(tl, fyne.NewPos(tl.xOf(first.Days()+100), 10), tl.Size().Width/2, 0)
	from1, to1 := ui.Timeline.Window()
	if !from1.After(from0) {
		t.Fatalf("dragging the window's body did not move it: %v -> %v", from0, from1)
	}
	if ui.Explorer.From != from1 || ui.Explorer.To != to1 {
		t.Fatalf("the explorer shows %v–%v, the timeline %v–%v", ui.Explorer.From, ui.Explorer.To, from1, to1)
	}
	if to1.After(last) {
		t.Fatalf("window ends after the span: %v > %v", to1, last)
	}
}

func TestWindowFilterAndSearch(t *testing.T) {
	ui := newTestWindow(t)
	ui.ShowAllDates()
	all := len(ui.Explorer.InWindow())

	// Search without diacritics finds Goïta (the search runs off the UI
	// goroutine; its results come through a queue this test drains).
	q := &uiQueue{ch: make(chan func(), 16)}
	ui.Search.work.do = q.do
	ui.Search.SetText("Goita")
	for !ui.Search.work.settled() {
		q.next(t)
	}
	var actor *data.Actor
	for _, r := range ui.Search.Results() {
		if r.Actor != nil && r.Actor.Name == "Assimi Goïta" {
			actor = r.Actor
		}
	}
	if actor == nil {
		t.Fatalf("searching Goita found no actor Assimi Goïta: %+v", ui.Search.Results())
	}
	// Picking the actor filters the list to their events.
	ui.Search.Pick(SearchResult{Actor: actor})
	got := ui.Explorer.InWindow()
	if len(got) == 0 || len(got) >= all {
		t.Fatalf("filtering to %s left %d of %d events", actor.Name, len(got), all)
	}
	for _, e := range got {
		if !slices.Contains(e.Actors, actor.ID) {
			t.Errorf("event %s does not name %s", e.ID, actor.ID)
		}
	}
	if ui.Filters.actor.Selected == "" {
		t.Error("the actor select does not show the filter")
	}
	// Combined with a kind, then reset.
	ui.Filters.kind.SetSelected(data.KindCoup.String())
	for _, e := range ui.Explorer.InWindow() {
		if e.Kind != data.KindCoup || !slices.Contains(e.Actors, actor.ID) {
			t.Errorf("event %s passes kind+actor filter wrongly", e.ID)
		}
	}
	ui.Explorer.ResetFilter()
	if n := len(ui.Explorer.InWindow()); n != all {
		t.Fatalf("after reset %d events, want %d", n, all)
	}
	if ui.Filters.kind.Selected != "" || ui.Filters.actor.Selected != "" {
		t.Error("reset left a select set")
	}
}

func TestWindowSelectShowsDetailsAndSources(t *testing.T) {
	ui := newTestWindow(t)
	ui.ShowAllDates()
	e := ui.Explorer.Data.Event("2025-09-19-france-expels-malian-diplomats")
	ui.Explorer.Select(e)
	text := collectText(ui.Details.Container)
	for _, want := range []string{e.Title, "001_6b3fcda3f690157c.txt", "004_46b10dd9ae859979.txt"} {
		if !slices.ContainsFunc(text, func(s string) bool { return strings.Contains(s, want) }) {
			t.Errorf("details lack %q: %q", want, text)
		}
	}
	// The list follows the selection.
	i := slices.Index(ui.Explorer.InWindow(), e)
	if i < 0 {
		t.Fatal("the selected event is not in the list")
	}
}

func TestWindowStepNext(t *testing.T) {
	ui := newTestWindow(t)
	ui.Timeline.SetWindow(data.D(2025, 1, 1), data.D(2025, 1, 31))
	ui.StepNext()
	_, to := ui.Timeline.Window()
	next := ui.Explorer.Selected
	if next == nil || next.Start != to {
		t.Fatalf("step next: window ends %v, selected %v", to, next)
	}
	if !next.Start.After(data.D(2025, 1, 31)) {
		t.Fatalf("step next went to %v, not after the window", next.Start)
	}
}

// drag sends d the events the desktop driver sends for a drag from start
// by dx, dy: in ten steps, each with the pointer's current position and the
// move since the last event. (test.Drag sends one event whose position is
// where the drag started.)
func drag(d fyne.Draggable, start fyne.Position, dx, dy float32) {
	const steps = 10
	for i := 1; i <= steps; i++ {
		pos := start.Add(fyne.NewPos(dx*float32(i)/steps, dy*float32(i)/steps))
		d.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: pos}, Dragged: fyne.NewDelta(dx/steps, dy/steps)})
	}
	d.DragEnd()
}

// collectText gathers the text of the labels and buttons under o.
func collectText(o fyne.CanvasObject) []string {
	switch w := o.(type) {
	case *fyne.Container:
		var out []string
		for _, c := range w.Objects {
			out = append(out, collectText(c)...)
		}
		return out
	case *widget.Label:
		return []string{w.Text}
	case *widget.Button:
		return []string{w.Text}
	}
	return nil
}

func TestWindowImportedLayer(t *testing.T) {
	ui := newTestWindow(t)
	before := len(ui.Explorer.Data.Events)
	f, err := os.Open("testdata/acled-mali.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := exchange.Import(f, "acled-mali.csv", exchange.Options{})
	if err != nil {
		t.Fatal(err)
	}
	st := ui.Notes.Store
	if _, err := st.PutImport(store.Import{Name: "acled-mali.csv", Format: string(res.Format)}, res.Records); err != nil {
		t.Fatal(err)
	}
	ui.Imports.reloadNow()
	if got := len(ui.Explorer.Data.Events); got != before+3 {
		t.Fatalf("after the import the window has %d events, want %d", got, before+3)
	}
	ui.Timeline.SetWindow(data.D(2025, 5, 16), data.D(2025, 5, 17))
	ids := listIDs(ui)
	for _, id := range []string{"MLI90001", "MLI90002", "MLI90003"} {
		if !slices.ContainsFunc(ids, func(s string) bool { return strings.HasSuffix(s, id) }) {
			t.Errorf("the list %v lacks the imported %s", ids, id)
		}
	}
	// Hiding the layer takes its events off the map and the list.
	ui.Imports.hidden[store.ImportID("acled-mali.csv")] = true
	ui.Imports.reloadNow()
	if got := len(ui.Explorer.Data.Events); got != before {
		t.Fatalf("with the layer hidden the window has %d events, want %d", got, before)
	}
}

func TestWindowListsUndatedEvents(t *testing.T) {
	ui := newTestWindow(t)
	ui.Timeline.SetWindow(data.D(2025, 4, 1), data.D(2025, 4, 30))
	undated := ui.Explorer.Undated()
	if len(undated) == 0 {
		t.Fatal("the bundled data has events with no date; the list shows none")
	}
	rows := ui.Explorer.Listed()
	tail := rows[len(rows)-len(undated):]
	for i, e := range tail {
		if e.Dated() || e != undated[i] {
			t.Fatalf("row %d is %s; the undated events should close the list", len(rows)-len(undated)+i, e.ID)
		}
	}
	// Choosing one shows its sources, as for any event.
	e := ui.Explorer.Data.Event("lavrov-remarks-russian-airpower-mali")
	if e == nil {
		t.Fatal("no Lavrov event in the bundled data")
	}
	ui.List.List.Select(slices.Index(rows, e))
	if ui.Explorer.Selected != e {
		t.Fatalf("choosing the row selected %v", ui.Explorer.Selected)
	}
	text := collectText(ui.Details.Container)
	if !slices.ContainsFunc(text, func(s string) bool { return strings.Contains(s, "003_8a392f5eaed6f0a4.txt") }) {
		t.Errorf("the details of an undated event lack its source: %q", text)
	}
}
