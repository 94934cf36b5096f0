package exchange

import (
	"encoding/csv"
	"errors"
	"fmt"
	"strings"
)

// MaxRecord bounds one record of a CSV table: a row, with every line its
// quoted cells run over. A longer one stops the import with an error
// naming the line where it began, so a quoted cell of millions of short
// lines (or a quote never closed) costs about a megabyte, not the file:
// MaxLine alone bounds only each of those lines.
const MaxRecord = 1 << 20

// recordTooLongError is returned once a record passes its bound.
type recordTooLongError struct{ line, max int }

func (e *recordTooLongError) Error() string {
	return fmt.Sprintf("the row that begins at line %d is longer than %d KiB (a quoted cell running over many lines, or a quote never closed), more than a row of a table can be: is this the right file?", e.line, e.max>>10)
}

// recordBound bounds the record a csv.Reader is reading. The lineCap under
// the reader's buffer checks it each time the buffer is filled, so the
// reader never holds more than the bound and a buffer's worth.
type recordBound struct {
	r     *csv.Reader
	max   int64
	start int64 // where the record being read began, in bytes read by r
	line  int   // the line it began on
}

// newRecordBound bounds the records r reads to max bytes, from line 1.
func newRecordBound(r *csv.Reader, max int) *recordBound {
	return &recordBound{r: r, max: int64(max), line: 1}
}

// check fails once r has read more than the bound of the record it is
// reading. r counts whole lines, so a record fails only once its lines so
// far are longer than the bound.
func (b *recordBound) check() error {
	if b.r.InputOffset()-b.start > b.max {
		return &recordTooLongError{line: b.line, max: int(b.max)}
	}
	return nil
}

// next moves the bound on to the record after the one r has just read,
// given what r.Read returned.
func (b *recordBound) next(rec []string, err error) {
	b.start = b.r.InputOffset()
	if err != nil {
		var pe *csv.ParseError
		if !errors.As(err, &pe) {
			return // the file fails as a whole
		}
		if !errors.Is(pe.Err, csv.ErrFieldCount) {
			// csv skips the rest of the line where the error is.
			b.line = pe.Line + 1
			return
		}
	}
	if len(rec) == 0 {
		return
	}
	// The record ends on the line of its last cell's last newline.
	last := len(rec) - 1
	line, _ := b.r.FieldPos(last)
	b.line = line + strings.Count(rec[last], "\n") + 1
}
