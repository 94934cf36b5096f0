package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/sahelatlas/sahelatlas/data"
)

// Issue 13 item 6: typed dates set the date window exactly, to the day (a
// pixel of the timeline is days wide); a wrong date is said and changes
// nothing; dates beyond the data are kept within its span.
func TestDateFieldsSetTheWindowExactly(t *testing.T) {
	test.NewTempApp(t)
	for _, c := range []struct {
		name, from, to string
		want           [2]data.Date
		err            string
	}{
		{"September 2025", "2025-09-01", "2025-09-30", [2]data.Date{data.D(2025, 9, 1), data.D(2025, 9, 30)}, ""},
		{"one day", " 2025-09-14 ", "2025-09-14", [2]data.Date{data.D(2025, 9, 14), data.D(2025, 9, 14)}, ""},
		{"beyond the data", "2000-01-01", "2030-12-31", [2]data.Date{data.D(2013, 1, 1), data.D(2025, 10, 29)}, ""},
		{"not a date", "1 Sep 2025", "2025-09-30", [2]data.Date{data.D(2013, 1, 1), data.D(2025, 10, 29)}, `the From date "1 Sep 2025" is not a date`},
		{"no such day", "2025-09-01", "2025-09-31", [2]data.Date{data.D(2013, 1, 1), data.D(2025, 10, 29)}, `the To date "2025-09-31" is not a date`},
		{"backwards", "2025-09-30", "2025-09-01", [2]data.Date{data.D(2013, 1, 1), data.D(2025, 10, 29)}, "ends (2025-09-01) before it starts"},
		{"outside the data", "2030-01-01", "2030-12-31", [2]data.Date{data.D(2013, 1, 1), data.D(2025, 10, 29)}, "outside the dates of the events"},
	} {
		tl := NewTimeline(data.D(2013, 1, 1), data.D(2025, 10, 29))
		var said string
		f := NewDateFields(tl, func(s string) { said = s })
		f.From.SetText(c.from)
		f.To.SetText(c.to)
		f.Apply()
		from, to := tl.Window()
		if [2]data.Date{from, to} != c.want {
			t.Errorf("%s: window %s–%s, want %s–%s", c.name, from, to, c.want[0], c.want[1])
		}
		if c.err == "" && said != "" || c.err != "" && !strings.Contains(said, c.err) {
			t.Errorf("%s: said %q, want %q", c.name, said, c.err)
		}
		if c.err == "" && (f.From.Text != c.want[0].String() || f.To.Text != c.want[1].String()) {
			t.Errorf("%s: the fields show %q–%q, want the window", c.name, f.From.Text, f.To.Text)
		}
	}
}

// The window's date fields follow the timeline, and Enter in them moves it.
func TestWindowDateFields(t *testing.T) {
	ui := newTestWindow(t)
	ui.Timeline.SetWindow(data.D(2025, 4, 1), data.D(2025, 4, 30))
	if ui.Dates.From.Text != "2025-04-01" || ui.Dates.To.Text != "2025-04-30" {
		t.Errorf("the fields show %q–%q after the timeline moved to April 2025", ui.Dates.From.Text, ui.Dates.To.Text)
	}
	ui.Dates.From.SetText("2025-09-01")
	ui.Dates.To.SetText("2025-09-30")
	ui.Dates.To.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if ui.Explorer.From != data.D(2025, 9, 1) || ui.Explorer.To != data.D(2025, 9, 30) {
		t.Errorf("the window is %s–%s after typing September 2025", ui.Explorer.From, ui.Explorer.To)
	}
}
