// Command sahelatlas is Sahel Atlas, a desktop map of diplomacy and conflict
// in the Sahel. With no arguments it opens the window; with a command
// (snapshot, events, annotations, import, help, version) it works without
// a display.
package main

import (
	_ "embed"
	"os"

	_ "github.com/sahelatlas/sahelatlas/ui/locale" // before Fyne reads the locale

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
	if status, ok := cli.Run(os.Args[1:], os.Stdout, os.Stderr); ok {
		os.Exit(status)
	}
	os.Exit(ui.Run(os.Args[1:]))
}
