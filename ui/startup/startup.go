// Package startup holds the garbage collector off while the program's
// packages initialise, and lets main choose what it does afterwards.
// Imported (blank or not) by main before anything else, its init runs
// once geo/scene and what it imports are initialised, before Fyne's
// lang, goldmark, excelize and the window's and commands' packages (Go
// initialises the ready packages in import-path order;
// GODEBUG=inittrace=1 shows it), which allocate about 3 MB of tables the
// collector would otherwise scan before main starts.
//
// main then calls Resume (the window, and every command that may hold
// much: an import, a series, a big page) or Hold (a brief command, such
// as one small snapshot, that ends before collecting would pay off).
// When GOGC or GOMEMLIMIT is set in the environment, the package changes
// nothing: the user's setting wins.
//
// For the snapshot command (os.Args is readable during initialisation),
// init also calls geo/scene.Preload, so that the map's fixed work
// (decoding the levels file, the bundled dataset and the capitals,
// parsing the English catalog) runs on the second core while the
// remaining packages (Fyne's lang, excelize, ...) initialise; the
// command's scene.Load then takes what it made. Before that, for a brief
// snapshot (a page of at most 1920×1080 of the bundled data), it grows
// the heap by what the command will allocate, advised into transparent
// huge pages (prepareHeap), and the preload's goroutine first collects
// it, so that the command's allocations reuse it: on this project's
// Linux machines a first touch of a 4 KiB page costs 10–30 µs, and a
// small snapshot took some 2,600 of them. The pages are the same byte
// for byte.
package startup

import (
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/sahelatlas/sahelatlas/geo/scene"
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
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetGCPercent(-1)
		paused = true
	}
	if snapshotCommand(os.Args[1:]) {
		if paused && prepareHeap(snapshotHeap(os.Args[1:])) != 0 {
			scene.PreloadAfter(runtime.GC) // frees the prepared heap
		} else {
			scene.Preload()
		}
	}
}

// snapshotCommand reports whether args name the snapshot command, after
// a leading --lang and its value if any. It does not check the rest: a
// snapshot whose flags turn out wrong has only loaded its scene for
// nothing.
func snapshotCommand(args []string) bool {
	if len(args) > 0 {
		switch a := args[0]; {
		case a == "--lang" || a == "-lang":
			args = args[min(2, len(args)):]
		case strings.HasPrefix(a, "--lang="), strings.HasPrefix(a, "-lang="):
			args = args[1:]
		}
	}
	return len(args) > 0 && args[0] == "snapshot"
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
