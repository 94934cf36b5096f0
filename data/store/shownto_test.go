package store

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"runtime"
	"testing"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/exchange"
)

// putSynthetic imports n synthetic ACLED events (benchRecords) as name,
// their ids prefixed with prefix.
func putSynthetic(t testing.TB, s *Store, name, prefix string, n int) {
	t.Helper()
	w, err := s.NewImport(Import{Name: name, Format: "acled"})
	if err != nil {
		t.Fatal(err)
	}
	var batch []data.Record
	benchRecords(t, n, func(_ int, r *data.Record) {
		r.From.File = name
		r.Event.ID = prefix + r.Event.ID
		r.Event.Precision = data.PrecisionDay // benchRecords's days, valid to data.New
		batch = append(batch, *r)
	})
	if err := w.Add(batch); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Commit(nil); err != nil {
		t.Fatal(err)
	}
}

// mergedTo merges the shown events of s into base a block at a time.
func mergedTo(t *testing.T, s *Store, base *data.Dataset, hidden map[string]bool) ([]Import, *data.Dataset) {
	t.Helper()
	m := exchange.NewMerger(base, 0)
	imports, err := s.ShownEventsTo(hidden, m)
	if err != nil {
		t.Fatal(err)
	}
	d, err := m.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	return imports, d
}

// TestShownEventsTo: merging the shown events a block at a time makes the
// dataset exchange.Merge makes of ShownEvents — the same events in the
// same order, ids (those the bundled events use renamed), actors, places and
// fields, the analyst's own events last — and the same imports, with the
// same problem when an events file is damaged in its last block, after
// its first blocks were merged.
func TestShownEventsTo(t *testing.T) {
	s, path := openTest(t)
	putSynthetic(t, s, "old.csv", "", 600)
	putSynthetic(t, s, "new.csv", "NEW", 400)
	if _, err := s.PutImport(Import{Name: "may.csv", Format: "acled"}, acledRecords(t, "may.csv", [3]string{"MLI1", "a", "1"})); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddEvent(myEvent("met the envoy")); err != nil {
		t.Fatal(err)
	}
	base, err := exchange.Merge(nil, acledRecords(t, "base.csv", [3]string{"SYN3", "bundled", "1"}))
	if err != nil {
		t.Fatal(err)
	}
	same := func(t *testing.T, s *Store, hidden map[string]bool) []Import {
		t.Helper()
		wantImports, records, err := s.ShownEvents(hidden)
		if err != nil {
			t.Fatal(err)
		}
		want, err := exchange.Merge(base, records)
		if err != nil {
			t.Fatal(err)
		}
		imports, got := mergedTo(t, s, base, hidden)
		if !reflect.DeepEqual(imports, wantImports) {
			t.Errorf("imports %+v, want %+v", imports, wantImports)
		}
		if len(got.Events) != len(want.Events) {
			t.Fatalf("%d events, want %d", len(got.Events), len(want.Events))
		}
		for i := range want.Events {
			// What the events say, and where: not the datasets' own
			// search state, which differs from one dataset to another.
			g, _ := json.Marshal(got.Events[i])
			w, _ := json.Marshal(want.Events[i])
			if !bytes.Equal(g, w) || got.Events[i].At() != want.Events[i].At() {
				t.Fatalf("event %d: %s at %v, want %s at %v", i, g, got.Events[i].At(), w, want.Events[i].At())
			}
		}
		for _, c := range []struct {
			name      string
			got, want any
		}{
			{"actors", got.Actors, want.Actors},
			{"places", got.Places, want.Places},
			{"sources", got.Sources, want.Sources},
		} {
			if !reflect.DeepEqual(c.got, c.want) {
				t.Errorf("%s differ", c.name)
			}
		}
		return imports
	}
	for _, hidden := range []map[string]bool{
		nil,
		{ImportID("old.csv"): true},
		{MyEventsLayer: true, ImportID("may.csv"): true},
	} {
		same(t, s, hidden)
	}

	// Damage the last block of new.csv: its first blocks were handed over
	// when the damage is found, and undone.
	s.Close()
	f := eventsPath(t, path, ImportID("new.csv"))
	ef, err := openEventsFile(f)
	if err != nil || len(ef.blocks) < 3 {
		t.Fatalf("events file of new.csv: %v, %d blocks", err, len(ef.blocks))
	}
	b, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	b[ef.blocks[len(ef.blocks)-1].off+2] ^= 0x40
	if err := os.WriteFile(f, b, 0o600); err != nil {
		t.Fatal(err)
	}
	s2, _, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	problems := 0
	for _, l := range same(t, s2, nil) {
		if l.Problem != "" {
			problems++
		}
	}
	if problems != 1 {
		t.Errorf("%d imports with a problem, want new.csv's", problems)
	}
}

// TestShownEventsToHeap: merging stored events a block at a time never
// holds all their records and blocks: the live heap while merging stays
// within a quarter more than the merged events' own (the dataset after
// data.New, which also indexes them), where reading them all first (ShownEvents, then Merge)
// holds more than that before merging starts.
func TestShownEventsToHeap(t *testing.T) {
	const n = 60_000
	s, _ := openTest(t)
	putSynthetic(t, s, "acled.csv", "", n)
	var ms runtime.MemStats
	live := func() uint64 {
		runtime.GC()
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}

	start := live()
	_, records, err := s.ShownEvents(nil)
	if err != nil || len(records) != n {
		t.Fatalf("ShownEvents: %d records, %v", len(records), err)
	}
	allRecords := live() - start
	runtime.KeepAlive(records)
	records = nil

	start = live()
	sink := &heapSink{Merger: exchange.NewMerger(nil, n), live: live, start: start}
	if _, err := s.ShownEventsTo(nil, sink); err != nil {
		t.Fatal(err)
	}
	d, err := sink.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Events) != n {
		t.Fatalf("merged %d events, want %d", len(d.Events), n)
	}
	merged := live() - start
	runtime.KeepAlive(d)
	t.Logf("%d events: %d MiB live at most while merging, %d MiB merged, %d MiB read all at once",
		n, sink.peak>>20, merged>>20, allRecords>>20)
	if sink.batches < 10 {
		t.Fatalf("%d batches", sink.batches)
	}
	bound := merged + merged/4
	if sink.peak > bound {
		t.Errorf("%d MiB live while merging %d events, more than %d MiB (they take %d MiB merged)", sink.peak>>20, n, bound>>20, merged>>20)
	}
	if allRecords <= bound {
		t.Errorf("reading all the records at once took %d MiB, within the bound (%d MiB): it tells nothing", allRecords>>20, bound>>20)
	}
}

// heapSink is a Merger that notes the most heap in use after its batches.
type heapSink struct {
	*exchange.Merger
	live        func() uint64
	start, peak uint64
	batches     int
}

func (h *heapSink) Add(rs []data.Record) {
	h.Merger.Add(rs)
	h.batches++
	if h.batches%4 == 1 {
		if l := h.live(); l > h.start {
			h.peak = max(h.peak, l-h.start)
		}
	}
}
