package cli

import (
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"strings"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/files"
	"github.com/sahelatlas/sahelatlas/data/lang"
	"github.com/sahelatlas/sahelatlas/data/store"
)

func init() {
	register(&command{
		name:    "annotations",
		summary: "add, list, export or import the workspace's annotations",
		subs: []*command{
			{name: "annotations add", summary: "add an annotation at a point; prints its id", flags: annotationsAdd},
			{name: "annotations list", summary: "list the annotations: id, position and title, one a line", flags: annotationsList},
			{name: "annotations export", summary: "write the annotations as GeoJSON", flags: annotationsExport},
			{name: "annotations import", args: "FILE.geojson", summary: "add or replace annotations from a GeoJSON file", flags: annotationsImport},
		},
	})
}

// maxImportSize caps the GeoJSON file annotations import reads.
const maxImportSize = 256 << 20

// storeUsage describes --store where it means the workspace store.
const storeUsage = "workspace store `PATH` (default $" + store.EnvStore + ", else the user's data folder)"

// storeFlag declares --store on fs.
func storeFlag(fs *flag.FlagSet) *string { return fs.String("store", "", storeUsage) }

// addOptions are the flags of annotations add.
type addOptions struct {
	store                            string
	lon, lat                         float64
	title, text, tags, colour, event string
	from, to, author                 string
}

func annotationsAdd(fs *flag.FlagSet) runFunc {
	o := &addOptions{}
	fs.StringVar(&o.store, "store", "", storeUsage)
	numberVar(fs, &o.lon, "lon", math.NaN(), -180, 180, "longitude in `DEGREES`, -180 to 180 (required)")
	numberVar(fs, &o.lat, "lat", math.NaN(), -90, 90, "latitude in `DEGREES`, -90 to 90 (required)")
	fs.StringVar(&o.title, "title", "", "`TITLE`, one line (required)")
	fs.StringVar(&o.text, "text", "", "`TEXT`")
	fs.StringVar(&o.tags, "tags", "", "comma-separated `TAGS`")
	fs.StringVar(&o.colour, "colour", "", "`COLOUR`, #rrggbb")
	fs.StringVar(&o.event, "event", "", "`ID` of the event it comments on")
	fs.StringVar(&o.from, "from", "", "date, `YYYY-MM-DD`")
	fs.StringVar(&o.to, "to", "", "end of a date range, `YYYY-MM-DD`")
	fs.StringVar(&o.author, "author", "", "`AUTHOR` written on the annotation and its exports (default $SAHELATLAS_AUTHOR, else none)")
	return func(con console, rest []string) int { return addAnnotation(con, o, rest) }
}

// addAnnotation is "annotations add" once its flags are parsed.
func addAnnotation(con console, o *addOptions, rest []string) int {
	usage := con.usagef
	if len(rest) > 0 {
		return usage("unexpected argument %q", rest[0])
	}
	if math.IsNaN(o.lon) || math.IsNaN(o.lat) { // the flags' NaN default: numberVar refuses a NaN given
		return usage("--lon and --lat are required")
	}
	if strings.TrimSpace(o.title) == "" {
		return usage("--title is required")
	}
	a := data.Annotation{
		Geometry: orb.Point{o.lon, o.lat}, Title: o.title, Text: o.text,
		Colour: o.colour, EventID: o.event, Author: annotationsAuthor(o.author),
	}
	a.Tags = data.SplitList(o.tags)
	var err error
	if a.From, err = annotationsDate(o.from); err != nil {
		return usage("--from: %v", err)
	}
	if a.To, err = annotationsDate(o.to); err != nil {
		return usage("--to: %v", err)
	}
	if !a.From.IsZero() && a.To.IsZero() {
		a.To = a.From
	}
	a.ID = data.NewAnnotationID()
	if err := a.Validate(); err != nil {
		return usage("%s", strings.TrimPrefix(err.Error(), "data: "))
	}
	s, status := openStore(con, o.store)
	if s == nil {
		return status
	}
	defer s.Close()
	if a, err = s.Add(a); err != nil {
		return con.failf(ExitFailed, "%v", err)
	}
	// Add returned nil: the annotation is on disk. Only now print its id.
	fmt.Fprintln(con.stdout, a.ID)
	return ExitOK
}

