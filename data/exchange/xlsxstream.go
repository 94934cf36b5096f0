package exchange

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// xlsxStreamXML is what of a streamed workbook's sheet excelize unpacks in
// memory; a larger sheet is unpacked to a temporary file and read from
// there row by row.
const xlsxStreamXML = 8 << 20

// readSheetStream is the rest of readXLSX for Options.Stream: the sheet's
// rows are read one at a time (excelize's Rows) and handed to readTable as
// they are read, so the sheet's cells are never held whole; date cells are
// told by their style, read from the sheet's XML alongside (sheetStyles).
// The rows above the header are held until the header is found.
func readSheetStream(xf *excelize.File, raw []byte, name, sheet string, f Format, opts Options, res *Result) error {
	it, err := xf.Rows(sheet)
	if err != nil {
		return fmt.Errorf("exchange: %s: sheet %q cannot be read: %v", name, sheet, err)
	}
	defer it.Close()
	styles, err := openSheetStyles(raw, sheet)
	if err != nil {
		return fmt.Errorf("exchange: %s: sheet %q cannot be read: %v", name, sheet, err)
	}
	defer styles.close()
	line := 0
	next := func() ([]string, int, error) {
		if !it.Next() {
			if err := it.Error(); err != nil {
				return nil, 0, fmt.Errorf("exchange: %s: sheet %q cannot be read: %v", name, sheet, err)
			}
			return nil, 0, io.EOF
		}
		line++
		row, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, 0, fmt.Errorf("exchange: %s: sheet %q cannot be read at row %d: %v", name, sheet, line, err)
		}
		return row, line, nil
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
	dates := &sheetDates{xf: xf, sheet: sheet, cols: map[int]bool{}, styles: map[int]bool{}, probed: map[int]int{}, styleAt: styles.at}
	if p, err := xf.GetWorkbookProps(); err == nil && p.Date1904 != nil {
		dates.date1904 = *p.Date1904
	}
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
