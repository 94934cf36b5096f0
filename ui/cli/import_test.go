package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sahelatlas/sahelatlas/data/store"
)

const acledSample = "\uFEFFevent_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp\n" +
	"MLI1,2025-05-16,2025,1,Political violence,Battles,Armed clash,Military Forces of Mali (2021-),Wagner Group,State forces,JNIM,,Rebel group,12,,466,Western Africa,Mali,Mopti,Douentza,,Boni,15.0167,-1.8,1,RFI,International,Clashes near Boni.,5,,1747500000\n" +
	"MLI2,16 May 2025,2025,2,Demonstrations,Protests,Peaceful protest,Protesters (Mali),,Protesters,,,,60,,466,Western Africa,Mali,Bamako,Bamako,,Bamako,12.65,-8.0,1,Le Monde,International,\"=HYPERLINK(\"\"x\"\")\",0,,1747500000\n" +
	"SDN3,16-05-2025,2025,3,Strategic developments,Strategic developments,Agreement,Government of Sudan (2019-),,State forces,,,,10,,729,Northern Africa,Sudan,Khartoum,,,Khartoum,15.5,32.53,2,SUNA,National,Deal signed.,0,,1747500000\n"

func writeFile(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestImportACLED(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "ws", "workspace.db")
	f := writeFile(t, dir, "acled.csv", acledSample)
	status, out, errs := runCLI(t, "import", f, "--store", db)
	if status != ExitOK || !strings.HasPrefix(out, "added 3, updated 0, rejected 0") || errs != "" {
		t.Fatalf("import: %d %q %q", status, out, errs)
	}
	// A newer export of one event updates it; the others are unchanged.
	newer := strings.Replace(acledSample, "Clashes near Boni.,5,,1747500000", "Clashes near Boni (revised).,7,,1747600000", 1)
	f2 := writeFile(t, dir, "acled-later.csv", newer)
	status, out, errs = runCLI(t, "import", "--store", db, f2)
	if status != ExitOK || !strings.HasPrefix(out, "added 0, updated 1, rejected 0, unchanged 2") {
		t.Fatalf("re-import: %d %q %q", status, out, errs)
	}
	// events --store writes the bundled and the imported events.
	status, out, errs = runCLI(t, "events", "--store", db, "--from", "2025-05-01", "--to", "2025-05-31")
	if status != ExitOK {
		t.Fatalf("events: %d %q", status, errs)
	}
	var fc featureCollection
	if err := json.Unmarshal([]byte(out), &fc); err != nil {
		t.Fatal(err)
	}
	found := map[string]string{}
	for _, f := range fc.Features {
		found[f.Properties.ID] = f.Properties.Summary
	}
	if found["MLI1"] != "Clashes near Boni (revised)." || found["SDN3"] != "Deal signed." {
		t.Errorf("events --store: %v", found)
	}
	status, out, _ = runCLI(t, "events", "--store", db, "--format", "csv", "--from", "2025-05-16", "--to", "2025-05-16")
	if status != ExitOK || !strings.Contains(out, `'=HYPERLINK`) {
		t.Errorf("CSV export does not neutralise a formula: %q", out)
	}
	status, out, errs = runCLI(t, "events", "--store", db, "--format", "csv", "--kind", "protest,agreement", "--country", "mli", "--text", "bamako")
	if status != ExitOK || strings.Count(out, "\n") != 2 || !strings.Contains(out, "MLI2,") {
		t.Errorf("filtered export: %d %q %q", status, out, errs)
	}
	if status, _, errs = runCLI(t, "events", "--kind", "battle"); status != ExitUsage || !strings.Contains(errs, `--kind "battle"`) {
		t.Errorf("--kind battle: %d %q", status, errs)
	}
	out = filepath.Join(dir, "out.kml")
	if status, _, errs = runCLI(t, "events", "--store", db, "--format", "kml", "-o", out); status != ExitOK {
		t.Fatalf("-o: %d %q", status, errs)
	}
	kml, _ := os.ReadFile(out)
	if !bytes.Contains(kml, []byte("<TimeSpan>")) || !bytes.Contains(kml, []byte("<value>SDN3</value>")) {
		t.Errorf("KML written with -o lacks the imported events")
	}
	for _, format := range []string{"kml", "timeline"} {
		status, out, errs = runCLI(t, "events", "--store", db, "--format", format, "--from", "2025-05-01", "--to", "2025-05-31")
		if status != ExitOK || !strings.Contains(out, "Deal signed.") {
			t.Errorf("--format %s: %d %q", format, status, errs)
		}
	}
}

