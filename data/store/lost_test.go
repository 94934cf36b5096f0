package store

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// storeRecord is where one record of a store file lies.
type storeRecord struct {
	key                  string
	start, valStart, end int
	titleStart, titleEnd int // the title's bytes inside the value, -1 when none
}

// storeRecords parses a store file written by buntdb into its records.
func storeRecords(t *testing.T, raw []byte) []storeRecord {
	t.Helper()
	var out []storeRecord
	for pos := 0; pos < len(raw); {
		r, err := parseRecord(raw, pos)
		if err != nil {
			t.Fatalf("the store written by buntdb does not parse at %d: %v", pos, err)
		}
		sr := storeRecord{key: r.key, start: pos, valStart: r.valStart, end: r.recordEnd, titleStart: -1, titleEnd: -1}
		if i := bytes.Index(raw[r.valStart:r.valEnd], []byte(`"title":"`)); i >= 0 {
			sr.titleStart = r.valStart + i + len(`"title":"`)
			sr.titleEnd = sr.titleStart + bytes.IndexByte(raw[sr.titleStart:], '"')
		}
		out = append(out, sr)
		pos = r.recordEnd
	}
	return out
}

// TestRepairNamesWhatWasLost overwrites regions of a real store file with
// NUL bytes across known annotations and own events: the report names
// exactly those, from the .bak the last compaction kept or from the
// readable part of the damaged record, and says when and why the others
// cannot be named.
func TestRepairNamesWhatWasLost(t *testing.T) {
	// The store: six annotations and an own event, compacted (the .bak
	// holds them), then three annotations and an own event saved after.
	s, path := openTest(t)
	titles := map[string]string{} // key → title
	saved := map[string]time.Time{}
	addNote := func(i int) {
		a := sample(i)
		a.Title = fmt.Sprintf("Convoy near Gao %d", i)
		a, err := s.Add(a)
		if err != nil {
			t.Fatal(err)
		}
		titles[annotationKey(a.ID)], saved[annotationKey(a.ID)] = a.Title, a.Updated
	}
	addEvent := func(title string) {
		m, err := s.AddEvent(myEvent(title))
		if err != nil {
			t.Fatal(err)
		}
		titles[myEventPrefix+m.Event.ID], saved[myEventPrefix+m.Event.ID] = title, m.Updated
	}
	for i := 0; i < 6; i++ {
		addNote(i)
	}
	addEvent("Diop visits Niamey")
	if err := s.Compact(); err != nil {
		t.Fatal(err)
	}
	for i := 6; i < 9; i++ {
		addNote(i)
	}
	addEvent("Tiani meets Traoré")
	s.Close()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	bak, err := os.ReadFile(path + ".bak")
	if err != nil {
		t.Fatal(err)
	}
	recs := storeRecords(t, raw)
	at := map[string]int{} // key → index in recs
	var notes, events []string
	for i, r := range recs {
		at[r.key] = i
		switch {
		case strings.HasPrefix(r.key, annotationPrefix):
			notes = append(notes, r.key)
		case strings.HasPrefix(r.key, myEventPrefix):
			events = append(events, r.key)
		}
	}
	if len(notes) != 9 || len(events) != 2 {
		t.Fatalf("the store holds %d annotations and %d events, want 9 and 2", len(notes), len(events))
	}
	rec := func(k string) storeRecord { return recs[at[k]] }
	dateless := map[string]bool{notes[6]: true, events[1]: true} // their "updated" is overwritten
	// named is how the report names k, when the date of its last save
	// could be read (the .bak, a damaged record's end) or not.
	named := func(k string) string {
		kind, id := kindOf(k)
		if !dateless[k] {
			return fmt.Sprintf("%s %s %q (saved %s)", kind, id, titles[k], saved[k].UTC().Format("2006-01-02"))
		}
		return fmt.Sprintf("%s %s %q (created %s)", kind, id, titles[k], idTime(id).Format("2006-01-02"))
	}

	cases := []struct {
		name     string
		keepBak  bool
		from, to int      // the bytes overwritten with NULs
		named    []string // keys the report names with their titles
		unnamed  []string // keys it lists as lost without a title
		says     []string // other text the report must hold
	}{
		{
			// From inside notes[1]'s value (its key readable) through the
			// header of notes[4], over meta:schema to the compacted event:
			// only the .bak can name notes[2..4].
			name: "compacted records, with the .bak", keepBak: true,
			from: rec(notes[1]).valStart + 30, to: rec(notes[3]).end + 20,
			named: []string{notes[1], notes[2], notes[3], notes[4]},
			says:  []string{"compared with " + path + ".bak"},
		},
		{
			name: "compacted records and the own event, with the .bak", keepBak: true,
			from: rec(notes[5]).start + 5, to: rec(events[0]).valStart + 10,
			named: []string{notes[5], events[0]},
		},
		{
			// The title of notes[6] is readable before the NULs; the key of
			// notes[7] is overwritten and there is no .bak.
			name: "saved after the compaction, titles readable, no .bak",
			from: rec(notes[6]).titleEnd + 2, to: rec(notes[7]).valStart,
			named: []string{notes[6]},
			says:  []string{"cannot be named or counted: there is no " + path + ".bak"},
		},
		{
			// The key of notes[8] survives but its title does not; the
			// event's title survives.
			name: "title overwritten, no .bak",
			from: rec(notes[8]).valStart + 20, to: rec(events[1]).titleStart - 40,
			unnamed: []string{notes[8]},
			says:    []string{"1 that cannot be named"},
		},
		{
			name: "a later event, title readable, with the .bak", keepBak: true,
			from: rec(events[1]).titleEnd + 1, to: rec(events[1]).end - 3,
			named: []string{events[1]},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			damaged := append([]byte{}, raw...)
			copy(damaged[tc.from:tc.to], make([]byte, tc.to-tc.from))
			p := writeFile(t, damaged)
			if tc.keepBak {
				if err := os.WriteFile(p+".bak", bak, 0o600); err != nil {
					t.Fatal(err)
				}
			}
			s, r, err := openWithin(t, p, 10*time.Second)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if r == nil || !r.Repaired() {
				t.Fatalf("no repair reported: %v", r)
			}
			report := strings.ReplaceAll(r.String(), p, path)
			t.Logf("report:\n%s", report)
			var lostLine string
			for _, line := range strings.Split(report, "\n") {
				if strings.HasPrefix(line, "lost: ") {
					lostLine = line
				}
			}
			var want []string
			for _, k := range tc.named {
				want = append(want, named(k))
			}
			if got := strings.TrimPrefix(lostLine, "lost: "); got != strings.Join(want, "; ") {
				t.Errorf("lost line names\n%s\nwant\n%s\nreport:\n%s", got, strings.Join(want, "; "), report)
			}
			for _, k := range tc.unnamed {
				kind, id := kindOf(k)
				if !strings.Contains(report, kind+" "+id) || strings.Contains(lostLine, id) {
					t.Errorf("report does not list %s among those that cannot be named:\n%s", k, report)
				}
			}
			for _, w := range tc.says {
				if !strings.Contains(report, w) {
					t.Errorf("report does not say %q:\n%s", w, report)
				}
			}
			var gotLost []string
			for _, l := range r.Lost {
				gotLost = append(gotLost, l.ID)
			}
			if len(gotLost) != len(tc.named)+len(tc.unnamed) {
				t.Errorf("Recovery.Lost = %v, want %d entries", gotLost, len(tc.named)+len(tc.unnamed))
			}
		})
	}
}

