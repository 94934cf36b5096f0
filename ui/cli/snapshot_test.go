package cli

import (
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/project"
	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/store"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
	"github.com/sahelatlas/sahelatlas/geo/layout"
	"github.com/sahelatlas/sahelatlas/geo/overlay"
	"github.com/sahelatlas/sahelatlas/geo/render"
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
		{"help", func(string) []string { return []string{"-h"} }, "usage"},
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
	capitals, err := data.BundledCapitals()
	if err != nil {
		b.Fatal(err)
	}
	return render.New(atlas, render.Options{Capitals: Capitals(capitals)}).Render(geo.Fit(bound, 1920, 1080, 1))
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

var (
	sceneOnce   sync.Once
	sharedScene *Scene
	sceneErr    error
)

// testScene is the bundled scene, loaded once for the package's tests.
func testScene(t testing.TB) *Scene {
	t.Helper()
	sceneOnce.Do(func() { sharedScene, sceneErr = LoadScene() })
	if sceneErr != nil {
		t.Fatal(sceneErr)
	}
	return sharedScene
}

// near reports whether colours a and b differ by at most d in each channel.
func near(a, b color.RGBA, d int) bool {
	diff := func(x, y uint8) bool { return int(x)-int(y) <= d && int(y)-int(x) <= d }
	return diff(a.R, b.R) && diff(a.G, b.G) && diff(a.B, b.B)
}

// Issue 4 item 9: April 2025 shows Koné's Bamako→Port Sudan visit as an
// arc, drawn in the visit colour; March does not.
func TestSnapshotWindowDrawsVisit(t *testing.T) {
	s := testScene(t)
	bamako, portSudan := s.Data.Place("bamako").Point, s.Data.Place("port-sudan").Point
	for _, tc := range []struct {
		from, to data.Date
		want     bool
	}{
		{data.D(2025, 4, 1), data.D(2025, 4, 30), true},
		{data.D(2025, 3, 1), data.D(2025, 3, 31), false},
	} {
		o, err := Snapshot{From: tc.from, To: tc.to}.complete(s, "map.png")
		if err != nil {
			t.Fatal(err)
		}
		f, err := newFramer(s, o)
		if err != nil {
			t.Fatal(err)
		}
		img, v, frame := f.raster(o.From, o.To)
		bx, by := v.Project(bamako)
		px, py := v.Project(portSudan)
		var found *overlay.Arc
		for _, a := range f.layers.Visits.Arcs(v) {
			if math.Hypot(a.From[0]-bx, a.From[1]-by) < 20 && math.Hypot(a.Tip[0]-px, a.Tip[1]-py) < 20 {
				found = &a
			}
		}
		if (found != nil) != tc.want {
			t.Errorf("%s–%s: Bamako→Port Sudan arc drawn = %v, want %v", tc.from, tc.to, found != nil, tc.want)
			continue
		}
		if found == nil {
			continue
		}
		mid := found.Line[len(found.Line)/2]
		coloured := false
		for dy := -3; dy <= 3 && !coloured; dy++ {
			for dx := -3; dx <= 3 && !coloured; dx++ {
				x, y := frame.Min.X+int(mid[0])+dx, frame.Min.Y+int(mid[1])+dy
				coloured = near(img.RGBAAt(x, y), overlay.VisitColour, 30)
			}
		}
		if !coloured {
			t.Errorf("no pixel of the visit colour %v near the arc's middle %v", overlay.VisitColour, mid)
		}
	}
}

// Without --from and --to a snapshot shows the whole span of the data.
func TestSnapshotDefaultWindow(t *testing.T) {
	first, last := DataSpan(testScene(t).Data)
	file := filepath.Join(t.TempDir(), "map.png")
	status, stdout, stderr := runSnapshotCLI(t, "-o", file, "--size", "320x180")
	if status != ExitOK {
		t.Fatalf("status %d, stderr %q", status, stderr)
	}
	if want := first.String() + " to " + last.String(); !strings.Contains(stdout, want) {
		t.Errorf("stdout %q does not give the window %s", stdout, want)
	}
}

// pdfText is what pdftotext reads from pages first–last of file.
func pdfText(t *testing.T, file string, pages ...int) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (Debian's poppler-utils) is not installed")
	}
	args := []string{file, "-"}
	if len(pages) == 2 {
		args = append([]string{"-f", strconv.Itoa(pages[0]), "-l", strconv.Itoa(pages[1])}, args...)
	}
	out, err := exec.Command(bin, args...).Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", file, err)
	}
	return string(out)
}

