package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/sahelatlas/sahelatlas/data"
)

type featureCollection struct {
	Type     string `json:"type"`
	Features []struct {
		Type     string `json:"type"`
		Geometry struct {
			Type        string    `json:"type"`
			Coordinates []float64 `json:"coordinates"`
		} `json:"geometry"`
		Properties struct {
			ID        string   `json:"id"`
			Start     *string  `json:"start"`
			End       *string  `json:"end"`
			Precision string   `json:"precision"`
			Kind      string   `json:"kind"`
			Title     string   `json:"title"`
			Summary   string   `json:"summary"`
			Place     string   `json:"place"`
			Actors    []string `json:"actors"`
			Countries []string `json:"countries"`
			Sources   []struct {
				Document string `json:"document"`
			} `json:"sources"`
			Origin *struct {
				Name string  `json:"name"`
				Lon  float64 `json:"lon"`
				Lat  float64 `json:"lat"`
			} `json:"origin"`
			DateNote string `json:"date_note"`
		} `json:"properties"`
	} `json:"features"`
}

func runEventsCLI(t *testing.T, args ...string) (status int, stdout, stderr string) {
	t.Helper()
	var o, e bytes.Buffer
	status, ok := Run(args, &o, &e)
	if !ok {
		t.Fatalf("Run(%v) did not find the command", args)
	}
	return status, o.String(), e.String()
}

func TestEventsGeoJSON(t *testing.T) {
	d, err := data.LoadBundled()
	if err != nil {
		t.Fatal(err)
	}
	status, out, errOut := runEventsCLI(t, "events", "--format", "geojson")
	if status != ExitOK || errOut != "" {
		t.Fatalf("status %d, stderr %q", status, errOut)
	}
	var fc featureCollection
	if err := json.Unmarshal([]byte(out), &fc); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	if fc.Type != "FeatureCollection" || len(fc.Features) != len(d.Events) {
		t.Fatalf("%s with %d features, want FeatureCollection with %d", fc.Type, len(fc.Features), len(d.Events))
	}
	byID := map[string]int{}
	for i, f := range fc.Features {
		p := f.Properties
		byID[p.ID] = i
		if f.Type != "Feature" || f.Geometry.Type != "Point" || len(f.Geometry.Coordinates) != 2 {
			t.Errorf("%s: not a Point Feature", p.ID)
		}
		e := d.Event(p.ID)
		if e == nil {
			t.Fatalf("feature %q is not an event", p.ID)
		}
		pl := d.Place(e.Place)
		if f.Geometry.Coordinates[0] != pl.Lon() || f.Geometry.Coordinates[1] != pl.Lat() || p.Place != pl.Name {
			t.Errorf("%s: at %v %q, want %s", p.ID, f.Geometry.Coordinates, p.Place, pl.Name)
		}
		if len(p.Sources) != len(e.Sources) || len(p.Actors) != len(e.Actors) || p.Title == "" || p.Summary == "" || len(p.Countries) == 0 {
			t.Errorf("%s: sources, actors, title, summary or countries missing", p.ID)
		}
		if !e.Dated() && (p.Start != nil || p.DateNote == "") {
			t.Errorf("%s: an event with no year must have no start and a date_note", p.ID)
		}
	}
	check := func(id, start, end string, actor, doc, origin string) {
		t.Helper()
		i, ok := byID[id]
		if !ok {
			t.Errorf("%s missing", id)
			return
		}
		p := fc.Features[i].Properties
		if p.Start == nil || *p.Start != start || *p.End != end {
			t.Errorf("%s: %v–%v, want %s–%s", id, p.Start, p.End, start, end)
		}
		if !slices.Contains(p.Actors, actor) {
			t.Errorf("%s: actors %v lack %s", id, p.Actors, actor)
		}
		var docs []string
		for _, s := range p.Sources {
			docs = append(docs, s.Document)
		}
		if !slices.Contains(docs, doc) {
			t.Errorf("%s: sources %v lack %s", id, docs, doc)
		}
		if (origin == "") != (p.Origin == nil) || (p.Origin != nil && p.Origin.Name != origin) {
			t.Errorf("%s: origin %v, want %q", id, p.Origin, origin)
		}
	}
	check("2025-01-11-burhan-visits-bamako", "2025-01-11", "2025-01-13", "Abdel Fattah al-Burhan", "000_0ddf7597853a97e6.txt", "Port Sudan")
	check("2025-04-09-kone-meets-burhan-port-sudan", "2025-04-09", "2025-04-09", "Modibo Koné", "000_0ddf7597853a97e6.txt", "Bamako")
	check("2025-09-14-mali-expels-french-diplomats", "2025-09-14", "2025-09-14", "Mali", "004_46b10dd9ae859979.txt", "")
	check("2025-09-19-france-expels-malian-diplomats", "2025-09-19", "2025-09-20", "France", "001_6b3fcda3f690157c.txt", "")
}

