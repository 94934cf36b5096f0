package data

import (
	"bytes"
	"compress/gzip"
	"slices"
	"strings"
	"testing"
)

func TestBundledGazetteer(t *testing.T) {
	d := bundled(t)
	g, err := d.Gazetteer()
	if err != nil {
		t.Fatal(err)
	}
	capitals := 0
	for _, p := range g.Places() {
		if p.Feature == "PPLC" {
			capitals++
		}
	}
	if capitals < 200 {
		t.Errorf("%d capitals, want every national capital (about 240)", capitals)
	}
	cases := []struct {
		name, country, id string // id "" means any
	}{
		{"Bamako", "MLI", "bamako"}, // the dataset's own place, not a duplicate
		{"bamako", "MLI", "bamako"},
		{"Gossi", "MLI", "gossi"}, // a seed place GeoNames lacks
		{"Port Sudan", "SDN", "port-sudan"},
		{"Segou", "MLI", ""}, // Ségou, found without its accent
		{"Kidal", "MLI", ""},
		{"El Fasher", "SDN", ""},
		{"Agadez", "NER", ""},
		{"Lyon", "FRA", ""},
		{"Paris", "FRA", "paris"}, // the capital before the American towns
		{"Ottawa", "CAN", ""},     // a capital far from the Sahel
	}
	for _, c := range cases {
		ps := g.Lookup(c.name)
		if len(ps) == 0 {
			t.Errorf("Lookup(%q) finds nothing", c.name)
			continue
		}
		if ps[0].Country != c.country || (c.id != "" && ps[0].ID != c.id) {
			t.Errorf("Lookup(%q)[0] = %s (%s), want %s %s", c.name, ps[0].ID, ps[0].Country, c.id, c.country)
		}
	}
	if n := len(g.Lookup("Bamako")); n != 1 {
		t.Errorf("Lookup(Bamako) = %d places, want 1 (GeoNames duplicate dropped)", n)
	}
	got := g.Search("tomb", 5)
	if len(got) == 0 || !strings.HasPrefix(Fold(got[0].Name), "tomb") {
		t.Errorf("Search(tomb) = %v", got)
	}
	if len(g.Search("a", 3)) != 3 {
		t.Error("Search does not honour its limit")
	}
}

func TestReadGazetteerRefusesBadLines(t *testing.T) {
	gz := func(s string) *bytes.Reader {
		var b bytes.Buffer
		w := gzip.NewWriter(&b)
		w.Write([]byte(s))
		w.Close()
		return bytes.NewReader(b.Bytes())
	}
	cases := []struct{ name, in, want string }{
		{"columns", "# c\n1\tBamako\tMLI\n", "line 2: 3 columns"},
		{"number", "1\tBamako\tMLI\tPPLC\tmany\t-8\t12.65\n", "line 1"},
		{"range", "1\tBamako\tMLI\tPPLC\t1\t-8\t120\n", "out of range"},
	}
	for _, c := range cases {
		if _, err := ReadGazetteer(gz(c.in)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", c.name, err, c.want)
		}
	}
	if _, err := ReadGazetteer(strings.NewReader("not gzip")); err == nil {
		t.Error("ReadGazetteer accepted plain text")
	}
	ps, err := ReadGazetteer(gz("1\tSégou\tMLI\tPPLA\t130690\t-6.2\t13.4\n"))
	if err != nil || len(ps) != 1 || ps[0].Name != "Ségou" || ps[0].Lon() != -6.2 {
		t.Errorf("ReadGazetteer = %v, %v", ps, err)
	}
}

func TestBundledCapitals(t *testing.T) {
	caps, err := BundledCapitals()
	if err != nil {
		t.Fatal(err)
	}
	all, err := BundledGazetteerPlaces()
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, p := range all {
		if p.Feature == "PPLC" {
			want = append(want, p.ID)
		}
	}
	var got []string
	for _, p := range caps {
		got = append(got, p.ID)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("BundledCapitals gives %d capitals, the gazetteer %d (regenerate assets/gazetteer/capitals.tsv.gz: go run ./assets/gen/capitals)", len(got), len(want))
	}
	if !slices.ContainsFunc(caps, func(p *Place) bool { return p.Name == "Bamako" && p.Country == "MLI" }) {
		t.Error("Bamako is not among the capitals")
	}
}
