package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var testArticle = filepath.Join("..", "..", "data", "article", "testdata", "en_relative.txt")

// extract writes a FeatureCollection whose features have exactly the
// properties the command's help lists, and import records them as the
// analyst's own events, citing the article.
func TestExtractThenImport(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "proposals.geojson")
	status, stdout, stderr := runCLI(t, "extract", testArticle, "-o", out)
	if status != ExitOK || stdout != "" || !strings.Contains(stderr, "7 proposals; published 2025-03-12") {
		t.Fatalf("extract: status %d, stdout %q, stderr %q", status, stdout, stderr)
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var fc struct {
		Type     string `json:"type"`
		Features []struct {
			Geometry   struct{ Type string } `json:"geometry"`
			Properties map[string]any        `json:"properties"`
		} `json:"features"`
	}
	if err := json.Unmarshal(raw, &fc); err != nil {
		t.Fatal(err)
	}
	want := []string{"actors", "confidence", "countries", "date", "date_precision", "end", "evidence", "kind", "origin", "place", "place_precision", "status", "year_inferred"}
	if fc.Type != "FeatureCollection" || len(fc.Features) != 7 {
		t.Fatalf("%s with %d features, want a FeatureCollection of 7", fc.Type, len(fc.Features))
	}
	for i, f := range fc.Features {
		var keys []string
		for k := range f.Properties {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		if !slices.Equal(keys, want) || f.Geometry.Type != "Point" {
			t.Errorf("feature %d: a %s with properties %v, want a Point with %v", i, f.Geometry.Type, keys, want)
		}
	}
	statuses := map[any]int{}
	for _, f := range fc.Features {
		statuses[f.Properties["status"]]++
	}
	if statuses["planned"] != 1 || statuses["denied"] != 1 {
		t.Errorf("statuses %v, want one planned and one denied", statuses)
	}

	db := filepath.Join(dir, "ws", "workspace.db")
	status, stdout, stderr = runCLI(t, "import", out, "--store", db)
	ids := strings.Fields(stdout)
	if status != ExitOK || len(ids) != 7 {
		t.Fatalf("import: status %d, stdout %q, stderr %q", status, stdout, stderr)
	}
	status, stdout, _ = runCLI(t, "events", "--store", db, "--format", "csv")
	if status != ExitOK {
		t.Fatalf("events: status %d", status)
	}
	for _, id := range ids {
		if !strings.Contains(stdout, id) {
			t.Errorf("event %s is not listed with the store's events", id)
		}
	}
	if !strings.Contains(stdout, "Visit: ") || !strings.Contains(stdout, "(planned)") {
		t.Errorf("the imported events lack their titles: %.300s", stdout)
	}
}

// Bad input is one line on stderr and status 2.
func TestExtractBadInput(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, "no article given"},
		{[]string{testArticle, "--published", "2025-02-30"}, "is not a real date"},
		{[]string{testArticle, "--lang", "de"}, "is not auto, en or fr"},
		{[]string{testArticle, "--format", "kml"}, "is not geojson or json"},
		{[]string{"/nonexistent/article.txt"}, "cannot open"},
		{[]string{testArticle, "another.txt"}, "one article at a time"},
	} {
		status, stdout, stderr := runCLI(t, append([]string{"extract"}, tc.args...)...)
		if status != ExitUsage || stdout != "" || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, tc.want) {
			t.Errorf("extract %q: status %d, stdout %q, stderr %q; want status 2 and %q", tc.args, status, stdout, stderr, tc.want)
		}
	}
}

// extract - reads standard input; --published resolves its relative dates.
func TestExtractStdin(t *testing.T) {
	old := stdin
	defer func() { stdin = old }()
	stdin = strings.NewReader("Malian troops detained two traders near Kayes yesterday.")
	status, stdout, stderr := runCLI(t, "extract", "-", "--published", "2025-03-12", "--format", "json")
	if status != ExitOK {
		t.Fatalf("status %d, stderr %q", status, stderr)
	}
	var doc struct {
		Proposals []struct {
			Kind, Date, Place string
			Lon, Lat          float64
			EvidenceAt        [2]int `json:"evidence_at"`
		} `json:"proposals"`
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Proposals) != 1 || doc.Proposals[0].Kind != "arrest" || doc.Proposals[0].Date != "2025-03-11" || doc.Proposals[0].Place != "Kayes" || doc.Proposals[0].Lat < 14 || doc.Proposals[0].Lat > 15 || doc.Proposals[0].Lon > -11 {
		t.Errorf("got %+v, want one arrest on 2025-03-11 at Kayes", doc.Proposals)
	}
}
