package exchange

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"
)

// rows is a table read row by row, whatever holds it: a CSV file, a sheet
// of a workbook or ACLED's JSON records. Rows that cannot be read (a wrong
// field count, bad quotes, invalid UTF-8, a control character, a field
// over MaxFieldSize) are reported and skipped the same way for all.
type rows struct {
	header []string       // as written, BOM stripped
	col    map[string]int // normalised header name → index
	rej    rejecter
	// read returns the next row as written and its line (or record); a
	// *rowError skips a row, io.EOF ends the table, any other error fails
	// the whole file.
	read func() ([]string, int, error)
	// records: a row's position is a record number (ACLED's JSON), not a line.
	records bool
}

// rowError is a row that cannot be read, with why.
type rowError struct {
	at     int
	reason string
}

func (e *rowError) Error() string { return e.reason }

// newRows indexes a table's header. A header that is not UTF-8 fails the
// file.
func newRows(name string, header []string, read func() ([]string, int, error), res *Result) (*rows, error) {
	c := &rows{header: make([]string, len(header)), col: map[string]int{}, rej: rejecter{res}, read: read}
	for i, f := range header {
		if !utf8.ValidString(f) {
			return nil, fmt.Errorf("exchange: %s line 1: the header is not valid UTF-8; save the file as UTF-8 and import it again", name)
		}
		f = strings.TrimPrefix(f, "\uFEFF")
		c.header[i] = f
		n := normHeader(f)
		if _, dup := c.col[n]; !dup && n != "" {
			c.col[n] = i
		}
	}
	return c, nil
}

// problem is the Problem of the row at (a line or a record) for err.
func (c *rows) problem(at int, err error) Problem {
	if c.records {
		return problem(0, at, err)
	}
	return problem(at, 0, err)
}

// newCSVRows reads the header of a CSV file. A file with no header, or a
// header that cannot be read, is an error for the whole file.
func newCSVRows(in io.Reader, name string, res *Result) (*rows, error) {
	lc := &lineCap{r: in, max: MaxLine}
	br := bufio.NewReaderSize(lc, 64<<10)
	head, _ := br.Peek(64 << 10)
	r := csv.NewReader(br)
	r.ReuseRecord = true
	r.Comma = Delimiter(head)
	lc.record = newRecordBound(r, MaxRecord)
	h, err := r.Read()
	lc.record.next(h, err)
	if errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("exchange: %s is empty; a CSV file needs a header row naming its columns", name)
	}
	var pe *csv.ParseError
	if tooLong(err) {
		return nil, fmt.Errorf("exchange: %s %w", name, err)
	}
	if err != nil && !errors.As(err, &pe) {
		return nil, err
	}
	if err != nil {
		return nil, fmt.Errorf("exchange: %s line %d: the header row cannot be read (%v); fix it and import again", name, pe.StartLine, pe.Err)
	}
	width := len(h)
	read := func() ([]string, int, error) {
		rec, err := r.Read()
		lc.record.next(rec, err)
		if err == nil {
			line, _ := r.FieldPos(0)
			return rec, line, nil
		}
		var pe *csv.ParseError
		if tooLong(err) {
			return nil, 0, fmt.Errorf("exchange: %s %w", name, err)
		}
		if !errors.As(err, &pe) {
			return nil, 0, err
		}
		switch {
		case errors.Is(pe.Err, csv.ErrFieldCount):
			return nil, 0, &rowError{pe.StartLine, fmt.Sprintf("has %d fields where the header has %d", len(rec), width)}
		case errors.Is(pe.Err, csv.ErrQuote):
			return nil, 0, &rowError{pe.StartLine, fmt.Sprintf("a quoted field is not closed (the quote opened here runs to line %d or the end of the file)", pe.Line)}
		}
		return nil, 0, &rowError{pe.StartLine, fmt.Sprintf("cannot be read as CSV: %v (at line %d, column %d)", pe.Err, pe.Line, pe.Column)}
	}
	return newRows(name, slices.Clone(h), read, res)
}

// tooLong reports whether err is a line or a record past its bound, which
// fails the whole file.
func tooLong(err error) bool {
	var long *lineTooLongError
	var rec *recordTooLongError
	return errors.As(err, &long) || errors.As(err, &rec)
}

