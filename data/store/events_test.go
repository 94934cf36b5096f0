package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/exchange"
)

// acledRecords imports an ACLED file of the given rows (id, notes,
// timestamp).
func acledRecords(t testing.TB, name string, rows ...[3]string) []data.Record {
	t.Helper()
	var b strings.Builder
	b.WriteString("event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,iso,location,latitude,longitude,notes,timestamp\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "%s,2025-05-16,1,Battles,Armed clash,FAMa,466,Boni,15.0167,-1.8,%s,%s\n", r[0], r[1], r[2])
	}
	res, err := exchange.Import(strings.NewReader(b.String()), name, exchange.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res.Records
}

// summaries maps each event of a layer to its summary.
func summaries(t testing.TB, s *Store, layer string) map[string]string {
	t.Helper()
	rs, err := s.ImportEvents(layer)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for _, r := range rs {
		m[r.Event.ID] = r.Event.Summary
	}
	return m
}

func TestPutImport(t *testing.T) {
	s, path := openTest(t)
	imported := time.Date(2026, 5, 20, 8, 0, 0, 0, time.UTC)
	s.now = func() time.Time { return imported }
	first := acledRecords(t, "acled-may.csv", [3]string{"MLI1", "first", "100"}, [3]string{"MLI2", "first", "100"})
	ch, err := s.PutImport(Import{Name: "acled-may.csv", Format: "acled"}, first)
	if err != nil {
		t.Fatal(err)
	}
	if ch != (ImportChange{Added: 2}) {
		t.Errorf("first import: %+v", ch)
	}
	// A newer export, under another name: MLI1 is newer, MLI2 older, MLI3 new.
	second := acledRecords(t, "acled-june.csv", [3]string{"MLI1", "revised", "200"}, [3]string{"MLI2", "stale", "50"}, [3]string{"MLI3", "new", "200"})
	ch, err = s.PutImport(Import{Name: "acled-june.csv", Format: "acled"}, second)
	if err != nil {
		t.Fatal(err)
	}
	if ch != (ImportChange{Added: 1, Updated: 1, Unchanged: 1}) {
		t.Errorf("second import: %+v", ch)
	}
	layers, err := s.Imports()
	if err != nil {
		t.Fatal(err)
	}
	if len(layers) != 2 || layers[0].ID != "acled-june-csv" || layers[1].ID != "acled-may-csv" {
		t.Fatalf("layers %+v", layers)
	}
	for _, l := range layers {
		if l.Problem != "" {
			t.Errorf("layer %s: %s", l.ID, l.Problem)
		}
	}
	if l := layers[1]; l.Count != 2 || l.Name != "acled-may.csv" || l.Format != "acled" || !l.Imported.Equal(imported) {
		t.Errorf("may layer %+v", l)
	}
	if got := summaries(t, s, "acled-may-csv"); got["MLI1"] != "revised" || got["MLI2"] != "first" {
		t.Errorf("may layer after the newer export: %v", got)
	}
	if got := summaries(t, s, "acled-june-csv"); len(got) != 1 || got["MLI3"] != "new" {
		t.Errorf("june layer: %v", got)
	}
	// The store reopens with the same layers, and provenance kept.
	s.Close()
	s2, rec, err := Open(path)
	if err != nil || rec != nil {
		t.Fatalf("reopen: %v %v", err, rec)
	}
	defer s2.Close()
	rs, err := s2.ImportEvents("acled-may-csv")
	if err != nil {
		t.Fatal(err)
	}
	if rs[0].From.String() != "acled-june.csv line 2" || rs[0].Version != 200 || rs[0].Get("sub_event_type") != "Armed clash" {
		t.Errorf("MLI1 from %s, version %d, extra %v", rs[0].From, rs[0].Version, rs[0].Extra)
	}
	n, err := s2.RemoveImport("acled-may-csv")
	if err != nil || n != 2 {
		t.Fatalf("RemoveImport: %d, %v", n, err)
	}
	// The june import also wrote the may layer; without it, june is whole.
	if layers, err := s2.Imports(); err != nil || len(layers) != 1 || layers[0].Problem != "" {
		t.Errorf("after removing a layer the last import touched: %+v, %v", layers, err)
	}
	if _, err := s2.ImportEvents("acled-may-csv"); !errors.Is(err, ErrNoImport) {
		t.Errorf("ImportEvents of a removed layer: %v", err)
	}
	if _, err := s2.RemoveImport("acled-may-csv"); !errors.Is(err, ErrNoImport) {
		t.Errorf("RemoveImport twice: %v", err)
	}
}

// TestPutImportReplaces re-imports a file without versions: the layer
// becomes the new file's events.
func TestPutImportReplaces(t *testing.T) {
	s, _ := openTest(t)
	imp := func(body string) []data.Record {
		res, err := exchange.Import(strings.NewReader("id,title,lat,lon,date\n"+body), "notes.csv", exchange.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return res.Records
	}
	if _, err := s.PutImport(Import{Name: "notes.csv"}, imp("a,A,12,-8,2024-01-01\nb,B,12,-8,2024-01-02\n")); err != nil {
		t.Fatal(err)
	}
	ch, err := s.PutImport(Import{Name: "notes.csv"}, imp("b,B2,12,-8,2024-01-02\nc,C,12,-8,2024-01-03\n"))
	if err != nil {
		t.Fatal(err)
	}
	if ch != (ImportChange{Added: 1, Updated: 1, Removed: 1}) {
		t.Errorf("re-import: %+v", ch)
	}
	rs, _ := s.ImportEvents("notes-csv")
	if len(rs) != 2 || rs[0].Event.Title != "B2" || rs[1].Event.Title != "C" {
		t.Errorf("layer after re-import: %d events", len(rs))
	}
	layers, _ := s.Imports()
	if len(layers) != 1 || layers[0].Count != 2 || layers[0].Problem != "" {
		t.Errorf("layers %+v", layers)
	}
}

// TestPutImportRefusesAll shows a refused PutImport changes nothing.
func TestPutImportRefusesAll(t *testing.T) {
	s, _ := openTest(t)
	rs := acledRecords(t, "a.csv", [3]string{"MLI1", "x", "1"})
	dup := append(rs, rs[0])
	if _, err := s.PutImport(Import{Name: "a.csv"}, dup); err == nil {
		t.Fatal("a repeated event id was accepted")
	}
	if _, err := s.PutImport(Import{ID: "../x", Name: "a.csv"}, rs); err == nil {
		t.Fatal("a layer id with a path was accepted")
	}
	if layers, _ := s.Imports(); len(layers) != 0 {
		t.Errorf("a refused import left layers %+v", layers)
	}
}

// TestImportCutShort cuts the store file at every point inside an
// import's transaction: after reopening, the layers are either as before
// the import, as after it, or marked with a Problem; never silently half
// imported.
func TestImportCutShort(t *testing.T) {
	s, path := openTest(t)
	var rows, newer [][3]string
	for i := range 8 {
		rows = append(rows, [3]string{fmt.Sprintf("MLI%d", i), "old", "100"})
		newer = append(newer, [3]string{fmt.Sprintf("MLI%d", i), "new", "200"})
	}
	newer = append(newer, [3]string{"MLI99", "new", "200"})
	if _, err := s.PutImport(Import{Name: "may.csv"}, acledRecords(t, "may.csv", rows...)); err != nil {
		t.Fatal(err)
	}
	before := fileSize(t, path)
	// A cut store file is a crash during the transaction: the events
	// files of both imports are on disk then (old ones are removed after).
	events := copyDir(t, eventsDir(path), t.TempDir())
	if _, err := s.PutImport(Import{Name: "june.csv"}, acledRecords(t, "june.csv", newer...)); err != nil {
		t.Fatal(err)
	}
	copyDir(t, eventsDir(path), events)
	s.Close()
	full, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	state := func(s *Store) (string, bool) {
		layers, err := s.Imports()
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, l := range layers {
			if l.Problem != "" {
				return "", false
			}
			fmt.Fprintf(&b, "%s:%v;", l.ID, summaries(t, s, l.ID))
		}
		return b.String(), true
	}
	wantBefore := "may-csv:map[MLI0:old MLI1:old MLI2:old MLI3:old MLI4:old MLI5:old MLI6:old MLI7:old];"
	wantAfter := "june-csv:map[MLI99:new];may-csv:map[MLI0:new MLI1:new MLI2:new MLI3:new MLI4:new MLI5:new MLI6:new MLI7:new];"
	step := max(1, int(int64(len(full))-before)/400)
	flagged := 0
	for cut := int(before); cut <= len(full); cut += step {
		dir := filepath.Join(t.TempDir(), "ws")
		p := filepath.Join(dir, "workspace.db")
		os.MkdirAll(dir, 0o700)
		if err := os.WriteFile(p, full[:cut], 0o600); err != nil {
			t.Fatal(err)
		}
		copyDir(t, events, eventsDir(p))
		s2, _, err := Open(p)
		if err != nil {
			t.Fatalf("cut at %d: Open: %v", cut, err)
		}
		got, ok := state(s2)
		s2.Close()
		if !ok {
			flagged++
			continue
		}
		if got != wantBefore && got != wantAfter {
			t.Fatalf("cut at %d of %d: a half import passed as whole:\n%s", cut, len(full), got)
		}
	}
	if flagged == 0 {
		t.Error("no cut was flagged as a half import")
	}
}

func fileSize(t testing.TB, path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}

// copyDir copies the files of src into dst (made if need be) and returns
// dst.
func copyDir(t testing.TB, src, dst string) string {
	t.Helper()
	if err := os.MkdirAll(dst, 0o700); err != nil {
		t.Fatal(err)
	}
	es, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// eventsPath is the events file of import id in the store at path.
func eventsPath(t testing.TB, path, id string) string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(eventsDir(path), id+".*"+eventsFileExt))
	if err != nil || len(m) != 1 {
		t.Fatalf("events files of %s: %v %v", id, m, err)
	}
	return m[0]
}

// TestImportDamaged damages an import's events file in several ways: the
// store still opens, never panics, the import is reported (by Imports
// when its index is hit, by the reads when a block is) and can be removed,
// and the other import is served whole.
func TestImportDamaged(t *testing.T) {
	for _, tc := range []struct {
		name   string
		damage func(b []byte) []byte
		listed bool // Imports reports it, not only the reads
	}{
		{"a byte of a block", func(b []byte) []byte { b[len(eventsHeader)+3] ^= 0x40; return b }, false},
		{"a byte of the index", func(b []byte) []byte { b[len(b)-trailerLen-2] ^= 1; return b }, true},
		{"cut short", func(b []byte) []byte { return b[:len(b)-5] }, true},
		{"emptied", func(b []byte) []byte { return nil }, true},
		{"NULs over the end", func(b []byte) []byte { clear(b[len(b)/2:]); return b }, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, path := openTest(t)
			for _, name := range []string{"a.csv", "b.csv"} {
				if _, err := s.PutImport(Import{Name: name}, acledRecords(t, name, [3]string{"MLI-" + name[:1], "Clashes near Boni", "1"})); err != nil {
					t.Fatal(err)
				}
			}
			s.Close()
			f := eventsPath(t, path, "a-csv")
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(f, tc.damage(b), 0o600); err != nil {
				t.Fatal(err)
			}
			s2, _, err := Open(path)
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			defer s2.Close()
			layers, err := s2.Imports()
			if err != nil || len(layers) != 2 || (layers[0].Problem != "") != tc.listed || layers[1].Problem != "" {
				t.Fatalf("layers %+v, %v", layers, err)
			}
			if _, err := s2.ImportEvents("a-csv"); err == nil || !strings.Contains(err.Error(), "damaged") {
				t.Errorf("ImportEvents of a damaged layer: %v", err)
			}
			layers, records, err := s2.ShownEvents(nil)
			if err != nil || len(records) != 1 || records[0].Event.ID != "MLI-b" || layers[0].Problem == "" {
				t.Fatalf("ShownEvents: %+v, %d events, %v", layers, len(records), err)
			}
			if _, err := s2.RemoveImport("a-csv"); err != nil {
				t.Fatalf("RemoveImport of a damaged layer: %v", err)
			}
			if _, err := os.Stat(f); !os.IsNotExist(err) {
				t.Errorf("the damaged events file is still there: %v", err)
			}
		})
	}
}
