package data

import (
	"bytes"
	"compress/gzip"
	"strings"
	"testing"

	"github.com/paulmach/orb"
)

func TestNameKey(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Ségou", "segou"},
		{"  Port-Soudan ", "port soudan"},
		{"Port  Soudan", "port soudan"},
		{"Al-Fashir", "al fashir"},
		{"N'Djamena", "ndjamena"},
		{"N’Djaména", "ndjamena"},
		{"Washington, D.C.", "washington d c"},
		{"-Gao-", "gao"},
		{"الفاشر", "الفاشر"},
		{"أم درمان", "ام درمان"}, // alef with hamza written plain
		{"الفاشـر", "الفاشر"},    // tatweel dropped
		{"", ""},
	} {
		if got := nameKey(c.in); got != c.want {
			t.Errorf("nameKey(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestGazetteerOtherNames looks up, in the gazetteer the window and the
// command line share, names that only GeoNames' alternate names give.
func TestGazetteerOtherNames(t *testing.T) {
	d := bundled(t)
	g, err := d.Gazetteer()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		query, country string
		name, id       string // the place found first; id "" means any
		matched        string
	}{
		{"Tombouctou", "", "Timbuktu", "geonames:2449067", "Tombouctou"},
		{"tombouctou", "MLI", "Timbuktu", "geonames:2449067", "Tombouctou"},
		{"Ségou", "", "Ségou", "geonames:2451478", "Ségou"},
		{"Segou", "", "Ségou", "geonames:2451478", "Ségou"},
		{"Port-Soudan", "", "Port Sudan", "port-sudan", "Port-Soudan"}, // the dataset's place, with GeoNames' names
		{"Port Soudan", "", "Port Sudan", "port-sudan", "Port-Soudan"},
		{"Bur Sudan", "", "Port Sudan", "port-sudan", "Bur Sudan"},
		{"Al Fashir", "", "El Fasher", "geonames:379555", "Al Fashir"},
		{"Al-Fashir", "", "El Fasher", "geonames:379555", "Al Fashir"},
		{"الفاشر", "", "El Fasher", "geonames:379555", "الفاشر"},
		{"باماكو", "", "Bamako", "bamako", "باماكو"},
		{"Gossi", "", "Gossi", "gossi", "Gossi"},
		{"Ndjamena", "TCD", "N'Djamena", "", "N'Djamena"},
		{"Fort-Lamy", "", "N'Djamena", "", "Fort-Lamy"},
		{"Nouakchott", "", "Nouakchott", "", "Nouakchott"},
		{"Londres", "", "London", "", "Londres"},
	} {
		ms := g.Match(c.query, c.country, 5)
		if len(ms) == 0 {
			t.Errorf("Match(%q, %q) finds nothing", c.query, c.country)
			continue
		}
		m := ms[0]
		if m.Place.Name != c.name || (c.id != "" && m.Place.ID != c.id) || m.Matched != c.matched || m.How != MatchExact {
			t.Errorf("Match(%q, %q)[0] = %s %s by %q (%d), want %s %s by %q, exact", c.query, c.country,
				m.Place.ID, m.Place.Name, m.Matched, m.How, c.id, c.name, c.matched)
		}
		if ps := g.Lookup(c.query); len(ps) == 0 || ps[0] != m.Place && c.country == "" {
			t.Errorf("Lookup(%q) does not find %s first", c.query, m.Place.ID)
		}
	}
	// The dataset's places are not changed by the names joined to them.
	if p := d.Place("port-sudan"); len(p.Aliases) != 2 {
		t.Errorf("the dataset's Port Sudan has aliases %v, want its own two", p.Aliases)
	}
}

func TestGazetteerMatchOrder(t *testing.T) {
	pl := func(id, name string, pop int, country string, aliases ...string) *Place {
		return &Place{ID: id, Name: name, Population: pop, Country: country, Aliases: aliases, Point: orb.Point{0, 0}}
	}
	g := NewGazetteer([]*Place{
		pl("a", "Gao", 100, "MLI"),
		pl("b", "Gaoua", 50000, "BFA"),
		pl("c", "Gao", 500, "NER", "Gao Village"),
		pl("d", "Nagaoka", 250000, "JPN"),
		pl("e", "Kagao", 10, "MLI", "Gao Kagao"),
	})
	ids := func(ms []PlaceMatch) string {
		var b []string
		for _, m := range ms {
			b = append(b, m.Place.ID+":"+m.Matched)
		}
		return strings.Join(b, " ")
	}
	for _, c := range []struct {
		query, country string
		limit          int
		want           string
	}{
		{"gao", "", 10, "c:Gao a:Gao b:Gaoua e:Gao Kagao d:Nagaoka"},
		{"Gao", "MLI", 10, "a:Gao e:Gao Kagao"},
		{"gao", "", 2, "c:Gao a:Gao"},
		{"ga", "", 10, "b:Gaoua c:Gao a:Gao e:Gao Kagao"}, // two letters: no search within names
		{"aoka", "", 10, "d:Nagaoka"},
		{"", "", 10, ""},
		{"gao", "", 0, ""},
	} {
		if got := ids(g.Match(c.query, c.country, c.limit)); got != c.want {
			t.Errorf("Match(%q, %q, %d) = %q, want %q", c.query, c.country, c.limit, got, c.want)
		}
	}
}

func TestReadGazetteerNames(t *testing.T) {
	gz := func(s string) *bytes.Reader {
		var b bytes.Buffer
		w := gzip.NewWriter(&b)
		w.Write([]byte(s))
		w.Close()
		return bytes.NewReader(b.Bytes())
	}
	names, err := ReadGazetteerNames(gz("# names\n2449067\tTombouctou\tتمبكتو\n\n379555\tAl Fashir\n379555\tالفاشر\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(names["geonames:2449067"], "|"); got != "Tombouctou|تمبكتو" {
		t.Errorf("Timbuktu: %q", got)
	}
	if got := strings.Join(names["geonames:379555"], "|"); got != "Al Fashir|الفاشر" {
		t.Errorf("El Fasher: %q", got)
	}
	for _, bad := range []string{"2449067\n", "Timbuktu\tTombouctou\n", "\tTombouctou\n"} {
		if _, err := ReadGazetteerNames(gz(bad)); err == nil || !strings.Contains(err.Error(), "line 1") {
			t.Errorf("ReadGazetteerNames(%q): %v, want an error at line 1", bad, err)
		}
	}
	if _, err := ReadGazetteerNames(strings.NewReader("not gzip")); err == nil {
		t.Error("ReadGazetteerNames took text that is not gzip")
	}
}
