package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFrameLog: with $SAHELATLAS_FRAMELOG set, the window writes a line
// per frame shown (time, "frame", events, bytes allocated) and, after the first, where
// the timeline, the speed choice, Play and the map are.
func TestFrameLog(t *testing.T) {
	path := filepath.Join(t.TempDir(), "frames.log")
	t.Setenv(EnvFrameLog, path)
	ui, q := newTestWindowQueue(t)
	logged := func() int {
		b, _ := os.ReadFile(path)
		return strings.Count(string(b), " frame ")
	}
	// Run what is handed to the UI goroutine (frames, and other work
	// queued beside them) until the first frame is shown, then redraw.
	for i := 0; i < 50 && logged() < 1; i++ {
		q.next(t)
	}
	ui.Map.Redraw()
	for i := 0; i < 50 && logged() < 2; i++ {
		q.next(t)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	frames, places := 0, map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) == 4 && f[1] == "frame":
			frames++
		case len(f) == 6 && f[0] == "place":
			places[f[1]] = true
		default:
			t.Errorf("line %q: want TIME frame N ALLOCATED or place NAME X Y W H", line)
		}
	}
	if frames != 2 {
		t.Errorf("%d frames logged, want 2:\n%s", frames, b)
	}
	for _, name := range []string{"timeline", "speed", "play", "map"} {
		if !places[name] {
			t.Errorf("no place for %s:\n%s", name, b)
		}
	}
}
