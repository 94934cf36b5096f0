package exchange

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// readXLSX reads one sheet of a workbook (the first, or opts.Sheet) as a
// table and hands it to readTable, so a sheet is read exactly as a CSV
// file with the same columns would be. The header is the first row with
// two cells or more; a row's line is its row number in the sheet. Date
// cells (a day number with a date format) are read as the days they
// show, text cells as text. The archive is checked as a KMZ is before
// excelize opens it: local entry names, at most MaxKMZEntries entries, at
// most max bytes unpacked in all. With Options.Stream the sheet is read
// row by row (see readSheetStream).
func readXLSX(in io.Reader, name string, max int64, f Format, opts Options, res *Result) error {
	raw, err := io.ReadAll(in)
	if err != nil {
		return err
	}
	if err := checkWorkbook(raw, name, max); err != nil {
		return err
	}
	xmlMax := max
	if opts.Stream != nil {
		xmlMax = min(max, xlsxStreamXML)
	}
	xf, err := excelize.OpenReader(bytes.NewReader(raw), excelize.Options{UnzipSizeLimit: max, UnzipXMLSizeLimit: xmlMax})
	if err != nil {
		return fmt.Errorf("exchange: %s cannot be read as an Excel workbook (.xlsx): %v; save it again from the spreadsheet as .xlsx, or as CSV", name, err)
	}
	defer xf.Close()
	sheets := xf.GetSheetList()
	sheet := opts.Sheet
	switch {
	case len(sheets) == 0:
		return fmt.Errorf("exchange: %s holds no sheet", name)
	case sheet == "":
		sheet = sheets[0]
		if len(sheets) > 1 {
			res.Notes = append(res.Notes, fmt.Sprintf("read the first sheet, %q, of %d (%s); choose another with --sheet", sheet, len(sheets), strings.Join(sheets, ", ")))
		}
	default:
		found := false
		for _, s := range sheets {
			if strings.EqualFold(s, sheet) {
				sheet, found = s, true
				break
			}
		}
		if !found {
			return fmt.Errorf("exchange: %s has no sheet %q; its sheets are %s", name, opts.Sheet, strings.Join(sheets, ", "))
		}
	}
	if opts.Stream != nil {
		return readSheetStream(xf, raw, name, sheet, f, opts, res)
	}
	cells, err := xf.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return fmt.Errorf("exchange: %s: sheet %q cannot be read: %v", name, sheet, err)
	}
	top := -1
	for i, row := range cells {
		if filled(row) >= 2 || top < 0 && filled(row) == 1 {
			top = i
			if filled(row) >= 2 {
				break
			}
		}
	}
	if top < 0 {
		return fmt.Errorf("exchange: sheet %q of %s is empty; it needs a header row naming its columns", sheet, name)
	}
	header := cells[top]
	for len(header) > 0 && strings.TrimSpace(header[len(header)-1]) == "" {
		header = header[:len(header)-1]
	}
	dates := newSheetDates(xf, sheet, cells[top+1:], top+2)
	width := len(header)
	next := top + 1
	read := func() ([]string, int, error) {
		for ; next < len(cells); next++ {
			row := cells[next]
			if filled(row) == 0 {
				continue
			}
			line := next + 1
			next++
			if len(row) > width && filled(row[width:]) > 0 {
				return nil, 0, &rowError{line, fmt.Sprintf("has %d cells where the header has %d", len(row), width)}
			}
			rec := make([]string, width)
			copy(rec, row)
			for i, v := range rec {
				if d, ok := dates.day(i, line, v); ok {
					rec[i] = d
				}
			}
			return rec, line, nil
		}
		return nil, 0, io.EOF
	}
	t, err := newRows(name, header, read, res)
	if err != nil {
		return err
	}
	return readTable(t, name, f, opts, res)
}

