package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sahelatlas/sahelatlas/data/exchange"
	datalang "github.com/sahelatlas/sahelatlas/data/lang"
)

// TestImportReportFrench: in French, the window's import report says an
// importer's error in French.
func TestImportReportFrench(t *testing.T) {
	t.Setenv("LANGUAGE", "en")
	dir := t.TempDir()
	empty := filepath.Join(dir, "vide.csv")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	ui := newTestWindow(t)
	t.Cleanup(func() { useLanguage(datalang.English) })
	tests := []struct {
		tag  datalang.Tag
		want []string
	}{
		{datalang.French, []string{"vide.csv n’a PAS été importé : exchange: ", "vide.csv est vide ; un fichier CSV a besoin d’une ligne d’en-tête"}},
		{datalang.English, []string{"vide.csv was NOT imported: exchange: ", "vide.csv is empty; a CSV file needs a header row"}},
	}
	for _, tt := range tests {
		useLanguage(tt.tag)
		ui.SetLanguage(tt.tag)
		q := &uiQueue{ch: make(chan func(), 64)}
		ui.Imports.do = q.do
		ui.Status.SetText("")
		ui.Imports.run(empty, exchange.Options{Format: exchange.FormatCSV})
		for !strings.Contains(ui.Status.Text, "vide.csv") {
			q.next(t)
		}
		for _, want := range tt.want {
			if !strings.Contains(ui.Status.Text, want) {
				t.Errorf("%s: the status bar says %q, want %q in it", tt.tag, ui.Status.Text, want)
			}
		}
	}
}
