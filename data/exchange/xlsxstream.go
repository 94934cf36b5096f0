package exchange

import (
	"fmt"
	"io"
	"strings"
)

// readSheetRows is the rest of readXLSX: the sheet's rows are read one at
// a time (xlsxRows) and handed to readTable as they are read, so the
// sheet's cells are never held whole (with Options.Stream, nor its
// events); date cells are told by their style. The rows above the header
// are held until the header is found.
func readSheetRows(book *xlsxBook, name, sheet string, f Format, opts Options, res *Result) error {
	rows, err := book.rows(sheet)
	if err != nil {
		return fmt.Errorf("exchange: %s: sheet %q cannot be read: %v", name, sheet, err)
	}
	defer rows.close()
	next := func() ([]string, int, error) {
		row, line, err := rows.next()
		if err != nil && err != io.EOF {
			return nil, 0, fmt.Errorf("exchange: %s: sheet %q cannot be read: %v", name, sheet, err)
		}
		return row, line, err
	}
	// The header: the first row with two cells or more, else the first
	// with one.
	var header []string
	var above [][]string // rows read looking for it, and their lines
	var aboveLines []int
	for header == nil {
		row, at, err := next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		if filled(row) >= 2 {
			header = row
			break
		}
		above = append(above, row)
		aboveLines = append(aboveLines, at)
	}
	var rest [][]string // rows after a one-cell header, when no row has two
	var restLines []int
	if header == nil {
		for i, row := range above {
			if filled(row) == 1 {
				header, rest, restLines = row, above[i+1:], aboveLines[i+1:]
				break
			}
		}
	}
	if header == nil {
		return fmt.Errorf("exchange: sheet %q of %s is empty; it needs a header row naming its columns", sheet, name)
	}
	above = nil
	for len(header) > 0 && strings.TrimSpace(header[len(header)-1]) == "" {
		header = header[:len(header)-1]
	}
	dates := &sheetDates{book: book, cols: map[int]bool{}, probed: map[int]int{}, styleAt: rows.styleAt}
	width := len(header)
	read := func() ([]string, int, error) {
		for {
			var row []string
			var at int
			if len(rest) > 0 {
				row, at, rest, restLines = rest[0], restLines[0], rest[1:], restLines[1:]
			} else {
				var err error
				if row, at, err = next(); err != nil {
					return nil, 0, err
				}
			}
			if filled(row) == 0 {
				continue
			}
			for i, v := range row[:min(len(row), width)] {
				dates.probe(i, at, v)
			}
			if len(row) > width && filled(row[width:]) > 0 {
				return nil, 0, &rowError{at, fmt.Sprintf("has %d cells where the header has %d", len(row), width)}
			}
			rec := make([]string, width)
			copy(rec, row)
			for i, v := range rec {
				if d, ok := dates.day(i, at, v); ok {
					rec[i] = d
				}
			}
			return rec, at, nil
		}
	}
	t, err := newRows(name, header, read, res)
	if err != nil {
		return err
	}
	return readTable(t, name, f, opts, res)
}

// probe looks at a cell of a sheet read row by row: a column is found to
// hold date cells as its rows come, among its first sheetProbe numbers, as
// newSheetDates finds it from the whole sheet, so day converts the same
// cells.
func (s *sheetDates) probe(col, line int, v string) {
	if !s.cols[col] && s.probed[col] < sheetProbe && isNumber(v) {
		s.probed[col]++
		if s.isDateCell(col, line) {
			s.cols[col] = true
		}
	}
}
