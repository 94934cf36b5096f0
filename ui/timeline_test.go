package ui

import (
	"testing"

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
