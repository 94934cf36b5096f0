package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sahelatlas/sahelatlas/data/lang"
)

func TestPlaces(t *testing.T) {
	for _, c := range []struct {
		args                   []string
		name, matched, country string // the first place listed
	}{
		{[]string{"Tombouctou"}, "Timbuktu", "Tombouctou", "MLI"},
		{[]string{"Ségou"}, "Ségou", "Ségou", "MLI"},
		{[]string{"segou"}, "Ségou", "Ségou", "MLI"},
		{[]string{"Port-Soudan"}, "Port Sudan", "Port-Soudan", "SDN"},
		{[]string{"Port", "Soudan"}, "Port Sudan", "Port-Soudan", "SDN"}, // words of the query as separate arguments
		{[]string{"Al Fashir"}, "El Fasher", "Al Fashir", "SDN"},
		{[]string{"الفاشر"}, "El Fasher", "الفاشر", "SDN"},
		{[]string{"Gossi"}, "Gossi", "Gossi", "MLI"},
		{[]string{"--country", "MLI", "Tomb"}, "Timbuktu", "Tombouctou", "MLI"},
		{[]string{"Paris", "--country", "fra"}, "Paris", "Paris", "FRA"},
	} {
		status, out, errs := runCLI(t, append([]string{"places", "--format", "json"}, c.args...)...)
		if status != ExitOK {
			t.Errorf("places %q: %d %q", c.args, status, errs)
			continue
		}
		var got []placeJSON
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Errorf("places %q: the JSON does not parse: %v\n%s", c.args, err, out)
			continue
		}
		if len(got) == 0 || got[0].Name != c.name || got[0].Matched != c.matched || got[0].Country != c.country {
			t.Errorf("places %q = %+v, want %s by %q in %s first", c.args, got, c.name, c.matched, c.country)
			continue
		}
		if got[0].Lon == 0 || got[0].Lat == 0 {
			t.Errorf("places %q: %s has no coordinates", c.args, got[0].Name)
		}
		for _, p := range got {
			if strings.Contains(strings.Join(c.args, " "), "--country") && p.Country != c.country {
				t.Errorf("places %q lists %s in %s", c.args, p.Name, p.Country)
			}
		}
	}
}

func TestPlacesText(t *testing.T) {
	status, out, errs := runCLI(t, "places", "Tombouctou")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if status != ExitOK || len(lines) < 2 || !strings.HasPrefix(lines[0], "NAME") ||
		strings.Join(strings.Fields(lines[1]), " ") != "Timbuktu Tombouctou MLI -3.00742 16.77348 32460" {
		t.Errorf("places Tombouctou: %d %q %q", status, out, errs)
	}
	// The raw JSON keys are the documented ones.
	_, out, _ = runCLI(t, "places", "Gossi", "--format", "json")
	var raw []map[string]any
	if err := json.Unmarshal([]byte(out), &raw); err != nil || len(raw) == 0 {
		t.Fatalf("places Gossi --format json: %v %q", err, out)
	}
	for _, k := range []string{"name", "matched", "country", "lon", "lat", "population"} {
		if _, ok := raw[0][k]; !ok {
			t.Errorf("the JSON object %v has no %q", raw[0], k)
		}
	}
}

// TestPlacesTextFrench: with --lang fr the table writes the coordinates
// with a decimal comma; JSON keeps numbers.
func TestPlacesTextFrench(t *testing.T) {
	t.Cleanup(func() { lang.Set(lang.English) })
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"places", "--lang", "fr", "Tombouctou"}, "Timbuktu Tombouctou MLI -3,00742 16,77348 32460"},
		{[]string{"places", "--lang", "en", "Tombouctou"}, "Timbuktu Tombouctou MLI -3.00742 16.77348 32460"},
	} {
		status, out, errs := runCLI(t, c.args...)
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if status != ExitOK || len(lines) < 2 || strings.Join(strings.Fields(lines[1]), " ") != c.want {
			t.Errorf("%q: %d %q %q, want a first line %q", c.args, status, out, errs, c.want)
		}
	}
	_, out, _ := runCLI(t, "places", "--lang", "fr", "--format", "json", "Tombouctou")
	if !strings.Contains(out, `"lon": -3.00742`) {
		t.Errorf("places --lang fr --format json writes %q, want numbers with a point", out)
	}
}

func TestPlacesRefuses(t *testing.T) {
	for _, c := range []struct {
		args   []string
		status int
		errs   string
	}{
		{nil, ExitUsage, "no place name given"},
		{[]string{"Gao", "--country", "Mali"}, ExitUsage, `--country "Mali" is not an ISO 3166 alpha-3 code`},
		{[]string{"Gao", "--format", "csv"}, ExitUsage, `--format "csv"`},
		{[]string{"Gao", "--limit", "0"}, ExitUsage, `invalid value "0" for flag -limit`},
		{[]string{"Ségou", "--country", "FRA"}, ExitFailed, `no place in FRA is called "Ségou"`},
		{[]string{"Xqzwv"}, ExitFailed, `no place is called "Xqzwv"`},
		{[]string{"Gao", "--store", filepath.Join(t.TempDir(), "none.db")}, ExitUsage, "no store at"},
	} {
		status, _, errs := runCLI(t, append([]string{"places"}, c.args...)...)
		if status != c.status || !strings.Contains(errs, c.errs) {
			t.Errorf("places %q: %d %q, want %d and %q", c.args, status, errs, c.status, c.errs)
		}
	}
	if status, out, _ := runCLI(t, "places", "Xqzwv", "--format", "json"); status != ExitFailed || strings.TrimSpace(out) != "[]" {
		t.Errorf("places with no match, as JSON: %d %q, want 1 and []", status, out)
	}
	if status, out, _ := runCLI(t, "places", "--help"); status != ExitOK || !strings.Contains(out, "--country") {
		t.Errorf("places --help: %d %q", status, out)
	}
}

// TestImportFindsPlacesByOtherNames imports a CSV that names places
// without coordinates: the dataset's own (Gossi) and GeoNames' other names
// are found, as in the window (ui's TestImportFindsPlacesAsTheCommandLineDoes).
func TestImportFindsPlacesByOtherNames(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "workspace.db")
	f := writeFile(t, dir, "lieux.csv", "title,date,place\n"+
		"Patrouille à Gossi,2025-02-01,Gossi\n"+
		"Visite à Tombouctou,2025-02-02,Tombouctou\n"+
		"Escale à Port-Soudan,2025-02-03,Port-Soudan\n"+
		"Réunion à Al Fashir,2025-02-04,Al Fashir\n"+
		"اجتماع في الفاشر,2025-02-05,الفاشر\n")
	status, out, errs := runCLI(t, "import", f, "--store", db)
	if status != ExitOK || !strings.HasPrefix(out, "added 5, updated 0, rejected 0") {
		t.Fatalf("import: %d %q %q", status, out, errs)
	}
	status, out, errs = runCLI(t, "events", "--store", db, "--format", "csv", "--from", "2025-02-01", "--to", "2025-02-05")
	if status != ExitOK {
		t.Fatalf("events: %d %q", status, errs)
	}
	for _, want := range []string{
		"Patrouille à Gossi,,Gossi,-1.31139,15.82667",
		"Visite à Tombouctou,,Timbuktu,-3.00742,16.77348",
		"Escale à Port-Soudan,,Port Sudan,37.21644,19.61745",
		"Réunion à Al Fashir,,El Fasher,25.34936,13.62793",
		"اجتماع في الفاشر,,El Fasher,25.34936,13.62793",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the imported events lack the place %s:\n%s", want, out)
		}
	}
}
