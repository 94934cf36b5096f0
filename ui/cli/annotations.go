package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/user"
	"path/filepath"
	"strings"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/store"
)

func init() {
	Register(Command{
		Name:    "annotations",
		Summary: "add, list, export or import the workspace's annotations (add|list|export|import)",
		Run:     runAnnotations,
	})
}

// maxImportSize caps the GeoJSON file annotations import reads.
const maxImportSize = 256 << 20

// annotationsUsage is the one-line usage of each sub-command.
var annotationsUsage = map[string]string{
	"add":    "sahelatlas annotations add --lon X --lat Y --title T [--text S] [--tags a,b] [--colour #rrggbb] [--event ID] [--from DATE] [--to DATE] [--author NAME] [--store PATH]",
	"list":   "sahelatlas annotations list [--store PATH]",
	"export": "sahelatlas annotations export [--format geojson] [-o FILE] [--store PATH]",
	"import": "sahelatlas annotations import FILE.geojson [--store PATH]",
}

// runAnnotations dispatches "sahelatlas annotations SUB ...".
func runAnnotations(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, "sahelatlas annotations: missing sub-command (add, list, export or import)")
		return ExitUsage
	}
	sub, args := args[0], args[1:]
	run := map[string]func([]string, io.Writer, io.Writer) int{
		"add": annotationsAdd, "list": annotationsList, "export": annotationsExport, "import": annotationsImport,
	}[sub]
	if run == nil {
		fmt.Fprintf(stderr, "sahelatlas annotations: unknown sub-command %q (add, list, export or import)\n", sub)
		return ExitUsage
	}
	return run(args, stdout, stderr)
}

// annotationsFlags is a silent flag set for one sub-command: errors are
// printed by the caller on one line.
func annotationsFlags(sub string) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet("annotations "+sub, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	storePath := fs.String("store", "", "store file (default $"+store.EnvStore+", else the user's data folder)")
	return fs, storePath
}

// annotationsParse parses flags and positional arguments in any order. It
// returns the positional arguments, or the exit status to return at once.
func annotationsParse(fs *flag.FlagSet, sub string, args []string, stdout, stderr io.Writer) ([]string, int, bool) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprintln(stdout, "usage:", annotationsUsage[sub])
				return nil, ExitOK, false
			}
			fmt.Fprintf(stderr, "sahelatlas annotations %s: %v (usage: %s)\n", sub, err, annotationsUsage[sub])
			return nil, ExitUsage, false
		}
		if fs.NArg() == 0 {
			return rest, 0, true
		}
		rest = append(rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func annotationsAdd(args []string, stdout, stderr io.Writer) int {
	fs, storePath := annotationsFlags("add")
	lon := fs.Float64("lon", math.NaN(), "longitude, -180..180")
	lat := fs.Float64("lat", math.NaN(), "latitude, -90..90")
	title := fs.String("title", "", "title (one line)")
	text := fs.String("text", "", "text")
	tags := fs.String("tags", "", "comma-separated tags")
	colour := fs.String("colour", "", "colour, #rrggbb")
	event := fs.String("event", "", "id of the event it comments on")
	from := fs.String("from", "", "date, YYYY-MM-DD")
	to := fs.String("to", "", "end of a date range, YYYY-MM-DD")
	author := fs.String("author", "", "author (default $SAHELATLAS_AUTHOR, else the login name)")
	rest, status, ok := annotationsParse(fs, "add", args, stdout, stderr)
	if !ok {
		return status
	}
	usage := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "sahelatlas annotations add: %s (usage: %s)\n", fmt.Sprintf(format, a...), annotationsUsage["add"])
		return ExitUsage
	}
	if len(rest) > 0 {
		return usage("unexpected argument %q", rest[0])
	}
	if math.IsNaN(*lon) || math.IsNaN(*lat) {
		return usage("--lon and --lat are required")
	}
	if strings.TrimSpace(*title) == "" {
		return usage("--title is required")
	}
	a := data.Annotation{
		Geometry: orb.Point{*lon, *lat}, Title: *title, Text: *text,
		Colour: *colour, EventID: *event, Author: annotationsAuthor(*author),
	}
	a.Tags = splitList(*tags)
	var err error
	if a.From, err = annotationsDate(*from); err != nil {
		return usage("--from: %v", err)
	}
	if a.To, err = annotationsDate(*to); err != nil {
		return usage("--to: %v", err)
	}
	if !a.From.IsZero() && a.To.IsZero() {
		a.To = a.From
	}
	a.ID = data.NewAnnotationID()
	if err := a.Validate(); err != nil {
		return usage("%s", strings.TrimPrefix(err.Error(), "data: "))
	}
	s, status := openStore("annotations add", *storePath, stderr)
	if s == nil {
		return status
	}
	defer s.Close()
	if a, err = s.Add(a); err != nil {
		fmt.Fprintf(stderr, "sahelatlas annotations add: %v\n", err)
		return ExitFailed
	}
	// Add returned nil: the annotation is on disk. Only now print its id.
	fmt.Fprintln(stdout, a.ID)
	return ExitOK
}

