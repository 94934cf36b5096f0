package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/files"
	"github.com/sahelatlas/sahelatlas/data/exchange"
	"github.com/sahelatlas/sahelatlas/data/store"
	"github.com/sahelatlas/sahelatlas/geo"
)

const importUsage = "sahelatlas import FILE [--format acled|csv|xlsx|geojson|kml] [--store PATH] [--skip-invalid] [--encoding utf-8|windows-1252] " +
	"[--sheet NAME] [--date-format d/m/yyyy|m/d/yyyy] [--lat-col C --lon-col C --place-col C --date-col C --start-col C --end-col C --title-col C]"

func init() {
	Register(Command{
		Name:    "import",
		Summary: "import events from an ACLED export (CSV, .xlsx or its API's JSON), a CSV/TSV table, an .xlsx workbook, GeoJSON or KML/KMZ into the store: " + importUsage,
		Run:     runImport,
	})
}

// runImport reads one file into a layer of the store. A file with bad rows
// is refused whole (exit 1, every bad row on stderr) unless --skip-invalid.
func runImport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	format := fs.String("format", "", "acled, csv, geojson or kml (default: from the file)")
	storePath := fs.String("store", "", "store file (default $"+store.EnvStore+", else the user's data folder)")
	skip := fs.Bool("skip-invalid", false, "import the good rows of a file with bad ones, and report the rest")
	encoding := fs.String("encoding", "", "encoding of a file without a byte-order mark: utf-8 (default) or windows-1252 (latin-1)")
	sheet := fs.String("sheet", "", "sheet of an .xlsx workbook to read (default: the first)")
	dateFormat := fs.String("date-format", "", "order of day and month in dates such as 05/06/2025 when the file cannot tell: d/m/yyyy or m/d/yyyy")
	var cols exchange.Columns
	fs.StringVar(&cols.Lat, "lat-col", "", "column holding the latitude")
	fs.StringVar(&cols.Lon, "lon-col", "", "column holding the longitude")
	fs.StringVar(&cols.Place, "place-col", "", "column holding a place name the gazetteer knows")
	fs.StringVar(&cols.Date, "date-col", "", "column holding the date")
	fs.StringVar(&cols.Start, "start-col", "", "column holding the start date")
	fs.StringVar(&cols.End, "end-col", "", "column holding the end date")
	fs.StringVar(&cols.Title, "title-col", "", "column holding the title")
	usage := func(msg string) int {
		fmt.Fprintf(stderr, "sahelatlas import: %s (usage: %s)\n", msg, importUsage)
		return ExitUsage
	}
	// Flags may come before or after the file.
	var file string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprintln(stdout, "usage: "+importUsage)
				return ExitOK
			}
			return usage(err.Error())
		}
		if fs.NArg() == 0 {
			break
		}
		if file != "" {
			return usage(fmt.Sprintf("unexpected argument %q: import one file at a time", fs.Arg(0)))
		}
		file, args = fs.Arg(0), fs.Args()[1:]
	}
	if file == "" {
		return usage("no file given")
	}
	f := exchange.Format(strings.ToLower(*format))
	if f != "" && !f.Valid() {
		return usage(fmt.Sprintf("--format %q is not acled, csv, xlsx, geojson or kml", *format))
	}
	in, err := os.Open(file)
	if err != nil {
		return usage(fmt.Sprintf("cannot open %s: %v", file, err))
	}
	defer in.Close()
	if fi, err := in.Stat(); err == nil && !fi.Mode().IsRegular() {
		return usage(fmt.Sprintf("%s is not a regular file", file))
	}

	opts := exchange.Options{Format: f, SkipInvalid: *skip, Columns: cols, Encoding: *encoding, Sheet: *sheet, DateFormat: *dateFormat}
	if atlas, err := geo.LoadAtlas(); err == nil {
		opts.Countries = atlas // the country of a row that names none
	}
	res, err := exchange.Import(in, file, opts)
	var refused *exchange.RefusedError
	switch {
	case errors.As(err, &refused):
		for _, n := range res.Notes {
			fmt.Fprintf(stderr, "sahelatlas import: %s: %s\n", file, n)
		}
		fmt.Fprintf(stderr, "sahelatlas import: %v\n", err)
		fmt.Fprintf(stdout, "added 0, updated 0, rejected %d: %s refused, the store is unchanged\n", len(refused.Problems)+refused.More, file)
		return ExitFailed
	case err != nil:
		fmt.Fprintf(stderr, "sahelatlas import: %v\n", err)
		return ExitFailed
	}

	s, status := openStore("import", *storePath, stderr)
	if s == nil {
		return status
	}
	defer s.Close()
	layer := store.Layer{Name: res.Name, Format: string(res.Format)}
	ch, err := s.PutLayer(layer, res.Records)
	if err != nil {
		fmt.Fprintf(stderr, "sahelatlas import: %v\n", err)
		return ExitFailed
	}
	rejected := len(res.Rejected) + res.More
	for _, n := range res.Notes {
		fmt.Fprintf(stderr, "sahelatlas import: %s: %s\n", file, n)
	}
	for _, line := range strings.Split(strings.TrimSuffix(exchange.ProblemsText(res.Rejected, res.More), "\n"), "\n") {
		if line != "" {
			fmt.Fprintf(stderr, "sahelatlas import: %s: skipped %s\n", file, line)
		}
	}
	fmt.Fprintf(stdout, "added %d, updated %d, rejected %d", ch.Added, ch.Updated, rejected)
	if ch.Unchanged > 0 {
		fmt.Fprintf(stdout, ", unchanged %d (already held in a copy as new)", ch.Unchanged)
	}
	if ch.Removed > 0 {
		fmt.Fprintf(stdout, ", removed %d (no longer in the file)", ch.Removed)
	}
	fmt.Fprintf(stdout, ": layer %s in %s\n", store.LayerID(res.Name), s.Path())
	return ExitOK
}

// storeDataset merges the events of every complete layer of the store at
// path into base. Layers with a problem are left out, with a warning.
func storeDataset(cmd string, base *data.Dataset, path string, stderr io.Writer) (*data.Dataset, int) {
	path, err := store.Resolve(path)
	if err != nil {
		fmt.Fprintf(stderr, "sahelatlas %s: %v\n", cmd, err)
		return nil, ExitUsage
	}
	if _, err := os.Stat(path); err != nil {
		fmt.Fprintf(stderr, "sahelatlas %s: no store at %s (%v); import a file into it first\n", cmd, path, files.Cause(err))
		return nil, ExitUsage
	}
	s, status := openStore(cmd, path, stderr)
	if s == nil {
		return nil, status
	}
	defer s.Close()
	layers, err := s.Layers()
	if err != nil {
		fmt.Fprintf(stderr, "sahelatlas %s: %v\n", cmd, err)
		return nil, ExitFailed
	}
	var all []data.Record
	for _, l := range layers {
		if l.Problem != "" {
			fmt.Fprintf(stderr, "sahelatlas %s: layer %s left out: %s\n", cmd, l.ID, l.Problem)
			continue
		}
		rs, err := s.LayerEvents(l.ID)
		if err != nil {
			fmt.Fprintf(stderr, "sahelatlas %s: layer %s left out: %v\n", cmd, l.ID, err)
			continue
		}
		all = append(all, rs...)
	}
	d, err := exchange.Merge(base, all)
	if err != nil {
		fmt.Fprintf(stderr, "sahelatlas %s: the store's events cannot join the bundled ones: %s\n", cmd, strings.ReplaceAll(err.Error(), "\n", "; "))
		return nil, ExitFailed
	}
	return d, ExitOK
}
