package ui

import (
	"strings"
	"testing"

	"github.com/paulmach/orb"

	datalang "github.com/sahelatlas/sahelatlas/data/lang"
)

// TestDetailsInLanguage: a bundled event's notes, its source's date note,
// its place's coordinates and the pointer's in the status bar are in the
// window's language (a decimal comma in French).
func TestDetailsInLanguage(t *testing.T) {
	t.Setenv("LANGUAGE", "en")
	ui := newTestWindow(t)
	t.Cleanup(func() { useLanguage(datalang.English) })
	tests := []struct {
		tag   datalang.Tag
		want  []string // each the start of a line of the details
		hover string   // the status bar over Bamako
	}{
		{datalang.French, []string{
			"Date telle que donnée : Arrivé dans la capitale malienne le 8 juillet",
			"Année déduite : 2025, déduit du document 002",
			"Fiabilité : Année déduite (voir « Année déduite »).",
			"Lieu : Bamako (12,6500°\u00a0N, 8,0000°\u00a0O)",
			"• 002_3d1edc860a2a075c.txt — Ni média, ni titre, ni date",
		}, "Mali · 12,6392°\u00a0N, 8,0029°\u00a0O"},
		{datalang.English, []string{
			"Date as given: 'arrived in the Malian capital on July 8",
			"Year inferred: 2025, inferred from 002",
			"Confidence: Year inferred (see year_inferred).",
			"Place: Bamako (12.6500° N, 8.0000° W)",
			"• 002_3d1edc860a2a075c.txt — No outlet, headline or date",
		}, "Mali · 12.6392° N, 8.0029° W"},
	}
	for _, tt := range tests {
		useLanguage(tt.tag)
		ui.SetLanguage(tt.tag)
		e := ui.Explorer.Data.Event("2025-07-08-atallah-mission-bamako")
		if e == nil {
			t.Fatal("no event 2025-07-08-atallah-mission-bamako")
		}
		ui.ShowAllDates()
		ui.Explorer.Select(e)
		text := collectText(ui.Details.Container)
		for _, want := range tt.want {
			found := false
			for _, line := range text {
				found = found || strings.HasPrefix(line, want)
			}
			if !found {
				t.Errorf("%s: no line of the details starts %q:\n%s", tt.tag, want, strings.Join(text, "\n"))
			}
		}
		ui.mapHover(orb.Point{-8.0029, 12.6392}, 0, 0, ui.Map.Position())
		if got := ui.Coords.Text; got != tt.hover {
			t.Errorf("%s: the status bar says %q over Bamako, want %q", tt.tag, got, tt.hover)
		}
	}
}
