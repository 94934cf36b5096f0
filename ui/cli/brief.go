package cli

import (
	"flag"
	"io"
)

// briefArea is the largest page, in pixels, of a brief snapshot: a full
// HD frame (a PDF without --size or --paper, an A4 page at two pixels a
// point, is as large).
const briefArea = 1920 * 1080

// Brief reports whether a command line (the program's arguments) is a
// brief command: one snapshot of at most a full HD page, of the bundled
// data (no --store), with no --paper and no --every. Such a command
// allocates a few tens of megabytes and ends within a fraction of a
// second, so main lets it run without the garbage collector
// (startup.Hold); every other command line, and one that does not parse,
// is not brief.
func Brief(args []string) bool {
	args = dropLeadingLang(args)
	if len(args) == 0 || args[0] != "snapshot" {
		return false
	}
	fs := flag.NewFlagSet("snapshot", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	o := &snapshotOptions{}
	o.bind(fs)
	fs.String("lang", "", "") // read by chooseLang when the command runs
	rest, err := parseFlags(fs, args[1:])
	if err != nil || len(rest) > 0 || o.check() != nil {
		return false
	}
	if o.store != "" || o.paper != "" || o.every != "" {
		return false
	}
	return o.width*o.height <= briefArea
}
