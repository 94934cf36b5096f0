package ui

import (
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/geo/overlay"
)

// Issue 13 items 3 and 5: a cluster's tooltip lists its events, the first
// six and a count of the rest, and an event drawn where no source gives a
// place says so.
func TestTooltipListsAClustersEvents(t *testing.T) {
	ui := newTestWindow(t)
	d := ui.Explorer.Data
	var bamako []*data.Event
	for _, e := range d.Dated() {
		if e.Place == "bamako" {
			bamako = append(bamako, e)
		}
	}
	if len(bamako) <= clusterTipEvents {
		t.Fatalf("%d dated events at Bamako, want more than %d for this test", len(bamako), clusterTipEvents)
	}
	tip := ui.describeHit(overlay.Hit{Kind: overlay.HitCluster, Events: bamako})
	lines := strings.Split(tip, "\n")
	if want := clusterTipEvents + 2; len(lines) != want {
		t.Fatalf("tooltip of %d lines, want %d:\n%s", len(lines), want, tip)
	}
	for i, e := range bamako[:clusterTipEvents] {
		if !strings.Contains(lines[i+1], e.Title) {
			t.Errorf("line %d %q does not name %q", i+1, lines[i+1], e.Title)
		}
	}
	if want := "… and " + strconv.Itoa(len(bamako)-clusterTipEvents) + " more"; lines[len(lines)-1] != want {
		t.Errorf("last line %q, want %q", lines[len(lines)-1], want)
	}
	for _, c := range []struct {
		id       string
		inferred bool
	}{
		{"2025-09-14-mali-expels-french-diplomats", true},
		{"2025-09-19-france-expels-malian-diplomats", false},
	} {
		tip := ui.describeHit(overlay.Hit{Kind: overlay.HitEvent, Events: []*data.Event{d.Event(c.id)}})
		if got := strings.Contains(tip, "(place inferred)"); got != c.inferred {
			t.Errorf("%s: tooltip %q says the place is inferred: %v, want %v", c.id, tip, got, c.inferred)
		}
	}
}

// Issue 13 item 10: a tooltip stays within the map: below and right of the
// pointer where there is room, above or left of it near the map's bottom
// or right edge.
func TestTooltipStaysOnTheMap(t *testing.T) {
	test.NewTempApp(t)
	area := fyne.NewSize(600, 400)
	text := strings.Repeat("2025 · an event with a long enough title\n", 7) + "… and 8 more"
	for _, c := range []struct {
		name       string
		at         fyne.Position
		right, low bool // the tip lies right of / below the pointer
	}{
		{"top left", fyne.NewPos(20, 20), true, true},
		{"bottom left", fyne.NewPos(20, 380), true, false},
		{"top right", fyne.NewPos(580, 20), false, true},
		{"bottom right", fyne.NewPos(580, 380), false, false},
	} {
		tip := newTooltip()
		tip.show(text, c.at, area)
		pos, size := tip.box.Position(), tip.bg.Size()
		if pos.X < 0 || pos.Y < 0 || pos.X+size.Width > area.Width || pos.Y+size.Height > area.Height {
			t.Errorf("%s: the tip spans %v + %v, outside the map's %v", c.name, pos, size, area)
		}
		if (pos.X > c.at.X) != c.right || (pos.Y > c.at.Y) != c.low {
			t.Errorf("%s: the tip is at %v for a pointer at %v", c.name, pos, c.at)
		}
	}
}
