package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	datalang "github.com/sahelatlas/sahelatlas/data/lang"
)

// TestWindowWordsInCatalogs: every text the window passes to lang.L, as
// a literal in its sources or from its tables (presets, colours, papers,
// page elements, export formats, date orders), is in both catalogs; Fyne
// logs an error for each one it cannot find.
func TestWindowWordsInCatalogs(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	call := regexp.MustCompile(`lang\.L\(("(?:[^"\\]|\\.)*")\)`)
	var words []string
	for _, f := range files {
		if filepath.Ext(f) != ".go" || len(f) > 8 && f[len(f)-8:] == "_test.go" {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range call.FindAllSubmatch(b, -1) {
			s, err := strconv.Unquote(string(m[1]))
			if err != nil {
				t.Fatalf("%s: %s: %v", f, m[1], err)
			}
			words = append(words, s)
		}
	}
	if len(words) < 150 {
		t.Fatalf("found %d texts passed to lang.L", len(words))
	}
	for _, p := range Presets {
		words = append(words, p.Label)
	}
	for _, c := range annotationColours {
		words = append(words, c.Name)
	}
	for _, s := range exportSizes {
		words = append(words, s.Label)
	}
	for _, e := range exportElements {
		words = append(words, e.Label)
	}
	for _, f := range exportFormats {
		words = append(words, f.Label)
	}
	words = append(words, orderFromFile, orderDayFirst, orderMonFirst)
	for _, w := range words {
		for _, tag := range datalang.Tags {
			if !tag.Has(w) {
				t.Errorf("%s.json lacks %q", tag, w)
			}
		}
	}
}
