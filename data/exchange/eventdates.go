package exchange

import (
	"fmt"
	"strings"
	"time"

	"github.com/sahelatlas/sahelatlas/data"
)

// rowDates sets an event's dates from a row's date, or start and end, read
// in the file's order of day and month; with none, the event is undated
// when the row says why (a date note, or a day without a year).
func (b *builder) rowDates(e *data.Event, row *genericRow, x *csvIndexes, t *rows, precS, noYear, tpS string) error {
	if noYear != "" {
		md, err := parseNoYear(noYear)
		if err != nil {
			return err
		}
		e.NoYear = md
	}
	rec := row.rec
	has := func(i int) bool { return i >= 0 && cleanValue(rec[i]) != "" }
	if !has(x.date) && !has(x.start) {
		if has(x.end) {
			return fmt.Errorf("has an end but no date or start")
		}
		if e.NoYear == nil && e.DateNote == "" {
			return fmt.Errorf("has no date")
		}
		e.Precision = data.PrecisionUnknown
		if q, ok := data.ParsePrecision(strings.ToLower(precS)); precS != "" {
			if !ok {
				return fmt.Errorf("precision %q is not day, month, year or unknown", precS)
			}
			e.Precision = q
		}
		return nil
	}
	period := func(k, i int) dateSpan {
		if !has(i) {
			return dateSpan{}
		}
		s, en, p, err := b.dates.period(row.dates[k], cleanValue(rec[i]))
		if err != nil {
			err = fmt.Errorf("%s: %w", t.header[i], err)
		}
		return dateSpan{s, en, p, err}
	}
	if err := setDates(e, period(0, x.date), period(1, x.start), period(2, x.end), precS); err != nil {
		return err
	}
	// ACLED's time_precision, in a trimmed copy of an export that kept it.
	if x.timePrec >= 0 && x.date >= 0 && x.precision < 0 && has(x.date) && e.Precision == data.PrecisionDay {
		tp, ok := acledPrecision(tpS)
		if !ok {
			return fmt.Errorf("time_precision %q is not 1, 2 or 3", tpS)
		}
		if tp > 1 {
			acledSetDates(e, e.Start, tp)
		}
	}
	return nil
}

// dateSpan is what one date cell covers, or why it cannot be read.
type dateSpan struct {
	start, end data.Date
	p          data.Precision
	err        error
}

// datesOf sets an event's dates from a date, or a start and an end (ISO
// 8601 or the other layouts ParsePeriod reads), and an optional precision.
func datesOf(e *data.Event, dateS, startS, endS, precS string) error {
	span := func(s string) dateSpan {
		if s == "" {
			return dateSpan{}
		}
		a, b, p, err := ParsePeriod(s)
		return dateSpan{a, b, p, err}
	}
	return setDates(e, span(dateS), span(startS), span(endS), precS)
}

// setDates sets an event's dates from a date, or a start and an end (an
// empty span has a zero start), and an optional precision.
func setDates(e *data.Event, date, startS, endS dateSpan, precS string) error {
	for _, s := range []dateSpan{date, startS, endS} {
		if s.err != nil {
			return s.err
		}
	}
	if date.start.IsZero() {
		date = startS
	} else if !startS.start.IsZero() {
		return fmt.Errorf("has both a date and a start")
	}
	if date.start.IsZero() {
		return fmt.Errorf("has no date")
	}
	start, end, p := date.start, date.end, date.p
	if !endS.start.IsZero() {
		if endS.end.Before(start) {
			return fmt.Errorf("ends (%s) before it starts (%s)", endS.end, start)
		}
		end = endS.end
		if endS.p != p {
			p = data.PrecisionDay
		}
	}
	if precS != "" {
		q, ok := data.ParsePrecision(strings.ToLower(precS))
		if !ok || q == data.PrecisionUnknown {
			return fmt.Errorf("precision %q is not day, month or year", precS)
		}
		// A coarser stated precision widens the dates to whole months or years.
		switch q {
		case data.PrecisionMonth:
			start = data.D(start.Year(), start.Month(), 1)
			end = data.D(end.Year(), end.Month()+1, 1).AddDays(-1)
		case data.PrecisionYear:
			start, end = data.D(start.Year(), 1, 1), data.D(end.Year(), 12, 31)
		}
		p = q
	}
	e.Start, e.End, e.Precision = start, end, p
	return nil
}

// parseNoYear reads a date without a year as the exports write it: MM or
// MM-DD.
func parseNoYear(s string) (*data.MonthDay, error) {
	m, d, _ := strings.Cut(s, "-")
	mm, ok1 := atoi(m)
	dd, ok2 := atoi(d)
	md := &data.MonthDay{Month: time.Month(mm), Day: dd}
	if !ok1 || (d != "" && !ok2) || !md.Valid() {
		return nil, fmt.Errorf("no_year %q is not MM or MM-DD", s)
	}
	return md, nil
}
