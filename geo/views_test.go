package geo

import (
	"strings"
	"testing"

	"github.com/paulmach/orb"
)

func TestViewBound(t *testing.T) {
	a := testAtlas(t)
	mli, sdn := a.Country("MLI").Bound, a.Country("SDN").Bound
	cases := []struct {
		name     string
		want     orb.Bound
		contains orb.Bound // for the padded country views
	}{
		{name: "sahel", want: orb.Bound{Min: orb.Point{-25, -5}, Max: orb.Point{50, 50}}},
		{name: " World ", want: orb.Bound{Min: orb.Point{-180, -60}, Max: orb.Point{180, 80}}},
		{name: "france", want: orb.Bound{Min: orb.Point{-5.5, 41}, Max: orb.Point{10, 51.5}}},
		{name: "-18,0,40,40", want: orb.Bound{Min: orb.Point{-18, 0}, Max: orb.Point{40, 40}}},
		{name: "mali", contains: mli},
		{name: "SUDAN", contains: sdn},
	}
	for _, tc := range cases {
		got, err := ViewBound(tc.name, a)
		if err != nil {
			t.Errorf("ViewBound(%q): %v", tc.name, err)
			continue
		}
		if !tc.want.IsZero() && got != tc.want {
			t.Errorf("ViewBound(%q) = %v, want %v", tc.name, got, tc.want)
		}
		if !tc.contains.IsZero() {
			if !got.Contains(tc.contains.Min) || !got.Contains(tc.contains.Max) || got == tc.contains {
				t.Errorf("ViewBound(%q) = %v, want a padded frame around %v", tc.name, got, tc.contains)
			}
		}
	}
}

func TestViewBoundErrors(t *testing.T) {
	cases := []struct {
		name    string
		atlas   bool
		mention string // the error names the bad value
	}{
		{"timbuktu", true, "timbuktu"},
		{"1,2,3", true, "3 numbers"},
		{"-18,0,x,40", true, `"x"`},
		{"-190,0,40,40", true, "-190"},
		{"-18,0,40,95", true, "95"},
		{"40,0,-18,40", true, "west 40"},
		{"-18,40,40,0", true, "south 40"},
		{"mali", false, "MLI"},
		{"NaN,NaN,NaN,NaN", true, `"NaN"`},
		{"-10,NaN,10,20", true, `"NaN"`},
		{"-10,0,+Inf,20", true, `"+Inf"`},
		{"-Inf,0,10,20", true, `"-Inf"`},
		{"-10,0,10,1e400", true, `"1e400"`},
	}
	a := testAtlas(t)
	for _, tc := range cases {
		atlas := a
		if !tc.atlas {
			atlas = nil
		}
		_, err := ViewBound(tc.name, atlas)
		if err == nil || !strings.HasPrefix(err.Error(), "geo: ") || !strings.Contains(err.Error(), tc.mention) {
			t.Errorf("ViewBound(%q) error %v, want one naming %s", tc.name, err, tc.mention)
		}
	}
}

func TestCheckView(t *testing.T) {
	cases := []struct {
		name string
		ok   bool
	}{
		{"sahel", true},
		{" Mali ", true},
		{"sudan", true},
		{"-18,0,40,40", true},
		{"mars", false},
		{"NaN,NaN,NaN,NaN", false},
		{"-10,NaN,10,20", false},
		{"0,0,inf,10", false},
		{"10,0,5,10", false},
	}
	for _, tc := range cases {
		if err := CheckView(tc.name); (err == nil) != tc.ok {
			t.Errorf("CheckView(%q) = %v, want ok %v", tc.name, err, tc.ok)
		}
	}
}
