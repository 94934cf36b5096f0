package cli

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/store"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
	"github.com/sahelatlas/sahelatlas/geo/render"
	"github.com/sahelatlas/sahelatlas/geo/scene"
)

// runSnapshotCLI runs "sahelatlas snapshot ARGS..." through Run.
func runSnapshotCLI(t *testing.T, args ...string) (status int, stdout, stderr string) {
	t.Helper()
	// Remembered settings go to a folder of the test's own.
	if !strings.HasPrefix(os.Getenv("XDG_CONFIG_HOME"), os.TempDir()) {
		t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	}
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
			// The map is drawn: some of every view here is sea.
			if !hasColour(img, render.ColourSea) {
				t.Errorf("no pixel of the sea's colour")
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
		{"no -o", func(string) []string { return []string{"--view", "mali"} }, "-o FILE is required"},
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
			return []string{"-o", sub, "--size", "32x32", "--format", "png"}
		}, "cannot write"},
		{"bad from", func(d string) []string { return []string{"-o", filepath.Join(d, "m.png"), "--from", "2025-13-01"} }, "--from"},
		{"to before from", func(d string) []string {
			return []string{"-o", filepath.Join(d, "m.png"), "--from", "2025-05-01", "--to", "2025-04-01"}
		}, "before"},
		{"every without window", func(d string) []string { return []string{"-o", filepath.Join(d, "m.pdf"), "--every", "month"} }, "--every needs"},
		{"bad step", func(d string) []string {
			return []string{"-o", filepath.Join(d, "m.pdf"), "--every", "year", "--from", "2025-01-01", "--to", "2025-12-31"}
		}, "year"},
		{"svg series", func(d string) []string {
			return []string{"-o", filepath.Join(d, "m.svg"), "--every", "month", "--from", "2025-01-01", "--to", "2025-12-31"}
		}, "not an SVG"},
		{"too many frames", func(d string) []string {
			return []string{"-o", filepath.Join(d, "m.gif"), "--every", "day", "--from", "2000-01-01", "--to", "2025-12-31"}
		}, "more than 1000 frames"},
		{"unknown extension", func(d string) []string { return []string{"-o", filepath.Join(d, "m.jpg")} }, ".jpg"},
		{"bad format", func(d string) []string { return []string{"-o", filepath.Join(d, "m.png"), "--format", "tiff"} }, "tiff"},
		{"bad paper", func(d string) []string { return []string{"-o", filepath.Join(d, "m.png"), "--paper", "b5"} }, "b5"},
		{"bad svg text", func(d string) []string { return []string{"-o", filepath.Join(d, "m.svg"), "--svg-text", "fonts"} }, "--svg-text \"fonts\": use outlines or editable"},
		{"size and paper", func(d string) []string {
			return []string{"-o", filepath.Join(d, "m.png"), "--paper", "a4", "--size", "10x10"}
		}, "not both"},
		{"world file with svg", func(d string) []string { return []string{"-o", filepath.Join(d, "m.svg"), "--world-file"} }, "world file"},
		{"bad kind", func(d string) []string { return []string{"-o", filepath.Join(d, "m.png"), "--kind", "picnic"} }, "picnic"},
		{"bad actor", func(d string) []string { return []string{"-o", filepath.Join(d, "m.png"), "--actor", "nobody"} }, "nobody"},
		{"frames into a file", func(d string) []string {
			f := filepath.Join(d, "frames")
			if err := os.WriteFile(f, nil, 0o644); err != nil {
				panic(err)
			}
			return []string{"-o", f, "--every", "month", "--from", "2025-01-01", "--to", "2025-02-28", "--size", "32x32"}
		}, "must name a folder"},
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

