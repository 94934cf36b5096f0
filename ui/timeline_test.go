package ui

import (
	"image"
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/sahelatlas/sahelatlas/data"
)

// Events outside the timeline's span (outliers the dense span leaves out)
// show in its first and last bars rather than vanishing.
func TestTimelineOutliersAtEdges(t *testing.T) {
	test.NewTempApp(t)
	tl := NewTimeline(data.D(2020, 1, 1), data.D(2025, 12, 31))
	tl.SetHistogram([]*data.Event{
		{Start: data.D(1, 1, 1), End: data.D(1, 1, 1)},
		{Start: data.D(2022, 6, 1), End: data.D(2022, 6, 1)},
		{Start: data.D(9999, 12, 31), End: data.D(9999, 12, 31)},
	})
	c := tl.Counts()
	total := 0
	for _, n := range c {
		total += n
	}
	if total != 3 || c[0] != 1 || c[len(c)-1] != 1 {
		t.Errorf("bars %v: want all 3 events counted, the outliers in the first and last bars", c)
	}
}

// TestTimelineBarsFollowTheirBarsOnly: the bars' image is drawn again
// only when the window reaches or leaves a bar, not at every day a
// dragged handle or playback moves it, and it is drawn in place: no image
// is made once one of its size exists (the old code made two a step).
func TestTimelineBarsFollowTheirBarsOnly(t *testing.T) {
	test.NewTempApp(t)
	first, last := data.D(2000, 1, 1), data.D(2025, 12, 31)
	tl := NewTimeline(first, last)
	var events []*data.Event
	for d := first; d.Before(last); d = d.AddDays(17) {
		events = append(events, &data.Event{Start: d, End: d})
	}
	for range 100 { // a busy first bar: the others are short
		events = append(events, &data.Event{Start: first, End: first})
	}
	tl.SetHistogram(events)
	tl.Resize(fyne.NewSize(800, 64))
	r := test.TempWidgetRenderer(t, tl).(*timelineRenderer)

	// A window whose end sits in the middle of a bar.
	start, end := tl.barDays(80)
	tl.SetWindow(first, data.DateFromDays((start+end)/2))
	before := r.drawn
	tl.Shift(1)
	if r.drawn != before {
		t.Errorf("a day's move inside bar 80 redrew the bars: %v, then %v", before.in, r.drawn.in)
	}
	tl.SetWindow(first, data.DateFromDays(end+1))
	if r.drawn.in == before.in {
		t.Errorf("the window reached bar 81 and the bars still highlight %v", r.drawn.in)
	}
	if lo, hi := tl.barsIn(); lo != 0 || hi != 81 {
		t.Errorf("bars in the window %d–%d, want 0–81", lo, hi)
	}

	w, h := 800, 50
	img := r.drawBars(w, h).(*image.RGBA)
	barX := func(i int) int { return int((float64(i) + 0.5) * float64(w) / timelineBins) }
	for _, c := range []struct {
		bar  int
		want color.NRGBA
	}{{0, timelineBarIn}, {81, timelineBarIn}, {82, timelineBar}, {159, timelineBar}} {
		got := img.RGBAAt(barX(c.bar), h-1)
		if got != (color.RGBA{c.want.R, c.want.G, c.want.B, c.want.A}) {
			t.Errorf("bar %d drawn in %v, want %v", c.bar, got, c.want)
		}
	}
	if got := img.RGBAAt(barX(10), 0); got.A != 0 {
		t.Errorf("above a short bar the image is %v, want it transparent", got)
	}
	if allocs := testing.AllocsPerRun(10, func() { r.drawBars(w, h) }); allocs != 0 {
		t.Errorf("drawing the bars again at the same size made %.0f allocations, want none", allocs)
	}
	if again := r.drawBars(w, h); again != image.Image(img) {
		t.Error("the bars were drawn into a new image")
	}
}
