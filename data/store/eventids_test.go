package store

import (
	"fmt"
	"strings"
	"testing"
)

// eventIDs keeps what was written of each id through puts, updates and
// deletes, also for ids that share a hash (given here by hand: a real
// clash of 64-bit hashes is too rare to meet in a test).
func TestEventIDs(t *testing.T) {
	type op struct {
		kind string // put, delete
		id   string
		hash uint64
		seq  int
	}
	cases := []struct {
		name  string
		ops   []op
		want  map[string]int // id → seq held
		gone  []string       // ids not held
		count int
	}{
		{"distinct ids", []op{{"put", "MLI1", 1, 0}, {"put", "NER2", 2, 1}}, map[string]int{"MLI1": 0, "NER2": 1}, []string{"BFA3"}, 2},
		{"a newer copy replaces", []op{{"put", "MLI1", 1, 0}, {"put", "MLI1", 1, 5}}, map[string]int{"MLI1": 5}, nil, 1},
		{"ids sharing a hash", []op{{"put", "MLI1", 7, 0}, {"put", "NER2", 7, 1}, {"put", "TCD3", 7, 2}, {"put", "NER2", 7, 9}},
			map[string]int{"MLI1": 0, "NER2": 9, "TCD3": 2}, []string{"SDN4"}, 3},
		{"delete, then put again", []op{{"put", "MLI1", 1, 0}, {"put", "NER2", 1, 1}, {"delete", "NER2", 1, 0}, {"delete", "MLI1", 1, 0}, {"delete", "MLI1", 1, 0}, {"put", "MLI1", 1, 4}},
			map[string]int{"MLI1": 4}, []string{"NER2"}, 1},
		{"delete of an id never put", []op{{"put", "MLI1", 1, 0}, {"delete", "NER2", 1, 0}, {"delete", "BFA3", 3, 0}}, map[string]int{"MLI1": 0}, []string{"NER2", "BFA3"}, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := newEventIDs()
			hashOf := map[string]uint64{}
			for _, o := range tc.ops {
				hashOf[o.id] = o.hash
				switch o.kind {
				case "put":
					e.putHashed(o.id, o.hash, written{seq: o.seq, version: int64(o.seq)})
				case "delete":
					e.deleteHashed(o.id, o.hash)
				}
			}
			for id, seq := range tc.want {
				if w, ok := e.getHashed(id, hashOf[id]); !ok || w.seq != seq || w.version != int64(seq) {
					t.Errorf("%s: %+v, %v; want seq %d", id, w, ok, seq)
				}
			}
			for _, id := range tc.gone {
				if w, ok := e.getHashed(id, hashOf[id]); ok {
					t.Errorf("%s held as %+v, want none", id, w)
				}
			}
			if got := e.count(); got != tc.count {
				t.Errorf("count %d, want %d", got, tc.count)
			}
		})
	}
}

// With the real hash, every one of many ids is found again, and ids the
// import did not write are not.
func TestEventIDsMany(t *testing.T) {
	e := newEventIDs()
	const n = 100000
	for i := range n {
		e.put(fmt.Sprintf("MLI%d", i), written{seq: i})
	}
	for i := range n {
		if w, ok := e.get(fmt.Sprintf("MLI%d", i)); !ok || w.seq != i {
			t.Fatalf("MLI%d: %+v, %v", i, w, ok)
		}
	}
	long := strings.Repeat("x", idTextChunk+10) // longer than a chunk of text
	e.put(long, written{seq: n})
	if w, ok := e.get(long); !ok || w.seq != n {
		t.Errorf("an id longer than a chunk: %+v, %v", w, ok)
	}
	if w, ok := e.get("MLI7"); !ok || w.seq != 7 {
		t.Errorf("MLI7 after the long id: %+v, %v", w, ok)
	}
	e.delete(long)
	if _, ok := e.get("MLI-1"); ok {
		t.Error("an id never put was found")
	}
	if e.count() != n {
		t.Errorf("count %d, want %d", e.count(), n)
	}
}

// BenchmarkEventIDs1M puts a million ACLED-like ids and looks each up
// once, as an import of a million rows does, in eventIDs and in the
// map[string]written it replaced.
func BenchmarkEventIDs1M(b *testing.B) {
	ids := make([]string, 1000000)
	for i := range ids {
		ids[i] = fmt.Sprintf("MLI%d", 1000000+i)
	}
	b.Run("eventIDs", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			e := newEventIDs()
			for i, id := range ids {
				if h := e.hash(id); !ok(e.getHashed(id, h)) {
					e.putHashed(id, h, written{seq: i})
				}
			}
		}
	})
	b.Run("map", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			m := map[string]written{}
			for i, id := range ids {
				if _, ok := m[id]; !ok {
					m[strings.Clone(id)] = written{seq: i}
				}
			}
		}
	})
}

// ok is the second of two results.
func ok[T any](_ T, ok bool) bool { return ok }