func TestImportRefused(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "ws", "workspace.db")
	bad := acledSample +
		"MLI4,2025-02-30,2025,1,,Battles,Armed clash,X,,,,,,,,466,,,,,,Gao,16.27,-0.04,1,,,,,,1\n" +
		"MLI5,2025-05-01,2025,1,,Battles,Armed clash,X,,,,,,,,466,,,,,,Gao,116.27,-0.04,1,,,,,,1\n"
	f := writeFile(t, dir, "bad.csv", bad)
	status, out, errs := runCLI(t, "import", f, "--store", db)
	if status != ExitFailed {
		t.Fatalf("status %d, want %d", status, ExitFailed)
	}
	if !strings.Contains(out, "rejected 2") || !strings.Contains(errs, "line 5:") || !strings.Contains(errs, "line 6:") {
		t.Errorf("stdout %q, stderr %q", out, errs)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("a refused import created or changed the store (%v)", err)
	}
	status, out, errs = runCLI(t, "import", f, "--store", db, "--skip-invalid")
	if status != ExitOK || !strings.HasPrefix(out, "added 3, updated 0, rejected 2") || strings.Count(errs, "skipped line") != 2 {
		t.Errorf("--skip-invalid: %d %q %q", status, out, errs)
	}
}

// A file with no events (a header alone, or every row skipped) is
// "nothing to import", status 1, and makes neither a layer nor a store.
func TestImportNothing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "ws", "workspace.db")
	header := acledSample[:strings.Index(acledSample, "\n")+1]
	bad := header + "MLI4,2025-02-30,2025,1,,Battles,Armed clash,X,,,,,,,,466,,,,,,Gao,16.27,-0.04,1,,,,,,1\n"
	cases := []struct {
		name, body string
		args       []string
		want       string
	}{
		{"header only", header, nil, "it holds no events"},
		{"header only, no final newline", strings.TrimSuffix(header, "\n"), nil, "it holds no events"},
		{"every row skipped", bad, []string{"--skip-invalid"}, "every one of its 1 events was skipped"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := writeFile(t, dir, "empty.csv", tc.body)
			status, out, errs := runCLI(t, append([]string{"import", f, "--store", db}, tc.args...)...)
			if status != ExitFailed || out != "" || !strings.Contains(errs, "nothing to import in "+f) || !strings.Contains(errs, tc.want) {
				t.Errorf("status %d, stdout %q, stderr %q; want %d and nothing to import", status, out, errs, ExitFailed)
			}
			if _, err := os.Stat(db); !os.IsNotExist(err) {
				t.Errorf("an empty import made the store (%v)", err)
			}
		})
	}
	// Into an existing store: no layer is added.
	good := writeFile(t, dir, "acled.csv", acledSample)
	if status, _, errs := runCLI(t, "import", good, "--store", db); status != ExitOK {
		t.Fatalf("import: %d %q", status, errs)
	}
	empty := writeFile(t, dir, "empty.csv", header)
	if status, _, _ := runCLI(t, "import", empty, "--store", db); status != ExitFailed {
		t.Errorf("empty import into a store: status %d", status)
	}
	s, _, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	layers, err := s.Imports()
	if err != nil || len(layers) != 1 || layers[0].ID != store.ImportID("acled.csv") {
		t.Errorf("layers %+v (%v), want only acled.csv's", layers, err)
	}
}

