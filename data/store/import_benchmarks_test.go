package store

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/sahelatlas/sahelatlas/data"
)

// benchRecords calls fn with n imported ACLED records (the codec tests'
// rows, their ids and dates varied), newest first over 1997–2025 as ACLED
// exports them, reusing one record.
func benchRecords(b testing.TB, n int, fn func(i int, r *data.Record)) {
	var rows []data.Record
	for _, r := range codecRecords(b) {
		if r.Version > 0 { // the ACLED rows
			rows = append(rows, r)
		}
	}
	const days = 29 * 12 * 28
	for i := range n {
		r := rows[i%len(rows)]
		k := days - 1 - i*days/n
		day := data.D(1997+k/(12*28), time.Month(1+k/28%12), 1+k%28)
		r.Event.ID = fmt.Sprintf("SYN%d", i)
		r.Event.Start, r.Event.End = day, day
		r.From.Line = i + 2
		fn(i, &r)
	}
}

// BenchmarkImportWriter100k writes 100,000 imported events to an events
// file and commits them, and reports the bytes an event takes in the
// layouts measured: JSON (encoding/json of the record, about what the
// first stores kept in buntdb), the binary value of buntdb layout 1 (one
// value per event, "E1"), the record in a block before compression, and
// the events file (DEFLATE blocks).
func BenchmarkImportWriter100k(b *testing.B) {
	const n = 100_000
	var jsonB, valueB int
	var enc recordEncoder
	benchRecords(b, 1000, func(_ int, r *data.Record) {
		j, _ := json.Marshal(r)
		jsonB += len(j)
		_, v := encodeEvent(&enc, nil, 1, r)
		valueB += len(v)
	})
	var ef *eventsFile
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		s, _ := openTest(b)
		b.StartTimer()
		w, err := s.NewImport(Import{Name: "acled.csv", Format: "acled"})
		if err != nil {
			b.Fatal(err)
		}
		batch := make([]data.Record, 0, 4096)
		benchRecords(b, n, func(_ int, r *data.Record) {
			batch = append(batch, *r)
			if len(batch) == cap(batch) {
				if err := w.Add(batch); err != nil {
					b.Fatal(err)
				}
				batch = batch[:0]
			}
		})
		if err := w.Add(batch); err != nil {
			b.Fatal(err)
		}
		if _, err := w.Commit(nil); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		ef = s.files[eventsFileName("acled-csv", w.gen)]
		s.Close()
		b.StartTimer()
	}
	raw := 0
	for _, bl := range ef.blocks {
		raw += bl.raw
	}
	b.ReportMetric(float64(jsonB)/1000, "json-B/event")
	b.ReportMetric(float64(valueB)/1000, "buntdb-value-B/event")
	b.ReportMetric(float64(raw)/n, "block-raw-B/event")
	b.ReportMetric(float64(ef.size)/n, "file-B/event")
}

// millionStore is a store holding one import of 1,000,000 events.
func millionStore(b testing.TB) string {
	b.Helper()
	s, path := openTest(b)
	w, err := s.NewImport(Import{Name: "acled.csv", Format: "acled"})
	if err != nil {
		b.Fatal(err)
	}
	batch := make([]data.Record, 0, 4096)
	benchRecords(b, 1_000_000, func(_ int, r *data.Record) {
		batch = append(batch, *r)
		if len(batch) == cap(batch) {
			if err := w.Add(batch); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	})
	if err := w.Add(batch); err != nil {
		b.Fatal(err)
	}
	if _, err := w.Commit(nil); err != nil {
		b.Fatal(err)
	}
	s.Close()
	return path
}

// BenchmarkMonthOf1M opens a store of 1,000,000 imported events and reads
// the events of one month (March 2013), as events --store --from --to
// does: Open, the imports checked, the blocks that meet the window.
func BenchmarkMonthOf1M(b *testing.B) {
	path := millionStore(b)
	n := 0
	b.ResetTimer()
	for b.Loop() {
		s, _, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		_, rs, err := s.ShownEventsBetween(nil, data.D(2013, 3, 1), data.D(2013, 3, 31))
		if err != nil {
			b.Fatal(err)
		}
		n = len(rs)
		s.Close()
	}
	b.ReportMetric(float64(n), "events")
}

// BenchmarkOpen1M opens a store of 1,000,000 imported events and lists its
// imports: what the window pays before it reads any event.
func BenchmarkOpen1M(b *testing.B) {
	path := millionStore(b)
	b.ResetTimer()
	for b.Loop() {
		s, _, err := Open(filepath.Clean(path))
		if err != nil {
			b.Fatal(err)
		}
		if ls, err := s.Imports(); err != nil || len(ls) != 1 || ls[0].Problem != "" {
			b.Fatal(ls, err)
		}
		s.Close()
	}
}
