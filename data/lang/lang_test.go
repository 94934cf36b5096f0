package lang

import (
	"encoding/json"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
)

// TestCatalogsComplete fails on a key one language has and the other
// lacks, on an empty text, and on texts whose fmt verbs differ.
func TestCatalogsComplete(t *testing.T) {
	verbs := regexp.MustCompile(`%(?:\[\d+\])?[-+# 0-9.]*[a-zA-Z%]`)
	en, fr := catalog(English), catalog(French)
	if len(en) < 50 {
		t.Fatalf("the English catalog has %d keys", len(en))
	}
	for _, pair := range []struct {
		name     string
		from, to map[string]string
	}{{"fr.json", en, fr}, {"en.json", fr, en}} {
		for k := range pair.from {
			if _, ok := pair.to[k]; !ok {
				t.Errorf("%s lacks %q", pair.name, k)
			}
		}
	}
	for k, e := range en {
		f := fr[k]
		if strings.TrimSpace(e) == "" || strings.TrimSpace(f) == "" {
			t.Errorf("%q is empty in a language: en %q, fr %q", k, e, f)
		}
		if ve, vf := verbSet(verbs.FindAllString(e, -1)), verbSet(verbs.FindAllString(f, -1)); ve != vf {
			t.Errorf("%q: en has verbs %q, fr %q", k, ve, vf)
		}
	}
}

// verbSet is the verbs' letters, sorted: French may reorder the
// arguments with %[2]d.
func verbSet(vs []string) string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = v[len(v)-1:]
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

// TestCatalogsFlat checks each catalog is a flat object of strings, as
// both T and Fyne's lang package read it, with no key go-i18n would take
// for a field of a message.
func TestCatalogsFlat(t *testing.T) {
	reserved := map[string]bool{}
	for _, k := range strings.Fields("id description hash leftdelim rightdelim zero one two few many other translation") {
		reserved[k] = true
	}
	for _, tag := range Tags {
		b, err := Catalogs.ReadFile(CatalogDir + "/" + string(tag) + ".json")
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatalf("%s: %v", tag, err)
		}
		for k, v := range m {
			if _, ok := v.(string); !ok {
				t.Errorf("%s: %q is a %T, not a string", tag, k, v)
			}
			if reserved[strings.ToLower(k)] {
				t.Errorf("%s: key %q is a word go-i18n (Fyne's lang) reserves", tag, k)
			}
		}
	}
}

func TestT(t *testing.T) {
	tests := []struct {
		tag  Tag
		key  string
		args []any
		want string
	}{
		{English, "page.legend", nil, "Legend"},
		{French, "page.legend", nil, "Légende"},
		{French, "legend.itinerary", []any{"Goïta"}, "itinéraire de Goïta"},
		{French, "kind.coup", nil, "coup d’État"},
		{French, "no.such.key", nil, "no.such.key"},
		{Tag("de"), "page.legend", nil, "Legend"},
	}
	for _, tt := range tests {
		if got := tt.tag.T(tt.key, tt.args...); got != tt.want {
			t.Errorf("%s.T(%q) = %q, want %q", tt.tag, tt.key, got, tt.want)
		}
	}
}

