package cli

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportGDELTFromTheWild imports, as a stream into a store, the
// excerpts of real GDELT files the exchange package's tests keep (see
// data/exchange/gdelt_wild_test.go and gdelt_header_test.go for where they
// come from): a pandas-saved copy with a header, a 2.0 file zipped as GDELT
// serves them, and a 1.0 file of two layouts.
func TestImportGDELTFromTheWild(t *testing.T) {
	dir := t.TempDir()
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("..", "..", "data", "exchange", "testdata", "gdelt", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	var zipped bytes.Buffer
	zw := zip.NewWriter(&zipped)
	fw, err := zw.Create("20191024143000.export.CSV")
	if err == nil {
		_, err = fw.Write(read("20191024143000-excerpt.export.CSV"))
	}
	if err == nil {
		err = zw.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		file, body, out string
	}{
		{"events2samps.csv", string(read("events2samps-excerpt.csv")), "added 8, updated 0, rejected 0, left out 13"},
		{"20191024143000.export.CSV.zip", zipped.String(), "added 6, updated 0, rejected 0, left out 2"},
		{"events.csv", string(read("events-1982-2016-excerpt.csv")), "added 2, updated 0, rejected 0, left out 5"},
	} {
		f := writeFile(t, dir, c.file, c.body)
		status, out, errs := runCLI(t, "import", f, "--store", filepath.Join(t.TempDir(), "workspace.db"))
		if status != ExitOK || !strings.HasPrefix(out, c.out) {
			t.Errorf("import %s: %d\nstdout %q\nstderr %q", c.file, status, out, errs)
		}
	}
}
