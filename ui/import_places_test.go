package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/sahelatlas/sahelatlas/data/exchange"
	"github.com/sahelatlas/sahelatlas/data/store"
	"github.com/sahelatlas/sahelatlas/ui/cli"
)

// TestImportFindsPlacesAsTheCommandLineDoes imports one CSV that names its
// places without coordinates, through the window and through the command
// line: both find every place, and the same one.
func TestImportFindsPlacesAsTheCommandLineDoes(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "lieux.csv")
	csv := "title,date,place\n" +
		"Patrouille à Gossi,2025-02-01,Gossi\n" + // a place of the bundled dataset, not of GeoNames
		"Visite à Tombouctou,2025-02-02,Tombouctou\n" + // GeoNames' French name of Timbuktu
		"Escale à Port-Soudan,2025-02-03,Port-Soudan\n" + // the dataset's Port Sudan, by a GeoNames name
		"اجتماع في الفاشر,2025-02-04,الفاشر\n" // El Fasher in Arabic
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}

	ui := newTestWindow(t)
	q := &uiQueue{ch: make(chan func(), 64)}
	ui.Imports.do = q.do
	ui.Imports.run(path, exchange.Options{Format: exchange.FormatCSV})
	for !strings.Contains(ui.Status.Text, "lieux.csv: added") {
		if strings.Contains(ui.Status.Text, "NOT imported") {
			t.Fatal(ui.Status.Text)
		}
		q.next(t)
	}
	for ui.Imports.message.Text != "" { // the layer is merged into the window's events
		q.next(t)
	}
	var window []string
	for _, e := range ui.Explorer.Data.Events {
		if strings.HasPrefix(e.ID, "lieux-csv-") {
			window = append(window, e.Title+" → "+e.Place)
		}
	}

	db := filepath.Join(dir, "cli.db")
	var out, errs bytes.Buffer
	if status, _ := cli.Run([]string{"import", path, "--store", db}, &out, &errs); status != cli.ExitOK {
		t.Fatalf("sahelatlas import: %d %s %s", status, out.String(), errs.String())
	}
	s, _, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rs, err := s.ImportEvents(store.ImportID("lieux.csv"))
	if err != nil {
		t.Fatal(err)
	}
	var line []string
	for _, r := range rs {
		line = append(line, r.Event.Title+" → "+r.Event.Place)
	}
	slices.Sort(window)
	slices.Sort(line)
	want := []string{
		"Escale à Port-Soudan → port-sudan",
		"Patrouille à Gossi → gossi",
		"Visite à Tombouctou → geonames:2449067",
		"اجتماع في الفاشر → geonames:379555",
	}
	if !slices.Equal(window, want) || !slices.Equal(line, want) {
		t.Errorf("the window found %q,\nthe command line %q,\nwant %q", window, line, want)
	}
}
