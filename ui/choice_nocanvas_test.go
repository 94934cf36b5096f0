package ui

import (
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/paulmach/orb"

	"github.com/sahelatlas/sahelatlas/data"
)

// Fyne's test driver answers CanvasForObject with the last window's canvas
// for any object, so under it a stock widget.Select never meets the nil
// canvas that crashes it on the desktop (fyne issue 5965). treeDriver
// answers as the desktop driver does, so these tests meet the crash.

// treeDriver is the test driver, but CanvasForObject gives the canvas of
// the window whose content or overlays hold the object, and nil for an
// object in no window's tree, as Fyne's desktop driver does.
type treeDriver struct {
	fyne.Driver
	walking *atomic.Bool // set while a walk creates renderers, which may ask
}

// CanvasForObject implements fyne.Driver. Asked again by a renderer the
// walk creates, it answers as the test driver does.
func (d treeDriver) CanvasForObject(o fyne.CanvasObject) fyne.Canvas {
	if !d.walking.CompareAndSwap(false, true) {
		return d.Driver.CanvasForObject(o)
	}
	defer d.walking.Store(false)
	for _, w := range d.AllWindows() {
		c := w.Canvas()
		if c.Content() != nil && holds(c.Content(), o) {
			return c
		}
		for _, ov := range c.Overlays().List() {
			if holds(ov, o) {
				return c
			}
		}
	}
	return nil
}

// treeApp is an app whose driver is a treeDriver.
type treeApp struct {
	fyne.App
	driver treeDriver
}

// Driver implements fyne.App.
func (a treeApp) Driver() fyne.Driver { return a.driver }

// useTreeDriver makes the current app answer CanvasForObject as the
// desktop does until the test ends.
func useTreeDriver(t *testing.T) {
	a := fyne.CurrentApp()
	fyne.SetCurrentApp(treeApp{App: a, driver: treeDriver{a.Driver(), new(atomic.Bool)}})
	t.Cleanup(func() { fyne.SetCurrentApp(a) })
}

// tapper is a select: tapped, or opened with Space when focused.
type tapper interface {
	fyne.Tappable
	fyne.Focusable
}

// tapTarget is a select found in a window and its options.
type tapTarget struct {
	o       tapper
	options []string
}

// tapSafely taps o and opens it with Space, and returns what either
// panicked with.
func tapSafely(o tapper) (panicked any) {
	defer func() { panicked = recover() }()
	o.Tapped(&fyne.PointEvent{})
	o.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	return nil
}

// closeMenus removes the pop-up menus on top of every window's overlays
// and returns how many there were.
func closeMenus(t *testing.T) int {
	n := 0
	for _, w := range fyne.CurrentApp().Driver().AllWindows() {
		ov := w.Canvas().Overlays()
		for ov.Top() != nil && findMenu(t, ov.Top()) != nil {
			ov.Remove(ov.Top())
			n++
		}
	}
	return n
}

// Under a driver that answers as the desktop's does, a stock Select tapped
// while in no window's tree panics (issue 5965, which this test meets: if
// it stops panicking, Fyne has fixed it and choice can go); a choice opens
// its menu on the window instead, and both open theirs on their own
// canvas when in a window.
func TestSelectWithoutCanvas(t *testing.T) {
	options := []string{"PNG", "SVG"}
	cases := []struct {
		name      string
		make      func() fyne.CanvasObject
		attached  bool
		wantPanic bool
	}{
		{"stock select, in the window", func() fyne.CanvasObject { return widget.NewSelect(options, nil) }, true, false},
		{"stock select, in no window", func() fyne.CanvasObject { return widget.NewSelect(options, nil) }, false, true},
		{"choice, in the window", func() fyne.CanvasObject { return newChoice(options, nil) }, true, false},
		{"choice, in no window", func() fyne.CanvasObject { return newChoice(options, nil) }, false, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			test.NewTempApp(t)
			w := test.NewTempWindow(t, widget.NewLabel("the window"))
			w.Resize(fyne.NewSize(300, 200))
			sel := tc.make()
			if tc.attached {
				w.SetContent(sel)
			}
			useTreeDriver(t)
			got := tapSafely(sel.(tapper))
			if (got != nil) != tc.wantPanic {
				t.Fatalf("panicked with %v, want a panic: %v", got, tc.wantPanic)
			}
			if got == nil && closeMenus(t) == 0 {
				t.Errorf("no menu shown")
			}
		})
	}
}

