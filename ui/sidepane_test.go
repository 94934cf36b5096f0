package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// tabNames are the side pane's tabs, in order.
func tabNames(ui *Window) []string {
	var out []string
	for _, it := range ui.sideTabs.Items {
		out = append(out, it.Text)
	}
	return out
}

// Issue 13 item 10: on a short window the event list becomes the first
// tab of the side pane instead of sharing its height, and comes back
// above the tabs when the window grows; nothing vanishes. On a 1366×768
// screen's window the list shows at least 8 rows.
func TestSidePaneCollapsesIntoTabs(t *testing.T) {
	ui, q := newTestWindowQueue(t)
	for _, c := range []struct {
		name      string
		size      fyne.Size
		collapsed bool
		tabs      int
	}{
		{"a tall window", fyne.NewSize(1400, 1000), false, 4},
		{"1024×600", fyne.NewSize(1024, 600), true, 5},
		{"1366×768's window", fyne.NewSize(1280, 680), true, 5},
		{"tall again", fyne.NewSize(1400, 1000), false, 4},
	} {
		ui.Win.Resize(c.size)
		for ui.side.pending {
			q.next(t)
		}
		if ui.side.collapsed != c.collapsed || len(ui.sideTabs.Items) != c.tabs {
			t.Errorf("%s: collapsed %v, tabs %q", c.name, ui.side.collapsed, tabNames(ui))
		}
		if c.collapsed && ui.sideTabs.Items[0].Text != tabEvents {
			t.Errorf("%s: tabs %q, want the events first", c.name, tabNames(ui))
		}
		if c.size.Height == 680 {
			rowH := ui.List.List.MinSize().Height + theme.Padding() // a row and its separator
			t.Logf("%s: the event list is %.0f high, rows of %.0f", c.name, ui.List.List.Size().Height, rowH)
			if h := ui.List.List.Size().Height; h < 8*rowH {
				t.Errorf("%s: the event list is %.0f high, under 8 rows of %.0f", c.name, h, rowH)
			}
		}
		if w, h := ui.Win.Canvas().Size().Width, ui.Win.Canvas().Size().Height; w > c.size.Width || h > c.size.Height {
			t.Errorf("%s: the content needs %.0f×%.0f", c.name, w, h)
		}
	}
}