func TestPlural(t *testing.T) {
	tests := []struct {
		tag  Tag
		n    int
		want string
	}{
		{French, 0, "0 événement de la période est écarté par le filtre"},
		{French, 2, "2 événements de la période sont écartés par le filtre"},
		{English, 1, "1 event of the date window is left out by the filter"},
	}
	for _, tt := range tests {
		if got := tt.tag.Plural("omitted.filtered", tt.n); got != tt.want {
			t.Errorf("%s.Plural(%d) = %q, want %q", tt.tag, tt.n, got, tt.want)
		}
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want Tag
		ok   bool
	}{
		{"fr", French, true}, {"FR", French, true}, {"fr_FR.UTF-8", French, true}, {"fr-CA", French, true},
		{"français", French, true}, {"en", English, true}, {"en_GB.UTF-8", English, true}, {"C.UTF-8", English, true},
		{"de", "", false}, {"", "", false},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("Parse(%q) = %q, %v; want %q, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestFromEnv(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want Tag
	}{
		{map[string]string{}, English},
		{map[string]string{"LANG": "fr_FR.UTF-8"}, French},
		{map[string]string{"LANG": "en_US.UTF-8", "LC_ALL": "fr_FR.UTF-8"}, French},
		{map[string]string{"LANG": "fr_FR.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"}, English},
		{map[string]string{"LANG": "en_US.UTF-8", "LANGUAGE": "fr:en"}, French},
		{map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "fr"}, English}, // gettext ignores LANGUAGE under C
		{map[string]string{"LANG": "de_DE.UTF-8"}, English},
		{map[string]string{"LANG": "de_DE.UTF-8", "LANGUAGE": "de:fr"}, French},
	}
	for _, tt := range tests {
		if got := fromEnv(func(k string) string { return tt.env[k] }); got != tt.want {
			t.Errorf("fromEnv(%v) = %q, want %q", tt.env, got, tt.want)
		}
	}
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestDates(t *testing.T) {
	tests := []struct {
		tag      Tag
		from, to time.Time
		want     string
	}{
		{French, day(2025, 9, 1), day(2025, 9, 30), "1–30 sept. 2025"},
		{English, day(2025, 9, 1), day(2025, 9, 30), "1–30 Sep 2025"},
		{French, day(2025, 1, 1), day(2025, 9, 30), "1 janv. – 30 sept. 2025"},
		{French, day(2024, 12, 1), day(2025, 1, 31), "1 déc. 2024 – 31 janv. 2025"},
		{French, day(2025, 5, 5), day(2025, 5, 5), "5 mai 2025"},
		{English, day(2024, 12, 1), day(2025, 1, 31), "1 Dec 2024 – 31 Jan 2025"},
	}
	for _, tt := range tests {
		if got := tt.tag.DateRange(tt.from, tt.to); got != tt.want {
			t.Errorf("%s.DateRange = %q, want %q", tt.tag, got, tt.want)
		}
	}
	if got := French.Date(day(2024, 4, 16)); got != "16 avril 2024" {
		t.Errorf("French.Date = %q", got)
	}
	if got := English.Date(day(2024, 4, 16)); got != "16 April 2024" {
		t.Errorf("English.Date = %q", got)
	}
}

func TestNumbers(t *testing.T) {
	tests := []struct {
		got, want string
	}{
		{French.Unit(1000, "km"), "1\u00a0000\u00a0km"},
		{English.Unit(1000, "km"), "1000 km"},
		{French.Float(2.5), "2,5"},
		{French.Int(-1234567), "-1\u00a0234\u00a0567"},
		{English.Int(1234567), "1,234,567"},
		{English.Int(999), "999"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("case %d: %q, want %q", i, tt.got, tt.want)
		}
	}
}

func TestCountryAndCapital(t *testing.T) {
	tests := []struct {
		tag           Tag
		code, english string
		want          string
	}{
		{French, "SDN", "Sudan", "Soudan"},
		{French, "TCD", "Chad", "Tchad"},
		{French, "DZA", "Algeria", "Algérie"},
		{French, "MRT", "Mauritania", "Mauritanie"},
		{French, "BFA", "Burkina Faso", "Burkina Faso"},
		{French, "CIV", "Côte d'Ivoire", "Côte d’Ivoire"},
		{French, "SOL", "Somaliland", "Somaliland"},
		{English, "SDN", "Sudan", "Sudan"},
	}
	for _, tt := range tests {
		if got := tt.tag.Country(tt.code, tt.english); got != tt.want {
			t.Errorf("%s.Country(%q) = %q, want %q", tt.tag, tt.code, got, tt.want)
		}
	}
	for in, want := range map[string]string{"Algiers": "Alger", "Cairo": "Le Caire", "Khartoum": "Khartoum", "Bamako": "Bamako"} {
		if got := French.Capital(in); got != want {
			t.Errorf("French.Capital(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTerm(t *testing.T) {
	tests := []struct {
		tag               Tag
		group, word, want string
	}{
		{French, "kind", "visit", "visite"},
		{French, "status", "thawing", "en dégel"},
		{English, "kind", "armed_conflict", "armed_conflict"},
		{French, "kind", "parade", "parade"},
	}
	for _, tt := range tests {
		if got := tt.tag.Term(tt.group, tt.word); got != tt.want {
			t.Errorf("%s.Term(%q, %q) = %q, want %q", tt.tag, tt.group, tt.word, got, tt.want)
		}
	}
}

// TestCoordinates: coordinates as the window and the commands show them,
// a decimal comma in French.
func TestCoordinates(t *testing.T) {
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"decimal en", English.Decimal(12.63918, 4), "12.6392"},
		{"decimal fr", French.Decimal(12.63918, 4), "12,6392"},
		{"negative fr", French.Decimal(-8.0029, 5), "-8,00290"},
		{"no digits fr", French.Decimal(1234.5, 0), "1234"},
		{"Bamako en", English.LonLat(-8.0029, 12.6392, 4), "12.6392° N, 8.0029° W"},
		{"Bamako fr", French.LonLat(-8.0029, 12.6392, 4), "12,6392°\u00a0N, 8,0029°\u00a0O"},
		{"Dodoma fr", French.LonLat(35.7516, -6.1630, 2), "6,16°\u00a0S, 35,75°\u00a0E"},
		{"Paris en", English.LonLat(2.3522, 48.8566, 2), "48.86° N, 2.35° E"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}
