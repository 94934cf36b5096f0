package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/sahelatlas/sahelatlas/data"
)

// An ongoing event counts in every bar from its start to the span's end,
// and the list writes it "from 2021, ongoing".
func TestTimelineDrawsOngoingToTheEnd(t *testing.T) {
	test.NewTempApp(t)
	tl := NewTimeline(data.D(2019, 1, 1), data.D(2025, 12, 31))
	ongoing := &data.Event{Start: data.D(2021, 1, 1), End: data.D(2021, 12, 31), Precision: data.PrecisionYear, Ongoing: true, Title: "PMCs"}
	once := &data.Event{Start: data.D(2019, 3, 1), End: data.D(2019, 3, 1), Precision: data.PrecisionDay, Title: "visit"}
	tl.SetHistogram([]*data.Event{ongoing, once})
	c := tl.Counts()
	if c[0] != 1 {
		t.Errorf("first bar counts %d, want the 2019 event only", c[0])
	}
	if c[len(c)-1] != 1 {
		t.Errorf("last bar counts %d, want the ongoing event", c[len(c)-1])
	}
	start := -1
	for i, n := range c {
		if i > 0 && n > 0 && start < 0 {
			start = i
		}
		if start >= 0 && n != 1 {
			t.Fatalf("bar %d counts %d after the ongoing event began at bar %d: it must run to the end", i, n, start)
		}
	}
	if got := EventDate(ongoing); got != "from 2021, ongoing" {
		t.Errorf("EventDate = %q, want %q", got, "from 2021, ongoing")
	}
}
