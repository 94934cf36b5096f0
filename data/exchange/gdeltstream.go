package exchange

import (
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/sahelatlas/sahelatlas/data"
)

// gdeltSeen is the set of GLOBALEVENTIDs a streamed GDELT file has given:
// numbers, held as such (eight bytes an event, not the record).
type gdeltSeen struct {
	ids   map[int64]struct{}
	other map[string]struct{} // an id too long for an int64
}

// add reports whether id (an event id, "gdelt-…") was seen before, and
// notes it.
func (s *gdeltSeen) add(id string) bool {
	digits := strings.TrimPrefix(id, "gdelt-")
	if n, err := strconv.ParseInt(digits, 10, 64); err == nil {
		if _, dup := s.ids[n]; dup {
			return true
		}
		s.ids[n] = struct{}{}
		return false
	}
	if s.other == nil {
		s.other = map[string]struct{}{}
	}
	if _, dup := s.other[digits]; dup {
		return true
	}
	s.other[strings.Clone(digits)] = struct{}{}
	return false
}

// readGDELTStream is readGDELT for Options.Stream: the events kept are
// passed a batch at a time, as the lines are read, so memory holds a
// batch and the set of ids, not the file. Every copy of an event the file
// repeats is passed, as ACLED's are: the store keeps the one added last
// (the greatest DATEADDED, Record.Version), as readGDELT does; each copy
// after the first is counted as a duplicate. An event dated outside
// opts.Dates is refused once, at the line of its copy added last.
func readGDELTStream(in io.Reader, name string, opts Options, res *Result) error {
	seen := gdeltSeen{ids: map[int64]struct{}{}}
	skipped := tally{}
	from, to := opts.Dates.bounds(time.Now())
	out := make([]data.Record, 0, streamBatch)
	var serr error
	flush := func() {
		if len(out) == 0 || serr != nil {
			return
		}
		serr = opts.Stream(out)
		res.Streamed += len(out)
		clear(out)
		out = out[:0]
	}
	// Events dated outside the range, by id: one problem an event, from
	// the copy added last, as the whole read reports them.
	odd := map[string]struct {
		version int64
		p       Problem
	}{}
	err := scanGDELT(in, name, opts, res, skipped, func(r data.Record) bool {
		if seen.add(r.Event.ID) {
			skipped["duplicate GLOBALEVENTID: collapsed into one event (the copy added last kept)"]++
		}
		if p, bad := implausible(&r, from, to); bad {
			if o, ok := odd[r.Event.ID]; !ok || r.Version > o.version {
				odd[strings.Clone(r.Event.ID)] = struct {
					version int64
					p       Problem
				}{r.Version, p}
			}
			return true
		}
		out = append(out, r)
		if len(out) == streamBatch {
			flush()
		}
		return serr == nil
	})
	flush()
	var late Result
	for _, o := range odd {
		rejecter{&late}.add(o.p)
	}
	mergeProblems(res, &late)
	res.Skipped = skipped.skips()
	if serr != nil {
		return serr
	}
	return err
}
