package cli

import (
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/sahelatlas/sahelatlas/data/files"
)

// importProgress says on stderr how far a long import has gone: nothing
// for the first two seconds, then on a terminal one line rewritten twice
// a second, elsewhere (a log, a pipe) a line every ten seconds.
type importProgress struct {
	w      io.Writer
	name   string
	read   *files.Progress
	events atomic.Int64
	tty    bool
	stop   chan struct{}
	done   sync.WaitGroup
	shown  bool
}

// startProgress starts reporting the progress of reading r to w.
func startProgress(w io.Writer, name string, r *files.Progress) *importProgress {
	p := &importProgress{w: w, name: name, read: r, tty: isTerminal(w), stop: make(chan struct{})}
	p.done.Add(1)
	go p.run()
	return p
}

func (p *importProgress) run() {
	defer p.done.Done()
	start := time.Now()
	every := 10 * time.Second
	if p.tty {
		every = 500 * time.Millisecond
	}
	tick := time.NewTicker(every)
	defer tick.Stop()
	first := time.NewTimer(2 * time.Second)
	defer first.Stop()
	started := false
	for {
		select {
		case <-p.stop:
			return
		case <-first.C:
			started = true
			p.line(time.Since(start))
		case <-tick.C:
			if started {
				p.line(time.Since(start))
			}
		}
	}
}

// line writes how far the import has gone.
func (p *importProgress) line(elapsed time.Duration) {
	read, size := p.read.BytesRead(), p.read.Size()
	s := fmt.Sprintf("sahelatlas import: %s: %d events read", p.name, p.events.Load())
	if size > 0 {
		s += fmt.Sprintf(", %d%% of the file", min(100, read*100/size))
	}
	s += fmt.Sprintf(" (%s)", elapsed.Round(time.Second))
	if p.tty {
		fmt.Fprintf(p.w, "\r%s\x1b[K", s)
	} else {
		fmt.Fprintln(p.w, s)
	}
	p.shown = true
}

// end stops the reports, ending a terminal's rewritten line.
func (p *importProgress) end() {
	close(p.stop)
	p.done.Wait()
	if p.shown && p.tty {
		fmt.Fprintln(p.w)
	}
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	if s, ok := w.(*syncWriter); ok {
		w = s.w
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// syncWriter serialises writes to w: the progress of an import is written
// by a goroutine of its own while the command writes its messages.
type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}
