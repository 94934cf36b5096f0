package ui

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"sync/atomic"
)

// memoryUse is what the Go runtime holds after a collection, in bytes.
type memoryUse struct {
	Live    uint64 // heap objects the last collection marked live
	Runtime uint64 // the rest the soft limit counts: stacks, the runtime's own tables, free room in the heap's spans
}

// Headroom of the heap's soft limit over what is live: an eighth of the
// live heap (GOGC 25's quarter let a million events' heap grow ~230 MB
// between collections, past the 1.2 GB budget; a sixteenth made the
// collector mark the million events' 900 MB every second of a drag and
// the frames twice as slow), never under minHeadroom so that a small heap
// is not collected at every frame.
const (
	headroomShare = 8
	minHeadroom   = 16 << 20
)

// memoryLimitFor is the heap's soft limit for a window holding m: what is
// in use plus the headroom, plus a thirty-second of both for the 3 % the
// runtime keeps under its limit. It is always above what is in use, so
// the collector never runs without pause to reach it, and rises with the
// live heap when the analyst loads more events.
func memoryLimitFor(m memoryUse) int64 {
	headroom := max(m.Live/headroomShare, minHeadroom)
	inUse := m.Live + m.Runtime
	if inUse < m.Live || inUse > math.MaxInt64/2-headroom {
		return math.MaxInt64
	}
	want := inUse + headroom
	return int64(want + want/32)
}

// memoryMetrics are the runtime/metrics samples readMemoryUse reads.
var memoryMetrics = []string{
	"/gc/heap/live:bytes",
	"/memory/classes/total:bytes",
	"/memory/classes/heap/released:bytes",
	"/memory/classes/heap/objects:bytes",
	"/memory/classes/heap/free:bytes",
}

// readMemoryUse reads the runtime's memory use after the last collection.
func readMemoryUse() memoryUse {
	s := make([]metrics.Sample, len(memoryMetrics))
	for i, name := range memoryMetrics {
		s[i].Name = name
	}
	metrics.Read(s)
	v := func(i int) uint64 {
		if s[i].Value.Kind() != metrics.KindUint64 {
			return 0
		}
		return s[i].Value.Uint64()
	}
	live, total, released, objects, free := v(0), v(1), v(2), v(3), v(4)
	held := total - min(total, released+objects+free) // stacks, tables, unused room in spans
	return memoryUse{Live: live, Runtime: held}
}

// limit guards held and the soft limit's changes.
var limit struct {
	sync.Mutex
	held bool // events are loading: the limit stays off until they are in (a limit under the growing heap would collect without pause)
}

// holdLimit takes the soft limit off until releaseLimit.
func holdLimit() {
	limit.Lock()
	defer limit.Unlock()
	limit.held = true
	debug.SetMemoryLimit(math.MaxInt64)
}

// releaseLimit lets setLimitFromLiveHeap set the soft limit again.
func releaseLimit() {
	limit.Lock()
	defer limit.Unlock()
	limit.held = false
}

// limitFollowing is set once followLiveHeap has started.
var limitFollowing atomic.Bool

// followLiveHeap sets the heap's soft limit from what is live after every
// collection from now on (memoryLimitFor), unless events are loading. The
// limit so follows the live heap up when more events load, and down when
// fewer are shown.
func followLiveHeap() {
	if limitFollowing.Swap(true) {
		return
	}
	armLimitAfterGC()
}

// gcSentinel holds a pointer so that it is never a tiny allocation, whose
// finalizer might not run.
type gcSentinel struct{ _ *byte }

// armLimitAfterGC sets a finalizer on a fresh object: it runs after the
// next collection, sets the limit and arms itself again.
func armLimitAfterGC() {
	runtime.SetFinalizer(new(gcSentinel), func(*gcSentinel) {
		setLimitFromLiveHeap()
		armLimitAfterGC()
	})
}

// setLimitFromLiveHeap sets the soft limit memoryLimitFor gives for the
// runtime's memory use now, unless events are loading.
func setLimitFromLiveHeap() {
	limit.Lock()
	defer limit.Unlock()
	if !limit.held {
		debug.SetMemoryLimit(memoryLimitFor(readMemoryUse()))
	}
}
