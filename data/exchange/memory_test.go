package exchange_test

import (
	"bytes"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"unsafe"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/exchange"
	"github.com/sahelatlas/sahelatlas/data/store"
)

// liveHeap is the Go heap in use after a collection, in bytes.
func liveHeap() uint64 {
	runtime.GC()
	runtime.GC() // finalisers of the first
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// mergedBytesPerEvent is the most heap a merged imported ACLED event may
// keep, its indexes and search text included: what the window holds per
// event, times a million, must leave room under 1.2 GB resident for Fyne,
// the GL driver and the map. Before the merged events were copied out of
// the store's decoded blocks, interned and their search text shared, it
// was 1,730 bytes here (1,975 for a 100,000-row store); after, 810 (743
// on a later run); with four-byte dates, one-byte kinds and precisions,
// the search text behind one pointer, the events by id a sorted list of
// positions and the lists by kind, actor and country made only when
// asked, 560.
const mergedBytesPerEvent = 620

// TestMergedEventsHeap: the events the window makes of an ACLED import
// read back from a store keep at most mergedBytesPerEvent bytes of heap
// each, and say what the records say.
func TestMergedEventsHeap(t *testing.T) {
	const n = 30_000
	s, _, err := store.Open(filepath.Join(t.TempDir(), "workspace.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	res, err := exchange.Import(bytes.NewReader(exchange.SyntheticACLED(n, 1)), "acled.csv", exchange.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutImport(store.Import{Name: "acled.csv", Format: "acled"}, res.Records); err != nil {
		t.Fatal(err)
	}
	res = nil

	before := liveHeap()
	_, recs, err := s.ShownEvents(nil)
	if err != nil {
		t.Fatal(err)
	}
	d, err := exchange.Merge(nil, recs)
	if err != nil {
		t.Fatal(err)
	}
	// What the records said, to compare once they are gone.
	want := make(map[string]data.Event, len(recs))
	for _, r := range recs {
		want[r.Event.ID] = r.Event
	}
	if len(d.Events) != n {
		t.Fatalf("%d events merged from %d records", len(d.Events), n)
	}
	kept := liveHeap()
	runtime.KeepAlive(recs)
	recs = nil
	want = nil
	after := liveHeap()
	per := (int64(after) - int64(before)) / n
	t.Logf("%d merged events keep %d bytes of heap each (%d with the records)", n, per, (int64(kept)-int64(before))/n)
	if per > mergedBytesPerEvent {
		t.Errorf("%d merged events keep %d bytes of heap each, budget %d", n, per, mergedBytesPerEvent)
	}
	runtime.KeepAlive(d)
}

// TestMergeCopiesWhatRecordsSay: the merged events hold the records' text
// and lists, value for value, and events naming the same fields share
// one list.
func TestMergeCopiesWhatRecordsSay(t *testing.T) {
	const n = 3_000
	s, _, err := store.Open(filepath.Join(t.TempDir(), "workspace.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	res, err := exchange.Import(bytes.NewReader(exchange.SyntheticACLED(n, 2)), "acled.csv", exchange.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutImport(store.Import{Name: "acled.csv", Format: "acled"}, res.Records); err != nil {
		t.Fatal(err)
	}
	_, recs, err := s.ShownEvents(nil)
	if err != nil {
		t.Fatal(err)
	}
	d, err := exchange.Merge(nil, recs)
	if err != nil {
		t.Fatal(err)
	}
	lists := map[*data.Field]bool{}
	for _, r := range recs {
		w := r.Event
		e := d.Event(w.ID)
		if e == nil {
			t.Fatalf("event %s is not merged", w.ID)
		}
		fields := w.Fields
		if len(fields) == 0 {
			fields = r.Extra
		}
		if e.Title != w.Title || e.Summary != w.Summary || e.Kind != w.Kind || e.Place != w.Place ||
			e.Precision != w.Precision || e.Start != w.Start || e.End != w.End || e.DateNote != w.DateNote ||
			!slices.Equal(e.Countries, w.Countries) || !slices.Equal(e.Fields, fields) || !slices.Equal(e.Sources, w.Sources) ||
			len(e.Actors) != len(w.Actors) {
			t.Fatalf("event %s merged as\n%+v\nthe record says\n%+v", w.ID, *e, w)
		}
		if len(e.Fields) > 0 {
			lists[unsafe.SliceData(e.Fields)] = true
		}
	}
	if len(lists) == 0 || len(lists) >= n {
		t.Errorf("%d field lists for %d events: events naming the same fields do not share them", len(lists), n)
	}
	for _, e := range d.Events {
		if p := d.Place(e.Place); p == nil || e.At() != p.Point {
			t.Fatalf("event %s is not at its place %q", e.ID, e.Place)
		}
	}
}