// pdfPages is the page count pdfinfo reads from file.
func pdfPages(t *testing.T, file string) int {
	t.Helper()
	bin, err := exec.LookPath("pdfinfo")
	if err != nil {
		t.Skip("pdfinfo (Debian's poppler-utils) is not installed")
	}
	out, err := exec.Command(bin, file).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", file, err)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if rest, ok := strings.CutPrefix(line, "Pages:"); ok {
			n, _ := strconv.Atoi(strings.TrimSpace(rest))
			return n
		}
	}
	t.Fatalf("pdfinfo gives no page count:\n%s", out)
	return 0
}

// The briefer's single snapshots: September 2025 as PNG, SVG and PDF,
// titled, caveated and credited.
func TestSnapshotFormats(t *testing.T) {
	dir := t.TempDir()
	common := []string{"--from", "2025-09-01", "--to", "2025-09-30", "--title", "Sahel in September",
		"--caveat", "UNCLASSIFIED // FOR TRAINING"}
	run := func(args ...string) {
		t.Helper()
		if status, _, stderr := runSnapshotCLI(t, append(args, common...)...); status != ExitOK {
			t.Fatalf("%v: status %d, stderr %q", args, status, stderr)
		}
	}

	t.Run("png", func(t *testing.T) {
		for _, tc := range []struct {
			args          []string
			width, height int
			dpi           float64
		}{
			{nil, 1920, 1080, 96},
			{[]string{"--paper", "a4"}, 3508, 2480, 300},
			{[]string{"--size", "800x450", "--dpi", "150"}, 800, 450, 150},
		} {
			file := filepath.Join(dir, "sep.png")
			run(append([]string{"-o", file}, tc.args...)...)
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			cfg, err := png.DecodeConfig(bytes.NewReader(b))
			if err != nil || cfg.Width != tc.width || cfg.Height != tc.height {
				t.Errorf("%v: PNG %dx%d (err %v), want %dx%d", tc.args, cfg.Width, cfg.Height, err, tc.width, tc.height)
			}
			if x, y, ok := pngDPI(b); !ok || math.Abs(x-tc.dpi) > 0.05 || math.Abs(y-tc.dpi) > 0.05 {
				t.Errorf("%v: pHYs %g×%g dpi (found %v), want %g", tc.args, x, y, ok, tc.dpi)
			}
		}
	})

	t.Run("svg", func(t *testing.T) {
		file := filepath.Join(dir, "sep.svg")
		run("-o", file)
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		paths, texts := 0, []string{}
		dec := xml.NewDecoder(bytes.NewReader(b))
		inText := false
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("SVG is not well-formed XML: %v", err)
			}
			switch el := tok.(type) {
			case xml.StartElement:
				paths += boolInt(el.Name.Local == "path")
				inText = el.Name.Local == "text"
			case xml.CharData:
				if inText {
					texts = append(texts, string(el))
				}
			case xml.EndElement:
				inText = false
			}
		}
		if paths < 20 {
			t.Errorf("%d <path> elements: countries and arcs should be paths", paths)
		}
		joined := strings.Join(texts, "|")
		for _, want := range []string{"Sahel in September", "1–30 Sep 2025", "UNCLASSIFIED // FOR TRAINING", "Natural Earth", "GeoNames", "Legend", "Bamako"} {
			if !strings.Contains(joined, want) {
				t.Errorf("no <text> holding %q", want)
			}
		}
	})

	t.Run("pdf", func(t *testing.T) {
		for _, paper := range []string{"a4", "slide", "letter", "a3"} {
			file := filepath.Join(dir, "sep-"+paper+".pdf")
			run("-o", file, "--paper", paper)
			text := pdfText(t, file)
			for _, want := range []string{"Sahel in September", "1–30 Sep 2025", "UNCLASSIFIED // FOR TRAINING", "Natural Earth", "GeoNames", "Made "} {
				if !strings.Contains(text, want) {
					t.Errorf("%s: pdftotext finds no %q", paper, want)
				}
			}
			if strings.Count(text, "UNCLASSIFIED // FOR TRAINING") != 2 {
				t.Errorf("%s: the caveat should be written twice, top and bottom", paper)
			}
			if n := pdfPages(t, file); n != 1 {
				t.Errorf("%s: %d pages, want 1", paper, n)
			}
		}
	})
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// pngDPI reads a PNG's pHYs chunk as dots per inch.
func pngDPI(b []byte) (x, y float64, ok bool) {
	for i := 8; i+12 <= len(b); {
		n := int(binary.BigEndian.Uint32(b[i:]))
		if string(b[i+4:i+8]) == "pHYs" && n == 9 && b[i+16] == 1 {
			return float64(binary.BigEndian.Uint32(b[i+8:])) * 0.0254, float64(binary.BigEndian.Uint32(b[i+12:])) * 0.0254, true
		}
		i += 12 + n
	}
	return 0, 0, false
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

// The world file's six numbers place the map's pixels in Web Mercator.
func TestSnapshotWorldFile(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "sep.png")
	if status, _, stderr := runSnapshotCLI(t, "-o", file, "--world-file", "--size", "960x540", "--no-credits", "--no-timestamp"); status != ExitOK {
		t.Fatalf("status %d, stderr %q", status, stderr)
	}
	b, err := os.ReadFile(filepath.Join(dir, "sep.pgw"))
	if err != nil {
		t.Fatal(err)
	}
	var got []float64
	for _, f := range strings.Fields(string(b)) {
		n, err := strconv.ParseFloat(f, 64)
		if err != nil {
			t.Fatalf("world file line %q: %v", f, err)
		}
		got = append(got, n)
	}
	// The same page drawn here: its frame and viewport.
	s := testScene(t)
	o, err := Snapshot{Width: 960, Height: 540, Layout: layout.Options{Title: "Sahel Atlas: Sahel", Hide: layout.Credits | layout.MadeAt}}.complete(s, file)
	if err != nil {
		t.Fatal(err)
	}
	f, err := newFramer(s, o)
	if err != nil {
		t.Fatal(err)
	}
	_, v, frame := f.raster(o.From, o.To)
	// Independently of layout.WorldFile: the frame's top-left corner is
	// the viewport's top-left corner, projected to Web Mercator.
	corner := project.WGS84.ToMercator(v.Unproject(0, 0))
	res := 2 * math.Pi * orb.EarthRadius / (256 * math.Exp2(v.Zoom) * v.Scale)
	want := []float64{res, 0, 0, -res, corner[0] - (float64(frame.Min.X)-0.5)*res, corner[1] + (float64(frame.Min.Y)-0.5)*res}
	if len(got) != 6 {
		t.Fatalf("world file has %d numbers, want 6: %q", len(got), b)
	}
	for i := range want {
		if math.Abs(got[i]-want[i]) > 1e-6*math.Max(1, math.Abs(want[i])) {
			t.Errorf("world file = %v, want %v", got, want)
			break
		}
	}
	prj, err := os.ReadFile(filepath.Join(dir, "sep.prj"))
	if err != nil || !strings.Contains(string(prj), "Mercator_Auxiliary_Sphere") {
		t.Errorf(".prj is not Web Mercator: %q (%v)", prj, err)
	}
}

