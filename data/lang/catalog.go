package lang

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"sort"
	"sync"
)

// Catalogs holds the message catalogs, catalogs/en.json and
// catalogs/fr.json: flat JSON objects from key to text. The window hands
// it to Fyne's lang.AddTranslationsFS(Catalogs, CatalogDir).
//
//go:embed catalogs/*.json
var Catalogs embed.FS

// CatalogDir is the directory of Catalogs that holds the JSON files.
const CatalogDir = "catalogs"

// The catalogs again, as byte slices: loadCatalog decodes them where the
// program holds them, where Catalogs.ReadFile copies each into a new
// slice first (57 KB of fresh memory for English, while the program
// starts).
var (
	//go:embed catalogs/en.json
	englishJSON []byte
	//go:embed catalogs/fr.json
	frenchJSON []byte
)

// catalogJSON is the JSON of t's catalog.
func catalogJSON(t Tag) ([]byte, error) {
	switch t {
	case English:
		return englishJSON, nil
	case French:
		return frenchJSON, nil
	}
	return Catalogs.ReadFile(CatalogDir + "/" + string(t) + ".json")
}

// catalogs holds each language's catalog, parsed on first use of that
// language: an English page never parses the French catalog.
var catalogs = newCatalogs(loadCatalog)

// newCatalogs returns, for each of Tags, a function that calls load for
// that language once, on its first call, and returns what it returned.
func newCatalogs(load func(Tag) map[string]string) map[Tag]func() map[string]string {
	m := make(map[Tag]func() map[string]string, len(Tags))
	for _, tag := range Tags {
		m[tag] = sync.OnceValue(func() map[string]string { return load(tag) })
	}
	return m
}

// catalog is the catalog of t (English's for a language without one),
// loaded on first use.
func catalog(t Tag) map[string]string {
	if load, ok := catalogs[t]; ok {
		return load()
	}
	return catalogs[English]()
}

// LoadCatalog parses t's catalog now, if nothing has yet, rather than on
// its first use by T, Has or another reader (geo/scene.Preload does it
// while the program starts).
func (t Tag) LoadCatalog() { catalog(t) }

// loadCatalog parses t's catalog. The catalogs are compiled in: one that
// does not parse is a programming error, caught by the tests, so it
// panics.
func loadCatalog(t Tag) map[string]string {
	b, err := catalogJSON(t)
	if err != nil {
		panic("lang: no catalog for " + string(t) + ": " + err.Error())
	}
	// One entry a line, as the catalogs are written: room for them all,
	// so the map does not grow (and rehash) some ten times while it fills.
	m := make(map[string]string, bytes.Count(b, []byte("\n")))
	if err := json.Unmarshal(b, &m); err != nil {
		panic("lang: catalog " + string(t) + ".json does not parse: " + err.Error())
	}
	return m
}

// T is the text of key in the current language (Current), with a filled
// in by fmt.Sprintf when given.
func T(key string, a ...any) string { return Current().T(key, a...) }

// T is the text of key in t, with a filled in by fmt.Sprintf when given.
// A key missing from t's catalog falls back to English, then to the key
// itself, so a missing word shows rather than vanishes.
func (t Tag) T(key string, a ...any) string {
	s, ok := catalog(t)[key]
	if !ok {
		if s, ok = catalog(English)[key]; !ok {
			s = key
		}
	}
	if len(a) > 0 {
		return fmt.Sprintf(s, a...)
	}
	return s
}

// Has reports whether t's catalog holds key.
func (t Tag) Has(key string) bool {
	_, ok := catalog(t)[key]
	return ok
}

// Keys lists the keys of t's catalog, sorted.
func (t Tag) Keys() []string {
	m := catalog(t)
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Plural is T of key+".one" when n is 1 (French: 0 or 1), else of
// key+".other", with n and then a filled in.
func (t Tag) Plural(key string, n int, a ...any) string {
	form := ".other"
	if n == 1 || (t == French && n == 0) {
		form = ".one"
	}
	return t.T(key+form, append([]any{n}, a...)...)
}

// Term is the word of one of the data's vocabularies in the current
// language: group is "kind", "status", "precision" or "place", and word
// the data's own ("visit", "thawing"). A word the catalog lacks (a kind
// from an imported file) is returned as it is.
func Term(group, word string) string { return Current().Term(group, word) }

// Term is the data's word in t's words; see the function Term.
func (t Tag) Term(group, word string) string {
	key := group + "." + word
	if s, ok := catalog(t)[key]; ok {
		return s
	}
	if s, ok := catalog(English)[key]; ok {
		return s
	}
	return word
}
