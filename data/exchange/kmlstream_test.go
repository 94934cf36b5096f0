package exchange

import (
	"fmt"
	"io"
	"strings"
	"testing"
)

// kmlPlacemark is a dated point placemark with an id.
func kmlPlacemark(id, when string) string {
	return fmt.Sprintf(`<Placemark id=%q><name>Event %s</name><TimeStamp><when>%s</when></TimeStamp><Point><coordinates>-1.6,14.1</coordinates></Point></Placemark>`,
		id, id, when)
}

func kmlDocument(placemarks ...string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>` + strings.Join(placemarks, "") + `</Document></kml>`
}

// TestKMLStreamMatchesWholeImport: KML read as a stream gives the events,
// problems and errors the whole read gives, zipped (KMZ) or not.
func TestKMLStreamMatchesWholeImport(t *testing.T) {
	for _, tc := range []struct {
		name, file, in string
		opts           Options
	}{
		{"placemarks", "a.kml", kmlDocument(kmlPlacemark("a", "2025-05-16"), kmlPlacemark("b", "2025-05"), kmlPlacemark("c", "2024")), Options{}},
		{"a repeated id, skipped", "a.kml", kmlDocument(kmlPlacemark("a", "2025-05-16"), kmlPlacemark("a", "2025-05-17"), kmlPlacemark("b", "2025-05-18")), Options{SkipInvalid: true}},
		{"an implausible date", "a.kml", kmlDocument(kmlPlacemark("a", "1850-01-01"), kmlPlacemark("b", "2025-05-18")), Options{SkipInvalid: true}},
		{"no kml element", "a.kml", `<Document>` + kmlPlacemark("a", "2025-05-16") + `</Document>`, Options{}},
		{"cut short", "a.kml", kmlDocument(kmlPlacemark("a", "2025-05-16"), kmlPlacemark("b", "2025-05-18"))[:300], Options{}},
		{"zipped", "a.kmz", string(kmz(t, map[string]string{"doc.kml": kmlDocument(kmlPlacemark("a", "2025-05-16"), kmlPlacemark("b", "2025-05-18"))})), Options{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := []byte(tc.in)
			sameAsWhole(t, in, tc.file, tc.opts)
		})
	}
}

// kmlLines is a KML document of n placemarks made as it is read.
func kmlLines(n int) *madeFile {
	return &madeFile{head: `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>`, tail: "</Document></kml>", n: n,
		part: func(buf []byte, i int) []byte { return append(buf, kmlPlacemark(fmt.Sprint("e", i), madeDate(i))...) }}
}

// TestKMLStreamMemoryBounded: streaming KML holds a placemark, a batch and
// the ids seen, not the file.
func TestKMLStreamMemoryBounded(t *testing.T) {
	small, nSmall := peakLiveHeap(t, kmlLines(10_000), "a.kml")
	large, nLarge := peakLiveHeap(t, kmlLines(100_000), "a.kml")
	if nSmall != 10_000 || nLarge != 100_000 {
		t.Fatalf("%d and %d events passed", nSmall, nLarge)
	}
	if large > small+24<<20 {
		t.Errorf("100,000 placemarks took %d MiB of heap at most, 10,000 %d MiB: memory grows with the file", large>>20, small>>20)
	}
	t.Logf("peak live heap %d KiB for 10,000 placemarks, %d KiB for 100,000", small>>10, large>>10)
}

// BenchmarkImportKML reads 100,000 placemarks whole and as a stream.
func BenchmarkImportKML(b *testing.B) {
	in, err := io.ReadAll(kmlLines(100_000))
	if err != nil {
		b.Fatal(err)
	}
	benchWholeAndStream(b, in, "a.kml", 100_000)
}
