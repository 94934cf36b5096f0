package ui

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/sahelatlas/sahelatlas/data/exchange"
	"github.com/sahelatlas/sahelatlas/data/store"
)

// The window's import streams a file's records to the store a batch at a
// time, as the command does: the events arrive whole, and a refused or
// empty file leaves the store as it was.
func TestStreamImport(t *testing.T) {
	st, _, err := store.Open(filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	res, ch, err := streamImport(st, "testdata/acled-mali.csv", exchange.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if ch.Added != 3 || res.Format != exchange.FormatACLED {
		t.Fatalf("added %d (%s), want 3 ACLED events", ch.Added, res.Format)
	}
	imports, records, err := st.ShownEvents(nil)
	if err != nil || len(imports) != 1 || len(records) != 3 {
		t.Fatalf("the store shows %d imports and %d events (%v), want 1 and 3", len(imports), len(records), err)
	}

	empty := filepath.Join(t.TempDir(), "empty.csv")
	os.WriteFile(empty, []byte("event_date,latitude,longitude,notes\n"), 0o644)
	bad := filepath.Join(t.TempDir(), "bad.csv")
	os.WriteFile(bad, []byte("event_date,latitude,longitude,notes\nnot a date,12,-8,x\n"), 0o644)
	for _, path := range []string{empty, bad} {
		if _, _, err := streamImport(st, path, exchange.Options{}, nil); err == nil {
			t.Errorf("%s was imported", filepath.Base(path))
		}
		if imports, _, _ := st.ShownEvents(nil); len(imports) != 1 {
			t.Errorf("after %s the store has %d imports, want the 1 it had", filepath.Base(path), len(imports))
		}
	}
}
