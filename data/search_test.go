package data

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

func TestContainsFolded(t *testing.T) {
	for _, c := range []struct {
		text, word string
		want       bool
	}{
		{"Assimi Goïta", "goita", true},
		{"Assimi GOITA", "goita", true},
		{"Assimi Goita", "goïta", false}, // words are folded before they are matched
		{"Ménaka", "menaka", true},
		{"Straße", "strasse", true},
		{"Koné", "kone", true},
		{"FAMa", "fama", true},
		{"FAMa", "famas", false},
		{"", "a", false},
		{"abc", "", true},
		{"Gao", "gaoo", false},
		{"N'Djamena", "n'djamena", true},
		{"N’Djamena", "n'djamena", true},
		{"AAAB", "aab", true},
		{"12 fatalities", "12", true},
		{"[bracket]", "[b", true},
		{"@", "`", false}, // '@' and '`' differ by the case bit but are not letters
	} {
		if got := containsFolded(c.text, c.word); got != c.want {
			t.Errorf("containsFolded(%q, %q) = %v, want %v", c.text, c.word, got, c.want)
		}
		if ref := strings.Contains(Fold(c.text), c.word); ref != c.want {
			t.Errorf("the case %q, %q is wrong: Fold says %v", c.text, c.word, ref)
		}
	}
}

// searchTextWhole is what Filter.Text looked in before the search text was
// split (every part folded into one copy per event): the reference the
// split search must agree with.
func searchTextWhole(d *Dataset, e *Event) string {
	parts := []string{e.ID, e.Title, e.Summary, e.DateNote, e.Kind.String()}
	parts = append(parts, e.frenchSearch()...)
	parts = append(parts, e.Countries...)
	for _, f := range e.Fields {
		parts = append(parts, f.Value)
	}
	for _, id := range []string{e.Place, e.Origin} {
		if p := d.places[id]; p != nil {
			parts = append(parts, p.Names()...)
		}
	}
	for _, id := range e.Actors {
		if a := d.actors[id]; a != nil {
			parts = append(parts, append(a.Names(), a.FrenchNames()...)...)
		}
	}
	return Fold(strings.Join(parts, "\n"))
}

// TestSearchAgreesWithWholeText: every word of the bundled events' text
// (and pairs of them) finds the same events as when each event kept its
// whole text folded.
func TestSearchAgreesWithWholeText(t *testing.T) {
	d, err := LoadBundled()
	if err != nil {
		t.Fatal(err)
	}
	whole := make(map[*Event]string, len(d.Events))
	seen := map[string]bool{}
	var words []string
	for _, e := range d.Events {
		whole[e] = searchTextWhole(d, e)
		for _, w := range strings.Fields(e.Title + " " + e.Summary + " " + e.ID) {
			if !seen[w] {
				seen[w] = true
				words = append(words, w)
			}
		}
	}
	words = append(words, "GOÏTA", "menaka", "wagner", "Forces de soutien", "visite", "nowhere-at-all")
	for i, w := range words {
		for _, text := range []string{w, w + " " + words[(i*7+3)%len(words)]} {
			fw := strings.Fields(Fold(text))
			var want []string
			for _, e := range d.Events {
				if !slices.ContainsFunc(fw, func(x string) bool { return !strings.Contains(whole[e], x) }) {
					want = append(want, e.ID)
				}
			}
			if got := ids(d.Search(text)); !slices.Equal(got, want) {
				t.Fatalf("%q finds %v, the whole text finds %v", text, got, want)
			}
		}
	}
	if len(words) < 200 {
		t.Errorf("only %d words tried", len(words))
	}
}

// TestSearchSharesText: events of one kind, place and actors share one
// folded copy of what search looks in beyond their own text, and that
// copy holds none of their own text.
func TestSearchSharesText(t *testing.T) {
	places := []*Place{
		{ID: "gao", Name: "Gao", Point: [2]float64{-0.04, 16.27}, Country: "MLI"},
		{ID: "djibo", Name: "Djibo", Point: [2]float64{-1.63, 14.1}, Country: "BFA"},
	}
	actor := &Actor{ID: "fama", Name: "FAMa", Kind: ActorMilitary}
	src := &Source{Document: "acled.csv"}
	var events []*Event
	for i := range 40 {
		p := places[i%2]
		events = append(events, &Event{
			ID: fmt.Sprintf("E%d", i), Start: D(2021, 2, 1+i%28), End: D(2021, 2, 1+i%28), Precision: PrecisionDay,
			Kind: KindAttack, Title: fmt.Sprintf("Armed clash %d", i), Summary: "Unique words " + strconv.Itoa(i),
			Place: p.ID, Actors: []string{"fama"}, Countries: []string{p.Country}, Sources: []SourceRef{{Document: "acled.csv"}},
		})
	}
	d, err := New([]*Source{src}, places, []*Actor{actor}, events, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Search("DJIBO clash 17"); len(got) != 1 || got[0].ID != "E17" {
		t.Errorf("'DJIBO clash 17' finds %v, want E17", ids(got))
	}
	copies := map[*byte]int{} // copies of the text in memory, by address, made by the first search
	for _, e := range d.Events {
		copies[unsafe.StringData(e.searchText().text)]++
		if strings.Contains(e.searchText().text, "clash") || strings.Contains(e.searchText().text, "unique") {
			t.Fatalf("the shared search text holds the event's own title or summary: %q", e.searchText().text)
		}
	}
	if len(copies) != 2 {
		t.Errorf("%d copies of the search text for 40 events at 2 places, want 2", len(copies))
	}
}

// TestContainsLowerASCIIAgreesWithStrings: the candidate search finds what
// strings.Contains finds in the lower-cased text, at every length.
func TestContainsLowerASCIIAgreesWithStrings(t *testing.T) {
	texts := []string{"", "a", "A", "aA", "AAAB", "abAB abab", "Koulikoro, Mali: ATTACK by JNIM near Ségou", "zzzzzzzzza", "a.b.c-d", "xXxXxYx"}
	words := []string{"a", "ab", "aab", "xy", "xxy", "attack", "jnim near", "mali:", ".", "c-d", "zza", "q", "k"}
	for _, s := range texts {
		if !isASCII(s) {
			continue
		}
		for _, w := range words {
			if got, want := containsLowerASCII(s, w), strings.Contains(strings.ToLower(s), w); got != want {
				t.Errorf("containsLowerASCII(%q, %q) = %v, want %v", s, w, got, want)
			}
		}
	}
}
