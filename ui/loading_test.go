package ui

import "testing"

func TestGCPercentFor(t *testing.T) {
	for _, c := range []struct {
		live uint64
		want int
	}{
		{0, 25},
		{40 << 20, 25},  // the bundled events
		{150 << 20, 25}, // 100,000 events
		{384 << 20, 25}, // a quarter is the headroom
		{500 << 20, 19}, // 96 MB of garbage at most
		{900 << 20, 10}, // a million events
		{4 << 30, 10},   // never under 10
	} {
		if got := gcPercentFor(c.live); got != c.want {
			t.Errorf("gcPercentFor(%d MB) = %d, want %d", c.live>>20, got, c.want)
		}
	}
}