func TestImportGenericCSVFlags(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "workspace.db")
	f := writeFile(t, dir, "visits.csv", "Wann,Stadt,Objet\n2024-03-02,Ségou,Talks in Ségou\n2024-03-05,Gao,Visit to Gao\n")
	status, _, errs := runCLI(t, "import", f, "--store", db)
	if status != ExitFailed || !strings.Contains(errs, "--date-col") {
		t.Fatalf("unmapped: %d %q", status, errs)
	}
	status, out, errs := runCLI(t, "import", f, "--store", db, "--format", "csv", "--date-col", "Wann", "--place-col", "stadt", "--title-col", "Objet")
	if status != ExitOK || !strings.HasPrefix(out, "added 2") {
		t.Fatalf("mapped: %d %q %q", status, out, errs)
	}
	// The same file saved by a French spreadsheet: semicolons, Windows-1252.
	f = writeFile(t, dir, "visites.csv", "Quand;Ville;Objet\n2024-03-02;S\xe9gou;Pourparlers \xe0 S\xe9gou\n")
	status, _, errs = runCLI(t, "import", f, "--store", db, "--date-col", "Quand", "--place-col", "ville", "--title-col", "Objet")
	if status != ExitFailed || !strings.Contains(errs, "line 2: column \"Ville\" is not valid UTF-8") {
		t.Errorf("Windows-1252 read as UTF-8: %d %q", status, errs)
	}
	status, out, errs = runCLI(t, "import", f, "--store", db, "--encoding", "windows-1252", "--date-col", "Quand", "--place-col", "ville", "--title-col", "Objet")
	if status != ExitOK || !strings.HasPrefix(out, "added 1") {
		t.Errorf("--encoding windows-1252: %d %q %q", status, out, errs)
	}
}

func TestImportUsageAndLocked(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "workspace.db")
	f := writeFile(t, dir, "a.csv", acledSample)
	for _, args := range [][]string{
		{"import"},
		{"import", f, "--format", "shp"},
		{"import", f, f},
		{"import", filepath.Join(dir, "missing.csv")},
		{"import", f, "--nope"},
	} {
		if status, _, errs := runCLI(t, args...); status != ExitUsage || strings.Count(errs, "\n") != 1 {
			t.Errorf("%v: status %d, stderr %q", args, status, errs)
		}
	}
	if status, _, errs := runCLI(t, "events", "--store", db); status != ExitUsage || !strings.Contains(errs, "no store at") {
		t.Errorf("events --store on no store: %d %q", status, errs)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("events --store created a store")
	}
	s, _, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	before, _ := os.ReadFile(db)
	if status, _, errs := runCLI(t, "import", f, "--store", db); status != ExitLocked || !strings.Contains(errs, "another Sahel Atlas") {
		t.Errorf("held store: %d %q", status, errs)
	}
	if status, _, _ := runCLI(t, "events", "--store", db); status != ExitLocked {
		t.Errorf("events on a held store: %d", status)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("a refused import changed the store")
	}
}

// An odd date is refused with its line and the flag that keeps it;
// --allow-dates keeps it; a bad --allow-dates is a usage error.
func TestImportAllowDates(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "odd.csv")
	if err := os.WriteFile(file, []byte("date,latitude,longitude,title\n2025-05-16,12.65,-8.0,Talks\n0001-01-01,12.65,-8.0,Empty date\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	st := filepath.Join(dir, "w.db")
	status, _, errs := runCLI(t, "import", file, "--store", st)
	if status != ExitFailed || !strings.Contains(errs, "0001-01-01") || !strings.Contains(errs, "--allow-dates") {
		t.Fatalf("odd date: status %d, stderr %q; want 1 naming the date and the flag", status, errs)
	}
	if status, out, errs := runCLI(t, "import", file, "--store", st, "--allow-dates", "0001-01-01.."); status != ExitOK || !strings.Contains(out, "added 2") {
		t.Fatalf("--allow-dates: status %d, %q %q", status, out, errs)
	}
	if status, _, _ := runCLI(t, "import", file, "--store", st, "--allow-dates", "2020"); status != ExitUsage {
		t.Errorf("--allow-dates 2020: status %d, want %d", status, ExitUsage)
	}
}