func annotationsAuthor(flagAuthor string) string {
	if flagAuthor != "" {
		return flagAuthor
	}
	return os.Getenv("SAHELATLAS_AUTHOR") // never the login name: it goes into exports
}

func annotationsDate(s string) (data.Date, error) {
	if s == "" {
		return data.Date{}, nil
	}
	d, err := data.ParseDate(s)
	if err != nil {
		return data.Date{}, fmt.Errorf(lang.T("%q is not a date of the form YYYY-MM-DD"), s)
	}
	return d, nil
}

func annotationsList(fs *flag.FlagSet) runFunc {
	storePath := storeFlag(fs)
	return func(con console, rest []string) int {
		if len(rest) > 0 {
			return con.usagef(lang.T("unexpected argument %q"), rest[0])
		}
		s, status := openStore(con, *storePath)
		if s == nil {
			return status
		}
		defer s.Close()
		list, err := s.List()
		if err != nil {
			return con.failf(ExitFailed, "%v", err)
		}
		for _, a := range list {
			p := a.Position()
			fmt.Fprintf(con.stdout, "%s\t%.6f,%.6f\t%s\n", a.ID, p[0], p[1], a.Title)
		}
		return ExitOK
	}
}

func annotationsExport(fs *flag.FlagSet) runFunc {
	storePath := storeFlag(fs)
	format := fs.String("format", "geojson", "`FORMAT`: geojson")
	out := fs.String("o", "", "`FILE` to write, replaced whole or not at all (default, or -: standard output)")
	return func(con console, rest []string) int {
		if len(rest) > 0 || *format != "geojson" {
			return con.usagef("%s", lang.T("only --format geojson is supported, with no other argument"))
		}
		s, status := openStore(con, *storePath)
		if s == nil {
			return status
		}
		list, err := s.List()
		s.Close()
		if err != nil {
			return con.failf(ExitFailed, "%v", err)
		}
		data, err := store.EncodeGeoJSON(list)
		if err != nil {
			return con.failf(ExitFailed, "%v", err)
		}
		data = append(data, '\n')
		if *out == "" || *out == "-" {
			if _, err := con.stdout.Write(data); err != nil {
				return con.failf(ExitFailed, "%v", err)
			}
			return ExitOK
		}
		if err := files.WriteAtomic(*out, func(w io.Writer) error { _, err := w.Write(data); return err }); err != nil {
			return con.failf(ExitUsage, "%v", err)
		}
		return ExitOK
	}
}

func annotationsImport(fs *flag.FlagSet) runFunc {
	storePath := storeFlag(fs)
	return func(con console, rest []string) int {
		if len(rest) != 1 {
			return con.usagef("%s", lang.T("give exactly one GeoJSON file"))
		}
		f, err := os.Open(rest[0])
		if err != nil {
			return con.failf(ExitUsage, "%v", err)
		}
		data, err := io.ReadAll(io.LimitReader(f, maxImportSize+1))
		f.Close()
		if err != nil {
			return con.failf(ExitUsage, lang.T("could not read %s: %v"), rest[0], err)
		}
		if len(data) > maxImportSize {
			return con.failf(ExitUsage, lang.T("%s is larger than %d MB; nothing imported"), rest[0], maxImportSize>>20)
		}
		as, err := store.DecodeGeoJSON(data)
		if err != nil {
			return con.failf(ExitUsage, "%s: %v", rest[0], err)
		}
		s, status := openStore(con, *storePath)
		if s == nil {
			return status
		}
		defer s.Close()
		if err := s.PutAll(as); err != nil {
			return con.failf(ExitFailed, "%v", err)
		}
		fmt.Fprintf(con.stdout, lang.T("imported %d annotations\n"), len(as))
		return ExitOK
	}
}
