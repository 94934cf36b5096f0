package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOwnLicences checks that the licences of data and fonts kept in the
// program's own packages are shipped, and that the root's licence, other
// packages' and unlinked folders' are not taken for them.
func TestOwnLicences(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"LICENSE":                       "the program's own",
		"main.go":                       "package main",
		"assets/rivers/rivers.go":       "package rivers",
		"assets/rivers/COPYING":         "GPL text",
		"assets/rivers/COPYING.LESSER":  "LGPL text",
		"assets/rivers/README.md":       "not a licence",
		"geo/draw/draw.go":              "package draw",
		"geo/draw/fonts/OFL.txt":        "Open Font License",
		"geo/draw/fonts/font.ttf":       "glyphs",
		"unlinked/x.go":                 "package unlinked",
		"unlinked/LICENSE":              "not shipped",
		"geo/draw/sub/s.go":             "package sub",
		"geo/draw/sub/LICENSE.txt":      "another package's, not linked",
		"assets/rivers/testdata/NOTICE": "test data only",
	}
	for name, text := range files {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	listing := []byte(`{"Dir": "/goroot/src/fmt", "Standard": true}
{"Dir": "` + root + `", "Module": {"Path": "example.com/app", "Main": true, "Dir": "` + root + `"}}
{"Dir": "` + filepath.Join(root, "assets/rivers") + `", "Module": {"Path": "example.com/app", "Main": true, "Dir": "` + root + `"}}
{"Dir": "` + filepath.Join(root, "geo/draw") + `", "Module": {"Path": "example.com/app", "Main": true, "Dir": "` + root + `"}}
{"Dir": "/mod/z@v1/p", "Module": {"Path": "example.com/z", "Version": "v1.0.0", "Dir": "/mod/z@v1"}}
`)
	own, err := ownModule(listing)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := writeOwn(&b, own); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	for _, want := range []string{"assets/rivers/COPYING\n", "GPL text", "assets/rivers/COPYING.LESSER\n", "LGPL text", "geo/draw/fonts/OFL.txt\n", "Open Font License"} {
		if !strings.Contains(got, want) {
			t.Errorf("the notices lack %q:\n%s", want, got)
		}
	}
	for _, unwanted := range []string{"the program's own", "not shipped", "another package's", "test data only", "not a licence"} {
		if strings.Contains(got, unwanted) {
			t.Errorf("the notices hold %q:\n%s", unwanted, got)
		}
	}
}

// TestOwnModuleNone checks that a listing with no main module writes no
// section.
func TestOwnModuleNone(t *testing.T) {
	own, err := ownModule([]byte(`{"Dir": "/goroot/src/fmt", "Standard": true}`))
	if err != nil || own != nil {
		t.Fatalf("ownModule = %v, %v; want nil, nil", own, err)
	}
	var b strings.Builder
	if err := writeOwn(&b, own); err != nil || b.Len() != 0 {
		t.Errorf("writeOwn(nil) wrote %q, %v", b.String(), err)
	}
}
