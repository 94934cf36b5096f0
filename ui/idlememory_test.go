package ui

import (
	"testing"
	"time"
)

// TestIdleRelease: memory is handed back after a burst of frames, not
// after a few, and not when the heap is large.
func TestIdleRelease(t *testing.T) {
	for _, tc := range []struct {
		name   string
		frames int
		live   uint64
		want   int
	}{
		{"after a drag", 40, 100 << 20, 1},
		{"after a zoom", 3, 100 << 20, 0},
		{"a million events", 40, 900 << 20, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			released := 0
			r := &idleRelease{after: time.Hour, frames: stillFrames, most: stillHeap,
				live: func() uint64 { return tc.live }, release: func() { released++ }}
			for range tc.frames {
				r.frame()
			}
			r.still()
			r.still() // still again with no frames since: nothing more to hand back
			if released != tc.want {
				t.Errorf("released %d times, want %d", released, tc.want)
			}
			r.timer.Stop()
		})
	}
}

// TestIdleReleaseWaitsForStillness: the release comes once the frames
// stop, from the timer.
func TestIdleReleaseWaitsForStillness(t *testing.T) {
	done := make(chan struct{}, 4)
	r := &idleRelease{after: 20 * time.Millisecond, frames: 2, most: stillHeap,
		live: func() uint64 { return 0 }, release: func() { done <- struct{}{} }}
	r.frame()
	r.frame()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("no release after the frames stopped")
	}
	if heapLive() == 0 {
		t.Error("heapLive read no live heap")
	}
}
