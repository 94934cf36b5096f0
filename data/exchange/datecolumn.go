package exchange

import (
	"fmt"
	"slices"
	"strings"

	"github.com/sahelatlas/sahelatlas/data"
)

// fileDates reads the dates of one file: each value on its own, the order
// of day and month once for every numeric date in the file (16/05/2025
// against 5/16/2025), never row by row, and a two-digit year with the
// row's year column when there is one.
type fileDates struct {
	forced  dateOrder   // Options.DateFormat
	seen    [3]dateSeen // numeric dates that fit either order [0], only day/month [orderDMY], only month/day [orderMDY]
	pivoted dateSeen    // two-digit years read without a year column
	serial  dateSeen    // spreadsheet day numbers
	order   dateOrder   // set by decide
	// acled: the file is an ACLED export, whose own numeric layout is
	// dd-mm-yyyy: dashed dates that could be either way are day first
	// when nothing else tells. undashed counts those written otherwise.
	acled     bool
	undashed  int
	byDefault bool // the order is ACLED's own, not told by the dates
}

// dateSeen counts dates of one sort and keeps the first.
type dateSeen struct {
	n     int
	line  int
	value string
}

func (k *dateSeen) add(line int, s string) {
	if k.n == 0 {
		k.line, k.value = line, s
	}
	k.n++
}

// newFileDates reads Options.DateFormat.
func newFileDates(format string) (*fileDates, error) {
	o, err := parseDateFormat(format)
	if err != nil {
		return nil, err
	}
	return &fileDates{forced: o, order: o}, nil
}

// parseDateFormat reads Options.DateFormat: where the day and the month
// come in a numeric date ("d/m/yyyy", "dd-mm-yy", "%m/%d/%Y", "mdy",
// "d-Mon-yy"); a layout that starts with the year leaves the order to the
// file.
func parseDateFormat(s string) (dateOrder, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return orderUnknown, nil
	}
	d, m, y := strings.IndexByte(s, 'd'), strings.IndexByte(s, 'm'), strings.IndexByte(s, 'y')
	switch {
	case d < 0 || m < 0:
		return 0, fmt.Errorf("--date-format %q does not say where the day and the month are; give d/m/yyyy (day first) or m/d/yyyy (month first)", s)
	case y >= 0 && y < d && y < m:
		return orderUnknown, nil
	case d < m:
		return orderDMY, nil
	}
	return orderMDY, nil
}

// read reads s, a date on line; yearHint is the row's year column ("" when
// the file has none), which says the century of a two-digit year.
func (f *fileDates) read(s, yearHint string, line int) (dateReading, error) {
	r, err := readDate(s)
	if err != nil {
		return r, err
	}
	if r.yy {
		yearHint = strings.TrimSpace(yearHint)
		y, ok := atoi(yearHint)
		switch {
		case ok && len(yearHint) == 4 && y%100 == r.year:
			r.year = y
		case ok && len(yearHint) == 4:
			return r, fmt.Errorf("date %q has the year %02d but the year column says %d", s, r.year, y)
		default:
			r.year = pivotYear(r.year)
			f.pivoted.add(line, s)
		}
	}
	switch r.shape {
	case shapeNumeric:
		switch dmy, mdy := r.fits(); {
		case dmy && mdy && r.a != r.b:
			f.seen[0].add(line, s)
			if !strings.Contains(s, "-") {
				f.undashed++
			}
		case dmy && !mdy:
			f.seen[orderDMY].add(line, s)
		case mdy && !dmy:
			f.seen[orderMDY].add(line, s)
		case !dmy && !mdy:
			return r, fmt.Errorf("date %q does not exist", s)
		}
	case shapeSerial:
		f.serial.add(line, s)
	}
	return r, nil
}

// decide settles the order of day and month once every date is read: the
// one given, else the one the dates fit (the most of them when some fit
// only one order and some only the other; period reports the rest), else,
// in an ACLED export whose dates are all dashed, ACLED's own day first.
func (f *fileDates) decide() {
	dmy, mdy := f.seen[orderDMY].n, f.seen[orderMDY].n
	switch {
	case f.forced != orderUnknown:
		f.order = f.forced
	case dmy > 0 && dmy >= mdy:
		f.order = orderDMY
	case mdy > 0:
		f.order = orderMDY
	case f.acled && f.seen[0].n > 0 && f.undashed == 0:
		f.order, f.byDefault = orderDMY, true
	}
}

