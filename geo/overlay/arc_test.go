package overlay

import (
	"math"
	"testing"

	"github.com/paulmach/orb"
)

func TestNearestOnLine(t *testing.T) {
	l := orb.LineString{{0, 0}, {10, 0}, {10, 10}}
	cases := []struct {
		name string
		p    orb.Point
		line orb.LineString
		d    float64
		at   orb.Point
	}{
		{"beside the first segment", orb.Point{4, 3}, l, 3, orb.Point{4, 0}},
		{"before the start", orb.Point{-3, -4}, l, 5, orb.Point{0, 0}},
		{"beside the second segment", orb.Point{12, 6}, l, 2, orb.Point{10, 6}},
		{"past the end", orb.Point{10, 13}, l, 3, orb.Point{10, 10}},
		{"on the line", orb.Point{10, 2}, l, 0, orb.Point{10, 2}},
		{"equally near two segments: the first", orb.Point{7, 3}, l, 3, orb.Point{7, 0}},
		{"a repeated point", orb.Point{1, 1}, orb.LineString{{0, 0}, {0, 0}}, math.Sqrt2, orb.Point{0, 0}},
		{"one point", orb.Point{3, 4}, orb.LineString{{0, 0}}, 5, orb.Point{0, 0}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, at := nearestOnLine(c.p, c.line)
			if math.Abs(d-c.d) > 1e-12 || math.Abs(at[0]-c.at[0]) > 1e-12 || math.Abs(at[1]-c.at[1]) > 1e-12 {
				t.Errorf("nearestOnLine = %g at %v, want %g at %v", d, at, c.d, c.at)
			}
		})
	}
	if d, _ := nearestOnLine(orb.Point{1, 1}, nil); !math.IsInf(d, 1) {
		t.Errorf("an empty line is %g away, want +Inf", d)
	}
}
