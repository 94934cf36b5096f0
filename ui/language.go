package ui

import (
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"github.com/paulmach/orb"

	"github.com/sahelatlas/sahelatlas/data"
	datalang "github.com/sahelatlas/sahelatlas/data/lang"
)

// The window's words come from the catalogs of data/lang, which Fyne's
// lang package reads too (lang.L with the English text as the key, so a
// word the catalog lacks shows in English). The language is, in order:
// --lang, the one chosen in View → Language (the "language" preference),
// the system's (LANGUAGE, LC_ALL, LC_MESSAGES, LANG).

// languagePref is the preference holding the language chosen in the
// window ("en", "fr"); empty follows the system.
const languagePref = "language"

// startLanguage sets the window's language before it is built: explicit
// (from --lang; "" when not given), else the preference, else the
// system's.
func startLanguage(a fyne.App, explicit string) {
	t := datalang.FromEnv()
	if pref, err := datalang.Parse(a.Preferences().String(languagePref)); err == nil {
		t = pref
	}
	if given, err := datalang.Parse(explicit); err == nil {
		t = given
	}
	if t != loadedLanguage { // Run may have loaded them already, for the flag or the system
		useLanguage(t)
	}
}

// flagOrSystemLanguage is the language of --lang (explicit), else the
// system's: what the window speaks before its preferences are read.
func flagOrSystemLanguage(explicit string) datalang.Tag {
	if t, err := datalang.Parse(explicit); err == nil {
		return t
	}
	return datalang.FromEnv()
}

// useLanguage makes t the language of the pages (data/lang) and of Fyne's
// own words and ours: Fyne picks the language of LANGUAGE when it loads
// translations, so it is set, then the catalogs are (re)loaded.
func useLanguage(t datalang.Tag) {
	datalang.Set(t)
	os.Setenv("LANGUAGE", string(t))
	if err := lang.AddTranslationsFS(datalang.Catalogs, datalang.CatalogDir); err != nil {
		fyne.LogError("ui: cannot load the translations", err)
	}
	loadedLanguage = t
}

// loadedLanguage is the language useLanguage last loaded the catalogs
// for, so that the window does not parse them twice as it starts.
var loadedLanguage datalang.Tag

// SetLanguage switches the window to t and remembers it: the menus, the
// toolbar, the tabs and what is drawn change now; panels built earlier
// (an open dialog, the details shown) change when next shown.
func (ui *Window) SetLanguage(t datalang.Tag) {
	ui.App.Preferences().SetString(languagePref, string(t))
	useLanguage(t)
	ui.Dates.Relabel()
	ui.Win.SetContent(ui.layout())
	ui.Win.SetMainMenu(ui.menu())
	ui.Filters.SetOptions()
	ui.explorerChanged(ChangeWindow | ChangeFilter | ChangeSelection)
	ui.legendKey = "" // redraw the legend in the new language
	ui.Map.Refresh()
	ui.Status.SetText(lang.L("Language: English"))
}

// languageItem is View → Language: a sub-menu of the languages, the one
// in use checked.
func (ui *Window) languageItem() *fyne.MenuItem {
	item := fyne.NewMenuItem(lang.L("Language"), nil)
	var subs []*fyne.MenuItem
	for _, t := range datalang.Tags {
		sub := fyne.NewMenuItem(t.Name(), func() { ui.SetLanguage(t) })
		sub.Checked = datalang.Current() == t
		subs = append(subs, sub)
	}
	item.ChildMenu = fyne.NewMenu("", subs...)
	return item
}

// kindName is a kind of event in the window's language ("coup d’État").
func kindName(k data.Kind) string { return datalang.Term("kind", k.String()) }

// kindOf is the kind kindName names, for a choice's label.
func kindOf(label string) data.Kind {
	for _, k := range data.Kinds {
		if kindName(k) == label {
			return k
		}
	}
	k, _ := data.ParseKind(label) // a kind's own name, as fill selects it
	return k
}

// statusName is a relation's state in the window's language ("en dégel").
func statusName(s data.Status) string { return datalang.Term("status", string(s)) }

// precisionName is a date precision in the window's language.
func precisionName(p data.Precision) string { return datalang.Term("precision", p.String()) }

// eventTitle and eventSummary are e's in the window's language: the
// bundled French for a bundled event, else its own words.
func eventTitle(e *data.Event) string   { return e.TitleIn(datalang.Current()) }
func eventSummary(e *data.Event) string { return e.SummaryIn(datalang.Current()) }

// actorName is a's name in the window's language.
func actorName(a *data.Actor) string { return a.NameIn(datalang.Current()) }

// countryIn is a country's name in the window's language (CLDR's French).
func countryIn(code, english string) string { return datalang.Current().Country(code, english) }

// countrySearchText is what search looks in for a country: its English
// and French names ("Tchad" finds Chad).
func countrySearchText(code, english string) string {
	return english + "\n" + datalang.French.Country(code, english)
}

// dayMonthYear writes a day as analysts read it: "9 Apr 2025",
// "9 avr. 2025".
func dayMonthYear(d data.Date) string { return datalang.Current().DateShort(d.Time()) }

// monthYear writes a month: "Apr 2025", "avr. 2025".
func monthYear(d data.Date) string {
	t := d.Time()
	return datalang.Current().MonthShort(t.Month()) + " " + t.Format("2006")
}

// FormatLonLat writes a point as degrees with hemispheres in the window's
// language: "12.6392° N, 8.0029° W", "12,6392° N, 8,0029° O".
func FormatLonLat(p orb.Point) string { return datalang.Current().LonLat(p.Lon(), p.Lat(), 4) }

// decimal writes x with digits after the decimal point in the window's
// language: "5.5", "5,5".
func decimal(x float64, digits int) string { return datalang.Current().Decimal(x, digits) }
