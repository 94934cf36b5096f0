package ui

import (
	"image/color"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/geo/layout"
	"github.com/sahelatlas/sahelatlas/geo/overlay"
	"github.com/sahelatlas/sahelatlas/geo/scene"
)

// legendLabels are the labels of the window's Legend tab, in order.
func legendLabels(ui *Window) []string {
	var out []string
	for _, row := range ui.legend.Objects {
		box, ok := row.(*fyne.Container)
		if !ok {
			continue
		}
		for _, o := range box.Objects {
			if l, ok := o.(*widget.Label); ok {
				out = append(out, l.Text)
			}
		}
	}
	return out
}

// The window's Legend tab lists what an exported page's legend lists for
// the same map, visits, the itinerary and annotations included (issue 10:
// it used to show only kinds, clusters and relations).
func TestWindowLegendMatchesPage(t *testing.T) {
	ui, q := newTestWindowQueue(t)
	if _, err := ui.Notes.Store.Add(data.Annotation{Geometry: orb.Point{-8, 12.65}, Title: "Checkpoint Bamako"}); err != nil {
		t.Fatal(err)
	}
	ui.Notes.reload()
	ui.Timeline.SetWindow(data.D(2025, 4, 1), data.D(2025, 4, 30)) // Koné's visit to Port Sudan
	// Run what the render goroutine hands over (frames shown, each
	// updating the legend) until the newest frame asked for is on screen.
	for w := ui.Map.frames; ; {
		w.mu.Lock()
		newest := w.gen
		w.mu.Unlock()
		if w.shown >= newest {
			break
		}
		q.next(t)
	}
	got := legendLabels(ui)
	var page []string
	for _, it := range scene.Legend(ui.Layers, ui.Notes.Layer, ui.Map.View()) {
		page = append(page, it.Label)
	}
	if !slices.Equal(got, page) {
		t.Errorf("window legend %q, page legend %q", got, page)
	}
	for _, want := range []string{"visit", "visit (arc from origin)", "annotation"} {
		if !slices.Contains(got, want) {
			t.Errorf("window legend %q lacks %q", got, want)
		}
	}
	// Hiding the notes takes their row away.
	ui.showNote = false
	ui.updateLegend(ui.Map.View())
	if slices.Contains(legendLabels(ui), "annotation") {
		t.Error("the legend lists annotations while they are hidden")
	}
}

// TestLegendKeepsRowsOfTheSameItems: when the legend changes, the rows
// showing an item it showed before are the same widgets (their label is
// not shaped and drawn again), in the new order, and new items get new
// rows.
func TestLegendKeepsRowsOfTheSameItems(t *testing.T) {
	ui, q := newTestWindowQueue(t)
	q.next(t)
	drain(q)
	a := layout.LegendItem{Label: "a", Marker: overlay.StyleFor(data.KindVisit, 1)}
	b := layout.LegendItem{Label: "b", Line: color.RGBA{0x20, 0x40, 0x60, 0xff}}
	c := layout.LegendItem{Label: "c", Marker: overlay.StyleFor(data.KindMeeting, 1)}
	ui.showLegend([]layout.LegendItem{a, b})
	rowB := ui.legend.Objects[1]
	ui.showLegend([]layout.LegendItem{b, c})
	if got := legendLabels(ui); !slices.Equal(got, []string{"b", "c"}) {
		t.Fatalf("legend %q, want [b c]", got)
	}
	if ui.legend.Objects[0] != rowB {
		t.Error("the row of b, shown before, was made again")
	}
}
