package main

import (
	"math"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"github.com/sahelatlas/sahelatlas/assets/boundaries"
)

var testGrid = boundaries.Grid{Scale: orb.Point{360.0 / 99999, 0.0017}, Translate: orb.Point{-180, -85.2}}

func TestSplitAntimeridian(t *testing.T) {
	cases := []struct {
		name   string
		in     orb.Polygon
		pieces int
		area   float64 // total, in square degrees
	}{
		{"away from 180°", orb.Polygon{{{10, 10}, {20, 10}, {20, 20}, {10, 20}, {10, 10}}}, 1, 100},
		{"island across 180°", orb.Polygon{{{178, -17}, {-178, -17}, {-178, -15}, {178, -15}, {178, -17}}}, 2, 8},
		{"starting east of 180°", orb.Polygon{{{-179, 65}, {-179, 67}, {179, 67}, {179, 65}, {-179, 65}}}, 2, 4},
		{"ring around the south pole", orb.Polygon{{{-180, -70}, {-60, -75}, {60, -70}, {179, -72}, {-180, -70}}}, 1, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out := splitAntimeridian(tc.in, testGrid)
			if len(out) != tc.pieces {
				t.Fatalf("%d pieces, want %d: %v", len(out), tc.pieces, out)
			}
			area := 0.0
			for _, p := range out {
				if crossesAntimeridian(p) {
					t.Errorf("piece %v still crosses ±180°", p)
				}
				b := p.Bound()
				if b.Min[0] < -180 || b.Max[0] > 180 || b.Min[1] < -90 || b.Max[1] > 90 {
					t.Errorf("piece bound %v outside the world", b)
				}
				area += math.Abs(planar.Area(p))
			}
			if tc.area > 0 && math.Abs(area-tc.area) > 1e-9 {
				t.Errorf("pieces cover %g square degrees, want %g", area, tc.area)
			}
			if tc.area == 0 && area < 360*10 {
				t.Errorf("polar ring covers %g square degrees, want everything south of it (> 3600)", area)
			}
		})
	}
}
