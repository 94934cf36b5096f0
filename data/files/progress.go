package files

import (
	"errors"
	"io"
	"sync/atomic"
)

// ErrStopped is what a Progress reader returns once Stop was called.
var ErrStopped = errors.New("stopped by the user")

// Progress wraps a file being read to tell how far the reading has come
// and to stop it: the window's import bar and the import command's
// progress line read Read, and the window's Cancel button calls Stop.
// Its methods may be called from any goroutine.
type Progress struct {
	r       io.Reader
	size    int64 // bytes in all; 0 when not known
	read    atomic.Int64
	stopped atomic.Bool
}

// NewProgress returns a Progress reading r, which holds size bytes in all
// (0 when not known).
func NewProgress(r io.Reader, size int64) *Progress {
	return &Progress{r: r, size: size}
}

// Read reads from the wrapped reader and counts what it read; after Stop
// it reads nothing and returns ErrStopped.
func (p *Progress) Read(b []byte) (int, error) {
	if p.stopped.Load() {
		return 0, ErrStopped
	}
	n, err := p.r.Read(b)
	p.read.Add(int64(n))
	return n, err
}

// BytesRead returns how many bytes have been read so far.
func (p *Progress) BytesRead() int64 { return p.read.Load() }

// Size returns how many bytes the file holds in all, 0 when not known.
func (p *Progress) Size() int64 { return p.size }

// Fraction returns the share of the file read so far, from 0 to 1, or -1
// when the size is not known.
func (p *Progress) Fraction() float64 {
	if p.size <= 0 {
		return -1
	}
	return min(1, float64(p.read.Load())/float64(p.size))
}

// Stop makes every later Read fail with ErrStopped.
func (p *Progress) Stop() { p.stopped.Store(true) }

// Stopped reports whether Stop was called.
func (p *Progress) Stopped() bool { return p.stopped.Load() }
