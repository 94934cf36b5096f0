package lang

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// TestFrenchRegionsMatchCLDR checks the generated table against
// golang.org/x/text's display tables for every code Country may be given
// (AA..ZZ, AAA..ZZZ, 000..999, and in lower case): run go generate
// ./data/lang/ when it fails after an upgrade of golang.org/x/text.
func TestFrenchRegionsMatchCLDR(t *testing.T) {
	names := display.Regions(language.French)
	var codes []string
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			codes = append(codes, string([]rune{a, b}))
			for c := 'A'; c <= 'Z'; c++ {
				codes = append(codes, string([]rune{a, b, c}))
			}
		}
	}
	for n := 0; n < 1000; n++ {
		codes = append(codes, fmt.Sprintf("%03d", n))
	}
	codes = append(codes, "td", "tcd", " TCD ", "", "X", "SOL")
	named := 0
	for _, code := range codes {
		want := "english"
		if r, err := language.ParseRegion(strings.TrimSpace(code)); err == nil {
			if n := names.Name(r); n != "" {
				want = n
				named++
			}
		}
		if got := French.Country(code, "english"); got != want {
			t.Errorf("French.Country(%q) = %q, CLDR says %q", code, got, want)
		}
	}
	if named < 250 {
		t.Errorf("CLDR named %d of the codes, want at least 250 (the countries)", named)
	}
}