// Delimiter tells the field separator of a CSV file from its header line:
// a comma, or else a semicolon (spreadsheets set to French and other
// languages that write 12,65 save CSV that way) or a tab, whichever the
// header holds outside quotes.
func Delimiter(head []byte) rune {
	line, _, _ := bytes.Cut(head, []byte("\n"))
	counts := map[byte]int{}
	quoted := false
	for _, c := range line {
		switch {
		case c == '"':
			quoted = !quoted
		case !quoted && (c == ',' || c == ';' || c == '\t'):
			counts[c]++
		}
	}
	switch {
	case counts[','] > 0:
		return ','
	case counts[';'] > 0:
		return ';'
	case counts['\t'] > 0:
		return '\t'
	}
	return ','
}

// normHeader lower-cases a column name and turns spaces and dashes into '_'.
func normHeader(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' {
			return '_'
		}
		return r
	}, s)
}

// index returns the column named name (normalised), or -1.
func (c *rows) index(name string) int {
	if i, ok := c.col[normHeader(name)]; ok {
		return i
	}
	return -1
}

// next returns the next good row and its position; ok is false at the
// end. Rows that cannot be read are reported and skipped, as are rows with
// a field that is not valid UTF-8, holds a control character other than
// tab and newlines, or is longer than MaxFieldSize: every field of a row
// returned passes cleanText. err is a failure of the file as a whole (too
// large, unreadable).
func (c *rows) next() (rec []string, at int, ok bool, err error) {
	for {
		rec, at, err := c.read()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return nil, 0, false, nil
			}
			if re, ok := err.(*rowError); ok {
				c.rej.add(c.problem(re.at, re))
				continue
			}
			return nil, 0, false, err
		}
		for i, f := range rec {
			if textOK(f) {
				continue
			}
			var reason string
			switch {
			case !utf8.ValidString(f):
				reason = fmt.Sprintf("column %q is not valid UTF-8 (the file may be Latin-1 or Windows-1252: import it with that encoding, or save it as UTF-8)", c.header[i])
			case len(f) > MaxFieldSize:
				reason = fmt.Sprintf("column %q is %d bytes long, more than the %d allowed", c.header[i], len(f), MaxFieldSize)
			default:
				_, err := cleanText(fmt.Sprintf("column %q", c.header[i]), f)
				reason = err.Error()
			}
			p := c.problem(at, errors.New(reason))
			if !utf8.ValidString(f) {
				p.Fix = "--encoding windows-1252"
			}
			c.rej.add(p)
			rec = nil
			break
		}
		if rec != nil {
			return rec, at, true, nil
		}
	}
}

// unneutralise undoes the quote that WriteCSV puts before a cell a
// spreadsheet would run as a formula.
func unneutralise(s string) string {
	if len(s) >= 2 && s[0] == '\'' && strings.IndexByte("=+-@\t\r", s[1]) >= 0 {
		return s[1:]
	}
	return s
}

// rowBatch is a run of rows read ahead: width fields a row, flattened.
type rowBatch struct {
	fields []string
	lines  []int
	err    error // a failure of the file as a whole; the last batch
}

// batchRows is how many rows a batch holds.
const batchRows = 1024

// readAhead reads the rows in a goroutine of their own, so that parsing
// the CSV and mapping rows onto records overlap, and sends them in
// batches. Problems found reading go to their own Result, merged by line
// with mergeProblems once the channel is closed; the caller must drain it.
func (c *rows) readAhead() (<-chan rowBatch, *Result) {
	own := &Result{}
	c.rej = rejecter{own}
	width := len(c.header)
	out := make(chan rowBatch, 2)
	go func() {
		defer close(out)
		b := rowBatch{fields: make([]string, 0, batchRows*width), lines: make([]int, 0, batchRows)}
		for {
			rec, at, ok, err := c.next()
			if err != nil || !ok {
				b.err = err
				out <- b
				return
			}
			b.fields = append(b.fields, rec...)
			b.lines = append(b.lines, at)
			if len(b.lines) == batchRows {
				out <- b
				b = rowBatch{fields: make([]string, 0, batchRows*width), lines: make([]int, 0, batchRows)}
			}
		}
	}()
	return out, own
}

// mergeProblems adds the problems of from to res, keeping them in line
// order and within MaxProblems.
func mergeProblems(res, from *Result) {
	all := append(slices.Clone(from.Rejected), res.Rejected...)
	slices.SortStableFunc(all, func(a, b Problem) int { return max(a.Line, a.Feature) - max(b.Line, b.Feature) })
	res.More += from.More
	if len(all) > MaxProblems {
		res.More += len(all) - MaxProblems
		all = all[:MaxProblems]
	}
	res.Rejected = all
}