// The legend lists exactly the kinds of the symbols on the map.
func TestSnapshotLegendMatchesMap(t *testing.T) {
	s := testScene(t)
	for _, win := range [][2]data.Date{
		{data.D(2025, 4, 1), data.D(2025, 4, 30)},
		{data.D(2025, 9, 1), data.D(2025, 9, 30)},
		{data.D(2013, 1, 1), data.D(2025, 12, 31)},
	} {
		o, err := Snapshot{From: win[0], To: win[1], Format: FormatSVG}.complete(s, "m.svg")
		if err != nil {
			t.Fatal(err)
		}
		f, err := newFramer(s, o)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		c := draw.NewSVG(&buf, o.Width, o.Height)
		v, _ := f.draw(c, win[0], win[1])
		if err := c.Close(); err != nil {
			t.Fatal(err)
		}
		var legendKinds []string
		for _, it := range Legend(f.layers, nil, v) {
			if data.Kind(it.Label).Valid() {
				legendKinds = append(legendKinds, it.Label)
			}
		}
		var mapKinds []string
		for _, k := range f.layers.Events.KindsInView(v) {
			mapKinds = append(mapKinds, string(k))
		}
		if strings.Join(legendKinds, ",") != strings.Join(mapKinds, ",") {
			t.Errorf("%s–%s: legend kinds %v, map kinds %v", win[0], win[1], legendKinds, mapKinds)
		}
		// And the SVG's legend group writes them.
		var doc struct {
			G []struct {
				ID    string   `xml:"id,attr"`
				Texts []string `xml:"text"`
			} `xml:"g"`
		}
		if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		var texts []string
		for _, g := range doc.G {
			if g.ID == "legend" {
				texts = g.Texts
			}
		}
		for _, k := range mapKinds {
			if !slices.Contains(texts, k) {
				t.Errorf("%s–%s: the SVG legend %q does not write %q", win[0], win[1], texts, k)
			}
		}
	}
}

