package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/exchange"
)

const eventsUsage = "sahelatlas events [--format geojson|csv|kml|timeline] [--store PATH] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [-o FILE]"

func init() {
	Register(Command{
		Name:    "events",
		Summary: "write the bundled (and with --store, imported) events: " + eventsUsage,
		Run:     runEvents,
	})
}

// runEvents writes the bundled dataset's events, and with --store those of
// the workspace's layers too. With --from or --to only the dated events
// overlapping the window are written; without them, every event, the
// undated ones last (with empty start and end and a date_note).
func runEvents(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("events", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	format := fs.String("format", "geojson", "geojson, csv, kml or timeline")
	storePath := fs.String("store", "", "also write the events imported into this store")
	fromS := fs.String("from", "", "first day, YYYY-MM-DD")
	toS := fs.String("to", "", "last day, YYYY-MM-DD")
	out := fs.String("o", "", "file to write (default standard output)")
	usage := func(msg string) int {
		fmt.Fprintf(stderr, "sahelatlas events: %s (usage: %s)\n", msg, eventsUsage)
		return ExitUsage
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return usage("help requested")
		}
		return usage(err.Error())
	}
	if fs.NArg() > 0 {
		return usage(fmt.Sprintf("unexpected argument %q", fs.Arg(0)))
	}
	write, ok := eventWriters[*format]
	if !ok {
		return usage(fmt.Sprintf("--format %q is not geojson, csv, kml or timeline", *format))
	}
	from, to := data.D(1, 1, 1), data.D(9999, 12, 31)
	window := false
	for _, f := range []struct {
		name string
		s    string
		d    *data.Date
	}{{"--from", *fromS, &from}, {"--to", *toS, &to}} {
		if f.s == "" {
			continue
		}
		d, err := data.ParseDate(f.s)
		if err != nil {
			return usage(fmt.Sprintf("%s %q is not a real date written YYYY-MM-DD", f.name, f.s))
		}
		*f.d, window = d, true
	}
	if to.Before(from) {
		return usage(fmt.Sprintf("--from %s is after --to %s", from, to))
	}

	d, err := data.LoadBundled()
	if err != nil {
		fmt.Fprintf(stderr, "sahelatlas events: %v\n", strings.ReplaceAll(err.Error(), "\n", "; "))
		return ExitFailed
	}
	if *storePath != "" {
		var status int
		if d, status = storeDataset("events", d, *storePath, stderr); d == nil {
			return status
		}
	}
	events := d.Events
	if window {
		events = d.Between(from, to)
	}

	var buf bytes.Buffer
	if err := write(&buf, events, d); err != nil {
		fmt.Fprintf(stderr, "sahelatlas events: %v\n", err)
		return ExitFailed
	}
	b := buf.Bytes()
	if *out == "" {
		if _, err := stdout.Write(b); err != nil {
			fmt.Fprintf(stderr, "sahelatlas events: cannot write standard output: %v\n", err)
			return ExitFailed
		}
		return ExitOK
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		fmt.Fprintf(stderr, "sahelatlas events: cannot write %s: %v\n", *out, err)
		return ExitUsage
	}
	return ExitOK
}

// eventWriters are the exporters by --format.
var eventWriters = map[string]func(io.Writer, []*data.Event, *data.Dataset) error{
	"geojson":  exchange.WriteGeoJSON,
	"csv":      exchange.WriteCSV,
	"kml":      exchange.WriteKML,
	"timeline": exchange.WriteTimeline,
}
