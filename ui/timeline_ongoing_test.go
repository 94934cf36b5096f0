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
	tl.SetHistogram([]*data.Event{ongoing})
	c := tl.Counts()
	if c[0] != 0 || c[len(c)-1] != 1 {
		t.Errorf("first bar %d, last bar %d; want 0 before 2021 and 1 at the span's end", c[0], c[len(c)-1])
	}
	for i := 1; i < len(c); i++ {
		if c[i] < c[i-1] || c[i] > 1 {
			t.Fatalf("bars %v: once begun, the ongoing event must count in every bar to the end", c)
		}
	}
	tl.SetHistogram([]*data.Event{once})
	sum := 0
	for _, n := range tl.Counts() {
		sum += n
	}
	if sum != 1 {
		t.Errorf("an event that is not ongoing counts in %d bars, want 1", sum)
	}
	if got := EventDate(ongoing); got != "from 2021, ongoing" {
		t.Errorf("EventDate = %q, want %q", got, "from 2021, ongoing")
	}
}
