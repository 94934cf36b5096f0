package exchange

import (
	"archive/zip"
	"bytes"
	"hash/crc32"
	"io"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/sahelatlas/sahelatlas/data"
)

// zipStored returns a zip archive holding one file stored (not deflated),
// its checksum given in its header as sum.
func zipStored(t *testing.T, name string, body []byte, sum uint32) []byte {
	t.Helper()
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	fw, err := w.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Store, CRC32: sum,
		CompressedSize64: uint64(len(body)), UncompressedSize64: uint64(len(body))})
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(body)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestGDELTStreamMatchesWholeImport: a GDELT file read as a stream gives
// what a store keeps of the whole read: the same events (the copy added
// last of a repeated one), problems and counts of rows left out.
func TestGDELTStreamMatchesWholeImport(t *testing.T) {
	v2 := readTestdata(t, "20250120143000.export.CSV")
	// A line dated 1850 among them, refused both ways.
	old := bytes.Replace(v2[:bytes.IndexByte(v2, '\n')+1], []byte("\t20250120\t"), []byte("\t18500120\t"), 1)
	old = bytes.Replace(old, []byte("1217480788"), []byte("1217480999"), 1)
	for _, tc := range []struct {
		name string
		in   []byte
		opts Options
	}{
		{"20250120143000.export.CSV", v2, Options{}},
		{"20130415.export.CSV", readTestdata(t, "20130415.export.CSV"), Options{}},
		{"1990.csv", readTestdata(t, "1990.csv"), Options{}},
		{"events2samps-excerpt.csv", readTestdata(t, "events2samps-excerpt.csv"), Options{}},
		{"20191024143000-excerpt.export.CSV", readTestdata(t, "20191024143000-excerpt.export.CSV"), Options{}},
		{"events-1982-2016-excerpt.csv", readTestdata(t, "events-1982-2016-excerpt.csv"), Options{}},
		{"filtered.export.CSV", v2, Options{GDELT: GDELTFilter{CAMEO: []string{"04"}, Countries: []string{"MLI"}}}},
		{"old.export.CSV", append(bytes.Clone(old), v2...), Options{SkipInvalid: true}},
		{"refused.export.CSV", append(bytes.Clone(old), v2...), Options{}},
		{"old twice.export.CSV", append(append(bytes.Clone(old), v2...), bytes.Replace(old, []byte("\t20250120143000\t"), []byte("\t20250120150000\t"), 1)...), Options{SkipInvalid: true}},
		{"20250120143000.export.CSV.zip", zipOf(t, [2]string{"20250120143000.export.CSV", string(v2)}), Options{}},
		{"stored.zip", zipStored(t, "20250120143000.export.CSV", v2, crc32.ChecksumIEEE(v2)), Options{}},
		{"second-entry.zip", zipOf(t, [2]string{"README.txt", "GDELT"}, [2]string{"20250120143000.export.CSV", string(v2)}), Options{Format: FormatGDELT}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			whole, werr := Import(bytes.NewReader(tc.in), tc.name, tc.opts)
			kept, res, serr := streamedAs(t, tc.in, tc.name, tc.opts)
			if (werr == nil) != (serr == nil) {
				t.Fatalf("whole: %v; streamed: %v", werr, serr)
			}
			if werr != nil {
				if werr.Error() != serr.Error() {
					t.Errorf("whole: %v; streamed: %v", werr, serr)
				}
				return
			}
			if whole.Format != FormatGDELT || res.Format != FormatGDELT || len(whole.Records) == 0 {
				t.Fatalf("read as %s and %s, %d events", whole.Format, res.Format, len(whole.Records))
			}
			if len(kept) != len(whole.Records) {
				t.Fatalf("streamed keeps %d records, the whole import %d", len(kept), len(whole.Records))
			}
			for _, want := range whole.Records {
				if got := kept[want.Event.ID]; !reflect.DeepEqual(got, want) {
					t.Errorf("%s streamed\n%+v\nwhole\n%+v", want.Event.ID, got, want)
				}
			}
			if !reflect.DeepEqual(res.Rejected, whole.Rejected) || res.More != whole.More {
				t.Errorf("streamed rejects %v (+%d), the whole import %v (+%d)", res.Rejected, res.More, whole.Rejected, whole.More)
			}
			if !reflect.DeepEqual(res.Skipped, whole.Skipped) {
				t.Errorf("streamed leaves out %v, the whole import %v", res.Skipped, whole.Skipped)
			}
		})
	}
}

