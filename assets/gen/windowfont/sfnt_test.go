package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"
)

// TestWindowFont makes the window font from the committed Noto Sans Arabic
// and Fyne's Noto Sans, checks which letters it maps and its metrics, and
// that it is the committed assets/fonts/NotoSansArabic-Window.ttf.
func TestWindowFont(t *testing.T) {
	dir, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "fyne.io/fyne/v2").Output()
	if err != nil {
		t.Fatalf("cannot find Fyne's module: %v", err)
	}
	latin, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(dir)), "theme", "font", "NotoSans-Regular.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	arabic, err := os.ReadFile("../../../geo/draw/fonts/NotoSansArabic-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	b, err := windowFont(arabic, latin)
	if err != nil {
		t.Fatal(err)
	}
	f, err := sfnt.Parse(b)
	if err != nil {
		t.Fatalf("the window font does not parse: %v", err)
	}
	src, _ := sfnt.Parse(arabic)
	var buf sfnt.Buffer
	tests := []struct {
		name string
		r    rune
		kept bool
	}{
		{"Arabic letter feh", 'ف', true},
		{"Arabic presentation form", '\uFEB7', true},
		{"space", ' ', true},
		{"minus, which Noto Sans lacks", '−', true},
		{"Latin a", 'a', false},
		{"digit", '7', false},
		{"e acute", 'é', false},
		{"comma", ',', false},
	}
	for _, tt := range tests {
		got, _ := f.GlyphIndex(&buf, tt.r)
		want, _ := src.GlyphIndex(&buf, tt.r)
		switch {
		case tt.kept && (got == 0 || got != want):
			t.Errorf("%s: glyph %d, want Noto Sans Arabic's %d", tt.name, got, want)
		case !tt.kept && got != 0:
			t.Errorf("%s: mapped to glyph %d, want left to Noto Sans", tt.name, got)
		}
	}
	lt := find(mustTables(t, latin), "hhea")[4:10]
	if got := find(mustTables(t, b), "hhea")[4:10]; !bytes.Equal(got, lt) {
		t.Errorf("hhea's ascender, descender and line gap are %x, want Noto Sans's %x", got, lt)
	}
	committed, err := os.ReadFile("../../fonts/NotoSansArabic-Window.ttf")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(committed, b) {
		t.Error("assets/fonts/NotoSansArabic-Window.ttf is not what the generator makes: run it again")
	}
}

func mustTables(t *testing.T, b []byte) []table {
	t.Helper()
	tables, err := readTables(b)
	if err != nil {
		t.Fatal(err)
	}
	return tables
}
