package data

import "testing"

// TestSearchFindsFields: the values of an imported event's fields (an
// admin area, a source, fatalities) are searched like its title.
func TestSearchFindsFields(t *testing.T) {
	place := &Place{ID: "djibo", Name: "Djibo", Point: [2]float64{-1.63, 14.1}, Country: "BFA"}
	actor := &Actor{ID: "fama", Name: "FAMa", Kind: ActorMilitary}
	src := &Source{Document: "acled.csv"}
	e := &Event{
		ID: "BFA1", Start: D(2021, 2, 16), End: D(2021, 2, 16), Precision: PrecisionDay, Kind: KindAttack,
		Title: "Armed clash", Place: "djibo", Actors: []string{"fama"}, Countries: []string{"BFA"},
		Sources: []SourceRef{{Document: "acled.csv"}},
		Fields:  []Field{{Name: "admin1", Value: "Sahel"}, {Name: "source", Value: "Le Faso; AIB"}, {Name: "fatalities", Value: "4"}},
	}
	d, err := New([]*Source{src}, []*Place{place}, []*Actor{actor}, []*Event{e}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"le faso", "sahel clash", "AIB"} {
		if got := d.Search(text); len(got) != 1 {
			t.Errorf("%q finds %d events, want 1", text, len(got))
		}
	}
	if got := d.Search("Menaka"); len(got) != 0 {
		t.Errorf("Menaka finds %d events", len(got))
	}
}
