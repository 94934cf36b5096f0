package ui

import (
	"strconv"
	"strings"
	"testing"

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
