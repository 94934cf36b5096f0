package main

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestIsLicence(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"LICENSE", true},
		{"LICENSE.md", true},
		{"licence.txt", true},
		{"COPYING", true},
		{"COPYING.txt", true},
		{"COPYING.LESSER", true},
		{"COPYING.LIB", true},
		{"copying.go", false},
		{"LICENSE_Inter.txt", true},
		{"LICENSE-reader", true},
		{"LICENSE.BSD", true},
		{"OFL.txt", true},
		{"PATENTS", true},
		{"NOTICE", true},
		{"THIRD-PARTY-NOTICES", true},
		{"license.go", false},
		{"check_license.sh", false},
		{"notice.go", false},
		{"README.md", false},
		{"AUTHORS", false},
		{"Inter-Regular.ttf", false},
		{"official.txt", false},
	}
	for _, tt := range tests {
		if got := isLicence(tt.name); got != tt.want {
			t.Errorf("isLicence(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestLicences builds a module with a linked package, a package not
// linked, C sources and fonts with their own licences, and test data.
func TestLicences(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"LICENSE":                          "root",
		"go.mod":                           "module example.com/m",
		"a/a.go":                           "package a",
		"a/NOTICE":                         "a's notice",
		"a/fonts/OFL.txt":                  "fonts",
		"a/fonts/Inter.ttf":                "font",
		"a/csrc/deep/LICENSE.md":           "C library",
		"a/testdata/LICENSE":               "test data, not shipped",
		"a/sub/sub.go":                     "package sub",
		"a/sub/LICENSE":                    "a package not linked",
		"b/b.go":                           "package b",
		"b/COPYING":                        "b, not linked",
		"third_party/x/LICENSE":            "above the linked package",
		"third_party/x/y/y.go":             "package y",
		"third_party/x/y/check_license.sh": "a script",
	}
	for name, text := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	m := &module{Path: "example.com/m", Version: "v1.0.0", Dir: root, dirs: map[string]bool{
		filepath.Join(root, "a"):                     true,
		filepath.Join(root, "third_party", "x", "y"): true,
	}}
	got, err := m.licences()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"LICENSE", "a/NOTICE", "a/csrc/deep/LICENSE.md", "a/fonts/OFL.txt", "third_party/x/LICENSE"}
	for i := range want {
		want[i] = filepath.FromSlash(want[i])
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("licences() = %q, want %q", got, want)
	}
}

func TestLinkedModules(t *testing.T) {
	listing := []byte(`{"Dir": "/goroot/src/fmt", "Standard": true}
{"Dir": "/src/app", "Module": {"Path": "example.com/app", "Main": true, "Dir": "/src/app"}}
{"Dir": "/mod/z@v1/p", "Module": {"Path": "example.com/z", "Version": "v1.0.0", "Dir": "/mod/z@v1"}}
{"Dir": "/mod/a@v2/q", "Module": {"Path": "example.com/a", "Version": "v2.0.0", "Dir": "/mod/a@v2"}}
{"Dir": "/mod/z@v1/r", "Module": {"Path": "example.com/z", "Version": "v1.0.0", "Dir": "/mod/z@v1"}}
{"Dir": "/mod/fork@v3/s", "Module": {"Path": "example.com/s", "Version": "v1.0.0", "Replace": {"Path": "example.com/fork", "Version": "v3.0.0", "Dir": "/mod/fork@v3"}}}
`)
	mods, err := linkedModules(listing)
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		Path, Version, Dir string
		dirs               int
	}
	var got []row
	for _, m := range mods {
		got = append(got, row{m.Path, m.Version, m.Dir, len(m.dirs)})
	}
	want := []row{
		{"example.com/a", "v2.0.0", "/mod/a@v2", 1},
		{"example.com/fork", "v3.0.0", "/mod/fork@v3", 1},
		{"example.com/z", "v1.0.0", "/mod/z@v1", 2},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("linkedModules = %+v, want %+v", got, want)
	}
}

func TestLinkedModulesNotDownloaded(t *testing.T) {
	listing := []byte(`{"Dir": "", "Module": {"Path": "example.com/z", "Version": "v1.0.0"}}`)
	if _, err := linkedModules(listing); err == nil {
		t.Error("a module missing from the module cache was accepted")
	}
}

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "LICENSE"), []byte("Permission is granted\r\nto all"), 0o644); err != nil {
		t.Fatal(err)
	}
	bare := t.TempDir()
	tests := []struct {
		name    string
		mods    []*module
		want    []string
		wantErr bool
	}{
		{
			name: "credits, list, licence",
			mods: []*module{{Path: "example.com/m", Version: "v1.2.3", Dir: dir}},
			want: []string{"Data: public domain\n\n", "  example.com/m v1.2.3\n", "example.com/m v1.2.3: LICENSE\n", "Permission is granted\nto all\n"},
		},
		{
			name:    "a module with no licence",
			mods:    []*module{{Path: "example.com/m", Version: "v1.2.3", Dir: dir}, {Path: "example.com/bare", Version: "v0.1.0", Dir: bare}},
			wantErr: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			err := write(&b, []byte("Data: public domain"), nil, tt.mods)
			if (err != nil) != tt.wantErr {
				t.Fatalf("write: error %v, want error %v", err, tt.wantErr)
			}
			for _, w := range tt.want {
				if !strings.Contains(b.String(), w) {
					t.Errorf("the notices lack %q:\n%s", w, b.String())
				}
			}
		})
	}
}
