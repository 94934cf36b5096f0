package cli

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/render"
)

// runSnapshotCLI runs "sahelatlas snapshot ARGS..." through Run.
func runSnapshotCLI(t *testing.T, args ...string) (status int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	status, ok := Run(append([]string{"snapshot"}, args...), &out, &errb)
	if !ok {
		t.Fatal("snapshot is not a registered command")
	}
	return status, out.String(), errb.String()
}

// dirEntries are the names in dir.
func dirEntries(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestSnapshotWritesPNG(t *testing.T) {
	cases := []struct {
		name          string
		args          []string
		width, height int
	}{
		{"defaults", nil, 1920, 1080},
		{"mali", []string{"--view", "mali", "--size", "800x600"}, 800, 600},
		{"box", []string{"--view=-25,-5,50,50", "--size=300x200"}, 300, 200},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			file := filepath.Join(dir, "map.png")
			status, stdout, stderr := runSnapshotCLI(t, append([]string{"-o", file}, tc.args...)...)
			if status != ExitOK {
				t.Fatalf("status %d, stderr %q", status, stderr)
			}
			if !strings.Contains(stdout, file) {
				t.Errorf("stdout %q does not name the file", stdout)
			}
			f, err := os.Open(file)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			img, err := png.Decode(f)
			if err != nil {
				t.Fatalf("not a PNG: %v", err)
			}
			if b := img.Bounds(); b.Dx() != tc.width || b.Dy() != tc.height {
				t.Errorf("image is %dx%d, want %dx%d", b.Dx(), b.Dy(), tc.width, tc.height)
			}
			// The map is drawn: the top-left corner of every view here is sea.
			if r, g, b, _ := img.At(0, 0).RGBA(); uint8(r>>8) != render.ColourSea.R || uint8(g>>8) != render.ColourSea.G || uint8(b>>8) != render.ColourSea.B {
				t.Errorf("corner pixel is not the sea's colour")
			}
			if names := dirEntries(t, dir); len(names) != 1 {
				t.Errorf("folder holds %v, want only map.png", names)
			}
		})
	}
}

func TestSnapshotReplacesFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "map.png")
	if err := os.WriteFile(file, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if status, _, stderr := runSnapshotCLI(t, "-o", file, "--size", "64x64"); status != ExitOK {
		t.Fatalf("status %d, stderr %q", status, stderr)
	}
	b, err := os.ReadFile(file)
	if err != nil || !bytes.HasPrefix(b, []byte("\x89PNG")) {
		t.Errorf("file not replaced by a PNG (err %v)", err)
	}
}

func TestSnapshotBadInput(t *testing.T) {
	cases := []struct {
		name string
		args func(dir string) []string
		want string // in the message
	}{
		{"no -o", func(string) []string { return []string{"--view", "mali"} }, "-o FILE.png is required"},
		{"unknown flag", func(d string) []string { return []string{"-o", filepath.Join(d, "m.png"), "--colour", "red"} }, "colour"},
		{"unknown view", func(d string) []string { return []string{"-o", filepath.Join(d, "m.png"), "--view", "mars"} }, "mars"},
		{"bad box", func(d string) []string { return []string{"-o", filepath.Join(d, "m.png"), "--view", "10,20,5"} }, "10,20,5"},
		{"size without x", func(d string) []string { return []string{"-o", filepath.Join(d, "m.png"), "--size", "1920"} }, "--size"},
		{"size zero", func(d string) []string { return []string{"-o", filepath.Join(d, "m.png"), "--size", "0x100"} }, "--size"},
		{"size huge", func(d string) []string { return []string{"-o", filepath.Join(d, "m.png"), "--size", "100000x100"} }, "--size"},
		{"size words", func(d string) []string { return []string{"-o", filepath.Join(d, "m.png"), "--size", "widexhigh"} }, "--size"},
		{"extra argument", func(d string) []string { return []string{"-o", filepath.Join(d, "m.png"), "world"} }, "unexpected argument"},
		{"missing folder", func(d string) []string {
			return []string{"-o", filepath.Join(d, "no", "such", "m.png"), "--size", "32x32"}
		}, "cannot write"},
		{"path is a folder", func(d string) []string {
			sub := filepath.Join(d, "sub")
			if err := os.Mkdir(sub, 0o755); err != nil {
				panic(err)
			}
			return []string{"-o", sub, "--size", "32x32"}
		}, "cannot write"},
		{"help", func(string) []string { return []string{"-h"} }, "usage"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			args := tc.args(dir)
			before := dirEntries(t, dir)
			status, stdout, stderr := runSnapshotCLI(t, args...)
			if status != ExitUsage {
				t.Errorf("status %d, want %d (ExitUsage)", status, ExitUsage)
			}
			if strings.Count(stderr, "\n") != 1 || !strings.HasSuffix(stderr, "\n") {
				t.Errorf("stderr is not one line: %q", stderr)
			}
			if !strings.Contains(stderr, tc.want) {
				t.Errorf("stderr %q does not mention %q", stderr, tc.want)
			}
			if stdout != "" {
				t.Errorf("stdout %q, want nothing", stdout)
			}
			if after := dirEntries(t, dir); len(after) != len(before) {
				t.Errorf("folder went from %v to %v: a file was left behind", before, after)
			}
		})
	}
}