// hasColour reports whether some pixel of img is exactly c.
func hasColour(img image.Image, c color.RGBA) bool {
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			if color.RGBAModel.Convert(img.At(x, y)) == c {
				return true
			}
		}
	}
	return false
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
	capitals, err := data.BundledCapitals()
	if err != nil {
		b.Fatal(err)
	}
	return render.New(atlas, render.Options{Capitals: scene.Capitals(capitals)}).Render(nil, geo.Fit(bound, 1920, 1080, 1))
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
				if err := draw.EncodePNG(&buf, img); err != nil {
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
	status, _ := Run(append([]string{"snapshot"}, args...), &out, &errb)
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

// Without --from and --to a snapshot shows the whole span of the data.
func TestSnapshotDefaultWindow(t *testing.T) {
	first, last := bundledSpan(t)
	file := filepath.Join(t.TempDir(), "map.png")
	status, stdout, stderr := runSnapshotCLI(t, "-o", file, "--size", "320x180")
	if status != ExitOK {
		t.Fatalf("status %d, stderr %q", status, stderr)
	}
	if want := first.String() + " to " + last.String(); !strings.Contains(stdout, want) {
		t.Errorf("stdout %q does not give the window %s", stdout, want)
	}
}

// The caveat is remembered from one snapshot to the next until changed.
func TestSnapshotRemembersCaveat(t *testing.T) {
	dir := t.TempDir()
	steps := []struct {
		args []string
		want string // in the PDF; "" for no caveat
	}{
		{nil, ""},
		{[]string{"--caveat", "SECRET // TRAINING"}, "SECRET // TRAINING"},
		{nil, "SECRET // TRAINING"},
		{[]string{"--caveat", ""}, ""},
		{nil, ""},
	}
	for i, st := range steps {
		file := filepath.Join(dir, fmt.Sprintf("m%d.pdf", i))
		args := append([]string{"-o", file, "--from", "2025-09-01", "--to", "2025-09-30"}, st.args...)
		if status, _, stderr := runSnapshotCLI(t, args...); status != ExitOK {
			t.Fatalf("step %d: status %d, stderr %q", i, status, stderr)
		}
		text := pdfText(t, file)
		if st.want != "" && !strings.Contains(text, st.want) {
			t.Errorf("step %d %v: no caveat %q in the PDF", i, st.args, st.want)
		}
		if st.want == "" && strings.Contains(text, "TRAINING") {
			t.Errorf("step %d %v: a caveat is written but none should be", i, st.args)
		}
	}
}

// --no-legend and the other --no flags leave their element out.
func TestSnapshotHidesElements(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "m.svg")
	status, _, stderr := runSnapshotCLI(t, "-o", file, "--from", "2025-09-01", "--to", "2025-09-30",
		"--no-legend", "--no-scale", "--no-north", "--no-credits", "--no-timestamp", "--no-event-list")
	if status != ExitOK {
		t.Fatalf("status %d, stderr %q", status, stderr)
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"legend", "scale", "north", "credits", "made-at", "caveat", "event-list", "event-numbers"} {
		if bytes.Contains(b, []byte(`<g id="`+id+`"`)) {
			t.Errorf("group %q drawn though turned off", id)
		}
	}
	if !bytes.Contains(b, []byte(`<g id="titles"`)) {
		t.Error("the titles are missing")
	}
}

// --store draws the annotations of the window.
func TestSnapshotAnnotations(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "work.db")
	st, _, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Add(data.Annotation{Geometry: orb.Point{-8, 12.65}, Title: "Checkpoint Bamako"}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	file := filepath.Join(dir, "m.svg")
	if status, _, stderr := runSnapshotCLI(t, "-o", file, "--store", path, "--svg-text", "editable"); status != ExitOK {
		t.Fatalf("status %d, stderr %q", status, stderr)
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte("Checkpoint Bamako")) || !bytes.Contains(b, []byte(">annotation</text>")) {
		t.Error("the annotation or its legend row is not in the SVG")
	}
}

// bundledSpan is the span of the bundled dataset's dated events.
func bundledSpan(t *testing.T) (first, last data.Date) {
	t.Helper()
	d, err := data.LoadBundled()
	if err != nil {
		t.Fatal(err)
	}
	return d.Span()
}
