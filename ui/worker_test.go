package ui

import (
	"slices"
	"testing"
	"time"
)

// gate is a slow computation the test controls: each call reports its
// request on started, then waits until the test lets it finish.
type gate struct {
	started chan string
	release chan struct{}
	calls   []string // written by the worker goroutine, read after a handed-over result
}

func newGate() *gate {
	return &gate{started: make(chan string, 16), release: make(chan struct{})}
}

func (g *gate) compute(q string) string {
	g.calls = append(g.calls, q)
	g.started <- q
	<-g.release
	return "result of " + q
}

// waitStart returns the request the worker started on, waiting up to 5 s.
func (g *gate) waitStart(t *testing.T) string {
	t.Helper()
	select {
	case q := <-g.started:
		return q
	case <-time.After(hangTimeout):
		t.Fatalf("the worker started nothing within %v", hangTimeout)
		return ""
	}
}

func TestNewestWorkerComputesOnlyTheNewest(t *testing.T) {
	g := newGate()
	ui := &uiQueue{ch: make(chan func(), 16)}
	var shown []string
	w := newNewestWorker(g.compute, func(r string) { shown = append(shown, r) }, ui.do, 0)

	w.request("a")
	if q := g.waitStart(t); q != "a" {
		t.Fatalf("started on %q, want a", q)
	}
	// Typed while "a" is being computed: only the last is computed next.
	w.request("b")
	w.request("c")
	w.request("d")
	g.release <- struct{}{}
	ui.next(t) // a's result: stale, dropped
	if len(shown) != 0 {
		t.Fatalf("a stale result was shown: %q", shown)
	}
	if w.settled() {
		t.Fatal("settled before the newest result was shown")
	}
	if q := g.waitStart(t); q != "d" {
		t.Fatalf("started on %q after a, want the newest request d", q)
	}
	g.release <- struct{}{}
	ui.next(t)
	if want := []string{"result of d"}; !slices.Equal(shown, want) {
		t.Fatalf("shown %q, want %q", shown, want)
	}
	if want := []string{"a", "d"}; !slices.Equal(g.calls, want) {
		t.Fatalf("computed %q, want %q (b and c were overtaken before they started)", g.calls, want)
	}
	if !w.settled() {
		t.Fatal("not settled after the newest result was shown")
	}
}

func TestNewestWorkerDropsAResultOvertakenAfterItWasComputed(t *testing.T) {
	g := newGate()
	ui := &uiQueue{ch: make(chan func(), 16)}
	var shown []string
	w := newNewestWorker(g.compute, func(r string) { shown = append(shown, r) }, ui.do, 0)

	w.request("a")
	g.waitStart(t)
	g.release <- struct{}{}
	// a's result waits in the UI queue; a request made now overtakes it.
	w.request("b")
	if q := g.waitStart(t); q != "b" {
		t.Fatalf("started on %q, want b", q)
	}
	ui.next(t) // a's result
	if len(shown) != 0 {
		t.Fatalf("a result overtaken in the UI queue was shown: %q", shown)
	}
	g.release <- struct{}{}
	ui.next(t)
	if want := []string{"result of b"}; !slices.Equal(shown, want) {
		t.Fatalf("shown %q, want %q", shown, want)
	}
}

func TestNewestWorkerCancel(t *testing.T) {
	g := newGate()
	ui := &uiQueue{ch: make(chan func(), 16)}
	var shown []string
	w := newNewestWorker(g.compute, func(r string) { shown = append(shown, r) }, ui.do, 0)

	w.request("a")
	g.waitStart(t)
	w.cancel()
	if !w.settled() {
		t.Fatal("a cancelled worker is not settled")
	}
	g.release <- struct{}{}
	ui.next(t)
	if len(shown) != 0 {
		t.Fatalf("a cancelled result was shown: %q", shown)
	}
}

// TestNewestWorkerManyRequests makes many quick requests while results come
// back (run it with -race): every result shown answers the newest request
// of its moment, and the last one shown answers the last request.
func TestNewestWorkerManyRequests(t *testing.T) {
	ui := &uiQueue{ch: make(chan func(), 1024)}
	latest := -1 // the newest request (test goroutine only)
	var shown []int
	square := func(q int) int { return q * q }
	w := newNewestWorker(square, func(r int) {
		if r != latest*latest {
			t.Errorf("shown %d while the newest request was %d", r, latest)
		}
		shown = append(shown, r)
	}, ui.do, 0)
	for i := range 2000 {
		latest = i
		w.request(i)
		for len(ui.ch) > 0 {
			ui.next(t)
		}
	}
	for !w.settled() {
		ui.next(t)
	}
	if len(shown) == 0 || shown[len(shown)-1] != latest*latest {
		t.Fatalf("the last result shown is not the last request's (%d): %v", latest*latest, shown[max(0, len(shown)-3):])
	}
	if !slices.IsSorted(shown) {
		t.Fatalf("a result older than one already shown was shown: %v", shown)
	}
}