func TestEventsCSVWindow(t *testing.T) {
	status, out, errOut := runEventsCLI(t, "events", "--format", "csv", "--from", "2025-01-12", "--to", "2025-04-30")
	if status != ExitOK {
		t.Fatalf("status %d, stderr %q", status, errOut)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 2 || rows[0][0] != "id" {
		t.Fatalf("no header or no rows: %v", rows)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	var got []string
	for _, r := range rows[1:] {
		got = append(got, r[col["id"]])
	}
	// The Russian PMCs, there "since 2021", are in every later window.
	want := []string{"2021-russian-pmcs-in-mali", "2025-01-11-burhan-visits-bamako", "2025-02-us-mali-military-meeting", "2025-04-09-kone-meets-burhan-port-sudan"}
	if !slices.Equal(got, want) {
		t.Fatalf("rows %v, want %v", got, want)
	}
	kone := rows[4]
	if kone[col["actors"]] == "" || !strings.Contains(kone[col["actors"]], ";") || kone[col["countries"]] != "SDN;MLI" || kone[col["origin"]] != "Bamako" {
		t.Errorf("Koné row: actors %q countries %q origin %q", kone[col["actors"]], kone[col["countries"]], kone[col["origin"]])
	}
}

func TestEventsToFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "events.geojson")
	status, out, errOut := runEventsCLI(t, "events", "-o", path, "--from", "2025-09-01", "--to", "2025-09-30")
	if status != ExitOK || out != "" || errOut != "" {
		t.Fatalf("status %d, stdout %q, stderr %q", status, out, errOut)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var fc featureCollection
	if err := json.Unmarshal(b, &fc); err != nil {
		t.Fatal(err)
	}
	if len(fc.Features) != 4 {
		t.Errorf("%d features in September 2025, want the two expulsions, the suspension and the ongoing Russian PMCs", len(fc.Features))
	}
}

func TestEventsBadFlags(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--format", "shp"}, `--format "shp"`},
		{[]string{"--from", "2025-02-30"}, `--from "2025-02-30"`},
		{[]string{"--to", "19/09/2025"}, `--to "19/09/2025"`},
		{[]string{"--from", "2025-10-01", "--to", "2025-09-01"}, "is after"},
		{[]string{"--colour", "red"}, "flag provided but not defined"},
		{[]string{"extra"}, `unexpected argument "extra"`},
		{[]string{"-o", filepath.Join(os.DevNull, "x", "y")}, "cannot write"},
	}
	for _, c := range cases {
		status, out, errOut := runEventsCLI(t, append([]string{"events"}, c.args...)...)
		if status != ExitUsage {
			t.Errorf("%v: status %d, want %d", c.args, status, ExitUsage)
		}
		if out != "" || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: stdout %q, stderr %q, want one line containing %q", c.args, out, errOut, c.want)
		}
	}
}

// events --store with a window reads only the store's events that meet it
// and writes what the whole store, filtered, would: the imported events
// and the analyst's own overlapping the window, no others.
func TestEventsStoreWindow(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "ws", "workspace.db")
	rows := acledSample + "OLD1,2013-03-05,2013,1,Political violence,Battles,Armed clash,FAMa,,State forces,,,,10,,466,Western Africa,Mali,Mopti,Douentza,,Boni,15.0167,-1.8,1,RFI,International,Old clash.,1,,1747500000\n"
	if status, _, errs := runCLI(t, "import", writeFile(t, dir, "a.csv", rows), "--store", db); status != ExitOK {
		t.Fatalf("import: %d %s", status, errs)
	}
	for _, date := range []string{"2025-05-20", "2013-03-06"} {
		if status, _, errs := runCLI(t, "events", "add", "--store", db, "--title", "Talks "+date, "--kind", "talks", "--date", date, "--place", "Niamey", "--actor", "host:Niger"); status != ExitOK {
			t.Fatalf("events add: %d %s", status, errs)
		}
	}
	ids := func(args ...string) []string {
		t.Helper()
		status, out, errs := runCLI(t, append([]string{"events", "--format", "csv"}, args...)...)
		if status != ExitOK {
			t.Fatalf("events %v: %d %s", args, status, errs)
		}
		rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range rows[1:] {
			got = append(got, r[0]+" "+r[1]) // id and start
		}
		slices.Sort(got)
		return got
	}
	for _, tc := range []struct {
		from, to string
		store    []string // the store's events in the window: id (the analyst's are new each time) and start
	}{
		{"2013-03-01", "2013-03-31", []string{"OLD1 2013-03-05", " 2013-03-06"}},
		{"2025-05-01", "2025-05-31", []string{"MLI1 2025-05-16", "MLI2 2025-05-13", "SDN3 2025-05-01", " 2025-05-20"}},
	} {
		bundled := ids("--from", tc.from, "--to", tc.to)
		all := ids("--store", db, "--from", tc.from, "--to", tc.to)
		var mine []string
		for _, e := range all {
			if !slices.Contains(bundled, e) {
				mine = append(mine, e)
			}
		}
		if len(all) != len(bundled)+len(mine) || len(mine) != len(tc.store) {
			t.Errorf("%s..%s: the store adds %q, want %q", tc.from, tc.to, mine, tc.store)
			continue
		}
		for _, want := range tc.store {
			if !slices.ContainsFunc(mine, func(e string) bool { return strings.HasSuffix(e, want) }) {
				t.Errorf("%s..%s: no event %q among %q", tc.from, tc.to, want, mine)
			}
		}
	}
}
