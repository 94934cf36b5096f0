package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/exchange"
	"github.com/sahelatlas/sahelatlas/data/lang"
	"github.com/sahelatlas/sahelatlas/data/store"
)

func init() {
	register(&command{
		name: "places", args: "QUERY",
		summary: "find places by name, in English, French or Arabic (Tombouctou, الفاشر), best first",
		notes: `Whole names come first, then names starting with QUERY, then names holding it,
the more populous first. Status 1 when nothing matches (JSON: []).`,
		flags: placesFlags,
	})
}

// placesOptions are the places command's flags.
type placesOptions struct {
	country, format, store string
	limit                  int
}

// placesFlags declares the places command's flags.
func placesFlags(fs *flag.FlagSet) runFunc {
	o := &placesOptions{}
	fs.StringVar(&o.country, "country", "", "only places in this `COUNTRY` (ISO 3166 alpha-3)")
	fs.StringVar(&o.format, "format", "text", "`FORMAT`: text (a table) or json (a list of objects)")
	intVar(fs, &o.limit, "limit", 10, 1, 1000, "list at most `N` places")
	fs.StringVar(&o.store, "store", "", "also look among the places of the events imported into this store, a `PATH`")
	return func(con console, args []string) int { return runPlaces(con, o, args) }
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
func runPlaces(con console, o *placesOptions, args []string) int {
	query := strings.TrimSpace(strings.Join(args, " "))
	if query == "" {
		return con.usagef("%s", lang.T("no place name given"))
	}
	c := strings.ToUpper(strings.TrimSpace(o.country))
	if c != "" && (len(c) != 3 || strings.Trim(c, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "") {
		return con.usagef(lang.T("--country %q is not an ISO 3166 alpha-3 code such as MLI"), o.country)
	}
	if o.format != "text" && o.format != "json" {
		return con.usagef(lang.T("--format %q is not text or json"), o.format)
	}
	use := bundledOnly
	if o.store != "" {
		use = withStore
	}
	gaz, status := storeGazetteer(con, o.store, use)
	if gaz == nil {
		return status
	}
	matches := gaz.Match(query, c, o.limit)
	stdout := con.stdout
	if o.format == "json" {
		out := make([]placeJSON, 0, len(matches))
		for _, m := range matches {
			p := m.Place
			out = append(out, placeJSON{Name: p.Name, Matched: m.Matched, Country: p.Country, Lon: p.Lon(), Lat: p.Lat(), Population: p.Population})
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(out); err != nil {
			return con.failf(ExitFailed, "%v", err)
		}
	} else if len(matches) > 0 {
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, lang.T("NAME\tMATCHED\tCOUNTRY\tLON\tLAT\tPOPULATION"))
		for _, m := range matches {
			p := m.Place
			pop := ""
			if p.Population > 0 {
				pop = strconv.Itoa(p.Population)
			}
			t := lang.Current() // a decimal comma in French; JSON keeps numbers
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", p.Name, m.Matched, p.Country, t.Decimal(p.Lon(), 5), t.Decimal(p.Lat(), 5), pop)
		}
		if err := tw.Flush(); err != nil {
			return con.failf(ExitFailed, "%v", err)
		}
	}
	if len(matches) == 0 {
		where := ""
		if c != "" {
			where = " in " + c
		}
		return con.failf(ExitFailed, lang.T("no place%s is called %q or has a name starting with it"), where, query)
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
func storeGazetteer(con console, storePath string, use storeUse) (*data.Gazetteer, int) {
	d, err := data.LoadBundled()
	if err != nil {
		return nil, con.failf(ExitFailed, "%v", err)
	}
	if use != bundledOnly {
		path, err := store.Resolve(storePath)
		if err != nil {
			return nil, con.failf(ExitUsage, "%v", err)
		}
		if _, err := os.Stat(path); err == nil || use == withStore {
			ws, status := readWorkspace(con, path, d, false)
			if ws.data == nil {
				return nil, status
			}
			d = ws.data
		}
	}
	g, err := d.Gazetteer()
	if err != nil {
		return nil, con.failf(ExitFailed, "%v", err)
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
