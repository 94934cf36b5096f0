package ui

import (
	"math"
	"runtime"
	"testing"
)

// TestMemoryLimitFor checks the soft limit's policy: an eighth of the live
// heap above what is in use (GOGC 25 let a million events' heap grow by a
// quarter), at least minHeadroom, plus the runtime's 3 %, and always above
// what is in use.
func TestMemoryLimitFor(t *testing.T) {
	const mb = 1 << 20
	tests := []struct {
		name string
		use  memoryUse
		want int64
	}{
		{"nothing yet", memoryUse{}, 16*mb + 16*mb/32},
		{"bundled data", memoryUse{Live: 40 * mb, Runtime: 8 * mb}, 66 * mb},
		{"100,000 events", memoryUse{Live: 144 * mb, Runtime: 12 * mb}, 174*mb + 174*mb/32},
		{"a million events", memoryUse{Live: 928 * mb, Runtime: 40 * mb}, 1084*mb + 1084*mb/32},
		{"two million after an import", memoryUse{Live: 1856 * mb, Runtime: 64 * mb}, 2152*mb + 2152*mb/32},
		{"no overflow", memoryUse{Live: math.MaxUint64 / 2, Runtime: math.MaxUint64 / 2}, math.MaxInt64},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := memoryLimitFor(tt.use); got != tt.want {
				t.Errorf("memoryLimitFor(%+v) = %d MB, want %d MB", tt.use, got/mb, tt.want/mb)
			}
		})
	}
}

// TestMemoryLimitForStaysAboveUse checks the limit never falls under what
// is in use, whatever the heap (the collector would run without pause),
// and leaves less room than GOGC 25's quarter once the heap is large.
func TestMemoryLimitForStaysAboveUse(t *testing.T) {
	for live := uint64(0); live <= 4<<30; live += 37 << 20 {
		use := memoryUse{Live: live, Runtime: live / 20}
		got := uint64(memoryLimitFor(use))
		if got <= use.Live+use.Runtime {
			t.Fatalf("live %d: limit %d is not above the %d in use", live, got, use.Live+use.Runtime)
		}
		if live >= 128<<20 && got-use.Live-use.Runtime >= live/4 {
			t.Fatalf("live %d: headroom %d is not under GOGC 25's %d", live, got-use.Live-use.Runtime, live/4)
		}
	}
}

// TestReadMemoryUse checks the runtime's figures are read: a live heap
// holding what the test keeps, and the runtime's own memory.
func TestReadMemoryUse(t *testing.T) {
	keep := make([]byte, 8<<20)
	runtime.GC()
	use := readMemoryUse()
	if use.Live < uint64(len(keep)) {
		t.Errorf("live heap %d bytes, want at least the %d the test keeps", use.Live, len(keep))
	}
	if use.Runtime == 0 {
		t.Errorf("runtime's own memory read as 0 bytes")
	}
	runtime.KeepAlive(keep)
}
