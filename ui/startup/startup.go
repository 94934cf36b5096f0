// Package startup holds the garbage collector off while the program's
// packages initialise, and lets main choose what it does afterwards.
// Imported (blank or not) by main before anything else, its init runs
// before Fyne's, excelize's and our own packages' (Go initialises the
// ready packages in import-path order), which allocate about 5 MB of
// tables the collector would otherwise scan twice before main starts.
//
// main then calls Resume (the window, and every command that may hold
// much: an import, a series, a big page) or Hold (a brief command, such
// as one small snapshot, that ends before collecting would pay off).
// When GOGC or GOMEMLIMIT is set in the environment, the package changes
// nothing: the user's setting wins.
package startup

import (
	"os"
	"runtime/debug"
	"sync"
)

// normalPercent is Go's default GOGC, which Resume restores.
const normalPercent = 100

// HoldLimit is the memory limit Hold sets: past it the collector runs
// even though it is held, so a brief command that turns out larger than
// expected still stays within this much memory.
const HoldLimit = 256 << 20

var (
	mu     sync.Mutex
	paused bool // the collector is off because of this package
)

func init() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(-1)
	paused = true
}

// Resume turns the collector back on at Go's default pace, as it would
// have been without this package. It does nothing when the collector
// was not held by this package, or after Resume or Hold.
func Resume() {
	mu.Lock()
	defer mu.Unlock()
	if !paused {
		return
	}
	paused = false
	debug.SetGCPercent(normalPercent)
}

// Hold keeps the collector off for the rest of a brief command, with a
// memory limit of HoldLimit bytes past which it collects anyway. It does
// nothing when the collector was not held by this package, or after
// Resume or Hold.
func Hold() {
	mu.Lock()
	defer mu.Unlock()
	if !paused {
		return
	}
	paused = false
	debug.SetMemoryLimit(HoldLimit)
}
