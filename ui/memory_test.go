package ui

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/sahelatlas/sahelatlas/data"
)

// liveHeap is the Go heap in use after a collection, in MB.
func liveHeap() float64 {
	runtime.GC()
	runtime.GC() // finalisers of the first
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapAlloc) / (1 << 20)
}

// drain runs what was handed to the UI goroutine until nothing comes.
func drain(q *uiQueue) {
	for {
		select {
		case f := <-q.ch:
			f()
		default:
			return
		}
	}
}

// TestHeapWithTheBundledData: the window with the bundled events, its
// first frame drawn, keeps its Go heap under 60 MB. It is measured in a
// process of its own (this test binary run again for this test alone),
// as the other tests leave windows and datasets on the heap.
func TestHeapWithTheBundledData(t *testing.T) {
	if os.Getenv(heapChild) != "" {
		ui, q := newTestWindowQueue(t)
		q.next(t) // the first frame
		drain(q)
		fmt.Printf("heap=%.1f\n", liveHeap())
		runtime.KeepAlive(ui)
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestHeapWithTheBundledData$", "-test.count=1")
	cmd.Env = append(os.Environ(), heapChild+"=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("the child test failed: %v\n%s", err, out)
	}
	var heap float64
	for _, line := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(line, "heap="); ok {
			heap, err = strconv.ParseFloat(v, 64)
		}
	}
	if heap == 0 || err != nil {
		t.Fatalf("the child test printed no heap size: %v\n%s", err, out)
	}
	t.Logf("Go heap with the bundled data: %.1f MB", heap)
	if heap > 60 {
		t.Errorf("Go heap %.1f MB with the bundled data, budget 60 MB", heap)
	}
}

// heapChild is set in the environment of TestHeapWithTheBundledData's own
// process.
const heapChild = "SAHELATLAS_TEST_HEAP_CHILD"

// TestSliderMovesDoNotGrowTheHeap: 60 drags of the timeline over 100,000
// events, each drawn, leave the heap where ten drags left it (within a
// generous 16 MB: frames, layouts and lists are reused or dropped, not
// kept).
func TestSliderMovesDoNotGrowTheHeap(t *testing.T) {
	ui, q := newTestWindowQueue(t)
	q.next(t)
	ui.setData(data.SyntheticEvents(100_000, 1))
	first, last := ui.Timeline.Span()
	ui.Timeline.SetWindow(first, first.AddDays(365))
	drain(q)
	w := ui.Timeline.Size().Width
	drag := func(n int) {
		for i := range n {
			x := w * float32(i%20+1) / 40
			ui.Timeline.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(x+4, 10)}, Dragged: fyne.NewDelta(4, 0)})
			q.next(t)
		}
		ui.Timeline.DragEnd()
		drain(q)
	}
	drag(10)
	before := liveHeap()
	drag(60)
	after := liveHeap()
	t.Logf("Go heap with 100,000 events: %.1f MB after 10 drags, %.1f MB after 60 more", before, after)
	if after-before > 16 {
		t.Errorf("60 drags of the timeline grew the heap from %.1f MB to %.1f MB", before, after)
	}
	if from, to := ui.Explorer.From, ui.Explorer.To; from == first && to == last {
		t.Error("the drags did not move the window")
	}
}
