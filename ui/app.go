// Package ui is Sahel Atlas's window: the only package that imports Fyne.
// Run opens the window; Build makes its content for a given app and window
// so tests can drive it with fyne.io/fyne/v2/test.
package ui

import (
	"flag"
	"fmt"
	"io"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/sahelatlas/sahelatlas/assets"
)

// AppID is Sahel Atlas's reverse-DNS application id (as in FyneApp.toml).
const AppID = "org.sahelatlas.app"

// Options are the window's command-line options.
type Options struct {
	View string // the view at start: sahel, mali, sudan, france, world or W,S,E,N
}

// ParseOptions reads the window's flags.
func ParseOptions(args []string, stderr io.Writer) (Options, error) {
	var o Options
	fs := flag.NewFlagSet("sahelatlas", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.View, "view", "sahel", "view at start: sahel, mali, sudan, france, world or W,S,E,N")
	if err := fs.Parse(args); err != nil {
		return o, fmt.Errorf("sahelatlas: %v (try: sahelatlas help)", err)
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("sahelatlas: unknown command %q (try: sahelatlas help)", fs.Arg(0))
	}
	return o, nil
}

// Run opens the Sahel Atlas window and returns the process's exit status
// once it is closed.
func Run(args []string) int {
	opts, err := ParseOptions(args, os.Stderr)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	a := app.NewWithID(AppID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	w := a.NewWindow("Sahel Atlas")
	if _, err := Build(a, w, opts); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	w.Resize(fyne.NewSize(1280, 800))
	w.ShowAndRun()
	return 0
}
