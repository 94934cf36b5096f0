package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"github.com/sahelatlas/sahelatlas/data"
	datalang "github.com/sahelatlas/sahelatlas/data/lang"
)

// menuItem finds the item labelled label in menu, or in its sub-menus.
func menuItem(menu *fyne.Menu, label string) *fyne.MenuItem {
	for _, it := range menu.Items {
		if it.Label == label {
			return it
		}
		if it.ChildMenu != nil {
			if found := menuItem(it.ChildMenu, label); found != nil {
				return found
			}
		}
	}
	return nil
}

// topLabels are the labels of the main menu's menus.
func topLabels(m *fyne.MainMenu) []string {
	var out []string
	for _, menu := range m.Items {
		out = append(out, menu.Label)
	}
	return out
}

// TestSwitchLanguage chooses Français in View → Language and finds the
// menus, tabs, filters and status bar in French, the choice remembered;
// then goes back to English.
func TestSwitchLanguage(t *testing.T) {
	t.Setenv("LANGUAGE", "en")
	ui := newTestWindow(t)
	useLanguage(datalang.English)
	t.Cleanup(func() { useLanguage(datalang.English) })
	ui.SetLanguage(datalang.English)

	if got := strings.Join(topLabels(ui.Win.MainMenu()), ","); got != "File,View,Events,Annotations" {
		t.Fatalf("the English menus are %s", got)
	}
	var view *fyne.Menu
	for _, m := range ui.Win.MainMenu().Items {
		if m.Label == "View" {
			view = m
		}
	}
	fr := menuItem(view, "Français")
	if fr == nil {
		t.Fatal("View → Language has no Français")
	}
	fr.Action()

	menu := ui.Win.MainMenu()
	if got := strings.Join(topLabels(menu), ","); got != "Fichier,Affichage,Événements,Annotations" {
		t.Errorf("the French menus are %s", got)
	}
	for _, want := range []string{"Importer des événements…", "Exporter la carte…", "Nouvel événement…", "Ajouter une épingle", "Monde", "Soudan"} {
		found := false
		for _, m := range menu.Items {
			found = found || menuItem(m, want) != nil
		}
		if !found {
			t.Errorf("no menu item %q in French", want)
		}
	}
	var tabs []string
	for _, it := range ui.sideTabs.Items {
		tabs = append(tabs, it.Text)
	}
	if got := strings.Join(tabs, ","); got != "Détails,Légende,Annotations,Imports" {
		t.Errorf("the French tabs are %s", got)
	}
	if got := ui.App.Preferences().String(languagePref); got != "fr" {
		t.Errorf("the language preference is %q, want fr", got)
	}
	if got := ui.Status.Text; got != "Langue : français" {
		t.Errorf("the status bar says %q", got)
	}
	if got := ui.DateWindow.Text; !strings.Contains(got, "événements") {
		t.Errorf("the date window says %q", got)
	}
	if got := ui.Dates.fromLabel.Text + " " + ui.Dates.toLabel.Text + " " + ui.Dates.Set.Text; got != "Du au Appliquer" {
		t.Errorf("the date fields say %q", got)
	}
	if got := lang.L("Cancel"); got != "Annuler" {
		t.Errorf("Fyne's own words are not French: Cancel is %q", got)
	}
	if !contains(ui.Filters.kind.Options, "coup d’État") || !contains(ui.Filters.kind.Options, "visite") {
		t.Errorf("the kinds to filter by are not French: %q", ui.Filters.kind.Options)
	}
	ui.Filters.kind.SetSelected("visite")
	if k := ui.Explorer.Filter.Kinds; len(k) != 1 || k[0] != data.KindVisit {
		t.Errorf("choosing visite filters to %v, want visit", k)
	}
	ui.Explorer.ResetFilter()

	ui.SetLanguage(datalang.English)
	if got := strings.Join(topLabels(ui.Win.MainMenu()), ","); got != "File,View,Events,Annotations" {
		t.Errorf("back in English the menus are %s", got)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestStartLanguage: --lang beats the preference, which beats the system.
func TestStartLanguage(t *testing.T) {
	t.Setenv("LANGUAGE", "")
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Cleanup(func() { useLanguage(datalang.English) })
	tests := []struct {
		env, pref, flag string
		want            datalang.Tag
	}{
		{"fr_FR.UTF-8", "", "", datalang.French},
		{"fr_FR.UTF-8", "en", "", datalang.English},
		{"en_GB.UTF-8", "fr", "", datalang.French},
		{"en_GB.UTF-8", "fr", "en", datalang.English},
		{"C.UTF-8", "", "fr", datalang.French},
	}
	a := test.NewTempApp(t)
	for _, tt := range tests {
		t.Setenv("LANG", tt.env)
		t.Setenv("LANGUAGE", "")
		a.Preferences().SetString(languagePref, tt.pref)
		startLanguage(a, tt.flag)
		if got := datalang.Current(); got != tt.want {
			t.Errorf("LANG=%s, preference %q, --lang %q: %s, want %s", tt.env, tt.pref, tt.flag, got, tt.want)
		}
		wantFile := map[datalang.Tag]string{datalang.English: "File", datalang.French: "Fichier"}[tt.want]
		if got := lang.L("File"); got != wantFile {
			t.Errorf("LANG=%s, preference %q, --lang %q: Fyne says File is %q, want %q", tt.env, tt.pref, tt.flag, got, wantFile)
		}
	}
}
