package ui

import (
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"
)

// The window hands memory back to the system when the map has been still
// for stillFor after at least stillFrames frames, and its live heap is
// under stillHeap. A drag or a playback makes garbage that the heap grows
// to hold (a quarter over what is live, GOGC 25) and the runtime keeps
// resident for minutes; one collection when the analyst stops returns it.
// Over stillHeap (about half a million events) that collection costs a
// second or more of CPU, which is not spent at every pause.
const (
	stillFor    = 3 * time.Second
	stillFrames = 30
	stillHeap   = 400 << 20
)

// idleRelease calls release once the map has shown no frame for after,
// when at least frames frames were shown since it last did and live
// reports a heap under most bytes. It is safe for concurrent use.
type idleRelease struct {
	after   time.Duration
	frames  int
	most    uint64
	live    func() uint64
	release func()

	mu    sync.Mutex
	shown int // frames since the last release
	timer *time.Timer
}

// newIdleRelease is the window's: debug.FreeOSMemory when still.
func newIdleRelease() *idleRelease {
	return &idleRelease{after: stillFor, frames: stillFrames, most: stillHeap, live: heapLive, release: debug.FreeOSMemory}
}

// frame notes a frame shown, and waits again for the map to be still.
func (r *idleRelease) frame() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.shown++
	if r.timer == nil {
		r.timer = time.AfterFunc(r.after, r.still)
		return
	}
	r.timer.Reset(r.after)
}

// still runs when no frame came for r.after: it releases when enough
// frames made garbage and the heap is small enough to collect cheaply.
func (r *idleRelease) still() {
	r.mu.Lock()
	enough := r.shown >= r.frames
	if enough {
		r.shown = 0
	}
	r.mu.Unlock()
	if enough && r.live() < r.most {
		r.release()
	}
}

// heapLive returns the bytes of heap the last collection found live.
func heapLive() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}
