package ui

import (
	"fmt"
	"os"
	"sync"
	"time"
)

// EnvFrameLog names the environment variable that, set to a file path,
// makes the window write one line per map frame handed to the canvas:
// the time in Unix nanoseconds, the events the frame's layers hold, and
// what the frame is ("frame", or "events" for the first frame drawn
// with the events loaded in the background). It is for measuring the
// window as the analyst sees it (frames a second while dragging the
// timeline, time to the first map) from outside, under Xvfb.
const EnvFrameLog = "SAHELATLAS_FRAMELOG"

// frameLog appends frame times to a file; the zero frameLog, or a nil
// one, writes nothing.
type frameLog struct {
	mu sync.Mutex
	f  *os.File
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
	return &frameLog{f: f}
}

// mark writes one line: now, n and what.
func (l *frameLog) mark(what string, n int) {
	if l == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	fmt.Fprintf(l.f, "%d %s %d\n", time.Now().UnixNano(), what, n)
}
