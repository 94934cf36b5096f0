package ui

import (
	"os"
	"testing"

	"github.com/sahelatlas/sahelatlas/data/exchange"
	"github.com/sahelatlas/sahelatlas/data/store"
)

// A store whose imports hold more than lazyImportEvents events opens on
// the bundled events, the map drawn at once, and merges the imports after
// the first frame, in the background, with the status bar's progress; a
// small store is merged before the window shows.
func TestWindowLoadsAManyEventStoreAfterTheMap(t *testing.T) {
	for _, c := range []struct {
		name  string
		lazy  int
		later bool
	}{
		{"small store, merged at once", 50_000, false},
		{"many events, merged after the map", 2, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			old := lazyImportEvents
			lazyImportEvents = c.lazy
			t.Cleanup(func() { lazyImportEvents = old })

			ui, q := newTestWindowStore(t, func(s *store.Store) {
				f, err := os.Open("testdata/acled-mali.csv")
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				res, err := exchange.Import(f, "acled-mali.csv", exchange.Options{})
				if err != nil {
					t.Fatal(err)
				}
				if _, err := s.PutImport(store.Import{Name: "acled-mali.csv", Format: string(res.Format)}, res.Records); err != nil {
					t.Fatal(err)
				}
			})
			imported := func() bool { return hasSuffixEvent(ui, "MLI90001") }
			if imported() == c.later {
				t.Fatalf("as the window opens, the imported events are there: %v, want %v", imported(), !c.later)
			}
			if !c.later {
				return
			}
			for i := 0; i < 200 && !imported(); i++ {
				q.next(t)
			}
			if !imported() {
				t.Fatal("the store's imported events never reached the window")
			}
			if ui.loadingEvents || ui.progress.Visible() {
				t.Error("the progress still shows once the events are in")
			}
		})
	}
}

// hasSuffixEvent reports whether the window holds an event whose id ends
// with id (an imported event's id is prefixed with its layer's).
func hasSuffixEvent(ui *Window, id string) bool {
	for _, e := range ui.Explorer.Data.Events {
		if len(e.ID) >= len(id) && e.ID[len(e.ID)-len(id):] == id {
			return true
		}
	}
	return false
}
