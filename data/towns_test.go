package data

import (
	"slices"
	"testing"
)

// BundledTowns keeps exactly the gazetteer's seats of regions and its
// places of MinTownPopulation or more, capitals left out: Mali's small
// seats (Kidal, Ménaka) are among them, Bamako is not.
func TestBundledTowns(t *testing.T) {
	towns, err := BundledTowns()
	if err != nil {
		t.Fatal(err)
	}
	all, err := BundledGazetteerPlaces()
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, p := range all {
		if p.Feature != "PPLC" && (p.Feature == "PPLA" || p.Population >= MinTownPopulation) {
			want = append(want, p.ID)
		}
	}
	var got []string
	for _, p := range towns {
		got = append(got, p.ID)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("BundledTowns gives %d towns, the gazetteer has %d such places", len(got), len(want))
	}
	for _, c := range []struct {
		name string
		in   bool
	}{{"Kidal", true}, {"Ménaka", true}, {"Gao", true}, {"Timbuktu", true}, {"Bamako", false}} {
		if got := slices.ContainsFunc(towns, func(p *Place) bool { return p.Name == c.name && p.Country == "MLI" }); got != c.in {
			t.Errorf("%s among the towns: %v, want %v", c.name, got, c.in)
		}
	}
}
