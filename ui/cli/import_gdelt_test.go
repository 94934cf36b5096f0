package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// gdeltSample is a GDELT 2.0 file of the exchange package's tests: 13
// lines, 10 events with a kind and a place.
func gdeltSample(t *testing.T, dir string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "data", "exchange", "testdata", "gdelt", "20250120143000.export.CSV"))
	if err != nil {
		t.Fatal(err)
	}
	return writeFile(t, dir, "20250120143000.export.CSV", string(b))
}

func TestImportGDELT(t *testing.T) {
	dir := t.TempDir()
	f := gdeltSample(t, dir)
	for _, c := range []struct {
		name      string
		args      []string
		status    int
		out, errs string // prefixes of stdout, substrings of stderr
	}{
		{"all", nil, ExitOK, "added 10, updated 0, rejected 0, left out 3", "left out 1: CAMEO 03 express intent to cooperate: no Sahel Atlas kind"},
		{"cameo", []string{"--cameo", "04,16"}, ExitOK, "added 6, updated 0, rejected 0, left out 7", "left out 5: outside the --cameo filter"},
		{"country", []string{"--country", "MLI,BFA", "--format", "gdelt"}, ExitOK, "added 6, updated 0, rejected 0, left out 7", "outside the --country filter"},
		{"both", []string{"--cameo", "04,16", "--country", "MLI,BFA"}, ExitOK, "added 4, updated 0, rejected 0", "outside the --country filter"},
		{"bad cameo", []string{"--cameo", "visit"}, ExitUsage, "", `CAMEO code "visit" is not 1 to 4 digits`},
		{"bad country", []string{"--country", "Atlantis"}, ExitUsage, "", `country "Atlantis"`},
		{"not gdelt", []string{"--cameo", "04", "--format", "csv"}, ExitUsage, "", "--cameo and --country choose among the events of a GDELT file"},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "workspace.db")
			status, out, errs := runCLI(t, append([]string{"import", f, "--store", db}, c.args...)...)
			if status != c.status || !strings.HasPrefix(out, c.out) || !strings.Contains(errs, c.errs) {
				t.Errorf("import %v: %d\nstdout %q\nstderr %q", c.args, status, out, errs)
			}
		})
	}
	acled := writeFile(t, dir, "acled.csv", acledSample)
	status, _, errs := runCLI(t, "import", acled, "--store", filepath.Join(dir, "workspace.db"), "--country", "MLI")
	if status != ExitUsage || !strings.Contains(errs, "acled.csv is read as acled") {
		t.Errorf("--country on an ACLED file: %d %q", status, errs)
	}
}
