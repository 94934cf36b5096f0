package cli

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/sahelatlas/sahelatlas/data"
)

func init() {
	Register(Command{
		Name:    "events",
		Summary: "write the bundled events as GeoJSON or CSV: events [--format geojson|csv] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [-o FILE]",
		Run:     runEvents,
	})
}

// runEvents writes the bundled dataset's events. With --from or --to only the
// dated events overlapping the window are written; without them, every
// event, the undated ones last (with empty start and end and a date_note).
func runEvents(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("events", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	format := fs.String("format", "geojson", "geojson or csv")
	fromS := fs.String("from", "", "first day, YYYY-MM-DD")
	toS := fs.String("to", "", "last day, YYYY-MM-DD")
	out := fs.String("o", "", "file to write (default standard output)")
	usage := func(msg string) int {
		fmt.Fprintf(stderr, "sahelatlas events: %s (usage: sahelatlas events [--format geojson|csv] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [-o FILE])\n", msg)
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
	if *format != "geojson" && *format != "csv" {
		return usage(fmt.Sprintf("--format %q is not geojson or csv", *format))
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
	events := d.Events
	if window {
		events = d.Between(from, to)
	}

	var b []byte
	if *format == "geojson" {
		b, err = eventsGeoJSON(d, events)
	} else {
		b, err = eventsCSV(d, events)
	}
	if err != nil {
		fmt.Fprintf(stderr, "sahelatlas events: %v\n", err)
		return ExitFailed
	}
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

// eventSource is a source as the export writes it.
type eventSource struct {
	Document  string `json:"document"`
	Outlet    string `json:"outlet,omitempty"`
	Author    string `json:"author,omitempty"`
	Headline  string `json:"headline,omitempty"`
	Published string `json:"published,omitempty"`
	Note      string `json:"note,omitempty"`
}

// eventProperties returns the GeoJSON properties of e.
func eventProperties(d *data.Dataset, e *data.Event) map[string]any {
	p := map[string]any{
		"id":        e.ID,
		"start":     nullable(e.Start.String()),
		"end":       nullable(e.End.String()),
		"precision": string(e.Precision),
		"kind":      string(e.Kind),
		"title":     e.Title,
		"summary":   e.Summary,
		"place":     d.Place(e.Place).Name,
		"actors":    actorNames(d, e),
		"countries": e.Countries,
		"sources":   eventSources(d, e),
	}
	if c := e.Kind.CAMEO(); c != "" {
		p["cameo"] = c
	}
	if e.DateNote != "" {
		p["date_note"] = e.DateNote
	}
	if e.YearInferred != "" {
		p["year_inferred"] = e.YearInferred
	}
	if e.Confidence != "" {
		p["confidence"] = e.Confidence
	}
	if o := d.Place(e.Origin); o != nil {
		p["origin"] = map[string]any{"name": o.Name, "lon": o.Lon(), "lat": o.Lat()}
	}
	return p
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func actorNames(d *data.Dataset, e *data.Event) []string {
	names := make([]string, len(e.Actors))
	for i, id := range e.Actors {
		names[i] = d.Actor(id).Name
	}
	return names
}

func eventSources(d *data.Dataset, e *data.Event) []eventSource {
	out := make([]eventSource, len(e.Sources))
	for i, ref := range e.Sources {
		s := d.Source(ref.Document)
		out[i] = eventSource{Document: ref.Document, Outlet: s.Outlet, Author: s.Author, Headline: s.Headline, Published: s.Published.String(), Note: ref.Note}
	}
	return out
}

// eventsGeoJSON writes an RFC 7946 FeatureCollection, one Point Feature per
// event at the place it happened.
func eventsGeoJSON(d *data.Dataset, events []*data.Event) ([]byte, error) {
	fc := geojson.NewFeatureCollection()
	for _, e := range events {
		f := geojson.NewFeature(orb.Point(e.At()))
		f.ID = e.ID
		f.Properties = eventProperties(d, e)
		fc.Append(f)
	}
	b, err := json.MarshalIndent(fc, "", " ")
	if err != nil {
		return nil, fmt.Errorf("cannot encode GeoJSON: %w", err)
	}
	return append(b, '\n'), nil
}

// csvHeader lists the CSV columns: the GeoJSON properties, with the point and
// the origin spread over columns.
var csvHeader = []string{
	"id", "start", "end", "precision", "kind", "cameo", "title", "summary",
	"place", "lon", "lat", "actors", "countries", "sources",
	"origin", "origin_lon", "origin_lat", "date_note", "year_inferred", "confidence",
}

// eventsCSV writes one row per event, lists joined with ";".
func eventsCSV(d *data.Dataset, events []*data.Event) ([]byte, error) {
	var sb strings.Builder
	w := csv.NewWriter(&sb)
	w.Write(csvHeader)
	ff := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	for _, e := range events {
		var docs []string
		for _, s := range e.Sources {
			docs = append(docs, s.Document)
		}
		origin, olon, olat := "", "", ""
		if o := d.Place(e.Origin); o != nil {
			origin, olon, olat = o.Name, ff(o.Lon()), ff(o.Lat())
		}
		w.Write([]string{
			e.ID, e.Start.String(), e.End.String(), string(e.Precision), string(e.Kind), e.Kind.CAMEO(),
			e.Title, e.Summary, d.Place(e.Place).Name, ff(e.At()[0]), ff(e.At()[1]),
			strings.Join(actorNames(d, e), ";"), strings.Join(e.Countries, ";"), strings.Join(docs, ";"),
			origin, olon, olat, e.DateNote, e.YearInferred, e.Confidence,
		})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return nil, fmt.Errorf("cannot encode CSV: %w", err)
	}
	return []byte(sb.String()), nil
}
