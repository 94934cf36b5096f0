package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"image/color"
	"io"
	"strings"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/files"
	"github.com/sahelatlas/sahelatlas/data/exchange"
	"github.com/sahelatlas/sahelatlas/geo/overlay"
)

const eventsUsage = "sahelatlas events [--format geojson|csv|kml|timeline] [--store PATH] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--kind K,...] [--country ISO3,...] [--text WORDS] [-o FILE]"

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
	kinds := fs.String("kind", "", "only these kinds, separated by commas (visit, talks, attack, ...)")
	countries := fs.String("country", "", "only events involving these countries (ISO 3166 alpha-3), separated by commas")
	text := fs.String("text", "", "only events whose text holds every word (case and diacritics ignored)")
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
	filter := data.Filter{Text: *text}
	for _, k := range splitList(*kinds) {
		if !data.Kind(k).Valid() {
			return usage(fmt.Sprintf("--kind %q is not one of %v", k, data.Kinds))
		}
		filter.Kinds = append(filter.Kinds, data.Kind(k))
	}
	for _, c := range splitList(*countries) {
		c = strings.ToUpper(c)
		if len(c) != 3 {
			return usage(fmt.Sprintf("--country %q is not an ISO 3166 alpha-3 code", c))
		}
		filter.Countries = append(filter.Countries, c)
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
	if !filter.IsZero() {
		var kept []*data.Event
		match := filter.Matcher()
		for _, e := range events {
			if match(e) {
				kept = append(kept, e)
			}
		}
		events = kept
	}

	if *out == "" {
		var buf bytes.Buffer
		if err := write(&buf, events, d); err != nil {
			fmt.Fprintf(stderr, "sahelatlas events: %v\n", err)
			return ExitFailed
		}
		if _, err := stdout.Write(buf.Bytes()); err != nil {
			fmt.Fprintf(stderr, "sahelatlas events: cannot write standard output: %v\n", err)
			return ExitFailed
		}
		return ExitOK
	}
	// A temporary file renamed over -o: never a half-written export.
	if err := files.WriteAtomic(*out, func(w io.Writer) error { return write(w, events, d) }); err != nil {
		fmt.Fprintf(stderr, "sahelatlas events: %v\n", err)
		return ExitUsage
	}
	return ExitOK
}

// eventWriters are the exporters by --format.
var eventWriters = map[string]func(io.Writer, []*data.Event, *data.Dataset) error{
	"geojson": exchange.WriteGeoJSON,
	"csv":     exchange.WriteCSV,
	"kml": func(w io.Writer, events []*data.Event, d *data.Dataset) error {
		return exchange.WriteKMLStyled(w, events, d, func(k data.Kind) color.RGBA { return overlay.StyleOf(k).Colour })
	},
	"timeline": exchange.WriteTimeline,
}
