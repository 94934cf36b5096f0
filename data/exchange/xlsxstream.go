package exchange

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/thedatashed/xlsxreader"
)

// readSheet is the rest of readXLSX: the sheet's rows are read one at a
// time (xlsxreader's ReadRows) and handed to readTable as they are read,
// so the sheet's cells are never held whole, with Options.Stream or
// without; date cells are told by their style, read from the sheet's XML
// alongside (sheetStyles). The rows above the header are held until the
// header is found.
func readSheet(xf *xlsxreader.XlsxFileCloser, zr *zip.Reader, name, sheet string, f Format, opts Options, res *Result) error {
	styles, err := openSheetStyles(xf.GetSheetFileForSheetName(sheet))
	if err != nil {
		return fmt.Errorf("exchange: %s: sheet %q cannot be read: %v", name, sheet, err)
	}
	defer styles.close()
	rows := &rowReader{ch: xf.ReadRows(sheet), styles: styles, name: name, sheet: sheet}
	// The header: the first row with two cells or more, else the first
	// with one.
	var header []string
	var above [][]string // rows read looking for it, and their lines
	var aboveLines []int
	for header == nil {
		row, at, err := rows.next()
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
	dates := &sheetDates{cols: map[int]bool{}, probed: map[int]int{}, styleAt: styles.at}
	dates.date1904, dates.dates = workbookDates(zr)
	width := len(header)
	read := func() ([]string, int, error) {
		for {
			var row []string
			var at int
			if len(rest) > 0 {
				row, at, rest, restLines = rest[0], restLines[0], rest[1:], restLines[1:]
			} else {
				var err error
				if row, at, err = rows.next(); err != nil {
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

// rowReader hands out the rows of a sheet as xlsxreader reads them, each
// as its cells by column from 0 (a column without a value an empty
// cell), with its row number. Rows without a value are left out.
type rowReader struct {
	ch     chan xlsxreader.Row
	styles *sheetStyles // read to its end after the last row (finish)
	name   string
	sheet  string
	line   int // the row number of the row read last
}

// next returns the next row and its number, io.EOF after the last.
func (r *rowReader) next() ([]string, int, error) {
	row, ok := <-r.ch
	if !ok {
		if err := r.styles.finish(); err != nil {
			where := fmt.Sprintf("after row %d", r.line)
			if r.line == 0 {
				where = "before its first row"
			}
			return nil, 0, r.fail("it is damaged %s (%v); save it again from the spreadsheet, or as CSV", where, damage(err))
		}
		return nil, 0, io.EOF
	}
	line := row.Index
	if line == 0 { // a row without its number follows the one before
		line = r.line + 1
	}
	if row.Error != nil {
		return nil, 0, r.fail("it is damaged at row %d (%v); save it again from the spreadsheet, or as CSV", line, damage(row.Error))
	}
	if line <= r.line {
		return nil, 0, r.fail("its row %d comes after row %d; save it again from the spreadsheet", line, r.line)
	}
	r.line = line
	var cells []string
	for _, c := range row.Cells {
		col := len(cells) // a cell without its reference follows the one before
		if c.Column != "" {
			if col = columnIndex(c.Column); col < 0 {
				return nil, 0, r.fail("its cell %s%d is past the last column a sheet may have, XFD", c.Column, line)
			}
		}
		for len(cells) <= col {
			cells = append(cells, "")
		}
		cells[col] = c.Value
	}
	return cells, line, nil
}

// fail returns the error that the sheet cannot be read, for the reason
// format and args say.
func (r *rowReader) fail(format string, args ...any) error {
	return fmt.Errorf("exchange: %s: sheet %q cannot be read: %s", r.name, r.sheet, fmt.Sprintf(format, args...))
}

// damage words what broke a sheet's reading: archive/zip says only "not a
// valid zip file" of an entry that unpacks to more than its header says.
func damage(err error) string {
	if errors.Is(err, zip.ErrFormat) {
		return "a part of the archive unpacks to more than its header says, or is broken"
	}
	return err.Error()
}
