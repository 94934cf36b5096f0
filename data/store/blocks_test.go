package store

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/sahelatlas/sahelatlas/data"
)

// writeEvents writes records to an events file in dir and returns it.
func writeEvents(t testing.TB, dir string, records []data.Record) *eventsFile {
	t.Helper()
	w, err := newEventsWriter(dir, "x.1"+eventsFileExt)
	if err != nil {
		t.Fatal(err)
	}
	for i := range records {
		if err := w.add(i, &records[i]); err != nil {
			t.Fatal(err)
		}
	}
	ef, err := w.finish()
	if err != nil {
		t.Fatal(err)
	}
	return ef
}

// TestEventsFileWindows reads records back by date window: every record
// overlapping the window, and no block the window does not meet.
func TestEventsFileWindows(t *testing.T) {
	var records []data.Record
	for i := range 5000 {
		records = append(records, genRecords("a.csv", 1, 1)[0])
		r := &records[i]
		r.Event.ID = "e" + string(rune('a'+i%26)) + string(rune('a'+i/26%26)) + string(rune('a'+i/676))
		r.Event.Start = data.D(2010+i%12, time.Month(1+i%7), 1+i%28)
		r.Event.End = r.Event.Start.AddDays(i % 40)
		r.Event.Ongoing = i%500 == 0
		if i%997 == 0 {
			r.Event.Start, r.Event.End, r.Event.Precision = data.Date{}, data.Date{}, data.PrecisionUnknown
		}
	}
	ef := writeEvents(t, t.TempDir(), records)
	again, err := openEventsFile(ef.path)
	if err != nil || !reflect.DeepEqual(again.blocks, ef.blocks) || again.count != len(records) {
		t.Fatalf("the index read back differs: %v", err)
	}
	all := map[int]data.Record{}
	if err := ef.read(nil, func(seq int, r *data.Record) error { all[seq] = *r; return nil }); err != nil {
		t.Fatal(err)
	}
	for i, r := range records {
		if !reflect.DeepEqual(all[i], r) {
			t.Fatalf("record %d reads\n%+v\nwant\n%+v", i, all[i], r)
		}
	}
	for _, w := range [][2]data.Date{
		{data.D(2013, 3, 1), data.D(2013, 3, 31)},
		{data.D(2000, 1, 1), data.D(2009, 12, 31)},
		{data.D(2021, 7, 1), data.D(2030, 1, 1)},
		{data.D(2015, 2, 10), data.D(2015, 2, 10)},
	} {
		want := 0
		for _, r := range records {
			if r.Event.Overlaps(w[0], w[1]) {
				want++
			}
		}
		got, blocks := 0, 0
		f, to := dayKey(w[0]), dayKey(w[1])
		err := ef.read(func(b blockEntry) bool {
			if b.meets(f, to) {
				blocks++
				return true
			}
			return false
		}, func(_ int, r *data.Record) error {
			if r.Event.Overlaps(w[0], w[1]) {
				got++
			}
			return nil
		})
		if err != nil || got != want {
			t.Errorf("window %v: %d events, want %d (%v)", w, got, want, err)
		}
		if blocks == len(ef.blocks) && len(ef.blocks) > 1 && want < len(records)/2 {
			t.Errorf("window %v read every block", w)
		}
		// Skipping records by their dates before decoding them loses none
		// that overlap (ongoing ones included), and skips some.
		got, passed := 0, 0
		err = ef.readWindow(func(b blockEntry) bool { return b.meets(f, to) }, &w, func(_ int, r *data.Record) error {
			passed++
			if r.Event.Overlaps(w[0], w[1]) {
				got++
			}
			return nil
		})
		if err != nil || got != want {
			t.Errorf("window %v, records skipped by date: %d events, want %d (%v)", w, got, want, err)
		}
		if passed == got && want < len(records)/2 {
			t.Logf("window %v: no record skipped before decoding", w)
		}
	}
}

// FuzzEventsFile reads arbitrary bytes as an events file: it never panics,
// and whatever opens reads to its end or stops with an error.
func FuzzEventsFile(f *testing.F) {
	ef := writeEvents(f, f.TempDir(), genRecords("a.csv", 1, 40))
	good, err := os.ReadFile(ef.path)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte(eventsHeader + eventsTrailer))
	flipped := append([]byte{}, good...)
	flipped[len(eventsHeader)+5] ^= 1
	f.Add(flipped)
	f.Fuzz(func(t *testing.T, in []byte) {
		path := filepath.Join(t.TempDir(), "f"+eventsFileExt)
		if err := os.WriteFile(path, in, 0o600); err != nil {
			t.Fatal(err)
		}
		ef, err := openEventsFile(path)
		if err != nil {
			return
		}
		n := 0
		if err := ef.read(nil, func(int, *data.Record) error { n++; return nil }); err == nil && n != ef.count {
			t.Fatalf("read %d events of the %d the index counts", n, ef.count)
		}
	})
}
