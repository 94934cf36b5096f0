package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/exchange"
	"github.com/sahelatlas/sahelatlas/data/files"
	"github.com/sahelatlas/sahelatlas/data/lang"
	"github.com/sahelatlas/sahelatlas/data/store"
	"github.com/sahelatlas/sahelatlas/geo"
)

func init() {
	register(&command{
		name: "import", args: "FILE",
		summary: "import events from an ACLED export (CSV, .xlsx or its API's JSON), a CSV/TSV table, an .xlsx workbook, GeoJSON, KML/KMZ or a GDELT event file into a layer of the workspace store",
		notes: `A file with bad rows is refused whole (status 1, every bad row on stderr) unless
--skip-invalid. A file with no events (a header and no rows, say) makes no layer:
"nothing to import in FILE", status 1. A GeoJSON file written by sahelatlas extract is
recorded as your own events (My events), citing the article it holds, and their ids printed.`,
		flags: importFlags,
	})
}

// importOptions are the import command's flags.
type importOptions struct {
	format, store, encoding string
	skip                    bool
	cols                    exchange.Columns
	cameo, country          string // GDELT filters
	sheet, dateFormat       string // a workbook's sheet; the order of day and month
	allowDates              string // FROM..TO
}

// importFlags declares the import command's flags.
func importFlags(fs *flag.FlagSet) runFunc {
	o := &importOptions{}
	fs.StringVar(&o.format, "format", "", "`FORMAT`: acled, csv, xlsx, geojson, kml or gdelt (default: from the file)")
	fs.StringVar(&o.store, "store", "", storeUsage)
	fs.BoolVar(&o.skip, "skip-invalid", false, "import the good rows of a file with bad ones, and report the rest")
	fs.StringVar(&o.encoding, "encoding", "", "`ENCODING` of a file without a byte-order mark: utf-8 (default) or windows-1252 (latin-1)")
	fs.StringVar(&o.cols.Lat, "lat-col", "", "`COLUMN` holding the latitude")
	fs.StringVar(&o.cols.Lon, "lon-col", "", "`COLUMN` holding the longitude")
	fs.StringVar(&o.cols.Place, "place-col", "", "`COLUMN` holding a place name the gazetteer knows")
	fs.StringVar(&o.cols.Date, "date-col", "", "`COLUMN` holding the date")
	fs.StringVar(&o.cols.Start, "start-col", "", "`COLUMN` holding the start date")
	fs.StringVar(&o.cols.End, "end-col", "", "`COLUMN` holding the end date")
	fs.StringVar(&o.cols.Title, "title-col", "", "`COLUMN` holding the title")
	fs.StringVar(&o.sheet, "sheet", "", "`SHEET` of an .xlsx workbook to read (default: the first)")
	fs.StringVar(&o.dateFormat, "date-format", "", "order of day and month in dates such as 05/06/2025 when the file cannot tell: `d/m/yyyy or m/d/yyyy`")
	fs.StringVar(&o.allowDates, "allow-dates", "", "accept event dates in `FROM..TO` (YYYY-MM-DD..YYYY-MM-DD; default 1900-01-01 to a year after today)")
	fs.StringVar(&o.cameo, "cameo", "", "GDELT: keep the events whose CAMEO code starts with one of these `CODES` (04,16)")
	fs.StringVar(&o.country, "country", "", "GDELT: keep the events in or involving one of these `COUNTRIES` (MLI,BFA)")
	return func(con console, args []string) int { return runImport(con, o, args) }
}

// importProgressHook, when set, hears of every batch of records an import
// reads, with the count so far: the signal tests stop an import there.
var importProgressHook func(ctx context.Context, events int)

