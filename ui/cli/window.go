package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/sahelatlas/sahelatlas/data/lang"
	"github.com/sahelatlas/sahelatlas/geo"
)

// MaxSynthetic bounds --synthetic: a million events is ten times the
// window's memory budget's 100,000.
const MaxSynthetic = 1_000_000

// WindowOptions are the window's flags: sahelatlas [flags] with no
// command.
type WindowOptions struct {
	View      string // the view at start: sahel, mali, sudan, france, world or W,S,E,N
	StorePath string // the workspace store (--store); empty: $SAHELATLAS_STORE or the default
	Synthetic int    // when > 0, this many synthetic events instead of the bundled dataset
	Lang      string // the language given with --lang ("en", "fr"); "" when not given
}

// flagSet is a silent flag set binding the window's flags to o.
func (o *WindowOptions) flagSet() *flag.FlagSet {
	fs := flag.NewFlagSet("sahelatlas", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	addLangFlag(fs)
	fs.StringVar(&o.View, "view", "sahel", "view at start: sahel, mali, sudan, france, world or `W,S,E,N` in degrees")
	intVar(fs, &o.Synthetic, "synthetic", 0, 0, MaxSynthetic,
		"show `N` synthetic events instead of the bundled dataset, to try the map with a lot of data")
	fs.StringVar(&o.StorePath, "store", "", "workspace store of annotations and imported events, a `PATH` (default $SAHELATLAS_STORE or the user's data folder)")
	return fs
}

// ParseWindow reads the window's flags. It returns flag.ErrHelp for -h or
// --help among them: the caller then prints Usage on stdout, with status
// ExitOK. Any other error is one line for stderr, to be given with status
// ExitUsage: a flag that does not exist, a number that is not one, or a
// view that is not one.
func ParseWindow(args []string) (WindowOptions, error) {
	var o WindowOptions
	fs := o.flagSet()
	rest, err := parseFlags(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return o, flag.ErrHelp
	case err != nil:
		return o, errors.New(lang.T("cli.err.window", flagError(err)))
	case len(rest) > 0:
		return o, errors.New(lang.T("cli.err.unknown_command", rest[0]))
	}
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "lang" {
			o.Lang = string(lang.Current())
		}
	})
	if err := geo.CheckView(o.View); err != nil {
		return o, fmt.Errorf(lang.T("sahelatlas: --view: %v (try: sahelatlas help)"), err)
	}
	return o, nil
}