// --no-legend and the other --no flags leave their element out.
func TestSnapshotHidesElements(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "m.svg")
	status, _, stderr := runSnapshotCLI(t, "-o", file, "--from", "2025-09-01", "--to", "2025-09-30",
		"--no-legend", "--no-scale", "--no-north", "--no-credits", "--no-timestamp")
	if status != ExitOK {
		t.Fatalf("status %d, stderr %q", status, stderr)
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"legend", "scale", "north", "credits", "made-at", "caveat"} {
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
	if status, _, stderr := runSnapshotCLI(t, "-o", file, "--store", path); status != ExitOK {
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

// benchScene is the bundled scene with 100,000 synthetic events instead of
// the bundled ones (seed 1, lon −18..40, lat 0..40): the performance
// budget's data set.
func benchScene(b *testing.B) *Scene {
	b.Helper()
	s := *testScene(b)
	s.Data = data.SyntheticEvents(100_000, 1)
	return &s
}

// BenchmarkSnapshotExport writes the Sahel view (lon −25..50, lat −5..50)
// at 1920×1080 with 100,000 events, every one in the window, as the
// command does: layers set, page laid out, map drawn in its frame, legend,
// encoded and written with fsync and rename. bytes is the file's size.
func BenchmarkSnapshotExport(b *testing.B) {
	s := benchScene(b)
	bound, err := geo.ViewBound("-25,-5,50,50", s.Atlas)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	for _, f := range []Format{FormatPNG, FormatSVG, FormatPDF} {
		b.Run(string(f), func(b *testing.B) {
			file := filepath.Join(dir, "sahel."+string(f))
			o := Snapshot{Width: 1920, Height: 1080, Bound: bound, From: data.D(2000, 1, 1), To: data.D(2025, 12, 31),
				Layout: layout.Options{Title: "Sahel", Caveat: "UNCLASSIFIED // FOR TRAINING"}}
			if err := WriteSnapshot(s, file, o); err != nil { // warm the atlas's projection caches
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if err := WriteSnapshot(s, file, o); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			if st, err := os.Stat(file); err == nil {
				b.ReportMetric(float64(st.Size()), "bytes")
			}
		})
	}
}

// The preview the Export dialog shows is the PNG the export writes.
func TestRenderSnapshotMatchesPNG(t *testing.T) {
	s := testScene(t)
	b, err := geo.ViewBound("sahel", s.Atlas)
	if err != nil {
		t.Fatal(err)
	}
	o := Snapshot{Width: 640, Height: 360, Bound: b, From: data.D(2025, 9, 1), To: data.D(2025, 9, 30),
		Layout: layout.Options{Title: "Preview", Caveat: "UNCLASSIFIED", MadeAt: time.Date(2025, 10, 1, 12, 0, 0, 0, time.UTC)}}
	img, err := RenderSnapshot(s, o)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "sahel.png")
	if err := WriteSnapshot(s, path, o); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	written, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if img.Bounds() != written.Bounds() {
		t.Fatalf("preview %v, written %v", img.Bounds(), written.Bounds())
	}
	for y := 0; y < img.Bounds().Dy(); y++ {
		for x := 0; x < img.Bounds().Dx(); x++ {
			r1, g1, b1, a1 := img.At(x, y).RGBA()
			r2, g2, b2, a2 := written.At(x, y).RGBA()
			if r1 != r2 || g1 != g2 || b1 != b2 || a1 != a2 {
				t.Fatalf("preview and PNG differ at %d,%d", x, y)
			}
		}
	}
}
