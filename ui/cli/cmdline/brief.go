package cmdline

import (
	"flag"
	"io"

	"github.com/sahelatlas/sahelatlas/data/lang"
	"github.com/sahelatlas/sahelatlas/geo/scene"
)

// briefArea is the largest page, in pixels, of a brief snapshot: a full
// HD frame (a PDF without --size or --paper, an A4 page at two pixels a
// point, is as large).
const briefArea = 1920 * 1080

// ParseSnapshot reads a snapshot command line (the program's arguments,
// "snapshot" first, after a leading --lang if any) as the snapshot
// command does, flags and Check; it reports false when args are not a
// snapshot command or do not parse (the command will say why): a --lang
// that names no language, a --store "" that names no file. It also
// reports false when the command line has more than one --lang, or one
// the flags do not read as Lang does ("--title --lang=fr"): the language
// would then be set twice, or told apart from the command's.
func ParseSnapshot(args []string) (*Snapshot, bool) {
	all := args
	args = DropLeadingLang(args)
	if len(args) == 0 || args[0] != "snapshot" {
		return nil, false
	}
	fs := flag.NewFlagSet("snapshot", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	o := &Snapshot{}
	o.Bind(fs)
	parsed := 0 // --lang flags the parser read
	fs.Func("lang", "", func(s string) error {
		parsed++
		_, err := lang.Parse(s)
		return err
	})
	rest, err := Parse(fs, args[1:])
	if err != nil || len(rest) > 0 || o.Check() != nil {
		return nil, false
	}
	storeNone := false
	fs.Visit(func(f *flag.Flag) { storeNone = storeNone || f.Name == "store" && o.Store == "" })
	leading := len(all) > len(args) // a --lang before the command
	switch n := len(langValues(all)); {
	case storeNone, n > 1:
		return nil, false
	case n == 1 && !leading && parsed == 0: // another flag's value
		return nil, false
	}
	return o, true
}

// Brief reports whether the snapshot o is brief: one page of at most
// full HD, of the bundled data (no --store), with no --paper and no
// --every. Such a command allocates a few tens of megabytes and ends
// within a fraction of a second.
func (o *Snapshot) Brief() bool {
	if o.Store != "" || o.Paper != "" || o.Every != "" {
		return false
	}
	w, h := o.Width, o.Height
	if w == 0 || h == 0 {
		w, h = scene.ReferenceSize()
	}
	return w*h <= briefArea
}

// Brief reports whether a command line (the program's arguments) is a
// brief command: a snapshot command (ParseSnapshot) that is brief.
// ui/startup reads the program's command line while the packages
// initialise: it begins drawing such a snapshot, and lets it run without
// the garbage collector (startup.Settle). Every other command line, and
// one that does not parse, is not brief.
func Brief(args []string) bool {
	o, ok := ParseSnapshot(args)
	return ok && o.Brief()
}
