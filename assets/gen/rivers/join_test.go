package main

import (
	"testing"

	"github.com/paulmach/orb"
)

func TestJoin(t *testing.T) {
	cases := []struct {
		name   string
		segs   []orb.LineString
		gap    float64
		want   int  // chains
		closed bool // the first chain is a closed ring
	}{
		{"a lake cut by a bin's edge", []orb.LineString{
			{{14, 12.49}, {13.5, 12.9}, {14, 13.42}},
			{{14, 13.42}, {14.6, 13.0}, {14, 12.49}},
		}, 0.05, 1, true},
		{"a shore walking along the edge", []orb.LineString{
			{{14, 12.49}, {13.5, 12.9}, {14, 13.42}},
			{{14, 13.44}, {14.6, 13.0}, {14, 12.51}},
		}, 0.05, 1, true},
		{"too wide a gap stays open", []orb.LineString{
			{{14, 12.49}, {13.5, 12.9}, {14, 13.42}},
			{{14, 13.8}, {14.6, 13.0}, {14, 12.0}},
		}, 0.05, 2, false},
		{"a river in three pieces", []orb.LineString{
			{{-8, 12.6}, {-6, 13.4}},
			{{-6, 13.4}, {-4.2, 14.5}},
			{{-4.2, 14.5}, {-0.05, 16.27}},
		}, 0, 1, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := join(tc.segs, tc.gap)
			if len(got) != tc.want {
				t.Fatalf("%d chains %v, want %d", len(got), got, tc.want)
			}
			first := got[0]
			if closed := first[0] == first[len(first)-1]; closed != tc.closed {
				t.Errorf("first chain closed = %v, want %v: %v", closed, tc.closed, first)
			}
		})
	}
}

func TestOnEdge(t *testing.T) {
	if onEdge(orb.LineString{{14, 12}, {15, 13}, {14, 12}}) {
		t.Error("Lake Chad is not on the area's edge")
	}
	if !onEdge(orb.LineString{{east, 45}, {78, 46}, {east, 45}}) {
		t.Error("a ring along the east edge is not reported")
	}
}

// Pieces of one river running opposite ways still make one river.
func TestJoinReversed(t *testing.T) {
	got := join([]orb.LineString{
		{{-6, 13.4}, {-4.2, 14.5}},
		{{-6, 13.4}, {-8, 12.6}},
		{{-0.05, 16.27}, {-4.2, 14.5}},
	}, 0)
	if len(got) != 1 || len(got[0]) != 4 {
		t.Fatalf("join = %v, want one river of 4 points", got)
	}
}
