package geo

import (
	"slices"
	"testing"
)

func TestNeighbours(t *testing.T) {
	a := testAtlas(t)
	cases := []struct {
		code string
		want []string
	}{
		{"MLI", []string{"DZA", "NER", "BFA", "CIV", "GIN", "SEN", "MRT"}},
		{"SDN", []string{"EGY", "LBY", "TCD", "CAF", "SSD", "ETH", "ERI"}},
		{"mli", []string{"DZA", "NER", "BFA", "CIV", "GIN", "SEN", "MRT"}},
		{"ISL", nil}, // an island
		{"XXX", nil},
	}
	for _, tc := range cases {
		want := slices.Sorted(slices.Values(tc.want))
		if got := a.Neighbours(tc.code); !slices.Equal(got, want) {
			t.Errorf("Neighbours(%q) = %v, want %v", tc.code, got, want)
		}
	}
}

func TestNeighboursSymmetric(t *testing.T) {
	a := testAtlas(t)
	for _, c := range a.Countries() {
		for _, n := range a.Neighbours(c.Code) {
			if n == c.Code {
				t.Errorf("%s is its own neighbour", c.Code)
			}
			if !slices.Contains(a.Neighbours(n), c.Code) {
				t.Errorf("%s borders %s but not the other way round", c.Code, n)
			}
		}
	}
}
