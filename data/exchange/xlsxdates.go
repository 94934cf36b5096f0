package exchange

import (
	"math"
	"strconv"
	"time"
)

// sheetDates tells the date cells of a sheet read row by row: the
// columns where one of the first sheetProbe numbers has a date format,
// then, in those columns, each cell's format.
type sheetDates struct {
	date1904 bool
	dates    map[int]bool // style id → its number format shows a date (workbookStyles)
	cols     map[int]bool // columns holding date cells
	probed   map[int]int  // numbers looked at by column
	// styleAt returns a cell's style, read row by row (sheetStyles.at).
	styleAt func(col, line int) int
}

// sheetProbe is how many rows per column are looked at for date cells.
const sheetProbe = 50

// probe looks at a cell as its row comes: a column is found to hold date
// cells among its first sheetProbe numbers, so that day converts the
// cells of a date column, and no other.
func (s *sheetDates) probe(col, line int, v string) {
	if !s.cols[col] && s.probed[col] < sheetProbe && isNumber(v) {
		s.probed[col]++
		if s.isDateCell(col, line) {
			s.cols[col] = true
		}
	}
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
	return serialDay(n, s.date1904).Format("2006-01-02"), true
}

// isDateCell reports whether the cell has a date format; the style 0,
// the workbook's default, is taken for none.
func (s *sheetDates) isDateCell(col, line int) bool {
	id := s.styleAt(col, line)
	return id != 0 && s.dates[id]
}

// serialDay returns the day a spreadsheet's day number shows: days since
// 1904-01-01 in the 1904 calendar; in the 1900 calendar, 1 is
// 1900-01-01 and 60 the 29 February 1900 Excel counts although it never
// was (shown here as the 28th), so from 61 on the days count from
// 1899-12-30. A time of day at the last half second rounds to the next
// day, as the spreadsheet shows it.
func serialDay(n float64, date1904 bool) time.Time {
	days := math.Floor(n)
	if (n-days)*86400 >= 86400-0.5 {
		days++
	}
	switch {
	case date1904:
		return time.Date(1904, 1, 1+int(days), 0, 0, 0, 0, time.UTC)
	case days < 60:
		return time.Date(1899, 12, 31+int(days), 0, 0, 0, 0, time.UTC)
	default:
		return time.Date(1899, 12, 30+int(days), 0, 0, 0, 0, time.UTC)
	}
}

// isDateFormat reports whether a number format shows a date: one of
// Excel's built-in date formats, or a format code with a day or a year.
func isDateFormat(id int, custom *string) bool {
	if custom != nil {
		return dateCode(*custom)
	}
	return id >= 14 && id <= 17 || id == 22 || id >= 27 && id <= 36 || id >= 50 && id <= 58
}

// builtInFormat reports whether a number format id is one of Excel's own
// (the general and number formats, dates, times, and the dates of East
// Asian languages), whose code a workbook does not carry.
func builtInFormat(id int) bool {
	return id >= 0 && id <= 4 || id >= 9 && id <= 22 || id >= 27 && id <= 62 || id >= 67 && id <= 81
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
