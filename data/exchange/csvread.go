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

// csvRows reads a CSV file with a header row, reporting rows that cannot be
// read (wrong field count, bad quotes, invalid UTF-8) as problems and going
// on with the next one.
type csvRows struct {
	r      *csv.Reader
	header []string       // as written, BOM stripped
	col    map[string]int // normalised header name → index
	rej    rejecter
}

// newCSVRows reads the header. A file with no header, or a header that
// cannot be read, is an error for the whole file.
func newCSVRows(in io.Reader, name string, res *Result) (*csvRows, error) {
	br := bufio.NewReaderSize(in, 64<<10)
	head, _ := br.Peek(64 << 10)
	r := csv.NewReader(br)
	r.ReuseRecord = true
	r.Comma = Delimiter(head)
	h, err := r.Read()
	if errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("exchange: %s is empty; a CSV file needs a header row naming its columns", name)
	}
	var pe *csv.ParseError
	if err != nil && !errors.As(err, &pe) {
		return nil, err
	}
	if err != nil {
		return nil, fmt.Errorf("exchange: %s line %d: the header row cannot be read (%v); fix it and import again", name, pe.StartLine, pe.Err)
	}
	c := &csvRows{r: r, header: make([]string, len(h)), col: map[string]int{}, rej: rejecter{res}}
	for i, f := range h {
		if !utf8.ValidString(f) {
			return nil, fmt.Errorf("exchange: %s line 1: the header is not valid UTF-8; save the file as UTF-8 and import it again", name)
		}
		c.header[i] = f
		n := normHeader(f)
		if _, dup := c.col[n]; !dup && n != "" {
			c.col[n] = i
		}
	}
	return c, nil
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
func (c *csvRows) index(name string) int {
	if i, ok := c.col[normHeader(name)]; ok {
		return i
	}
	return -1
}

// next returns the next good row and its line; ok is false at the end.
// Rows that cannot be read are reported and skipped, as are rows with a
// field that is not valid UTF-8, holds a control character other than
// tab and newlines, or is longer than MaxFieldSize: every field of a row
// returned passes cleanText. err is a failure of
// the file as a whole (too large, unreadable).
func (c *csvRows) next() (rec []string, line int, ok bool, err error) {
	for {
		rec, err := c.r.Read()
		if errors.Is(err, io.EOF) {
			return nil, 0, false, nil
		}
		var pe *csv.ParseError
		if err != nil && !errors.As(err, &pe) {
			return nil, 0, false, err
		}
		if err != nil {
			switch {
			case errors.Is(pe.Err, csv.ErrFieldCount):
				c.rej.add(Problem{Line: pe.StartLine, Reason: fmt.Sprintf("has %d fields where the header has %d", len(rec), len(c.header))})
			case errors.Is(pe.Err, csv.ErrQuote):
				c.rej.add(Problem{Line: pe.StartLine, Reason: fmt.Sprintf("a quoted field is not closed (the quote opened here runs to line %d or the end of the file)", pe.Line)})
			default:
				c.rej.add(Problem{Line: pe.StartLine, Reason: fmt.Sprintf("cannot be read as CSV: %v (at line %d, column %d)", pe.Err, pe.Line, pe.Column)})
			}
			continue
		}
		line, _ = c.r.FieldPos(0)
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
			c.rej.add(Problem{Line: line, Reason: reason})
			rec = nil
			break
		}
		if rec != nil {
			return rec, line, true, nil
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
func (c *csvRows) readAhead() (<-chan rowBatch, *Result) {
	own := &Result{}
	c.rej = rejecter{own}
	width := len(c.header)
	out := make(chan rowBatch, 2)
	go func() {
		defer close(out)
		b := rowBatch{fields: make([]string, 0, batchRows*width), lines: make([]int, 0, batchRows)}
		for {
			rec, line, ok, err := c.next()
			if err != nil || !ok {
				b.err = err
				out <- b
				return
			}
			b.fields = append(b.fields, rec...)
			b.lines = append(b.lines, line)
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
	if len(from.Rejected) == 0 && from.More == 0 {
		return
	}
	all := append(slices.Clone(from.Rejected), res.Rejected...)
	slices.SortStableFunc(all, func(a, b Problem) int { return a.Line - b.Line })
	res.More += from.More
	if len(all) > MaxProblems {
		res.More += len(all) - MaxProblems
		all = all[:MaxProblems]
	}
	res.Rejected = all
}