func TestParseSize(t *testing.T) {
	cases := []struct {
		in   string
		w, h int
		ok   bool
	}{
		{"1920x1080", 1920, 1080, true},
		{"640X480", 640, 480, true},
		{"1x1", 1, 1, true},
		{"16384x16384", 16384, 16384, true},
		{"16385x10", 0, 0, false},
		{"-5x10", 0, 0, false},
		{"10x", 0, 0, false},
		{"x10", 0, 0, false},
		{"10x10x10", 0, 0, false},
		{"", 0, 0, false},
	}
	for _, tc := range cases {
		w, h, ok := parseSize(tc.in)
		if w != tc.w || h != tc.h || ok != tc.ok {
			t.Errorf("parseSize(%q) = %d, %d, %v, want %d, %d, %v", tc.in, w, h, ok, tc.w, tc.h, tc.ok)
		}
	}
}

// benchmarkFrame is a view's base map at 1920×1080, as the snapshot
// command draws it.
func benchmarkFrame(b *testing.B, view string) *image.RGBA {
	atlas, err := geo.LoadAtlas()
	if err != nil {
		b.Fatal(err)
	}
	bound, err := geo.ViewBound(view, atlas)
	if err != nil {
		b.Fatal(err)
	}
	capitals, err := snapshotCapitals()
	if err != nil {
		b.Fatal(err)
	}
	return render.New(atlas, render.Options{Capitals: capitals}).Render(geo.Fit(bound, 1920, 1080, 1))
}

func BenchmarkSnapshotEncodePNG(b *testing.B) {
	for _, view := range []string{"world", "sahel"} {
		b.Run(view, func(b *testing.B) {
			img := benchmarkFrame(b, view)
			var buf bytes.Buffer
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				buf.Reset()
				if err := encodePNG(&buf, img); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len()), "bytes")
		})
	}
}

// BenchmarkSnapshotSahel is the whole command but for process start and
// the first load of the atlas: parse, render (no cached base), encode, and
// write the file with fsync and rename.
func BenchmarkSnapshotSahel(b *testing.B) {
	benchmarkFrame(b, "sahel") // load the atlas and gazetteer once
	file := filepath.Join(b.TempDir(), "map.png")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if status, _, stderr := runSnapshotBench("-o", file, "--view", "-25,-5,50,50"); status != ExitOK {
			b.Fatalf("status %d: %s", status, stderr)
		}
	}
}

func runSnapshotBench(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	status := runSnapshot(args, &out, &errb)
	return status, out.String(), errb.String()
}

func TestSnapshotFileMode(t *testing.T) {
	file := filepath.Join(t.TempDir(), "map.png")
	if status, _, stderr := runSnapshotCLI(t, "-o", file, "--size", "16x16"); status != ExitOK {
		t.Fatalf("status %d, stderr %q", status, stderr)
	}
	st, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	// Readable by others unless the umask forbids it, like os.Create.
	ref := filepath.Join(t.TempDir(), "ref")
	f, err := os.Create(ref)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	want, _ := os.Stat(ref)
	if st.Mode().Perm() != want.Mode().Perm() {
		t.Errorf("mode %v, want %v as os.Create gives", st.Mode().Perm(), want.Mode().Perm())
	}
}
