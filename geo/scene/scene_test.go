package scene

import (
	"bytes"
	"encoding/xml"
	"image/color"
	"image/png"
	"math"
	"os"
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
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
	"github.com/sahelatlas/sahelatlas/geo/layout"
	"github.com/sahelatlas/sahelatlas/geo/overlay"
)

var (
	sceneOnce   sync.Once
	sharedScene *Scene
	sceneErr    error
)

// testScene is the bundled scene, loaded once for the package's tests.
func testScene(t testing.TB) *Scene {
	t.Helper()
	sceneOnce.Do(func() { sharedScene, sceneErr = Load() })
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
		o, err := Snapshot{From: tc.from, To: tc.to}.Complete(s, "map.png")
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

// The world file's six numbers place the map's pixels in Web Mercator.
func TestSnapshotWorldFile(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "sep.png")
	s := testScene(t)
	o, err := Snapshot{Width: 960, Height: 540, WorldFile: true, Layout: layout.Options{Title: "Sahel Atlas: Sahel", Hide: layout.Credits | layout.MadeAt}}.Complete(s, file)
	if err != nil {
		t.Fatal(err)
	}
	if err := Write(s, file, o); err != nil {
		t.Fatal(err)
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
	// GDAL reads the coordinate system from the PNG's .aux.xml, whose
	// geotransform is the world file's moved from the pixel's centre to its
	// corner.
	aux, err := os.ReadFile(filepath.Join(dir, "sep.png.aux.xml"))
	if err != nil {
		t.Fatal(err)
	}
	var pam struct {
		SRS string `xml:"SRS"`
		GT  string `xml:"GeoTransform"`
	}
	if err := xml.Unmarshal(aux, &pam); err != nil || !strings.Contains(pam.SRS, `AUTHORITY["EPSG","3857"]`) {
		t.Errorf(".aux.xml has no EPSG:3857 coordinate system: %v\n%s", err, aux)
	}
	var gt []float64
	for _, f := range strings.Split(pam.GT, ",") {
		n, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
		if err != nil {
			t.Fatalf(".aux.xml geotransform %q: %v", pam.GT, err)
		}
		gt = append(gt, n)
	}
	wantGT := []float64{want[4] - res/2, res, 0, want[5] + res/2, 0, -res}
	for i := range wantGT {
		if len(gt) != 6 || math.Abs(gt[i]-wantGT[i]) > 1e-6*math.Max(1, math.Abs(wantGT[i])) {
			t.Fatalf(".aux.xml geotransform = %v, want %v", gt, wantGT)
		}
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
		o, err := Snapshot{From: win[0], To: win[1], Format: FormatSVG}.Complete(s, "m.svg")
		if err != nil {
			t.Fatal(err)
		}
		f, err := newFramer(s, o)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		c := draw.NewSVG(&buf, o.Width, o.Height)
		c.SetTextMode(draw.TextEditable) // the legend's words as <text>
		v, _ := f.draw(c, win[0], win[1])
		if err := c.Close(); err != nil {
			t.Fatal(err)
		}
		var legendKinds []string
		for _, it := range Legend(f.layers, nil, v) {
			if _, ok := data.ParseKind(it.Label); ok {
				legendKinds = append(legendKinds, it.Label)
			}
		}
		var mapKinds []string
		for _, k := range f.layers.Events.Legend(v).Kinds {
			mapKinds = append(mapKinds, k.String())
		}
		if strings.Join(legendKinds, ",") != strings.Join(mapKinds, ",") {
			t.Errorf("%s–%s: legend kinds %v, map kinds %v", win[0], win[1], legendKinds, mapKinds)
		}
		// And the SVG's legend group writes them.
		texts := svgGroupTexts(t, buf.Bytes(), "legend")
		for _, k := range mapKinds {
			if !slices.Contains(texts, k) {
				t.Errorf("%s–%s: the SVG legend %q does not write %q", win[0], win[1], texts, k)
			}
		}
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
			if err := Write(s, file, o); err != nil { // warm the atlas's projection caches
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if err := Write(s, file, o); err != nil {
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
	img, err := Render(s, o)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "sahel.png")
	if err := Write(s, path, o); err != nil {
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

func TestSeriesWindows(t *testing.T) {
	d := data.D
	cases := []struct {
		name     string
		from, to data.Date
		every    Step
		n        int
		first    [2]data.Date
		last     [2]data.Date
	}{
		{"months of 2025", d(2025, 1, 1), d(2025, 12, 31), StepMonth, 12,
			[2]data.Date{d(2025, 1, 1), d(2025, 1, 31)}, [2]data.Date{d(2025, 12, 1), d(2025, 12, 31)}},
		{"February of a leap year", d(2024, 2, 1), d(2024, 3, 10), StepMonth, 2,
			[2]data.Date{d(2024, 2, 1), d(2024, 2, 29)}, [2]data.Date{d(2024, 3, 1), d(2024, 3, 10)}},
		{"weeks, last one short", d(2025, 9, 1), d(2025, 9, 30), StepWeek, 5,
			[2]data.Date{d(2025, 9, 1), d(2025, 9, 7)}, [2]data.Date{d(2025, 9, 29), d(2025, 9, 30)}},
		{"days", d(2025, 2, 27), d(2025, 3, 2), StepDay, 4,
			[2]data.Date{d(2025, 2, 27), d(2025, 2, 27)}, [2]data.Date{d(2025, 3, 2), d(2025, 3, 2)}},
		{"one day", d(2025, 5, 5), d(2025, 5, 5), StepMonth, 1,
			[2]data.Date{d(2025, 5, 5), d(2025, 5, 5)}, [2]data.Date{d(2025, 5, 5), d(2025, 5, 5)}},
	}
	for _, tc := range cases {
		got, err := SeriesWindows(tc.from, tc.to, tc.every)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if len(got) != tc.n || got[0] != tc.first || got[len(got)-1] != tc.last {
			t.Errorf("%s: %d windows %v … %v, want %d %v … %v", tc.name, len(got), got[0], got[len(got)-1], tc.n, tc.first, tc.last)
		}
		for i := 1; i < len(got); i++ {
			if got[i][0] != got[i-1][1].AddDays(1) {
				t.Errorf("%s: window %d starts %s, not the day after %s", tc.name, i, got[i][0], got[i-1][1])
			}
		}
	}
	for _, bad := range []struct {
		from, to data.Date
		every    Step
		want     string
	}{
		{d(2025, 2, 1), d(2025, 1, 1), StepDay, "before"},
		{d(2025, 1, 1), d(2025, 12, 31), "year", "no step"},
		{d(2000, 1, 1), d(2025, 12, 31), StepDay, "more than"},
	} {
		if _, err := SeriesWindows(bad.from, bad.to, bad.every); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("SeriesWindows(%s, %s, %s) = %v, want an error about %q", bad.from, bad.to, bad.every, err, bad.want)
		}
	}
}

// The progress callback hears of every frame, in order.
func TestWriteSnapshotProgress(t *testing.T) {
	s := testScene(t)
	var done []int
	o := Snapshot{Width: 160, Height: 90, From: data.D(2025, 1, 1), To: data.D(2025, 3, 31), Every: StepMonth,
		Progress: func(d, total int) {
			if total != 3 {
				t.Errorf("total %d, want 3", total)
			}
			done = append(done, d)
		}}
	if err := Write(s, filepath.Join(t.TempDir(), "q1.gif"), o); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(done, []int{1, 2, 3}) {
		t.Errorf("progress %v, want [1 2 3]", done)
	}
}

// svgGroupTexts returns the <text> elements of the SVG's top-level group
// with the given id (the SVG written with editable text).
func svgGroupTexts(t *testing.T, svg []byte, id string) []string {
	t.Helper()
	var doc struct {
		G []struct {
			ID    string   `xml:"id,attr"`
			Texts []string `xml:"text"`
		} `xml:"g"`
	}
	if err := xml.Unmarshal(svg, &doc); err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, g := range doc.G {
		if g.ID == id {
			texts = g.Texts
		}
	}
	return texts
}
