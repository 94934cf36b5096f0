package exchange

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/sahelatlas/sahelatlas/data"
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
type kmlLines struct {
	n, i int
	buf  []byte
	done bool
}

func (g *kmlLines) Read(p []byte) (int, error) {
	if g.i == 0 && len(g.buf) == 0 && !g.done {
		g.buf = append(g.buf, `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>`...)
	}
	for len(g.buf) < len(p) && g.i < g.n {
		g.buf = append(g.buf, kmlPlacemark(fmt.Sprint("e", g.i), fmt.Sprintf("2024-%02d-%02d", 1+g.i/28%12, 1+g.i%28))...)
		g.i++
	}
	if g.i == g.n && !g.done {
		g.buf = append(g.buf, "</Document></kml>"...)
		g.done = true
	}
	if len(g.buf) == 0 {
		return 0, io.EOF
	}
	n := copy(p, g.buf)
	g.buf = g.buf[:copy(g.buf, g.buf[n:])]
	return n, nil
}

// TestKMLStreamMemoryBounded: streaming KML holds a placemark, a batch and
// the ids seen, not the file.
func TestKMLStreamMemoryBounded(t *testing.T) {
	small, nSmall := peakLiveHeap(t, &kmlLines{n: 10_000}, "a.kml")
	large, nLarge := peakLiveHeap(t, &kmlLines{n: 100_000}, "a.kml")
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
	in, err := io.ReadAll(&kmlLines{n: 100_000})
	if err != nil {
		b.Fatal(err)
	}
	for _, stream := range []bool{false, true} {
		b.Run(fmt.Sprintf("stream=%v", stream), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in)))
			for b.Loop() {
				n := 0
				opts := Options{}
				if stream {
					opts.Stream = func(r []data.Record) error { n += len(r); return nil }
				}
				res, err := Import(bytes.NewReader(in), "a.kml", opts)
				if err != nil || n+len(res.Records) != 100_000 {
					b.Fatal(n, err)
				}
			}
		})
	}
}
