package ui

import (
	"strings"
	"testing"
	"time"
)

// TestPlaybackPanelsFollowTwiceASecond: while the timeline plays, the map
// follows every tick and the list and the date line catch up
// playPanelDelay after a step (a dragged timeline's panelDelay would shape
// every row of the list anew eight times a second); paused, they show the
// window the map shows at once.
func TestPlaybackPanelsFollowTwiceASecond(t *testing.T) {
	ui, q, first := newYearWindow(t)
	before := ui.DateWindow.Text

	ui.Player.SetSpeed(Speeds[4].Days) // 10×: two days or more a tick
	asked := time.Now()
	ui.Player.Play()
	t.Cleanup(ui.Player.Stop)
	for i := 0; i < 1000 && ui.Explorer.From == first; i++ {
		q.next(t) // ticks and frames, until a tick moved the window
	}
	if ui.Explorer.From == first {
		t.Fatal("playback did not move the Explorer's window")
	}
	if !ui.panelsDue {
		t.Fatal("the step left the panels nothing to catch up with")
	}
	if lag := ui.panelsAt.Sub(asked); lag < playPanelDelay {
		t.Errorf("while playing the panels catch up %v after the step, want %v or later", lag, playPanelDelay)
	}
	if ui.DateWindow.Text != before {
		t.Errorf("while playing the date line changed at once to %q; it follows later", ui.DateWindow.Text)
	}

	ui.Player.Stop()
	if want := FormatDate(ui.Explorer.From); !strings.HasPrefix(ui.DateWindow.Text, want) {
		t.Errorf("paused, the date line shows %q, want it at once to start at %s", ui.DateWindow.Text, want)
	}
	if got, want := ui.List.len(), len(ui.Explorer.Listed()); got != want {
		t.Errorf("paused, the list has %d rows, the Explorer lists %d", got, want)
	}
	if ui.panelsDue || ui.panelsDirty {
		t.Error("paused, the panels still wait to catch up")
	}
	drain(q)
}

// TestDraggedTimelinePanelsFollowOften: a dragged timeline's list and
// date line still follow panelDelay after a step, also while it plays.
func TestDraggedTimelinePanelsFollowOften(t *testing.T) {
	ui, _ := newTestWindowQueue(t)
	tests := []struct {
		name     string
		dragging bool
		playing  bool
		want     time.Duration
	}{
		{"dragged", true, false, panelDelay},
		{"dragged while playing", true, true, panelDelay},
		{"playing", false, true, playPanelDelay},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ui.Timeline.drag = dragNone
			if tc.dragging {
				ui.Timeline.drag = dragBody
			}
			ui.Player.stop = nil
			if tc.playing {
				ui.Player.stop = make(chan struct{}) // playing, with no ticker
			}
			if got := ui.followDelay(); got != tc.want {
				t.Errorf("followDelay() = %v, want %v", got, tc.want)
			}
		})
	}
	ui.Timeline.drag, ui.Player.stop = dragNone, nil
}