// checkWorkbook refuses an archive whose entries leave it, are too many,
// or unpack to more than max bytes in all.
func checkWorkbook(raw []byte, name string, max int64) error {
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return fmt.Errorf("exchange: %s is not an Excel workbook (.xlsx is a zip archive): %v", name, err)
	}
	if len(zr.File) > MaxKMZEntries {
		return fmt.Errorf("exchange: %s holds %d files, more than the %d a workbook may", name, len(zr.File), MaxKMZEntries)
	}
	var total uint64
	for _, f := range zr.File {
		n := strings.ReplaceAll(f.Name, "\\", "/")
		if !filepath.IsLocal(n) || strings.HasPrefix(n, "/") || strings.Contains(n, "\x00") {
			return fmt.Errorf("exchange: %s holds an entry named %q, outside the archive; refused", name, f.Name)
		}
		total += f.UncompressedSize64
		if total > uint64(max) {
			return fmt.Errorf("exchange: %s unpacks to more than %d MiB; refused", name, max>>20)
		}
	}
	return nil
}

// filled counts the cells of a row that are not blank.
func filled(row []string) int {
	n := 0
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			n++
		}
	}
	return n
}

// sheetDates tells the date cells of a sheet: the columns where one of
// the first rows' numbers has a date format, then, in those columns, each
// cell's format (cached by style).
type sheetDates struct {
	xf       *excelize.File
	sheet    string
	date1904 bool
	cols     map[int]bool // columns holding date cells
	styles   map[int]bool // style id → is a date format
	probed   map[int]int  // numbers looked at by column, read row by row (dayProbing)
	// styleAt returns a cell's style, read row by row (sheetStyles.at);
	// nil asks excelize, which loads the sheet.
	styleAt func(col, line int) int
}

// sheetProbe is how many rows per column are looked at for date cells.
const sheetProbe = 50

func newSheetDates(xf *excelize.File, sheet string, rows [][]string, firstLine int) *sheetDates {
	s := &sheetDates{xf: xf, sheet: sheet, cols: map[int]bool{}, styles: map[int]bool{}}
	if p, err := xf.GetWorkbookProps(); err == nil && p.Date1904 != nil {
		s.date1904 = *p.Date1904
	}
	probed := map[int]int{}
	for i, row := range rows {
		for c, v := range row {
			if probed[c] >= sheetProbe || !isNumber(v) {
				continue
			}
			probed[c]++
			if s.isDateCell(c, firstLine+i) {
				s.cols[c] = true
			}
		}
	}
	return s
}

// day returns the day a date cell at column col of row line shows, as
// 2006-01-02; ok is false for any other cell.
func (s *sheetDates) day(col, line int, v string) (string, bool) {
	if !s.cols[col] || !isNumber(v) || !s.isDateCell(col, line) {
		return "", false
	}
	n, err := strconv.ParseFloat(v, 64)
	if err != nil || n < 1 || n > 2958465 { // 9999-12-31
		return "", false
	}
	t, err := excelize.ExcelDateToTime(n, s.date1904)
	if err != nil {
		return "", false
	}
	return t.Format("2006-01-02"), true
}

// isDateCell reports whether the cell has a date format.
func (s *sheetDates) isDateCell(col, line int) bool {
	var id int
	if s.styleAt != nil {
		id = s.styleAt(col, line)
	} else {
		cell, err := excelize.CoordinatesToCellName(col+1, line)
		if err != nil {
			return false
		}
		if id, err = s.xf.GetCellStyle(s.sheet, cell); err != nil {
			return false
		}
	}
	if id == 0 {
		return false
	}
	if d, ok := s.styles[id]; ok {
		return d
	}
	st, err := s.xf.GetStyle(id)
	d := err == nil && isDateFormat(st.NumFmt, st.CustomNumFmt)
	s.styles[id] = d
	return d
}

// isDateFormat reports whether a number format shows a date: one of
// Excel's built-in date formats, or a format code with a day or a year.
func isDateFormat(id int, custom *string) bool {
	if custom != nil {
		return dateCode(*custom)
	}
	return id >= 14 && id <= 17 || id == 22 || id >= 27 && id <= 36 || id >= 50 && id <= 58
}

// dateCode reports whether a format code has a day or a year outside its
// quoted text, bracketed parts ([Red], [$-409]) and escaped characters.
func dateCode(code string) bool {
	quoted, bracket := false, false
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '[':
			bracket = true
		case c == ']':
			bracket = false
		case bracket:
		case c == '\\':
			i++
		case c == 'd' || c == 'D' || c == 'y' || c == 'Y':
			return true
		}
	}
	return false
}

// isNumber reports whether a raw cell value is a plain number.
func isNumber(v string) bool {
	if v == "" {
		return false
	}
	_, err := strconv.ParseFloat(v, 64)
	return err == nil
}
