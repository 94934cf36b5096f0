package data

import (
	"slices"
	"testing"
)

func TestSplitList(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{" , ,", nil},
		{"visit", []string{"visit"}},
		{"a, b,,c ", []string{"a", "b", "c"}},
		{" Mali , Niger", []string{"Mali", "Niger"}},
	}
	for _, tc := range cases {
		if got := SplitList(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("SplitList(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
