package ui

import (
	"fmt"
	"runtime/debug"
	"runtime/metrics"

	"fyne.io/fyne/v2/widget"

	"github.com/sahelatlas/sahelatlas/data"
)

// loadSynthetic makes n synthetic events (--synthetic) off the UI
// goroutine while the window already shows the map with the bundled
// events, then makes them the window's events, merged with the shown
// imports as every reload does. A million events take seconds to make;
// the status bar says what is loading meanwhile.
func (ui *Window) loadSynthetic(n int) {
	ui.startLoading(fmt.Sprintf("Loading %d synthetic events…", n))
	do := ui.do
	go func() {
		base := data.SyntheticEvents(n, 1)
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

// adjustMemoryLimit raises the Go heap's soft limit above what the
// loaded events keep live, when Run set one: a limit below the live heap
// (a million events keep about 700 MB) makes the collector run without
// pause and the window crawl. The limit is a quarter above the live heap,
// and never below memoryLimit.
func adjustMemoryLimit() {
	if !memoryTuning {
		return
	}
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return
	}
	live := int64(s[0].Value.Uint64())
	debug.SetMemoryLimit(max(memoryLimit, live+live/4+64<<20))
}