// runImport reads one file into a layer of the store. A file with bad rows
// is refused whole (exit 1, every bad row on stderr) unless --skip-invalid;
// a file with no events is refused (exit 1) without making a layer.
func runImport(con console, o *importOptions, args []string) int {
	switch len(args) {
	case 0:
		return con.usagef("%s", lang.T("no file given"))
	case 1:
	default:
		return con.usagef(lang.T("unexpected argument %q: import one file at a time"), args[1])
	}
	file := args[0]
	f := exchange.Format(strings.ToLower(o.format))
	if f != "" && !f.Valid() {
		return con.usagef(lang.T("--format %q is not acled, csv, xlsx, geojson, kml or gdelt"), o.format)
	}
	in, err := os.Open(file)
	if err != nil {
		return con.usagef(lang.T("cannot open %s: %v"), file, err)
	}
	defer in.Close()
	if fi, err := in.Stat(); err == nil && !fi.Mode().IsRegular() {
		return con.usagef(lang.T("%s is not a regular file"), file)
	}
	if f == "" || f == exchange.FormatGeoJSON {
		if raw := proposalsFile(in, file); raw != nil { // written by extract: the analyst's own events
			return importProposals(con, o, raw, file)
		}
	}

	opts := exchange.Options{Format: f, SkipInvalid: o.skip, Columns: o.cols, Encoding: o.encoding, Sheet: o.sheet, DateFormat: o.dateFormat}
	if o.allowDates != "" {
		if opts.Dates, err = exchange.ParseDateRange(o.allowDates); err != nil {
			return con.usagef("%s", strings.TrimPrefix(err.Error(), "exchange: "))
		}
	}
	if opts.GDELT, err = exchange.ParseGDELTFilter(o.cameo, o.country); err != nil {
		return con.usagef("%s", strings.TrimPrefix(err.Error(), "exchange: "))
	}
	filtered := o.cameo != "" || o.country != ""
	gdeltOnly := func(read exchange.Format) int {
		return con.usagef(lang.T("--cameo and --country choose among the events of a GDELT file; %s is read as %s"), file, read)
	}
	if filtered && f != "" && f != exchange.FormatGDELT {
		return gdeltOnly(f)
	}
	if atlas, err := geo.LoadAtlas(); err == nil {
		opts.Countries = atlas // the country of a row that names none
	}
	if needsGazetteer(in, file, f) { // places named by a CSV, found as the window finds them
		g, status := storeGazetteer(con, o.store, withStoreIfAny)
		if g == nil {
			return status
		}
		opts.Gazetteer = g
	}
	// The records go to the store a batch at a time as they are read, into
	// an import made part of the store only at the end
	// (store.ImportWriter): memory holds a batch, not the file, and a
	// refusal, an error or Ctrl-C leaves the store as it was.
	con.stderr = &syncWriter{w: con.stderr} // shared with the progress lines' goroutine
	target := &importTarget{con: con, flagPath: o.store, layer: store.Import{Name: file, Format: string(f)}}
	defer target.close()
	ctx, release := catchSignals()
	defer release()
	size := int64(0)
	if fi, err := in.Stat(); err == nil {
		size = fi.Size()
	}
	cr := files.NewProgress(in, size)
	progress := startProgress(con.stderr, file, cr)
	opts.Stream = func(batch []data.Record) error {
		if ctx.Err() != nil {
			return context.Cause(ctx)
		}
		n := progress.events.Add(int64(len(batch)))
		if importProgressHook != nil {
			importProgressHook(ctx, int(n))
		}
		return target.add(batch)
	}
	res, err := exchange.Import(cr, file, opts)
	progress.end()
	var failed openFailed
	if errors.As(err, &failed) {
		target.abort()
		return failed.status
	}
	if status := signalStatus(ctx); status != 0 {
		target.abort()
		return con.failf(status, "%s: stopped; nothing imported, the store is unchanged", file)
	}
	if err != nil {
		target.abort()
	}
	var refused *exchange.RefusedError
	switch {
	case errors.As(err, &refused):
		for _, n := range res.Notes {
			fmt.Fprintf(con.stderr, "sahelatlas import: %s: %s\n", file, exchange.Say(lang.Current(), n))
		}
		fmt.Fprintf(con.stderr, "sahelatlas import: %v\n", err) // the problems grouped, a line each, in the current language
		fmt.Fprintf(con.stdout, lang.T("added 0, updated 0, rejected %d: %s refused, the store is unchanged\n"), len(refused.Problems)+refused.More, file)
		return ExitFailed
	case err != nil:
		return con.failf(ExitFailed, "%s", exchange.Say(lang.Current(), err.Error()))
	}
	rejected := len(res.Rejected) + res.More
	for _, n := range res.Notes {
		fmt.Fprintf(con.stderr, "sahelatlas import: %s: %s\n", file, exchange.Say(lang.Current(), n))
	}
	for _, line := range strings.Split(strings.TrimSuffix(exchange.ProblemsText(res.Rejected, res.More), "\n"), "\n") {
		if line != "" {
			fmt.Fprintf(con.stderr, lang.T("sahelatlas import: %s: skipped %s\n"), file, line)
		}
	}
	if filtered && res.Format != exchange.FormatGDELT {
		target.abort()
		return gdeltOnly(res.Format)
	}
	for _, sk := range res.Skipped {
		fmt.Fprintf(con.stderr, lang.T("sahelatlas import: %s: left out %d: %s\n"), file, sk.Count, exchange.Say(lang.Current(), sk.Reason))
	}
	if target.w == nil {
		target.abort()
		if rejected > 0 {
			return con.failf(ExitFailed, lang.T("nothing to import in %s: every one of its %d events was skipped; the store is unchanged"), file, rejected)
		}
		return con.failf(ExitFailed, lang.T("nothing to import in %s: it holds no events; the store is unchanged"), file)
	}
	target.w.SetFormat(string(res.Format))
	ch, err := target.w.Commit(res.Amend)
	target.w = nil
	if err != nil {
		return con.failf(ExitFailed, "%v", err)
	}
	s := target.s
	fmt.Fprintf(con.stdout, lang.T("added %d, updated %d, rejected %d"), ch.Added, ch.Updated, rejected)
	if ch.Unchanged > 0 {
		fmt.Fprintf(con.stdout, lang.T(", unchanged %d (already held in a copy as new)"), ch.Unchanged)
	}
	if ch.Removed > 0 {
		fmt.Fprintf(con.stdout, lang.T(", removed %d (no longer in the file)"), ch.Removed)
	}
	if n := res.SkippedCount(); n > 0 {
		fmt.Fprintf(con.stdout, lang.T(", left out %d (filters, codes with no kind, duplicates)"), n)
	}
	fmt.Fprintf(con.stdout, lang.T(": layer %s in %s\n"), store.ImportID(file), s.Path())
	return ExitOK
}
