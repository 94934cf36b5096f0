// Package lang holds Sahel Atlas's words in English and French: the
// message catalogs (catalogs/en.json and catalogs/fr.json, embedded), the
// language the user chose (--lang, the preferences, or LANG/LC_ALL), and
// the conventions of each language for dates ("16 avril 2024",
// "1–30 sept. 2025"), numbers ("1 000 km") and country and capital names.
//
// It imports no Fyne: the pages (geo/scene, geo/layout) and the command
// line (ui/cli) translate through it, and the window registers the same
// catalogs with fyne.io/fyne/v2/lang (see Catalogs) so both say the same.
//
// A catalog is a flat JSON object from key to text; a text may hold fmt
// verbs (%s, %d) that T fills in. Every key has both languages
// (TestCatalogsComplete).
package lang
