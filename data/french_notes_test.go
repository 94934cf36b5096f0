package data

import (
	"strings"
	"testing"

	"github.com/sahelatlas/sahelatlas/data/lang"
)

// TestFrenchNotes: every note of a bundled event and every source's date
// note has a French version, other than the English.
func TestFrenchNotes(t *testing.T) {
	d, err := LoadBundled()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range d.Events {
		notes := []struct{ name, en, fr string }{
			{"confidence", e.Confidence, e.ConfidenceIn(lang.French)},
			{"date_note", e.DateNote, e.DateNoteIn(lang.French)},
			{"year_inferred", e.YearInferred, e.YearInferredIn(lang.French)},
		}
		for _, n := range notes {
			if n.en != "" && n.fr == n.en {
				t.Errorf("event %s: its %s has no French, or its English changed since (%q)", e.ID, n.name, n.en)
			}
		}
	}
	for _, s := range d.Sources {
		if s.DateNote != "" && s.DateNoteIn(lang.French) == s.DateNote {
			t.Errorf("source %s: its date note has no French (%q)", s.Document, s.DateNote)
		}
	}
}

// TestNotesIn: the notes in French and in English, and the English again
// once the English note they translate has changed.
func TestNotesIn(t *testing.T) {
	d, err := LoadBundled()
	if err != nil {
		t.Fatal(err)
	}
	e := d.Event("2025-07-08-atallah-mission-bamako")
	if e == nil {
		t.Fatal("no event 2025-07-08-atallah-mission-bamako")
	}
	changed := *e
	changed.Confidence, changed.DateNote, changed.YearInferred = "An analyst's own doubt.", "An analyst's own date note.", "An analyst's own inference."
	src := d.Source("002_3d1edc860a2a075c.txt")
	if src == nil {
		t.Fatal("no source 002_3d1edc860a2a075c.txt")
	}
	srcChanged := *src
	srcChanged.DateNote = "Rewritten by the analyst."
	tests := []struct {
		name, got, want string
	}{
		{"confidence in French", e.ConfidenceIn(lang.French), "Année déduite (voir « Année déduite »)."},
		{"date note in French", e.DateNoteIn(lang.French), "Arrivé dans la capitale malienne le 8 juillet"},
		{"year inferred in French", e.YearInferredIn(lang.French), "2025, déduit du document 002"},
		{"source date note in French", src.DateNoteIn(lang.French), "Ni média, ni titre, ni date"},
		{"confidence in English", e.ConfidenceIn(lang.English), e.Confidence},
		{"date note in English", e.DateNoteIn(lang.English), e.DateNote},
		{"year inferred in English", e.YearInferredIn(lang.English), e.YearInferred},
		{"source date note in English", src.DateNoteIn(lang.English), src.DateNote},
		{"changed confidence", changed.ConfidenceIn(lang.French), changed.Confidence},
		{"changed date note", changed.DateNoteIn(lang.French), changed.DateNote},
		{"changed year inferred", changed.YearInferredIn(lang.French), changed.YearInferred},
		{"changed source date note", srcChanged.DateNoteIn(lang.French), srcChanged.DateNote},
		{"no confidence", (&Event{ID: e.ID}).ConfidenceIn(lang.French), ""},
	}
	for _, tt := range tests {
		if !strings.HasPrefix(tt.got, tt.want) || (tt.want == "" && tt.got != "") {
			t.Errorf("%s: %q, want %q…", tt.name, tt.got, tt.want)
		}
	}
}