// TestGDELTZipDamaged: an archive whose file does not match its checksum,
// or that ends inside it, is refused, streamed or not.
func TestGDELTZipDamaged(t *testing.T) {
	v2 := readTestdata(t, "20250120143000.export.CSV")
	good := zipOf(t, [2]string{"20250120143000.export.CSV", string(v2)})
	for _, c := range []struct {
		name string
		zip  []byte
		want string
	}{
		{"wrong checksum", zipStored(t, "20250120143000.export.CSV", v2, crc32.ChecksumIEEE(v2)+1), "is damaged"},
		{"cut short", good[:len(good)/2], "cannot be unpacked"},
	} {
		for _, stream := range []bool{false, true} {
			opts := Options{}
			if stream {
				opts.Stream = func([]data.Record) error { return nil }
			}
			_, err := Import(bytes.NewReader(c.zip), "20250120143000.export.CSV.zip", opts)
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "download the archive again") {
				t.Errorf("%s (stream %v): %v, want an error saying %q", c.name, stream, err, c.want)
			}
		}
	}
}

// newGDELTLines is a GDELT 2.0 file of n lines made, as it is read, from the
// test file's lines, each with its own GLOBALEVENTID: it is never held.
func newGDELTLines(t testing.TB, n int) *madeFile {
	var lines [][]byte // each without its GLOBALEVENTID
	for l := range bytes.SplitSeq(bytes.TrimSpace(readTestdata(t, "20250120143000.export.CSV")), []byte("\n")) {
		_, rest, _ := bytes.Cut(l, []byte("\t"))
		lines = append(lines, rest)
	}
	return &madeFile{n: n, part: func(buf []byte, i int) []byte {
		buf = strconv.AppendInt(buf, int64(1_300_000_000+i), 10)
		buf = append(buf, '\t')
		buf = append(buf, lines[i%len(lines)]...)
		return append(buf, '\n')
	}}
}

// zippedGDELTLines is gdeltLines deflated into a zip archive as it is read.
func zippedGDELTLines(t testing.TB, n int) io.Reader {
	pr, pw := io.Pipe()
	go func() {
		zw := zip.NewWriter(pw)
		fw, err := zw.Create("20250120143000.export.CSV")
		if err == nil {
			_, err = io.Copy(fw, newGDELTLines(t, n))
		}
		if err == nil {
			err = zw.Close()
		}
		pw.CloseWithError(err)
	}()
	return pr
}

// peakLiveHeap imports in with a stream and returns the most heap in use
// after a collection, looked at after each batch, above what was in use
// before, and the events passed.
func peakLiveHeap(t *testing.T, in io.Reader, name string) (peak uint64, events int) {
	t.Helper()
	var m runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m)
	base := m.HeapAlloc
	_, err := Import(in, name, Options{Stream: func(b []data.Record) error {
		events += len(b)
		runtime.GC()
		runtime.ReadMemStats(&m)
		if m.HeapAlloc > base {
			peak = max(peak, m.HeapAlloc-base)
		}
		return nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	return peak, events
}

// TestGDELTStreamMemoryBounded: streaming a GDELT file, plain or zipped,
// holds a batch and the set of ids, not the file: ten times the lines
// take about the same heap (the set of ids grows by some 40 bytes an
// event; the whole read holds some 2 KiB an event, 150 MiB here).
func TestGDELTStreamMemoryBounded(t *testing.T) {
	for _, c := range []struct {
		name string
		in   func(n int) io.Reader
	}{
		{"20250120143000.export.CSV", func(n int) io.Reader { return newGDELTLines(t, n) }},
		{"20250120143000.export.CSV.zip", func(n int) io.Reader { return zippedGDELTLines(t, n) }},
	} {
		small, nSmall := peakLiveHeap(t, c.in(10_000), c.name)
		large, nLarge := peakLiveHeap(t, c.in(100_000), c.name)
		if nSmall < 7_000 || nLarge < 10*nSmall-100 {
			t.Fatalf("%s: %d and %d events passed", c.name, nSmall, nLarge)
		}
		if large > small+24<<20 {
			t.Errorf("%s: 100,000 lines took %d MiB of heap at most, 10,000 lines %d MiB: memory grows with the file",
				c.name, large>>20, small>>20)
		}
		t.Logf("%s: peak live heap %d KiB for 10,000 lines, %d KiB for 100,000", c.name, small>>10, large>>10)
	}
}
