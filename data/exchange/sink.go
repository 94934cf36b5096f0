package exchange

import (
	"fmt"
	"io"
	"time"

	"github.com/sahelatlas/sahelatlas/data"
)

// recordSink receives the records of a reader that reads one at a time:
// into Result.Records, or, with Options.Stream, passed on a batch at a
// time as they are read, each dated outside Options.Dates refused on the
// way (the whole read refuses them at the end).
type recordSink struct {
	res      *Result
	stream   func([]data.Record) error
	from, to data.Date
	out      []data.Record
	err      error // from stream: what was read must not be used
}

func newRecordSink(res *Result, opts Options) *recordSink {
	s := &recordSink{res: res, stream: opts.Stream}
	if s.stream != nil {
		s.from, s.to = opts.Dates.bounds(time.Now())
		s.out = make([]data.Record, 0, streamBatch)
	}
	return s
}

// add keeps r.
func (s *recordSink) add(r data.Record) {
	switch {
	case s.stream == nil:
		s.res.Records = append(s.res.Records, r)
		return
	case s.err != nil:
		return
	}
	if p, odd := implausible(&r, s.from, s.to); odd {
		rejecter{s.res}.add(p)
		return
	}
	s.out = append(s.out, r)
	if len(s.out) == streamBatch {
		s.flush()
	}
}

// flush passes the records held, and returns the first error Stream gave.
func (s *recordSink) flush() error {
	if len(s.out) > 0 && s.err == nil {
		s.err = s.stream(s.out)
		s.res.Streamed += len(s.out)
		clear(s.out)
		s.out = s.out[:0]
	}
	return s.err
}

// MaxFeatureSize bounds one GeoJSON feature (or other member of the
// top-level object) read as a stream, when the file itself has no cap.
const MaxFeatureSize = 64 << 20

// valueCap fails a read once more than max bytes were read since the last
// reset: a JSON decoder reads one value and a little more ahead, so this
// bounds what one value may hold.
type valueCap struct {
	r         io.Reader
	left, max int64
	what      string
}

func (c *valueCap) reset() { c.left = c.max }

func (c *valueCap) Read(p []byte) (int, error) {
	if c.left <= 0 {
		return 0, fmt.Errorf("%s is larger than %d MiB", c.what, c.max>>20)
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}
