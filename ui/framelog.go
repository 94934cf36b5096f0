package ui

import (
	"fmt"
	"maps"
	"os"
	"slices"
	"sync"
	"time"

	"fyne.io/fyne/v2"
)

// EnvFrameLog names the environment variable that, set to a file path,
// makes the window write one line per map frame handed to the canvas:
// the time in Unix nanoseconds, what the frame is ("frame", or "events"
// for the first frame drawn with the events loaded in the background),
// the events that pass the filters at every date and the bytes the
// process has allocated on its heap since it started; after the first
// frame, where the timeline, the speed choice, the Play button and the
// map are. It is for measuring the window as the analyst sees it (frames
// a second while dragging the timeline, time to the first map) from
// outside, under Xvfb.
const EnvFrameLog = "SAHELATLAS_FRAMELOG"

// frameLog appends frame times to a file; the zero frameLog, or a nil
// one, writes nothing.
type frameLog struct {
	mu      sync.Mutex
	f       *os.File
	frames  int
	profile *profiler // $SAHELATLAS_PROFILE, started at the "events" frame
}

// openFrameLog opens the file $SAHELATLAS_FRAMELOG names, or returns nil
// when it is unset or cannot be created (said once on stderr).
func openFrameLog() *frameLog {
	path := os.Getenv(EnvFrameLog)
	if path == "" {
		return nil
	}
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintf(os.Stderr, "sahelatlas: %s: %v (no frame log)\n", EnvFrameLog, err)
		return nil
	}
	return &frameLog{f: f, profile: newProfiler()}
}

// mark writes one line: now, what and n; it returns how many frames it
// has marked, this one included (0 with no log).
func (l *frameLog) mark(what string, n int) int {
	if l == nil {
		return 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	fmt.Fprintf(l.f, "%d %s %d %d\n", time.Now().UnixNano(), what, n, allocatedBytes())
	l.frames++
	if what == "events" {
		l.profile.start()
	}
	return l.frames
}

// place writes where the objects are in the window, one line each:
// "place NAME X Y W H" in pixels of the window (at the canvas's scale),
// for a script to drive them with xdotool.
func (l *frameLog) place(objects map[string]fyne.CanvasObject) {
	d := fyne.CurrentApp().Driver()
	for _, name := range slices.Sorted(maps.Keys(objects)) {
		o := objects[name]
		c := d.CanvasForObject(o)
		if c == nil {
			continue
		}
		pos, size, s := d.AbsolutePositionForObject(o), o.Size(), c.Scale()
		l.mu.Lock()
		fmt.Fprintf(l.f, "place %s %.0f %.0f %.0f %.0f\n", name, pos.X*s, pos.Y*s, size.Width*s, size.Height*s)
		l.mu.Unlock()
	}
}
