package ui

import (
	"slices"
	"testing"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/geo"
)

// TestSearcherFindsOtherNames types, in the window's search, names of
// places that only GeoNames' alternate names give: the results name the
// place and the name that matched.
func TestSearcherFindsOtherNames(t *testing.T) {
	d, err := data.LoadBundled()
	if err != nil {
		t.Fatal(err)
	}
	atlas, err := geo.LoadAtlas()
	if err != nil {
		t.Fatal(err)
	}
	s := Searcher{Data: d, Atlas: atlas, Gaz: BundledGazetteer}
	for _, c := range []struct{ text, want string }{
		{"Tombouctou", "Place: Timbuktu (Tombouctou), MLI"},
		{"Ségou", "Place: Ségou, MLI"},
		{"Port-Soudan", "Place: Port Sudan (Port-Soudan), SDN"},
		{"Al Fashir", "Place: El Fasher (Al Fashir), SDN"},
		{"الفاشر", "Place: El Fasher (الفاشر), SDN"},
		{"Gossi", "Place: Gossi, MLI"}, // the dataset's own place
	} {
		var got []string
		for _, r := range s.Find(c.text, searchLimit) {
			got = append(got, r.Label)
		}
		if !slices.Contains(got, c.want) {
			t.Errorf("Find(%q) = %q, want %q among them", c.text, got, c.want)
		}
	}
}
