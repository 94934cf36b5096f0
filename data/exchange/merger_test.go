package exchange_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"testing"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/exchange"
)

// TestMergerUndo: records merged in batches, some of them undone, make the
// dataset Merge makes of the records kept: an undone batch leaves no
// event, actor, place or source, and its ids are free again (the same
// records added after are not renamed).
func TestMergerUndo(t *testing.T) {
	res, err := exchange.Import(bytes.NewReader(exchange.SyntheticACLED(300, 3)), "acled.csv", exchange.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rs := res.Records
	base, err := exchange.Merge(nil, rs[:5])
	if err != nil {
		t.Fatal(err)
	}
	type step struct {
		from, to int
		undo     bool
	}
	cases := []struct {
		name  string
		base  *data.Dataset
		steps []step
		want  [][2]int // the records kept, in order
	}{
		{"one batch", nil, []step{{0, 300, false}}, [][2]int{{0, 300}}},
		{"undone then added again", nil, []step{{0, 100, false}, {100, 200, true}, {100, 300, false}}, [][2]int{{0, 300}}},
		{"undone in the middle", base, []step{{0, 50, false}, {50, 150, true}, {150, 300, false}}, [][2]int{{0, 50}, {150, 300}}},
		{"all undone", base, []step{{0, 300, true}}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var kept []data.Record
			for _, k := range c.want {
				kept = append(kept, rs[k[0]:k[1]]...)
			}
			want, err := exchange.Merge(c.base, kept)
			if err != nil {
				t.Fatal(err)
			}
			m := exchange.NewMerger(c.base, 100)
			for _, s := range c.steps {
				m.Mark()
				for i := s.from; i < s.to; i += 40 { // batches of 40, as blocks come
					m.Add(rs[i:min(i+40, s.to)])
				}
				if s.undo {
					m.Undo()
				}
			}
			if m.Added() != len(kept) {
				t.Errorf("Added %d, want %d", m.Added(), len(kept))
			}
			got, err := m.Dataset()
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range []struct {
				name      string
				got, want any
			}{
				{"events", eventsSaid(t, got.Events), eventsSaid(t, want.Events)},
				{"actors", got.Actors, want.Actors},
				{"places", got.Places, want.Places},
				{"sources", got.Sources, want.Sources},
			} {
				if !reflect.DeepEqual(f.got, f.want) {
					t.Errorf("%s differ from Merge's", f.name)
				}
			}
		})
	}
}

// eventsSaid is what events say (their JSON) and where (At): not their
// dataset's own search state, which differs from one dataset to another.
func eventsSaid(t *testing.T, events []*data.Event) []string {
	t.Helper()
	out := make([]string, len(events))
	for i, e := range events {
		b, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = fmt.Sprintf("%s at %v", b, e.At())
	}
	return out
}
