package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/geo"
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
	ui := newTestWindow(t)
	if _, err := ui.Notes.Store.Add(data.Annotation{Geometry: orb.Point{-8, 12.65}, Title: "Checkpoint Bamako"}); err != nil {
		t.Fatal(err)
	}
	ui.Notes.reload()
	ui.Timeline.SetWindow(data.D(2025, 4, 1), data.D(2025, 4, 30)) // Koné's visit to Port Sudan
	b, err := geo.ViewBound("sahel", ui.Atlas)
	if err != nil {
		t.Fatal(err)
	}
	v := geo.Fit(b, 1400, 800, 1)
	// A sceneRenderer is the render goroutine's alone: stop the map's frame
	// worker and wait until it has returned before this goroutine takes
	// the layer state and draws in its place.
	ui.Map.frames.stop()
	<-ui.Map.frames.exited
	ui.frames.Render(v)
	ui.updateLegend(v)

	var page []string
	for _, it := range scene.Legend(ui.Layers, ui.Notes.Layer, v) {
		page = append(page, it.Label)
	}
	got := legendLabels(ui)
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
	ui.updateLegend(v)
	if slices.Contains(legendLabels(ui), "annotation") {
		t.Error("the legend lists annotations while they are hidden")
	}
}
