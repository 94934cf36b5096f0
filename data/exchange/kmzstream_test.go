package exchange

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
)

// zipInOrder zips files named and holding what names and bodies say, in
// that order, deflated (stored when store).
func zipInOrder(t testing.TB, store bool, namesAndBodies ...string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	method := zip.Deflate
	if store {
		method = zip.Store
	}
	for i := 0; i+1 < len(namesAndBodies); i += 2 {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: namesAndBodies[i], Method: method})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(namesAndBodies[i+1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestKMZStreamMatchesWholeImport: a KMZ read as a stream, from its first
// entry when that is doc.kml and whole otherwise, gives the events,
// problems, notes and errors the whole read gives.
func TestKMZStreamMatchesWholeImport(t *testing.T) {
	doc := kmlDocument(kmlPlacemark("a", "2025-05-16"), kmlPlacemark("b", "2025-05-18"))
	other := kmlDocument(kmlPlacemark("c", "2025-05-16"))
	twice := kmlDocument(kmlPlacemark("a", "2025-05-16"), kmlPlacemark("a", "2025-05-17"), kmlPlacemark("b", "1850-01-01"))
	for _, tc := range []struct {
		name string
		in   []byte
		opts Options
	}{
		{"doc.kml first", zipInOrder(t, false, "doc.kml", doc, "files/icon.png", "\x89PNG"), Options{}},
		{"doc.kml first, a BOM", zipInOrder(t, false, "doc.kml", "\uFEFF"+doc), Options{}},
		{"Doc.KML first", zipInOrder(t, false, "Doc.KML", doc), Options{}},
		{"doc.kml first, problems skipped", zipInOrder(t, false, "doc.kml", twice), Options{SkipInvalid: true}},
		{"doc.kml first, problems refused", zipInOrder(t, false, "doc.kml", twice), Options{}},
		{"doc.kml first, cut short", zipInOrder(t, false, "doc.kml", doc[:300]), Options{}},
		{"another kml before doc.kml (read whole)", zipInOrder(t, false, "a.kml", other, "doc.kml", doc), Options{}},
		{"one kml not named doc.kml (read whole)", zipInOrder(t, false, "a.kml", other), Options{}},
		{"doc.kml stored (read whole)", zipInOrder(t, true, "doc.kml", doc), Options{}},
		{"doc.kml in a folder (read whole)", zipInOrder(t, false, "files/doc.kml", doc), Options{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sameAsWhole(t, tc.in, "a.kmz", tc.opts)
		})
	}
}

// TestKMZStreamDamaged: a doc.kml whose bytes do not match its checksum,
// or whose compressed data is broken, fails a streamed import.
func TestKMZStreamDamaged(t *testing.T) {
	doc := kmlDocument(kmlPlacemark("a", "2025-05-16"), kmlPlacemark("b", "2025-05-18"))
	good := zipInOrder(t, false, "doc.kml", doc)
	sum := bytes.Clone(good)
	d := bytes.Index(sum, []byte("PK\x07\x08")) // Go writes the checksum after the data
	if d < 0 {
		t.Fatal("no data descriptor")
	}
	sum[d+4] ^= 0xFF
	at := 30 + len("doc.kml") + 5
	broken := bytes.Clone(good)
	broken[at] ^= 0xFF // a byte of the compressed data
	for _, tc := range []struct {
		name, want string
		in         []byte
	}{
		{"checksum", "a.kmz: doc.kml is damaged", sum},
		{"data", "a.kmz: doc.kml cannot be unpacked", broken},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := streamedAs(t, tc.in, "a.kmz", Options{})
			if err == nil {
				t.Fatal("a damaged doc.kml imported")
			}
			if !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "download the archive again") {
				t.Errorf("%v, want it to say %q and what to do", err, tc.want)
			}
			if n := strings.Count(err.Error(), "exchange:"); n != 1 {
				t.Errorf("%v: the package is named %d times, want once", err, n)
			}
		})
	}
}

// zippedKMLLines is a KMZ whose doc.kml holds n placemarks, made as it is
// read.
func zippedKMLLines(t testing.TB, kml io.Reader) io.Reader {
	pr, pw := io.Pipe()
	go func() {
		zw := zip.NewWriter(pw)
		fw, err := zw.Create("doc.kml")
		if err == nil {
			_, err = io.Copy(fw, kml)
		}
		if err == nil {
			err = zw.Close()
		}
		pw.CloseWithError(err)
	}()
	return pr
}

// TestKMZStreamMemoryBounded: streaming a KMZ holds a placemark, a batch
// and the ids seen, not the archive or its KML.
func TestKMZStreamMemoryBounded(t *testing.T) {
	small, nSmall := peakLiveHeap(t, zippedKMLLines(t, kmlLines(10_000)), "a.kmz")
	large, nLarge := peakLiveHeap(t, zippedKMLLines(t, kmlLines(100_000)), "a.kmz")
	if nSmall != 10_000 || nLarge != 100_000 {
		t.Fatalf("%d and %d events passed", nSmall, nLarge)
	}
	if large > small+24<<20 {
		t.Errorf("100,000 placemarks took %d MiB of heap at most, 10,000 %d MiB: memory grows with the file", large>>20, small>>20)
	}
	t.Logf("peak live heap %d KiB for 10,000 placemarks, %d KiB for 100,000", small>>10, large>>10)
}

// countingReader counts the bytes read from r.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// TestKMZStreamLargerThanCap: a KMZ larger than MaxFileSize (doc.kml
// first, then 300 MiB of other files, as a KMZ with photos or overlays
// holds) is read as a stream from its first bytes, the rest never read;
// a doc.kml unpacking to more than a cap asked for is refused.
func TestKMZStreamLargerThanCap(t *testing.T) {
	doc := zipInOrder(t, false, "doc.kml", kmlDocument(kmlPlacemark("a", "2025-05-16"), kmlPlacemark("b", "2025-05-18")))
	local := doc[:bytes.Index(doc, []byte("PK\x01\x02"))] // doc.kml's entry, without the directory
	const rest = 300 << 20
	in := &countingReader{r: io.MultiReader(bytes.NewReader(local), io.LimitReader(spaces{}, rest))}
	if _, n := peakLiveHeap(t, in, "a.kmz"); n != 2 {
		t.Errorf("%d events passed, want 2", n)
	}
	if in.n > 1<<20 {
		t.Errorf("%d bytes read, more than doc.kml's entry", in.n)
	}
	many, err := io.ReadAll(kmlLines(1000))
	if err != nil {
		t.Fatal(err)
	}
	small := zipInOrder(t, false, "doc.kml", string(many))
	_, _, err = streamedAs(t, small, "a.kmz", Options{MaxFileSize: int64(len(small))})
	if err == nil || !strings.Contains(err.Error(), "a.kmz:doc.kml is larger than") {
		t.Errorf("a doc.kml over the cap asked for: %v", err)
	}
}