// day returns the day r (read from s) names in the decided order.
func (f *fileDates) day(r dateReading, s string) (data.Date, error) {
	_, _, p, err := f.period(r, s)
	if err == nil && p != data.PrecisionDay {
		err = fmt.Errorf("date %q is not a day", s)
	}
	if err != nil {
		return data.Date{}, err
	}
	return r.date(f.order), nil
}

// period returns the days r (read from s) covers and its precision.
func (f *fileDates) period(r dateReading, s string) (start, end data.Date, p data.Precision, err error) {
	if r.shape == shapeNumeric {
		dmy, mdy := r.fits()
		other := orderMDY
		if f.order == orderMDY {
			other = orderDMY
		}
		switch {
		case dmy && mdy && r.a == r.b:
		case f.order == orderUnknown:
			ex := r.date(orderDMY)
			return data.Date{}, data.Date{}, 0, withFix(
				fmt.Errorf("date %q could be \"%d %s\" or \"%d %s\": no date in the file has a day over 12 to tell day/month from month/day",
					s, ex.Day(), ex.Month(), r.b, r.date(orderMDY).Month()),
				"--date-format d/m/yyyy (day first) or --date-format m/d/yyyy (month first)")
		case f.order == orderDMY && !dmy, f.order == orderMDY && !mdy:
			if f.forced != orderUnknown {
				return data.Date{}, data.Date{}, 0, withFix(fmt.Errorf("date %q can only be %s, not %s as --date-format says", s, other, f.order),
					"--date-format "+layoutOf(s, other))
			}
			first := f.seen[f.order]
			return data.Date{}, data.Date{}, 0, withFix(
				fmt.Errorf("date %q can only be %s, but %d dates of the file can only be %s (line %d: %q)", s, other, first.n, f.order, first.line, first.value),
				"correct the date: the file mixes day/month and month/day")
		}
	}
	return periodOf(r, f.order, s)
}

// notes says what the reader should know of how the dates were read.
func (f *fileDates) notes() []string {
	var out []string
	if amb := f.seen[0]; amb.n > 0 && f.byDefault {
		out = append(out, fmt.Sprintf("%d date(s) such as %q (line %d) could be read either way; they were read day first, as ACLED's exports write dd-mm-yyyy; import with --date-format m/d/yyyy if they are month first",
			amb.n, amb.value, amb.line))
	} else if amb.n > 0 && f.forced == orderUnknown && f.order != orderUnknown {
		by := f.seen[f.order]
		out = append(out, fmt.Sprintf("%d date(s) such as %q (line %d) could be read either way; they were read %s (%s), as %q on line %d and %d other(s) show",
			amb.n, amb.value, amb.line, f.order, layoutOf(amb.value, f.order), by.value, by.line, by.n-1))
	}
	if p := f.pivoted; p.n > 0 {
		r, _ := readDate(p.value)
		out = append(out, fmt.Sprintf("%d date(s) have a two-digit year and the file has no year column: %q (line %d) was read as %d, and each such year as the latest not after %d; add a year column if that is wrong",
			p.n, p.value, p.line, pivotYear(r.year), lastPivotYear()))
	}
	if s := f.serial; s.n > 0 {
		r, _ := readDate(s.value)
		out = append(out, fmt.Sprintf("%d date(s) are spreadsheet day numbers: %q (line %d) is %s", s.n, s.value, s.line, r.date(orderUnknown)))
	}
	return out
}

// DateLayout describes how a column's values write their dates, for a
// dialog that shows a file's first rows: the layouts met ("d-Mon-yy",
// "d/m/yyyy", …) and, when numeric dates could be either way, that these
// rows cannot tell day from month; "" when no value is a date.
func DateLayout(values []string) string {
	f := &fileDates{}
	var read []string
	for i, v := range values {
		if v = strings.TrimSpace(v); v == "" {
			continue
		}
		if _, err := f.read(v, "", i+2); err != nil {
			return fmt.Sprintf("%q is not a date Sahel Atlas reads", v)
		}
		read = append(read, v)
	}
	if len(read) == 0 {
		return ""
	}
	f.decide()
	var layouts []string
	for _, v := range read {
		if l := layoutOf(v, f.order); !slices.Contains(layouts, l) {
			layouts = append(layouts, l)
		}
	}
	s := strings.Join(layouts, ", ")
	if f.order == orderUnknown && f.seen[0].n > 0 {
		s += "; these rows cannot tell whether the day or the month comes first"
	}
	return s
}