// Every select the window and its dialogs build is a choice (a stock
// widget.Select is what crashes), and each opens a menu without a panic
// under a driver that answers as the desktop's does: while its dialog is
// shown, and after it is closed (its canvas then nil), as happens when a
// closed dialog's select keeps the keyboard focus.
func TestDialogSelectsSurviveNoCanvas(t *testing.T) {
	ui := newTestWindow(t)
	csv := filepath.Join(t.TempDir(), "visits.csv")
	if err := os.WriteFile(csv, []byte("title;date;latitude;longitude\nVisite à Bamako;2025-01-11;12,65;-8,00\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	type shown struct {
		roots []fyne.CanvasObject
		close func()
	}
	// overlay opens a dialog and gives what it added to the window's
	// overlays.
	overlay := func(open func()) shown {
		before := len(ui.Win.Canvas().Overlays().List())
		open()
		added := ui.Win.Canvas().Overlays().List()[before:]
		return shown{roots: added, close: func() {
			for _, o := range added {
				ui.Win.Canvas().Overlays().Remove(o)
			}
		}}
	}
	cases := []struct {
		name  string
		open  func() shown
		least int // selects it holds at least
	}{
		{"main window", func() shown { return shown{roots: []fyne.CanvasObject{ui.Win.Content()}, close: func() {}} }, 4},
		{"Export map", func() shown { return overlay(ui.ShowExport) }, 3},
		{"Export events", func() shown { return overlay(ui.Imports.ShowExportEvents) }, 1},
		{"import columns", func() shown {
			return overlay(func() {
				if ui.Imports.prepare(csv) == nil {
					t.Fatal("no column dialog for a generic CSV file")
				}
			})
		}, 5},
		{"new event", func() shown { return overlay(func() { ui.ShowNewEvent(nil) }) }, 1},
		{"annotation", func() shown {
			return overlay(func() { ui.Notes.edit(data.Annotation{Geometry: orb.Point{-1.3, 15.82}, Title: "Gossi"}, false) })
		}, 1},
		{"read an article", func() shown {
			r := ui.ShowReader()
			return shown{roots: []fyne.CanvasObject{r.Win.Content()}, close: func() { r.Win.Close(); ui.reader = nil }}
		}, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := tc.open()
			// Stock selects are tapped too: they show the crash.
			var selects []tapTarget
			for _, r := range s.roots {
				cs, plain := choicesIn(t, r)
				if len(plain) > 0 {
					t.Errorf("%d stock widget.Select: use newChoice", len(plain))
				}
				for _, c := range cs {
					selects = append(selects, tapTarget{c, c.Options})
				}
				for _, p := range plain {
					selects = append(selects, tapTarget{p, p.Options})
				}
			}
			if len(selects) < tc.least {
				t.Fatalf("found %d selects, want at least %d", len(selects), tc.least)
			}
			useTreeDriver(t)
			for _, state := range []string{"shown", "closed"} {
				if state == "closed" {
					s.close()
				}
				for i, sel := range selects {
					if p := tapSafely(sel.o); p != nil {
						t.Errorf("select %d (%q), dialog %s: panicked with %v", i, sel.options, state, p)
					}
					if n := closeMenus(t); n == 0 && len(sel.options) > 0 {
						t.Errorf("select %d (%q), dialog %s: opened no menu", i, sel.options, state)
					}
				}
			}
		})
	}
}
