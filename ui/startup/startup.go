// Package startup holds the garbage collector off while the program's
// packages initialise, and lets main choose what it does afterwards.
// Imported (blank or not) by main before anything else, its init runs
// once geo/scene and what it imports are initialised, before Fyne's
// lang, goldmark and the window's and commands' packages (Go
// initialises the ready packages in import-path order;
// GODEBUG=inittrace=1 shows it), which allocate about 3 MB of tables the
// collector would otherwise scan before main starts.
//
// main then calls Settle, which calls Resume (the window, and every
// command that may hold much: an import, a series, a big page) or Hold
// (a brief command, such as one small snapshot, that ends before
// collecting would pay off).
// When GOGC or GOMEMLIMIT is set in the environment, the package changes
// nothing: the user's setting wins.
//
// For the snapshot command (os.Args is readable during initialisation,
// and ui/cli/cmdline parses it as the command will), init also calls
// geo/scene.Preload, so that the map's fixed work (decoding the levels
// file, the bundled dataset and the capitals, parsing the English
// catalog) runs on the second core while the remaining packages (Fyne's
// lang, goldmark, ...) initialise; the command's scene.Load then takes
// what it made. For a brief snapshot (cmdline.Snapshot.Brief: a page of
// at most 1920×1080 of the bundled data) it does more:
//   - it grows the heap by what the command will allocate, advised into
//     transparent huge pages (prepareHeap), and the preload's goroutine
//     collects it first, so that the command's allocations reuse it (the
//     packages still to initialise allocate meanwhile in the huge page
//     advised past it): on this project's Linux
//     machines a first touch of a 4 KiB page costs 10–30 µs, and a small
//     snapshot took some 2,600 of them;
//   - once the scene is loaded, the same goroutine draws the page the
//     command asks for into memory (geo/scene.PreloadAndDraw, with ask),
//     and the command writes that file when it asks for the same
//     snapshot, instead of drawing it after every package has
//     initialised.
//
// The pages are the same byte for byte.
package startup

import (
	"os"
	"runtime"
	"runtime/debug"
	"sync"

	"github.com/sahelatlas/sahelatlas/data/lang"
	"github.com/sahelatlas/sahelatlas/data/prefs"
	"github.com/sahelatlas/sahelatlas/geo/scene"
	"github.com/sahelatlas/sahelatlas/ui/cli/cmdline"
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
	brief  bool // the command line is a brief snapshot (cmdline.Snapshot.Brief)
)

func init() {
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetGCPercent(-1)
		paused = true
	}
	o, ok := cmdline.ParseSnapshot(os.Args[1:])
	switch {
	case !ok:
	case o.Brief():
		brief = true
		// The preload's goroutine first collects the prepared heap, freeing
		// it for the command's allocations, while the remaining packages
		// initialise: 3–4 ms sooner than collecting here (session 6).
		var first func()
		if paused && prepareHeap(snapshotHeap(o)) != 0 {
			first = runtime.GC
		}
		scene.PreloadAndDraw(first, ask(o, os.Args[1:]))
	default:
		scene.Preload()
	}
}

// ask is what scene.PreloadAndDraw asks for the snapshot o, the command
// line args parsed: the snapshot ui/cli's snapshot command will ask for,
// made the same way (cmdline), in the language it will write in. It
// reports false when the command will fail before drawing (a flag
// wrong for the scene, the remembered caveat unreadable, a bad
// snapshot): the command then says why.
func ask(o *cmdline.Snapshot, args []string) func(*scene.Scene) (scene.Snapshot, bool) {
	return func(s *scene.Scene) (scene.Snapshot, bool) {
		if o.Path() == "" && o.WorldFile {
			return scene.Snapshot{}, false // refused: a world file goes beside a file
		}
		lang.Set(cmdline.Lang(args))
		snap, err := o.Request(s)
		if err != nil {
			return snap, false
		}
		saved, err := prefs.LoadSnapshot()
		if err != nil {
			return snap, false
		}
		done, err := o.WithCaveat(snap, saved).Complete(s, o.Path())
		return done, err == nil
	}
}

// Settle is what main calls once the packages are initialised: Hold for
// a brief snapshot (the command line init read), else Resume.
func Settle() {
	if brief {
		Hold()
	} else {
		Resume()
	}
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
