package exchange

import (
	"fmt"
	"io"
	"strings"
	"testing"
)

// gjPoint is a GeoJSON point feature with an id, a title and a start.
func gjPoint(id, start string) string {
	return fmt.Sprintf(`{"type":"Feature","id":%q,"geometry":{"type":"Point","coordinates":[-1.6,14.1]},"properties":{"title":"Event %s","start":%q,"kind":"attack","actors":["JNIM"]}}`,
		id, id, start)
}

func gjCollection(features ...string) string {
	return `{"type":"FeatureCollection","features":[` + strings.Join(features, ",") + `]}`
}

// TestGeoJSONStreamMatchesWholeImport: GeoJSON read as a stream gives the
// events, problems and errors the whole read gives.
func TestGeoJSONStreamMatchesWholeImport(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   string
		opts Options
	}{
		{"points", gjCollection(gjPoint("a", "2025-05-16"), gjPoint("b", "2025-05"), gjPoint("c", "2024")), Options{}},
		{"a repeated id, skipped", gjCollection(gjPoint("a", "2025-05-16"), gjPoint("a", "2025-05-17"), gjPoint("b", "2025-05-18")), Options{SkipInvalid: true}},
		{"a repeated id, refused", gjCollection(gjPoint("a", "2025-05-16"), gjPoint("a", "2025-05-17")), Options{}},
		{"an implausible date", gjCollection(gjPoint("a", "1850-01-01"), gjPoint("b", "2025-05-18")), Options{SkipInvalid: true}},
		{"type last", `{"features":[` + gjPoint("a", "2025-05-16") + `],"type":"FeatureCollection"}`, Options{}},
		{"a lone feature", gjPoint("a", "2025-05-16"), Options{}},
		{"not a collection", `{"type":"Topology","features":[` + gjPoint("a", "2025-05-16") + `]}`, Options{}},
		{"cut short", gjCollection(gjPoint("a", "2025-05-16"), gjPoint("b", "2025-05-18"))[:300], Options{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := []byte(tc.in)
			sameAsWhole(t, in, "a.geojson", tc.opts)
		})
	}
}

// gjLines is a FeatureCollection of n point features made as it is read.
func gjLines(n int) *madeFile {
	return &madeFile{head: `{"type":"FeatureCollection","features":[`, tail: "]}", n: n,
		part: func(buf []byte, i int) []byte {
			if i > 0 {
				buf = append(buf, ',')
			}
			return append(buf, gjPoint(fmt.Sprint("e", i), madeDate(i))...)
		}}
}

// TestGeoJSONStreamMemoryBounded: streaming GeoJSON holds a feature, a
// batch and the ids seen, not the file.
func TestGeoJSONStreamMemoryBounded(t *testing.T) {
	small, nSmall := peakLiveHeap(t, gjLines(10_000), "a.geojson")
	large, nLarge := peakLiveHeap(t, gjLines(100_000), "a.geojson")
	if nSmall != 10_000 || nLarge != 100_000 {
		t.Fatalf("%d and %d events passed", nSmall, nLarge)
	}
	if large > small+24<<20 {
		t.Errorf("100,000 features took %d MiB of heap at most, 10,000 %d MiB: memory grows with the file", large>>20, small>>20)
	}
	t.Logf("peak live heap %d KiB for 10,000 features, %d KiB for 100,000", small>>10, large>>10)
}

// TestValueCap: a value larger than the cap fails the read; each reset
// allows the cap again.
func TestValueCap(t *testing.T) {
	c := &valueCap{r: strings.NewReader(strings.Repeat("x", 5<<20)), max: 2 << 20, what: "a feature"}
	c.reset()
	buf := make([]byte, 1500<<10)
	for i, want := range []int{1500 << 10, 548 << 10, 0} {
		n, err := c.Read(buf)
		if n != want || (want == 0) != (err != nil) {
			t.Fatalf("read %d: %d bytes, %v; want %d", i, n, err, want)
		}
		if err != nil && err.Error() != "a feature is larger than 2 MiB" {
			t.Errorf("error %q", err)
		}
	}
	c.reset()
	if n, err := c.Read(buf); n != 1500<<10 || err != nil {
		t.Errorf("after reset: %d bytes, %v", n, err)
	}
}

// BenchmarkImportGeoJSON reads 100,000 point features whole and as a
// stream.
func BenchmarkImportGeoJSON(b *testing.B) {
	in, err := io.ReadAll(gjLines(100_000))
	if err != nil {
		b.Fatal(err)
	}
	benchWholeAndStream(b, in, "a.geojson", 100_000)
}
