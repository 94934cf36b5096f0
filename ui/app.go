// Package ui is Sahel Atlas's window: the only package that imports Fyne.
// Run opens the window; Build makes its content for a given app and window
// so tests can drive it with fyne.io/fyne/v2/test.
package ui

import (
	"errors"
	"fmt"
	"os"
	"runtime/debug"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/sahelatlas/sahelatlas/assets"
	"github.com/sahelatlas/sahelatlas/data/store"
)

// AppID is Sahel Atlas's reverse-DNS application id (as in FyneApp.toml).
const AppID = "org.sahelatlas.app"

// Options are the window's command-line options.
type Options struct {
	View      string // the view at start: sahel, mali, sudan, france, world or W,S,E,N
	StorePath string // the workspace store (--store); empty: $SAHELATLAS_STORE or the default
	Synthetic int    // when > 0, show this many synthetic events instead of the bundled dataset
	Lang      string // the language given with --lang ("en", "fr"); "" for the preference or the system's

	// Workspace is the opened store of annotations; Run opens it. Nil
	// turns annotations off.
	Workspace *store.Store

	// do runs work on the UI goroutine; nil means fyne.Do. Tests pass a
	// queue they drain on their own goroutine.
	do func(func())
}

// Run opens the workspace store of opts.StorePath (as every command
// opens it: store.OpenWorkspace) and the Sahel Atlas window, and returns
// once the window is closed. The error it returns wraps store.ErrNoPath
// when there is no place for the store and store.ErrLocked when another
// Sahel Atlas holds it, so the caller gives the commands' exit statuses;
// a store that cannot be opened is also shown in a small window, for an
// analyst who started the app from a menu.
func Run(opts Options) error {
	useLanguage(flagOrSystemLanguage(opts.Lang)) // for a store that cannot open; the preference is read below
	ws, recovery, err := store.OpenWorkspace(opts.StorePath)
	switch {
	case errors.Is(err, store.ErrNoPath):
		return fmt.Errorf(lang.L("cannot find a place for the workspace store: %w (use --store PATH)"), err)
	case errors.Is(err, store.ErrLocked):
		// Refused within a second, changing nothing.
		showFatal(err.Error() + lang.L("\n\nClose the other Sahel Atlas, or start this one with --store OTHER_PATH."))
		return err
	case err != nil:
		showFatal(fmt.Sprintf(lang.L("Cannot open the workspace store:\n%v"), err))
		return fmt.Errorf("cannot open the workspace store: %w", err)
	}
	defer ws.Close()
	opts.Workspace = ws

	// Keep the heap close to what is live (the budget is 300 MB resident
	// with 100,000 events): the GC works harder near this soft limit rather
	// than letting garbage double the heap.
	debug.SetMemoryLimit(memoryLimit)
	memoryTuning = true // raised above the live heap once many events load
	a := app.NewWithID(AppID)
	a.Settings().SetTheme(newAtlasTheme(theme.DefaultTheme())) // Arabic from the embedded font
	startLanguage(a, opts.Lang)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	w := a.NewWindow("Sahel Atlas")
	if _, err := Build(a, w, opts); err != nil {
		return err
	}
	// Within a 1366×768 laptop's screen, title bar and panel included;
	// the window's content shrinks to 1024×600 and less (see sidePane).
	// Not centred: on a smaller screen, centring puts the menu above it.
	w.Resize(fyne.NewSize(1280, 680))
	if recovery != nil {
		fmt.Fprintln(os.Stderr, "sahelatlas:", recovery)
		title := lang.L("The workspace store")
		if recovery.Repaired() {
			title = lang.L("The workspace store was repaired")
		}
		dialog.ShowInformation(title, recovery.String(), w)
	}
	debug.FreeOSMemory() // hand back what loading needed and no longer does
	w.ShowAndRun()
	return nil
}

// memoryLimit is the Go heap's soft limit for the window, and the least
// adjustMemoryLimit sets once events load.
const memoryLimit = 128 << 20

// showFatal shows msg in a small window and returns when it is closed.
func showFatal(msg string) {
	a := app.NewWithID(AppID)
	w := a.NewWindow("Sahel Atlas")
	l := widget.NewLabel(msg)
	l.Wrapping = fyne.TextWrapWord
	w.SetContent(container.NewBorder(nil, widget.NewButton(lang.L("Quit"), a.Quit), nil, nil, l))
	w.Resize(fyne.NewSize(520, 200))
	w.ShowAndRun()
}