func annotationsAuthor(flagAuthor string) string {
	if flagAuthor != "" {
		return flagAuthor
	}
	if a := os.Getenv("SAHELATLAS_AUTHOR"); a != "" {
		return a
	}
	if u, err := user.Current(); err == nil {
		if u.Name != "" {
			return u.Name
		}
		return u.Username
	}
	return ""
}

func annotationsDate(s string) (data.Date, error) {
	if s == "" {
		return data.Date{}, nil
	}
	d, err := data.ParseDate(s)
	if err != nil {
		return data.Date{}, fmt.Errorf("%q is not a date of the form YYYY-MM-DD", s)
	}
	return d, nil
}

func annotationsList(args []string, stdout, stderr io.Writer) int {
	fs, storePath := annotationsFlags("list")
	rest, status, ok := annotationsParse(fs, "list", args, stdout, stderr)
	if !ok {
		return status
	}
	if len(rest) > 0 {
		fmt.Fprintf(stderr, "sahelatlas annotations list: unexpected argument %q (usage: %s)\n", rest[0], annotationsUsage["list"])
		return ExitUsage
	}
	s, status := openStore("annotations list", *storePath, stderr)
	if s == nil {
		return status
	}
	defer s.Close()
	list, err := s.List()
	if err != nil {
		fmt.Fprintf(stderr, "sahelatlas annotations list: %v\n", err)
		return ExitFailed
	}
	for _, a := range list {
		p := a.Position()
		fmt.Fprintf(stdout, "%s\t%.6f,%.6f\t%s\n", a.ID, p[0], p[1], a.Title)
	}
	return ExitOK
}

func annotationsExport(args []string, stdout, stderr io.Writer) int {
	fs, storePath := annotationsFlags("export")
	format := fs.String("format", "geojson", "output format: geojson")
	out := fs.String("o", "", "output file (default standard output)")
	rest, status, ok := annotationsParse(fs, "export", args, stdout, stderr)
	if !ok {
		return status
	}
	if len(rest) > 0 || *format != "geojson" {
		fmt.Fprintf(stderr, "sahelatlas annotations export: only --format geojson is supported, with no other argument (usage: %s)\n", annotationsUsage["export"])
		return ExitUsage
	}
	s, status := openStore("annotations export", *storePath, stderr)
	if s == nil {
		return status
	}
	list, err := s.List()
	s.Close()
	if err != nil {
		fmt.Fprintf(stderr, "sahelatlas annotations export: %v\n", err)
		return ExitFailed
	}
	data, err := store.EncodeGeoJSON(list)
	if err != nil {
		fmt.Fprintf(stderr, "sahelatlas annotations export: %v\n", err)
		return ExitFailed
	}
	data = append(data, '\n')
	if *out == "" {
		if _, err := stdout.Write(data); err != nil {
			fmt.Fprintf(stderr, "sahelatlas annotations export: %v\n", err)
			return ExitFailed
		}
		return ExitOK
	}
	if err := annotationsWriteFile(*out, data); err != nil {
		fmt.Fprintf(stderr, "sahelatlas annotations export: %v\n", err)
		return ExitUsage
	}
	return ExitOK
}

// annotationsWriteFile writes data to path through a temporary file in the
// same folder, fsync'd and renamed, so path is never half written.
func annotationsWriteFile(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("could not write %s: %w", path, err)
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("could not write %s: %w", path, err)
	}
	return nil
}

func annotationsImport(args []string, stdout, stderr io.Writer) int {
	fs, storePath := annotationsFlags("import")
	rest, status, ok := annotationsParse(fs, "import", args, stdout, stderr)
	if !ok {
		return status
	}
	if len(rest) != 1 {
		fmt.Fprintf(stderr, "sahelatlas annotations import: give exactly one GeoJSON file (usage: %s)\n", annotationsUsage["import"])
		return ExitUsage
	}
	f, err := os.Open(rest[0])
	if err != nil {
		fmt.Fprintf(stderr, "sahelatlas annotations import: %v\n", err)
		return ExitUsage
	}
	data, err := io.ReadAll(io.LimitReader(f, maxImportSize+1))
	f.Close()
	if err != nil {
		fmt.Fprintf(stderr, "sahelatlas annotations import: could not read %s: %v\n", rest[0], err)
		return ExitUsage
	}
	if len(data) > maxImportSize {
		fmt.Fprintf(stderr, "sahelatlas annotations import: %s is larger than %d MB; nothing imported\n", rest[0], maxImportSize>>20)
		return ExitUsage
	}
	as, err := store.DecodeGeoJSON(data)
	if err != nil {
		fmt.Fprintf(stderr, "sahelatlas annotations import: %s: %v\n", rest[0], err)
		return ExitUsage
	}
	s, status := openStore("annotations import", *storePath, stderr)
	if s == nil {
		return status
	}
	defer s.Close()
	if err := s.PutAll(as); err != nil {
		fmt.Fprintf(stderr, "sahelatlas annotations import: %v\n", err)
		return ExitFailed
	}
	fmt.Fprintf(stdout, "imported %d annotations\n", len(as))
	return ExitOK
}
