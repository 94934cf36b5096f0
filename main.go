// Command sahelatlas is Sahel Atlas, a desktop map of diplomacy and conflict
// in the Sahel. With no arguments it opens the window; with a command
// (snapshot, events, annotations, import) it works without a display.
package main

import (
	"os"

	_ "github.com/sahelatlas/sahelatlas/ui/locale" // before Fyne reads the locale

	"github.com/sahelatlas/sahelatlas/ui"
	"github.com/sahelatlas/sahelatlas/ui/cli"
)

func main() {
	if status, ok := cli.Run(os.Args[1:], os.Stdout, os.Stderr); ok {
		os.Exit(status)
	}
	os.Exit(ui.Run(os.Args[1:]))
}
