package exchange

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// MaxLine bounds one line of a text file (a CSV row, a GDELT line: real
// ones are under 2 KiB): a
// longer one stops the import with an error, so a file of one 200 MB line
// costs a megabyte of memory, not the file.
const MaxLine = 1 << 20

// maxExcerpt is how much of a file's text a message quotes.
const maxExcerpt = 80

// excerpt is s cut to a short, marked excerpt for a message: at most
// maxExcerpt bytes (on a rune boundary) and "… (N bytes in all)".
func excerpt(s string) string {
	if len(s) <= maxExcerpt {
		return s
	}
	cut := maxExcerpt
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return fmt.Sprintf("%s… (%d bytes in all)", s[:cut], len(s))
}

// headerExcerpt lists a header's columns for a message: the first few,
// each cut short, and how many more there are.
func headerExcerpt(header []string) string {
	const most = 12
	parts := make([]string, 0, min(len(header), most)+1)
	for i, h := range header {
		if i == most {
			parts = append(parts, fmt.Sprintf("and %d more columns", len(header)-most))
			break
		}
		parts = append(parts, excerpt(h))
	}
	return strings.Join(parts, ", ")
}

// lineTooLongError is returned by lineCap once a line passes its bound.
type lineTooLongError struct{ line, max int }

func (e *lineTooLongError) Error() string {
	return fmt.Sprintf("line %d is longer than %d KiB, more than a row of a table can be: is this the right file?", e.line, e.max>>10)
}

// lineCap passes r through, failing once a line (bytes between newlines)
// passes max.
type lineCap struct {
	r    io.Reader
	max  int
	run  int // bytes since the last newline
	line int // 1-based line being read
	// record, when set, also bounds the record a CSV reader reads.
	record *recordBound
}

// Read implements io.Reader.
func (c *lineCap) Read(p []byte) (int, error) {
	if c.record != nil {
		if err := c.record.check(); err != nil {
			return 0, err
		}
	}
	n, err := c.r.Read(p)
	for i, b := range p[:n] {
		if b == '\n' {
			c.run, c.line = 0, c.line+1
			continue
		}
		c.run++
		if c.run > c.max {
			return i, &lineTooLongError{line: c.line + 1, max: c.max}
		}
	}
	return n, err
}
