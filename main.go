// Command sahelatlas is Sahel Atlas, a desktop map of diplomacy and conflict
// in the Sahel. With no arguments it opens the window; with a command
// (snapshot, events, annotations, import, help, version) it works without
// a display.
package main

import (
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"os"

	_ "github.com/sahelatlas/sahelatlas/ui/locale" // before Fyne reads the locale
	"github.com/sahelatlas/sahelatlas/ui/startup"  // holds the collector while packages initialise

	"github.com/sahelatlas/sahelatlas/ui"
	"github.com/sahelatlas/sahelatlas/ui/cli"
)

// fyneApp is FyneApp.toml, embedded so that --version prints the version
// the app is packaged with.
//
//go:embed FyneApp.toml
var fyneApp []byte

func main() {
	cli.Version = cli.VersionOf(fyneApp)
	startup.Settle() // the collector held for a brief snapshot, else resumed
	if status, ok := cli.Run(os.Args[1:], os.Stdout, os.Stderr); ok {
		os.Exit(status)
	}
	w, err := cli.ParseWindow(os.Args[1:]) // the window's flags, checked as the commands' are
	if errors.Is(err, flag.ErrHelp) {
		cli.Usage(os.Stdout)
		os.Exit(cli.ExitOK)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(cli.ExitUsage)
	}
	if err := ui.Run(ui.Options{View: w.View, StorePath: w.StorePath, Synthetic: w.Synthetic, Lang: w.Lang}); err != nil {
		fmt.Fprintln(os.Stderr, "sahelatlas:", err)
		os.Exit(cli.StatusOf(err))
	}
}
