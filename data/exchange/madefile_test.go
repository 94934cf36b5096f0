package exchange

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"github.com/sahelatlas/sahelatlas/data"
)

// madeFile is a file of n parts made as it is read, never held whole: its
// head, then each part i as part appends it, then its tail. The streaming
// tests read files far larger than they could keep.
type madeFile struct {
	head, tail string
	part       func(buf []byte, i int) []byte
	n, i       int
	buf        []byte
	started    bool
	ended      bool
}

func (f *madeFile) Read(p []byte) (int, error) {
	if !f.started {
		f.buf = append(f.buf, f.head...)
		f.started = true
	}
	for len(f.buf) < len(p) && f.i < f.n {
		f.buf = f.part(f.buf, f.i)
		f.i++
	}
	if f.i == f.n && !f.ended {
		f.buf = append(f.buf, f.tail...)
		f.ended = true
	}
	if len(f.buf) == 0 {
		return 0, io.EOF
	}
	n := copy(p, f.buf)
	f.buf = f.buf[:copy(f.buf, f.buf[n:])]
	return n, nil
}

// madeDate is the date of part i of a made file: every day of 2024's
// first 28 of each month in turn.
func madeDate(i int) string { return fmt.Sprintf("2024-%02d-%02d", 1+i/28%12, 1+i%28) }

// benchWholeAndStream reads in, a file called name of n events, whole and
// as a stream.
func benchWholeAndStream(b *testing.B, in []byte, name string, n int) {
	for _, stream := range []bool{false, true} {
		b.Run(fmt.Sprintf("stream=%v", stream), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in)))
			for b.Loop() {
				got := 0
				opts := Options{}
				if stream {
					opts.Stream = func(r []data.Record) error { got += len(r); return nil }
				}
				res, err := Import(bytes.NewReader(in), name, opts)
				if err != nil || got+len(res.Records) != n {
					b.Fatal(got, err)
				}
			}
		})
	}
}
