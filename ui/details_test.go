package ui

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/sahelatlas/sahelatlas/data/exchange"
	"github.com/sahelatlas/sahelatlas/data/store"
)

// TestDetailsShowImportedFields: an imported ACLED event's details show
// what the file says beyond the event model, and search finds it by them.
func TestDetailsShowImportedFields(t *testing.T) {
	ui := newTestWindow(t)
	f, err := os.Open("testdata/acled-mali.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := exchange.Import(f, "acled-mali.csv", exchange.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ui.Notes.Store.PutImport(store.Import{Name: "acled-mali.csv", Format: string(res.Format)}, res.Records); err != nil {
		t.Fatal(err)
	}
	ui.Imports.reloadNow()
	var e = ui.Explorer.Data.Event("MLI90003")
	if e == nil {
		t.Fatal("the imported event is missing")
	}
	ui.ShowAllDates()
	ui.Explorer.Select(e)
	text := collectText(ui.Details.Container)
	for _, want := range []string{"Fatalities: 1", "Region (admin1): Tombouctou", "Sub-district (admin3): Goundam",
		"Date precision (ACLED): 2 (within a week)", "Place precision (ACLED): 2 (a nearby town, or the district's centre)", "Reported by: Local media"} {
		if !slices.Contains(text, want) {
			t.Errorf("details lack %q: %q", want, text)
		}
	}
	if got := ui.Explorer.Data.Search("goundam local media"); len(got) != 1 || got[0] != e {
		t.Errorf("search by the fields finds %d events", len(got))
	}
	if !strings.Contains(strings.Join(text, "\n"), "From the imported file") {
		t.Error("no heading for the file's fields")
	}
}
