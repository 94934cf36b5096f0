package ui

import (
	"fmt"
	"path/filepath"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/sahelatlas/sahelatlas/data/files"
	datalang "github.com/sahelatlas/sahelatlas/data/lang"
)

// importRun is one import under way in the window: how much of its file
// has been read and how many events, shown in a dialog with a bar the
// analyst can cancel. Its counters are written by the import's goroutine
// and read by the dialog's ticker.
type importRun struct {
	read   atomic.Pointer[files.Progress] // set once the file is open
	events atomic.Int64
	cancel atomic.Bool

	dialog dialog.Dialog
	bar    *widget.ProgressBar
	count  *widget.Label
	stop   chan struct{}
}

// newImportRun shows the progress dialog of importing path and starts
// refreshing it a few times a second until end is called.
func (m *Imports) newImportRun(path string) *importRun {
	r := &importRun{bar: widget.NewProgressBar(), count: widget.NewLabel(""), stop: make(chan struct{})}
	cancel := widget.NewButton(lang.L("Cancel"), func() {
		r.Cancel()
		r.count.SetText(lang.L("Cancelling…"))
	})
	r.dialog = dialog.NewCustomWithoutButtons(lang.L("Importing"),
		container.NewVBox(widget.NewLabel(filepath.Base(path)), r.bar, r.count, container.NewCenter(cancel)), m.ui.Win)
	r.dialog.Resize(fyne.NewSize(420, r.dialog.MinSize().Height))
	r.dialog.Show()
	m.running = r
	go func() {
		tick := time.NewTicker(200 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-r.stop:
				return
			case <-tick.C:
				m.do(r.refresh)
			}
		}
	}()
	return r
}

// reading is what streamImport reads the file through: it counts the
// bytes for the bar, and stops the reading once the analyst cancels.
func (r *importRun) reading(p *files.Progress) *files.Progress {
	if r == nil {
		return p
	}
	r.read.Store(p)
	if r.cancel.Load() { // after the Store: a Cancel before it finds no reader to stop
		p.Stop()
	}
	return p
}

// added counts the events handed to the store.
func (r *importRun) added(n int) {
	if r != nil {
		r.events.Add(int64(n))
	}
}

// Cancel stops the import: the file is read no further and the store is
// left as it was.
func (r *importRun) Cancel() {
	r.cancel.Store(true)
	if p := r.read.Load(); p != nil {
		p.Stop()
	}
}

// cancelled reports whether the analyst cancelled the import.
func (r *importRun) cancelled() bool { return r != nil && r.cancel.Load() }

// refresh shows how far the import has gone; on the UI goroutine.
func (r *importRun) refresh() {
	if r.cancel.Load() {
		return
	}
	if p := r.read.Load(); p != nil {
		if f := p.Fraction(); f >= 0 {
			r.bar.SetValue(f)
		}
	}
	r.count.SetText(fmt.Sprintf(lang.L("%s events read"), datalang.Current().Int(int(r.events.Load()))))
}

// end stops the refreshing and hides the dialog; on the UI goroutine.
func (r *importRun) end(m *Imports) {
	close(r.stop)
	r.dialog.Hide()
	if m.running == r {
		m.running = nil
	}
}
