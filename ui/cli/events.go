package cli

import (
	"bytes"
	"flag"
	"image/color"
	"io"
	"strings"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/exchange"
	"github.com/sahelatlas/sahelatlas/data/files"
	"github.com/sahelatlas/sahelatlas/data/lang"
	"github.com/sahelatlas/sahelatlas/geo/overlay"
)

func init() {
	register(&command{
		name:    "events",
		summary: "write the bundled events (and with --store, the imported ones) as GeoJSON, CSV, KML or a timeline",
		notes: `Without --from or --to every event is written, the undated ones last (with empty
start and end and a date_note); with them, only the dated events overlapping the window.
With --store, your own events (events add) are written with the imported ones.`,
		flags: eventsFlags,
		subs:  myEventCommands,
	})
}

// eventsOptions are the events command's flags.
type eventsOptions struct {
	format, store    string
	from, to         string
	kinds, countries string
	text             string
	out              string
	headers          string
}

// eventsFlags declares the events command's flags.
func eventsFlags(fs *flag.FlagSet) runFunc {
	o := &eventsOptions{}
	fs.StringVar(&o.format, "format", "geojson", "`FORMAT`: geojson, csv, kml or timeline")
	fs.StringVar(&o.store, "store", "", "also write the events imported into the workspace store at `PATH` (the layers the window shows)")
	fs.StringVar(&o.from, "from", "", "first day, `YYYY-MM-DD`")
	fs.StringVar(&o.to, "to", "", "last day, `YYYY-MM-DD`")
	fs.StringVar(&o.kinds, "kind", "", "only these `KINDS`, separated by commas (visit, talks, attack, ...)")
	fs.StringVar(&o.countries, "country", "", "only events involving these `COUNTRIES` (ISO 3166 alpha-3), separated by commas")
	fs.StringVar(&o.text, "text", "", "only events whose text holds every one of these `WORDS` (case and diacritics ignored)")
	fs.StringVar(&o.out, "o", "", "`FILE` to write, replaced whole or not at all (default, or -: standard output)")
	fs.StringVar(&o.headers, "headers", "en", "`LANG` of the CSV header: en (the documented columns) or fr")
	return func(con console, args []string) int { return runEvents(con, o, args) }
}

// runEvents writes the bundled dataset's events, and with --store those of
// the workspace's layers too. With --from or --to only the dated events
// overlapping the window are written; without them, every event, the
// undated ones last (with empty start and end and a date_note).
func runEvents(con console, o *eventsOptions, args []string) int {
	if len(args) > 0 {
		return con.usagef(lang.T("unexpected argument %q"), args[0])
	}
	write, ok := eventWriters[o.format]
	if !ok {
		return con.usagef(lang.T("--format %q is not geojson, csv, kml or timeline"), o.format)
	}
	if o.format == "csv" {
		var err error
		if write, err = withHeaders(write, o.headers); err != nil {
			return con.usagef("%v", err)
		}
	}
	from, to := data.D(1, 1, 1), data.D(9999, 12, 31)
	window := false
	for _, f := range []struct {
		name string
		s    string
		d    *data.Date
	}{{"--from", o.from, &from}, {"--to", o.to, &to}} {
		if f.s == "" {
			continue
		}
		d, err := data.ParseDate(f.s)
		if err != nil {
			return con.usagef(lang.T("%s %q is not a real date written YYYY-MM-DD"), f.name, f.s)
		}
		*f.d, window = d, true
	}
	if to.Before(from) {
		return con.usagef(lang.T("--from %s is after --to %s"), from, to)
	}
	filter := data.Filter{Text: o.text}
	for _, k := range data.SplitList(o.kinds) {
		kind, ok := data.ParseKind(k)
		if !ok {
			return con.usagef(lang.T("--kind %q is not one of %v"), k, data.Kinds)
		}
		filter.Kinds = append(filter.Kinds, kind)
	}
	for _, c := range data.SplitList(o.countries) {
		c = strings.ToUpper(c)
		if len(c) != 3 {
			return con.usagef(lang.T("--country %q is not an ISO 3166 alpha-3 code"), c)
		}
		filter.Countries = append(filter.Countries, c)
	}

	d, err := data.LoadBundled()
	if err != nil {
		return con.failf(ExitFailed, "%v", err)
	}
	if o.store != "" {
		read := func() (workspace, int) { return readWorkspace(con, o.store, d, false) }
		if window { // a window reads only the store's events that meet it
			read = func() (workspace, int) { return readWorkspaceBetween(con, o.store, d, from, to) }
		}
		ws, status := read()
		if status != ExitOK {
			return status
		}
		d = ws.data
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

	if o.out == "" || o.out == "-" {
		var buf bytes.Buffer
		if err := write(&buf, events, d); err != nil {
			return con.failf(ExitFailed, "%v", err)
		}
		if _, err := con.stdout.Write(buf.Bytes()); err != nil {
			return con.failf(ExitFailed, lang.T("cannot write standard output: %v"), err)
		}
		return ExitOK
	}
	// A temporary file renamed over -o: never a half-written export.
	if err := files.WriteAtomic(o.out, func(w io.Writer) error { return write(w, events, d) }); err != nil {
		return con.failf(ExitUsage, "%v", err)
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
