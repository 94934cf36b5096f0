package startup

import (
	"math"
	"runtime/debug"
	"testing"
)

// TestResumeAndHold checks what each call leaves the collector at, from
// a collector held by init and from one this package did not hold (GOGC
// or GOMEMLIMIT set, or a second call).
func TestResumeAndHold(t *testing.T) {
	t.Cleanup(func() {
		debug.SetGCPercent(normalPercent)
		debug.SetMemoryLimit(math.MaxInt64)
		paused = false
	})
	for _, c := range []struct {
		name        string
		paused      bool
		call        func()
		wantPercent int
		wantLimit   int64
	}{
		{"resume after init", true, Resume, normalPercent, math.MaxInt64},
		{"hold after init", true, Hold, -1, HoldLimit},
		{"resume when not held", false, Resume, -1, math.MaxInt64},
		{"hold when not held", false, Hold, -1, math.MaxInt64},
	} {
		t.Run(c.name, func(t *testing.T) {
			debug.SetGCPercent(-1)
			debug.SetMemoryLimit(math.MaxInt64)
			paused = c.paused
			c.call()
			if got := debug.SetGCPercent(-1); got != c.wantPercent {
				t.Errorf("GC percent %d, want %d", got, c.wantPercent)
			}
			if got := debug.SetMemoryLimit(-1); got != c.wantLimit {
				t.Errorf("memory limit %d, want %d", got, c.wantLimit)
			}
			if paused {
				t.Error("still marked as held after the call")
			}
		})
	}
}

// TestSettle checks that Settle holds the collector for a brief snapshot
// and resumes it otherwise.
func TestSettle(t *testing.T) {
	t.Cleanup(func() {
		debug.SetGCPercent(normalPercent)
		debug.SetMemoryLimit(math.MaxInt64)
		paused, brief = false, false
	})
	for _, c := range []struct {
		brief       bool
		wantPercent int
		wantLimit   int64
	}{
		{true, -1, HoldLimit},
		{false, normalPercent, math.MaxInt64},
	} {
		debug.SetGCPercent(-1)
		debug.SetMemoryLimit(math.MaxInt64)
		paused, brief = true, c.brief
		Settle()
		if got := debug.SetGCPercent(-1); got != c.wantPercent {
			t.Errorf("brief %v: GC percent %d, want %d", c.brief, got, c.wantPercent)
		}
		if got := debug.SetMemoryLimit(-1); got != c.wantLimit {
			t.Errorf("brief %v: memory limit %d, want %d", c.brief, got, c.wantLimit)
		}
	}
}
