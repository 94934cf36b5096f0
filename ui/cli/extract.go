package cli

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/article"
	"github.com/sahelatlas/sahelatlas/data/files"
)

// stdin is what "extract -" reads; tests replace it.
var stdin io.Reader = os.Stdin

// maxArticle is the largest article extract reads: a long report is a
// few hundred kilobytes.
const maxArticle = 16 << 20

func init() {
	register(&command{
		name: "extract", args: "FILE|-",
		summary: "propose events from an article (.txt, .md or .html, English or French) as GeoJSON for review and import",
		notes: `Writes one Point per proposed event, with the properties kind, date (YYYY-MM-DD, YYYY-MM,
YYYY, or --MM-DD when the text gives no year), date_precision, year_inferred, end (a range's
last date, "ongoing", or null), actors, countries (ISO alpha-3), place, place_precision, origin,
status (happened, planned, denied), evidence (the sentence) and confidence; the article (its
text, language and publication date) is the collection's "article" member. Relative dates
("last Friday", "hier") need the publication date: a dateline in the text, or --published.
sahelatlas import FILE --store S records the proposals as your own events.`,
		flags: func(fs *flag.FlagSet) runFunc {
			var published, lang, format, out string
			fs.StringVar(&published, "published", "", "the article's publication `DATE`, YYYY-MM-DD (default: its dateline, if any)")
			fs.StringVar(&lang, "lang", "auto", "the article's `LANGUAGE`: auto, en or fr")
			fs.StringVar(&format, "format", "geojson", "`FORMAT` to write: geojson or json (with the spans of the evidence)")
			fs.StringVar(&out, "o", "", "`FILE` to write, replaced whole or not at all (default, or -: standard output)")
			return func(con console, args []string) int { return runExtract(con, args, published, lang, format, out) }
		},
	})
}

func runExtract(con console, args []string, published, lang, format, out string) int {
	switch {
	case len(args) == 0:
		return con.usagef("no article given: name a file, or - for standard input")
	case len(args) > 1:
		return con.usagef("unexpected argument %q: extract one article at a time", args[1])
	}
	opts := article.Options{Lang: lang}
	if lang != "auto" && lang != "en" && lang != "fr" {
		return con.usagef("--lang %q is not auto, en or fr", lang)
	}
	write := map[string]func(io.Writer, *article.Result, string) error{"geojson": article.WriteGeoJSON, "json": article.WriteJSON}[format]
	if write == nil {
		return con.usagef("--format %q is not geojson or json", format)
	}
	if published != "" {
		d, err := data.ParseDate(published)
		if err != nil {
			return con.usagef("--published %q is not a real date written YYYY-MM-DD", published)
		}
		opts.Published = d
	}
	name := args[0]
	var in io.Reader = stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return con.usagef("cannot open %s: %v", name, err)
		}
		defer f.Close()
		if fi, err := f.Stat(); err == nil && !fi.Mode().IsRegular() {
			return con.usagef("%s is not a regular file", name)
		}
		in = f
	}
	raw, err := io.ReadAll(io.LimitReader(in, maxArticle+1))
	if err != nil {
		return con.failf(ExitUsage, "cannot read %s: %v", name, err)
	}
	if len(raw) > maxArticle {
		return con.failf(ExitUsage, "%s is over %d MiB: not an article", name, maxArticle>>20)
	}
	d, err := data.LoadBundled()
	if err != nil {
		return con.failf(ExitFailed, "%v", err)
	}
	gaz, err := d.Gazetteer()
	if err != nil {
		return con.failf(ExitFailed, "%v", err)
	}
	res := article.New(gaz, d.Actors).Extract(article.Text(raw, name), opts)
	if out == "" || out == "-" {
		var buf bytes.Buffer
		if err := write(&buf, res, name); err != nil {
			return con.failf(ExitFailed, "%v", err)
		}
		if _, err := con.stdout.Write(buf.Bytes()); err != nil {
			return con.failf(ExitFailed, "cannot write standard output: %v", err)
		}
	} else if err := files.WriteAtomic(out, func(w io.Writer) error { return write(w, res, name) }); err != nil {
		return con.failf(ExitUsage, "%v", err)
	}
	if res.Published.IsZero() {
		fmt.Fprintf(con.stderr, "sahelatlas extract: %s: %d proposals; no publication date (give --published to resolve relative dates)\n", name, len(res.Proposals))
	} else {
		fmt.Fprintf(con.stderr, "sahelatlas extract: %s: %d proposals; published %s (%s)\n", name, len(res.Proposals), res.Published, res.PublishedFrom)
	}
	return ExitOK
}