// A .bak older than the last repair is only used to name what is found
// lost otherwise: an annotation deleted before that repair is in the .bak
// but not in the repaired file, and is not reported lost.
func TestRepairIgnoresBakOlderThanARepair(t *testing.T) {
	s, path := openTest(t)
	if _, err := s.Add(sample(1)); err != nil {
		t.Fatal(err)
	}
	gone, err := s.Add(sample(2))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Compact(); err != nil {
		t.Fatal(err)
	}
	s.Close()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	bak, err := os.ReadFile(path + ".bak")
	if err != nil {
		t.Fatal(err)
	}
	// The file a repair rebuilt after gone was deleted: without gone, and
	// now with NULs between two records.
	var damaged []byte
	for i, r := range storeRecords(t, raw) {
		if r.key == annotationKey(gone.ID) {
			continue
		}
		damaged = append(damaged, raw[r.start:r.end]...)
		if i == 0 {
			damaged = append(damaged, make([]byte, 8)...)
		}
	}
	for _, tc := range []struct {
		name        string
		olderRepair bool
		lost        bool
	}{
		{"the .bak is the last compaction's", false, true},
		{"a repair since the .bak", true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := writeFile(t, damaged)
			if err := os.WriteFile(p+".bak", bak, 0o600); err != nil {
				t.Fatal(err)
			}
			if tc.olderRepair {
				old := p + ".damaged-20990101T000000Z"
				if err := os.WriteFile(old, nil, 0o600); err != nil {
					t.Fatal(err)
				}
				later := time.Now().Add(time.Hour)
				if err := os.Chtimes(old, later, later); err != nil {
					t.Fatal(err)
				}
			}
			s, r, err := openWithin(t, p, 10*time.Second)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if r == nil {
				t.Fatal("no repair reported")
			}
			if got := strings.Contains(r.String(), gone.ID); got != tc.lost {
				t.Errorf("report names the deleted annotation: %v, want %v:\n%s", got, tc.lost, r)
			}
			if tc.olderRepair && !strings.Contains(r.String(), "not compared with the .bak") {
				t.Errorf("report does not say why the .bak was not compared:\n%s", r)
			}
		})
	}
}
