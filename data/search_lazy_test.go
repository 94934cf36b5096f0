package data

import (
	"slices"
	"strings"
	"sync"
	"testing"
)

// eagerSearch is what Search found when New folded every event's search
// text at once: each event's whole text (searchTextWhole) must hold every
// folded word of text.
func eagerSearch(d *Dataset, text string) []string {
	words := strings.Fields(Fold(text))
	var out []string
	for _, e := range d.Events {
		whole := searchTextWhole(d, e)
		if !slices.ContainsFunc(words, func(w string) bool { return !strings.Contains(whole, w) }) {
			out = append(out, e.ID)
		}
	}
	return out
}

// TestSearchLazyAgreesWithEager: the search text made on the first search
// finds, for English and French queries, accented or not, what the text
// New used to fold for every event found, even when the first searches
// run at once (go test -race checks they share the making safely).
func TestSearchLazyAgreesWithEager(t *testing.T) {
	for _, c := range []struct {
		query string
		some  bool // the bundled events hold it: an empty answer is wrong
	}{
		{"Goïta", true},
		{"GOITA", true},
		{"keita", true},
		{"Keïta coup", true},
		{"coup d’État", true},       // the French title, with its apostrophe
		{"coup d'etat", true},       // folded
		{"Forces de soutien", true}, // an actor's French name
		{"soutien rapide", true},    // ... and in a French summary
		{"président du mali", true}, // a role's French title
		{"President of Mali", true}, // ... and its English
		{"attaque", true},           // a kind's French name
		{"déploiement", true},       // ... with an accent
		{"deploiement", true},       // ... folded
		{"visit", true},             // a kind's English name
		{"Bamako", true},            // a place
		{"MLI", true},               // a country
		{"wagner", true},            // an actor
		{"Khartoum", true},          // a French summary's word, also English
		{"visite Mali", true},       // French title words
		{"nowhere-at-all", false},   // nothing
		{"Goïta nowhere-at-all", false},
		{"", true}, // every event
	} {
		d, err := LoadBundled()
		if err != nil {
			t.Fatal(err)
		}
		want := eagerSearch(d, c.query)
		if c.some && len(want) == 0 {
			t.Errorf("%q: the eager search finds nothing; the case is wrong", c.query)
		}
		const searches = 4
		got := make([][]string, searches)
		var wg sync.WaitGroup
		for i := range searches {
			wg.Add(1)
			go func() {
				defer wg.Done()
				got[i] = ids(d.Search(c.query))
			}()
		}
		wg.Wait()
		for i, g := range got {
			if !slices.Equal(g, want) {
				t.Errorf("%q: search %d finds %v, the eager build finds %v", c.query, i, g, want)
			}
		}
	}
}
