package exchange_test

import (
	"bytes"
	"image"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/exchange"
	"github.com/sahelatlas/sahelatlas/data/store"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
	"github.com/sahelatlas/sahelatlas/geo/overlay"
	"github.com/sahelatlas/sahelatlas/geo/render"
)

const benchRows = 100_000

var benchFile []byte

func acled100k() []byte {
	if benchFile == nil {
		benchFile = exchange.SyntheticACLED(benchRows, 1)
	}
	return benchFile
}

func import100k(b *testing.B) []data.Record {
	b.Helper()
	res, err := exchange.Import(bytes.NewReader(acled100k()), "acled.csv", exchange.Options{})
	if err != nil {
		b.Fatal(err)
	}
	if len(res.Records) != benchRows {
		b.Fatalf("%d records", len(res.Records))
	}
	return res.Records
}

// reportHeap reports the live heap after a GC, in MB, holding keep.
func reportHeap(b *testing.B, keep any) {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "heap-MB")
	runtime.KeepAlive(keep)
}

// cpuTime returns the process's user and system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU reports the CPU time per op since start (all threads, GC
// included): on a shared machine it moves less than wall time.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cpuTime()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

// BenchmarkImportACLED100k reads a 100,000-row ACLED export (about 40 MB,
// three date layouts, a UTF-8 BOM) into records.
func BenchmarkImportACLED100k(b *testing.B) {
	in := acled100k()
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	b.ResetTimer()
	var res *exchange.Result
	start := cpuTime()
	for b.Loop() {
		var err error
		res, err = exchange.Import(bytes.NewReader(in), "acled.csv", exchange.Options{})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	reportCPU(b, start)
	reportHeap(b, res)
}

// BenchmarkMerge100k joins 100,000 imported records to the bundled dataset
// (data.New: validate, sort, index), as the window and events --store do.
func BenchmarkMerge100k(b *testing.B) {
	recs := import100k(b)
	base, err := data.LoadBundled()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	var d *data.Dataset
	start := cpuTime()
	for b.Loop() {
		if d, err = exchange.Merge(base, recs); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	reportCPU(b, start)
	reportHeap(b, d)
}

// BenchmarkPutLayer100k keeps 100,000 records in a new store: one
// transaction, fsync'd.
func BenchmarkPutLayer100k(b *testing.B) {
	recs := import100k(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		s, _, err := store.Open(filepath.Join(b.TempDir(), "workspace.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := s.PutImport(store.Import{Name: "acled.csv", Format: "acled"}, recs); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

// BenchmarkLayerEvents100k reads 100,000 records back from the store.
func BenchmarkLayerEvents100k(b *testing.B) {
	recs := import100k(b)
	s, _, err := store.Open(filepath.Join(b.TempDir(), "workspace.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if _, err := s.PutImport(store.Import{Name: "acled.csv"}, recs); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.ImportEvents("acled-csv"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDrawImported100k draws the 100,000 imported events (merged with
// the bundled ones) over the cached Sahel base map at 1920×1080: a whole
// frame with every event in the date window.
func BenchmarkDrawImported100k(b *testing.B) {
	recs := import100k(b)
	base, err := data.LoadBundled()
	if err != nil {
		b.Fatal(err)
	}
	d, err := exchange.Merge(base, recs)
	if err != nil {
		b.Fatal(err)
	}
	atlas, err := geo.LoadAtlas()
	if err != nil {
		b.Fatal(err)
	}
	bound, err := geo.ViewBound("sahel", atlas)
	if err != nil {
		b.Fatal(err)
	}
	v := geo.Fit(bound, 1920, 1080, 1)
	m := render.New(atlas, render.Options{})
	events := overlay.NewEventLayer()
	w, h := v.PixelSize()
	r := draw.NewRaster(image.NewRGBA(image.Rect(0, 0, w, h)))
	from, to := data.D(2018, 1, 1), data.D(2025, 12, 31)
	events.SetEvents(d.Events, from, to)
	m.RenderTo(r, v, events)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		events.SetEvents(d.Events, from, to)
		m.RenderTo(r, v, events)
	}
}

// BenchmarkOpenStoreWith100k opens a store holding 100,000 imported events
// (about 49 MB): the cost every window and command pays once a big file
// has been imported into the workspace.
func BenchmarkOpenStoreWith100k(b *testing.B) {
	recs := import100k(b)
	path := filepath.Join(b.TempDir(), "workspace.db")
	s, _, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.PutImport(store.Import{Name: "acled.csv"}, recs); err != nil {
		b.Fatal(err)
	}
	s.Close()
	recs = nil
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		s, _, err := store.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

// BenchmarkLayers100k lists the layers of a store holding 100,000
// imported events, checking each event's checksum and generation.
func BenchmarkLayers100k(b *testing.B) {
	recs := import100k(b)
	s, _, err := store.Open(filepath.Join(b.TempDir(), "workspace.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if _, err := s.PutImport(store.Import{Name: "acled.csv"}, recs); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		ls, err := s.Imports()
		if err != nil || len(ls) != 1 || ls[0].Problem != "" {
			b.Fatal(ls, err)
		}
	}
}
