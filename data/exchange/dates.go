package exchange

import (
	"fmt"
	"strings"
	"time"

	"github.com/sahelatlas/sahelatlas/data"
)

// ParseDay reads a day written in one of the layouts analysts' files use:
// 2025-05-16 (ISO), 16 May 2025 or 16 January 2025 (ACLED's current
// exports), 16-05-2025 (older ACLED files), and an ISO date-time such as
// 2025-05-16T10:00:00Z (its date is kept). It refuses days that do not exist.
func ParseDay(s string) (data.Date, error) {
	s = strings.TrimSpace(s)
	var d data.Date
	ok := false
	switch {
	case len(s) >= 10 && s[4] == '-' && s[7] == '-' && (len(s) == 10 || s[10] == 'T' || s[10] == ' '):
		d, ok = digits(s[0:4], s[5:7], s[8:10])
	case len(s) == 10 && s[2] == '-' && s[5] == '-':
		d, ok = digits(s[6:10], s[3:5], s[0:2])
	default:
		d, ok = dayMonthYear(s)
	}
	if !ok {
		return data.Date{}, fmt.Errorf("date %q is not written 2025-05-16, 16 May 2025 or 16-05-2025", s)
	}
	if !d.Valid() {
		return data.Date{}, fmt.Errorf("date %q does not exist", s)
	}
	return d, nil
}

// digits reads a year, month and day of ASCII digits.
func digits(y, m, d string) (data.Date, bool) {
	yy, ok1 := atoi(y)
	mm, ok2 := atoi(m)
	dd, ok3 := atoi(d)
	return data.D(yy, time.Month(mm), dd), ok1 && ok2 && ok3
}

// atoi reads a short run of ASCII digits.
func atoi(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// dayMonthYear reads "16 May 2025" or "16 January 2025".
func dayMonthYear(s string) (data.Date, bool) {
	a, rest, ok1 := strings.Cut(s, " ")
	m, y, ok2 := strings.Cut(rest, " ")
	if !ok1 || !ok2 || len(y) != 4 {
		return data.Date{}, false
	}
	month := monthNamed(m)
	if month == 0 {
		return data.Date{}, false
	}
	dd, ok3 := atoi(a)
	yy, ok4 := atoi(y)
	return data.D(yy, month, dd), ok3 && ok4
}

// monthNamed reads an English month name or its three-letter abbreviation.
func monthNamed(s string) time.Month {
	if len(s) < 3 {
		return 0
	}
	for m := time.January; m <= time.December; m++ {
		name := m.String()
		if strings.EqualFold(s, name) || (len(s) == 3 && strings.EqualFold(s, name[:3])) {
			return m
		}
	}
	return 0
}

// ParsePeriod reads a KML or ISO 8601 time, which may be a year (2025), a
// month (2025-05), a day (2025-05-16) or a date-time (whose date is kept),
// and returns the first and last day it covers with its precision.
func ParsePeriod(s string) (start, end data.Date, p data.Precision, err error) {
	s = strings.TrimSpace(s)
	switch len(s) {
	case 4:
		if y, ok := atoi(s); ok && y >= 1 && y <= 9999 {
			return data.D(y, 1, 1), data.D(y, 12, 31), data.PrecisionYear, nil
		}
	case 7:
		y, ok1 := atoi(s[:4])
		m, ok2 := atoi(s[5:])
		if ok1 && ok2 && s[4] == '-' && m >= 1 && m <= 12 && y >= 1 && y <= 9999 {
			first := data.D(y, time.Month(m), 1)
			return first, data.D(y, time.Month(m)+1, 1).AddDays(-1), data.PrecisionMonth, nil
		}
	default:
		d, derr := ParseDay(s)
		if derr == nil {
			return d, d, data.PrecisionDay, nil
		}
		return data.Date{}, data.Date{}, "", derr
	}
	return data.Date{}, data.Date{}, "", fmt.Errorf("time %q is not a year, YYYY-MM, a date or a date-time", s)
}
