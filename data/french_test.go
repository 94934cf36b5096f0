package data

import (
	"testing"

	"github.com/sahelatlas/sahelatlas/data/lang"
)

// TestFrenchWords: every bundled event has a French title and summary
// tied to its current English title, and the actors and roles translated
// exist.
func TestFrenchWords(t *testing.T) {
	if err := loadFrench(); err != nil {
		t.Fatalf("french.json: %v", err)
	}
	d, err := LoadBundled()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range d.Events {
		f, ok := e.french()
		if !ok {
			t.Errorf("event %s has no French, or its English title changed since (%q)", e.ID, e.Title)
			continue
		}
		if f.title == e.Title || f.summary == e.Summary || f.summary == "" {
			t.Errorf("event %s: the French is the English or empty", e.ID)
		}
	}
	if len(frenchEvents) != len(d.Events) {
		t.Errorf("french.json has %d events, the dataset %d", len(frenchEvents), len(d.Events))
	}
	for id, f := range frenchActors {
		a := d.Actor(id)
		if a == nil || a.Name != f.nameEN {
			t.Errorf("french.json translates actor %s (%q), which the dataset does not have so named", id, f.nameEN)
		}
	}
	roles := map[string]bool{}
	for _, a := range d.Actors {
		for _, r := range a.Roles {
			roles[r.Title] = true
		}
	}
	for en := range frenchRoles {
		if !roles[en] {
			t.Errorf("french.json translates the role %q, which no actor has", en)
		}
	}
}

func TestTitleIn(t *testing.T) {
	d, err := LoadBundled()
	if err != nil {
		t.Fatal(err)
	}
	e := d.Event("2025-09-14-mali-expels-french-diplomats")
	if e == nil {
		t.Fatal("no event 2025-09-14-mali-expels-french-diplomats")
	}
	tests := []struct {
		got, want string
	}{
		{e.TitleIn(lang.French), "Le Mali expulse cinq diplomates français"},
		{e.TitleIn(lang.English), e.Title},
		{d.Actor("rsf").NameIn(lang.French), "Forces de soutien rapide (FSR)"},
		{d.Actor("rsf").NameIn(lang.English), "Rapid Support Forces (RSF)"},
		{d.Actor("diop").Roles[0].TitleIn(lang.French), "Ministre des Affaires étrangères du Mali"},
		// the stand-in actor of imported events with none, named by the catalogs
		{(&Actor{ID: "x-unattributed", Name: "Unattributed (imported)"}).NameIn(lang.French), "Non attribué (importé)"},
		{(&Actor{ID: "x-unattributed", Name: "Unattributed (imported)"}).NameIn(lang.English), "Unattributed (imported)"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("case %d: %q, want %q", i, tt.got, tt.want)
		}
	}
	changed := *e
	changed.Title = "An analyst's own title"
	if got := changed.TitleIn(lang.French); got != changed.Title {
		t.Errorf("an event whose English changed shows the stale French %q", got)
	}
}

// TestSearchFrench: search finds bundled events by their French words and
// their actors' French names and titles.
func TestSearchFrench(t *testing.T) {
	d, err := LoadBundled()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query, want string
	}{
		{"expulse cinq diplomates", "2025-09-14-mali-expels-french-diplomats"},
		{"Forces de soutien rapide", "sudan-war-outbreak-khartoum"},
		{"ministre des affaires etrangeres", "diop-speech-economic-ties-moscow"},
		{"coup d'État Bazoum", "2023-niger-coup"},
	}
	for _, tt := range tests {
		found := false
		for _, e := range d.Search(tt.query) {
			found = found || e.ID == tt.want
		}
		if !found {
			t.Errorf("Search(%q) does not find %s", tt.query, tt.want)
		}
	}
}

// TestCreditsCatalog: the pages credit the data from the catalogs; the
// English one must say what Credits says.
func TestCreditsCatalog(t *testing.T) {
	if got := lang.English.T("credits.geonames"); got != Credits {
		t.Errorf("en.json credits.geonames is %q, data.Credits %q", got, Credits)
	}
}
