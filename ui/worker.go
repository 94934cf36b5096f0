package ui

import (
	"sync"
	"time"
)

// newestWorker computes, off the UI goroutine, the answer to requests that
// supersede one another: the text typed in the search box, the choices of
// the Export dialog's preview. Requests made while it is busy replace one
// another, so only the newest waiting request is computed; each result is
// handed to the UI goroutine with do and shown there only if no request
// was made since, so a stale result never reaches the screen. A goroutine
// runs only while there is work: nothing needs stopping.
type newestWorker[Q, R any] struct {
	compute func(Q) R
	show    func(R)       // runs on the UI goroutine
	do      func(func())  // runs a function on the UI goroutine (fyne.Do; tests pass a queue)
	delay   time.Duration // wait until no request has come for this long, so that a burst of keystrokes costs one computation

	mu      sync.Mutex
	pending *Q
	gen     uint64 // generation of the newest request
	running bool   // a goroutine is computing or about to
	shown   uint64 // generation of the result on screen (UI goroutine only)
}

// newNewestWorker makes a worker that computes with compute and shows
// results with show on the UI goroutine through do.
func newNewestWorker[Q, R any](compute func(Q) R, show func(R), do func(func()), delay time.Duration) *newestWorker[Q, R] {
	return &newestWorker[Q, R]{compute: compute, show: show, do: do, delay: delay}
}

// request asks for q's result, replacing any request not yet started and
// making the result of any computation under way stale.
func (w *newestWorker[Q, R]) request(q Q) {
	w.mu.Lock()
	w.pending = &q
	w.gen++
	start := !w.running
	w.running = true
	w.mu.Unlock()
	if start {
		go w.run()
	}
}

// cancel, on the UI goroutine, drops the waiting request and makes the
// result of any computation under way stale, for when the UI shows
// something that needs no computing (an empty search box).
func (w *newestWorker[Q, R]) cancel() {
	w.mu.Lock()
	w.pending = nil
	w.gen++
	w.shown = w.gen
	w.mu.Unlock()
}

// settled reports, on the UI goroutine, whether the result on screen
// answers the newest request.
func (w *newestWorker[Q, R]) settled() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.shown == w.gen
}

func (w *newestWorker[Q, R]) run() {
	for {
		w.waitQuiet()
		w.mu.Lock()
		q, gen := w.pending, w.gen
		w.pending = nil
		if q == nil {
			w.running = false
			w.mu.Unlock()
			return
		}
		w.mu.Unlock()
		r := w.compute(*q)
		w.do(func() {
			w.mu.Lock()
			stale := gen != w.gen
			if !stale {
				w.shown = gen
			}
			w.mu.Unlock()
			if !stale {
				w.show(r)
			}
		})
	}
}

// waitQuiet returns once no request has come for w.delay (at once when
// the delay is 0).
func (w *newestWorker[Q, R]) waitQuiet() {
	for w.delay > 0 {
		w.mu.Lock()
		gen := w.gen
		w.mu.Unlock()
		time.Sleep(w.delay)
		w.mu.Lock()
		quiet := w.gen == gen
		w.mu.Unlock()
		if quiet {
			return
		}
	}
}
