package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/exchange"
	"github.com/sahelatlas/sahelatlas/data/store"
)

const placesUsage = "sahelatlas places QUERY [--country ISO3] [--format text|json] [--limit N] [--store PATH]"

func init() {
	Register(Command{
		Name:    "places",
		Summary: "find places by name, in English, French or Arabic (Tombouctou, الفاشر), best first: " + placesUsage,
		Run:     runPlaces,
	})
}

// placeJSON is one match as --format json writes it.
type placeJSON struct {
	Name       string  `json:"name"`
	Matched    string  `json:"matched"`
	Country    string  `json:"country"`
	Lon        float64 `json:"lon"`
	Lat        float64 `json:"lat"`
	Population int     `json:"population"`
}

// runPlaces lists the places of the gazetteer the import and the window
// use (the bundled dataset's places, then GeoNames with its other names)
// that match the query: whole names first, then names starting with it,
// then names holding it, the more populous first. It exits 1 when nothing
// matches.
func runPlaces(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("places", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	country := fs.String("country", "", "only places in this country (ISO 3166 alpha-3)")
	format := fs.String("format", "text", "text (a table) or json (a list of objects)")
	limit := fs.Int("limit", 10, "list at most this many places")
	storePath := fs.String("store", "", "also look among the places of the events imported into this store")
	usage := func(msg string) int {
		fmt.Fprintf(stderr, "sahelatlas places: %s (usage: %s)\n", msg, placesUsage)
		return ExitUsage
	}
	// Flags may come before or after the words of the query.
	var words []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprintln(stdout, "usage: "+placesUsage)
				return ExitOK
			}
			return usage(err.Error())
		}
		if fs.NArg() == 0 {
			break
		}
		words, args = append(words, fs.Arg(0)), fs.Args()[1:]
	}
	query := strings.TrimSpace(strings.Join(words, " "))
	if query == "" {
		return usage("no place name given")
	}
	c := strings.ToUpper(strings.TrimSpace(*country))
	if c != "" && (len(c) != 3 || strings.Trim(c, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "") {
		return usage(fmt.Sprintf("--country %q is not an ISO 3166 alpha-3 code such as MLI", *country))
	}
	if *format != "text" && *format != "json" {
		return usage(fmt.Sprintf("--format %q is not text or json", *format))
	}
	if *limit <= 0 {
		return usage(fmt.Sprintf("--limit %d is not a positive number", *limit))
	}
	use := bundledOnly
	if *storePath != "" {
		use = withStore
	}
	gaz, status := storeGazetteer("places", *storePath, use, stderr)
	if gaz == nil {
		return status
	}
	matches := gaz.Match(query, c, *limit)
	if *format == "json" {
		out := make([]placeJSON, 0, len(matches))
		for _, m := range matches {
			p := m.Place
			out = append(out, placeJSON{Name: p.Name, Matched: m.Matched, Country: p.Country, Lon: p.Lon(), Lat: p.Lat(), Population: p.Population})
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(out); err != nil {
			fmt.Fprintf(stderr, "sahelatlas places: %v\n", err)
			return ExitFailed
		}
	} else if len(matches) > 0 {
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "NAME\tMATCHED\tCOUNTRY\tLON\tLAT\tPOPULATION")
		for _, m := range matches {
			p := m.Place
			pop := ""
			if p.Population > 0 {
				pop = strconv.Itoa(p.Population)
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%.5f\t%.5f\t%s\n", p.Name, m.Matched, p.Country, p.Lon(), p.Lat(), pop)
		}
		if err := tw.Flush(); err != nil {
			fmt.Fprintf(stderr, "sahelatlas places: %v\n", err)
			return ExitFailed
		}
	}
	if len(matches) == 0 {
		where := ""
		if c != "" {
			where = " in " + c
		}
		fmt.Fprintf(stderr, "sahelatlas places: no place%s is called %q or has a name starting with it\n", where, query)
		return ExitFailed
	}
	return ExitOK
}

// storeUse says whether the gazetteer takes the places of a store's events.
type storeUse int

const (
	bundledOnly    storeUse = iota // the bundled dataset's places only
	withStoreIfAny                 // and those of the store's events, when the store exists
	withStore                      // and those of the store's events; no store is an error
)

// storeGazetteer returns the gazetteer the window looks places up in when
// it imports a CSV: the places of the bundled dataset and, as use says, of
// the events imported into the store at storePath ("" for the default
// one), then the embedded GeoNames places with their other names; that
// is, the merged dataset's (*data.Dataset).Gazetteer, as in the window.
func storeGazetteer(cmd, storePath string, use storeUse, stderr io.Writer) (*data.Gazetteer, int) {
	d, err := data.LoadBundled()
	if err != nil {
		fmt.Fprintf(stderr, "sahelatlas %s: %v\n", cmd, err)
		return nil, ExitFailed
	}
	if use != bundledOnly {
		path, err := store.Resolve(storePath)
		if err != nil {
			fmt.Fprintf(stderr, "sahelatlas %s: %v\n", cmd, err)
			return nil, ExitUsage
		}
		if _, err := os.Stat(path); err == nil || use == withStore {
			merged, status := storeDataset(cmd, d, path, stderr)
			if merged == nil {
				return nil, status
			}
			d = merged
		}
	}
	return datasetGazetteer(cmd, d, stderr)
}

func datasetGazetteer(cmd string, d *data.Dataset, stderr io.Writer) (*data.Gazetteer, int) {
	g, err := d.Gazetteer()
	if err != nil {
		fmt.Fprintf(stderr, "sahelatlas %s: %v\n", cmd, err)
		return nil, ExitFailed
	}
	return g, ExitOK
}

// needsGazetteer reports whether importing f (named name, read as format,
// "" to tell from the file) looks places up by name: a generic CSV does.
// It reads the start of f and goes back to where it was.
func needsGazetteer(f *os.File, name string, format exchange.Format) bool {
	if format != "" {
		return format == exchange.FormatCSV
	}
	head := make([]byte, 4096)
	n, _ := io.ReadFull(f, head)
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return false
	}
	return exchange.Sniff(name, head[:n]) == exchange.FormatCSV
}
