package exchange_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/exchange"
	"github.com/sahelatlas/sahelatlas/geo"
)

// atlasLookup builds the maps the importers read country columns with
// before the table: straight from the atlas, in its order, later entries
// winning.
func atlasLookup(t *testing.T) (numeric, names map[string]string, codes []string) {
	t.Helper()
	a, err := geo.LoadAtlas()
	if err != nil {
		t.Fatal(err)
	}
	numeric, names = map[string]string{}, map[string]string{}
	for _, c := range a.Countries() {
		if c.Numeric != "" {
			n, _ := strconv.Atoi(c.Numeric)
			numeric[strconv.Itoa(n)] = c.Code
		}
		names[data.Fold(c.Name)] = c.Code
		codes = append(codes, c.Code)
	}
	return numeric, names, codes
}

// TestCountryTableMatchesAtlas checks the generated table against the
// atlas: every numeric code, name and code the atlas-based lookup took
// still gives the same country. When it fails after the boundaries
// changed, run go generate ./data/exchange/.
func TestCountryTableMatchesAtlas(t *testing.T) {
	numeric, names, codes := atlasLookup(t)
	if got := exchange.TableCountryCodes(); !slices.Equal(got, codes) {
		t.Fatalf("the table has %d countries, the atlas %d (or they differ): run go generate ./data/exchange/", len(got), len(codes))
	}
	for n, want := range numeric {
		padded := strings.Repeat("0", max(0, 3-len(n))) + n
		for _, s := range []string{n, padded, n + ".0", " " + padded + " "} {
			if got := exchange.CountryOfNumeric(s); got != want {
				t.Errorf("numeric %q: %q, want %q", s, got, want)
			}
		}
	}
	for name, want := range names {
		if got := exchange.CountryNamed(name); got != want {
			t.Errorf("name %q: %q, want %q", name, got, want)
		}
	}
	for _, code := range codes {
		for _, s := range []string{code, strings.ToLower(code), " " + code} {
			if got := exchange.CountryNamed(s); got != code {
				t.Errorf("code %q: %q, want %q", s, got, code)
			}
		}
	}
	for _, s := range []string{"", "0", "999", "abc", "46.6"} {
		if got := exchange.CountryOfNumeric(s); got != "" {
			t.Errorf("numeric %q: %q, want none", s, got)
		}
	}
}

// TestCountryVariants checks the hand-written names: each gives a country
// of the atlas, none contradicts an atlas name or another variant, and
// each is found however it is typed.
func TestCountryVariants(t *testing.T) {
	_, names, codes := atlasLookup(t)
	folded := map[string]string{}
	for name, code := range exchange.CountryVariants {
		if !slices.Contains(codes, code) {
			t.Errorf("variant %q: %s is not a country of the atlas", name, code)
		}
		f := data.Fold(name)
		if c, ok := names[f]; ok {
			t.Errorf("variant %q repeats the atlas name of %s", name, c)
		}
		if c, ok := folded[f]; ok && c != code {
			t.Errorf("variant %q is both %s and %s", name, c, code)
		}
		folded[f] = code
		for _, s := range []string{name, strings.ToUpper(name), " " + name + " "} {
			if got := exchange.CountryNamed(s); got != code {
				t.Errorf("variant %q: %q, want %s", s, got, code)
			}
		}
	}
	cases := map[string]string{
		"Ivory Coast": "CIV", "Côte d’Ivoire": "CIV", "Democratic Republic of Congo": "COD", "Republic of Congo": "COG",
		"eSwatini": "SWZ", "Tchad": "TCD", "Guinée-Bissau": "GNB", "Sao Tome and Principe": "STP", "Nigéria": "NGA", "Sénégal": "SEN",
		"Mali": "MLI", "Niger": "NER", "Nigeria": "NGA", "Soudan du Sud": "SSD", "Atlantis": "",
	}
	for s, want := range cases {
		if got := exchange.CountryNamed(s); got != want {
			t.Errorf("%q: %q, want %q", s, got, want)
		}
	}
}

// TestCountryAtPoint checks where the country of a row that names none
// comes from: Options.Countries, or NoCountry without it or at sea.
func TestCountryAtPoint(t *testing.T) {
	atlas, err := geo.LoadAtlas()
	if err != nil {
		t.Fatal(err)
	}
	const file = "title,lat,lon,date,country\n" +
		"Talks in Niamey,13.51,2.11,2024-03-02,\n" +
		"At sea,0,-20,2024-03-02,\n" +
		"Named,12.11,15.04,2024-03-02,Tchad\n"
	cases := []struct {
		name   string
		finder exchange.CountryFinder
		want   []string
	}{
		{"atlas", atlas, []string{"NER", exchange.NoCountry, "TCD"}},
		{"none", nil, []string{exchange.NoCountry, exchange.NoCountry, "TCD"}},
		{"finder", finderFunc(func(orb.Point) string { return "MLI" }), []string{"MLI", "MLI", "TCD"}},
		{"finder gives no code", finderFunc(func(orb.Point) string { return "Mali" }), []string{exchange.NoCountry, exchange.NoCountry, "TCD"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := exchange.Import(strings.NewReader(file), "talks.csv", exchange.Options{Countries: tc.finder})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range res.Records {
				got = append(got, r.Place.Country)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("place countries %v, want %v", got, tc.want)
			}
		})
	}
}

// finderFunc is a CountryFinder made of a function.
type finderFunc func(orb.Point) string

func (f finderFunc) CountryCodeAt(p orb.Point) string { return f(p) }
