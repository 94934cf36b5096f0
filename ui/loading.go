package ui

import (
	"fmt"
	"math"
	"runtime/debug"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/sahelatlas/sahelatlas/data"
)

// loading is what the window knows of events loading in the background.
type loading struct {
	progress      *widget.ProgressBarInfinite // shown while events load in the background
	loadingEvents bool                        // events are loading: setData ends it
	markEvents    bool                        // the next layer state is the first with the loaded events
	frameLog      *frameLog                   // $SAHELATLAS_FRAMELOG, nil when unset
	synthetic     int                         // synthetic events to load after the first frame
	storeLater    bool                        // the store's imports are many: merged after the first frame
}

// lazyImportEvents is how many imported events the store may show before
// the window opens on the bundled events and merges the imports after the
// first frame, in the background: a million take seconds to read and
// index, and the map must show at once.
var lazyImportEvents = 50_000

// loadingGCPercent is GOGC while the store's imports are merged after the
// first frame. The merged events grow the live heap steadily (some 700 MB
// with a million); at Go's default the heap may grow to twice what is live
// before a collection: a million imported events peaked at 1,206 MB
// resident, 1,056 MB at 50, for the same CPU (BENCHMARKS.md, peak5).
const loadingGCPercent = 50

// loadStoreLater merges the store's shown imports into the window's events
// in the background, with the status bar's progress, once the map shows.
func (ui *Window) loadStoreLater() {
	ui.startLoading(lang.L("Loading the workspace's imported events…"))
	liftMemoryLimit()
	if memoryTuning {
		debug.SetGCPercent(loadingGCPercent) // settleMemory sets 25 once they are merged
	}
	ui.Imports.reloadData()
}

// loadSynthetic makes n synthetic events (--synthetic) off the UI
// goroutine while the window already shows the map with the bundled
// events, then makes them the window's events, merged with the shown
// imports as every reload does. A million events take seconds to make;
// the status bar says what is loading meanwhile.
func (ui *Window) loadSynthetic(n int) {
	ui.startLoading(fmt.Sprintf("Loading %d synthetic events…", n))
	liftMemoryLimit() // until they are in: a limit under the growing heap would collect without pause
	do := ui.do
	go func() {
		base := data.SyntheticEvents(n, 1)
		base.Span() // worked out once, here rather than on the UI goroutine
		do(func() {
			ui.Imports.base = base
			ui.Imports.reloadData() // hands the events over through setData
		})
	}()
}

// startLoading shows the status bar's progress with text until the next
// setData.
func (ui *Window) startLoading(text string) {
	ui.loadingEvents = true
	ui.Status.SetText(text)
	ui.progress.Show()
	ui.progress.Start()
}

// loaded, after setData, ends the progress startLoading showed, and
// marks the next frame in the frame log as the first with the events.
func (ui *Window) loaded() {
	if !ui.loadingEvents {
		return
	}
	ui.loadingEvents, ui.markEvents = false, true
	ui.updateLayers() // hands the frame log's mark to the renderer
	ui.progress.Stop()
	ui.progress.Hide()
	ui.Status.SetText(fmt.Sprintf("%d events loaded", len(ui.Explorer.Data.Events)))
	adjustMemoryLimit()
}

// newProgress is the status bar's progress bar, hidden until something loads.
func newProgress() *widget.ProgressBarInfinite {
	p := widget.NewProgressBarInfinite()
	p.Stop()
	p.Hide()
	return p
}

// memoryTuning is set by Run: only the real window sets the heap's soft
// limit (tests share the process with others).
var memoryTuning bool

// adjustMemoryLimit, once many events have loaded (when Run tuned the
// collector), trades the heap's soft limit for a lower GOGC: the heap may
// grow a quarter beyond what is live before a collection. A fixed limit
// cannot follow the events (100,000 keep about 150 MB live, a million
// about 900 MB): one under the live heap makes the collector run without
// pause and the window crawl, one far above it lets garbage double the
// heap past the budgets (300 MB resident with 100,000 events, 1.2 GB with
// a million, GL buffers and all).
func adjustMemoryLimit() {
	if !memoryTuning {
		return
	}
	debug.SetGCPercent(25)
	debug.SetMemoryLimit(math.MaxInt64)
}

// settleMemory, on the goroutine that merged the events and before the
// window takes them, sets GOGC 25 (see adjustMemoryLimit) and hands back
// to the system what loading needed and no longer does: the decoded
// blocks of the events files, the records before they were merged. The
// runtime would keep those pages resident for minutes otherwise. With a
// million events the collection takes a few seconds, which the events
// now wait for: collected after the window took them, as before, it ran
// while the window built their layers, and the window stayed at 1.5 GB
// resident for seconds after the events showed.
func settleMemory() {
	if !memoryTuning {
		return
	}
	debug.SetGCPercent(25)
	debug.FreeOSMemory()
}

// liftMemoryLimit takes the heap's soft limit off while events load,
// when Run set one; adjustMemoryLimit sets it again.
func liftMemoryLimit() {
	if memoryTuning {
		debug.SetMemoryLimit(math.MaxInt64)
	}
}
