package data

import (
	"fmt"
	"math"
	"strconv"
	"time"
)

// Date is a civil date (year, month, day) with no time of day or zone. The
// zero Date means "no date"; a Date read from a file may be unreal (30
// February) until Valid says otherwise.
//
// A Date takes four bytes: an event holds two, and a window may hold a
// million events. Year, Month and Day read it.
type Date struct {
	y int16
	m int8
	d int8
}

// D returns the date year-month-day. A month or day out of the calendar
// (month 13, day 0) is kept as given, for Time and AddDays to carry over
// as time.Date does; one beyond what a Date holds (a year outside
// ±32767, a month or day outside ±127) is kept at that end, so that the
// date stays invalid.
func D(year int, month time.Month, day int) Date {
	return Date{y: int16(clamp(year, math.MinInt16, math.MaxInt16)), m: int8(clamp(int(month), math.MinInt8, math.MaxInt8)), d: int8(clamp(day, math.MinInt8, math.MaxInt8))}
}

// clamp returns n kept within lo–hi.
func clamp(n, lo, hi int) int { return min(max(n, lo), hi) }

// Year returns d's year.
func (d Date) Year() int { return int(d.y) }

// Month returns d's month.
func (d Date) Month() time.Month { return time.Month(d.m) }

// Day returns d's day of the month.
func (d Date) Day() int { return int(d.d) }

// DateOf returns the civil date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return D(y, m, d)
}

// ParseDate reads a date written YYYY-MM-DD. It refuses dates that do not
// exist, such as 2025-02-30.
func ParseDate(s string) (Date, error) {
	d, err := parseDateSyntax(s)
	if err != nil {
		return Date{}, err
	}
	if !d.Valid() {
		return Date{}, fmt.Errorf("data: date %q does not exist", s)
	}
	return d, nil
}

// parseDateSyntax reads YYYY-MM-DD without checking that the day exists.
func parseDateSyntax(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, fmt.Errorf("data: date %q is not written YYYY-MM-DD", s)
	}
	y, err1 := strconv.Atoi(s[0:4])
	m, err2 := strconv.Atoi(s[5:7])
	d, err3 := strconv.Atoi(s[8:10])
	if err1 != nil || err2 != nil || err3 != nil || y < 0 || m < 0 || d < 0 {
		return Date{}, fmt.Errorf("data: date %q is not written YYYY-MM-DD", s)
	}
	return D(y, time.Month(m), d), nil
}

// IsZero reports whether d is the zero Date, meaning no date.
func (d Date) IsZero() bool { return d == Date{} }

// Valid reports whether d is a real day of the Gregorian calendar between
// the years 1 and 9999.
func (d Date) Valid() bool {
	if d.y < 1 || d.y > 9999 || d.m < 1 || d.m > 12 || d.d < 1 {
		return false
	}
	return d.Day() <= daysIn(d.Month(), d.Year())
}

// daysIn returns the number of days in month m of year y.
func daysIn(m time.Month, y int) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// Time returns midnight UTC at the start of d.
func (d Date) Time() time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
}

// Days returns the number of days from 1970-01-01 to d, for fast
// comparisons and day arithmetic.
func (d Date) Days() int32 {
	return int32(d.Time().Unix() / 86400)
}

// DateFromDays is the inverse of Date.Days.
func DateFromDays(n int32) Date {
	return DateOf(time.Unix(int64(n)*86400, 0).UTC())
}

// AddDays returns d moved by n days.
func (d Date) AddDays(n int) Date {
	return DateOf(d.Time().AddDate(0, 0, n))
}

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int { return cmpInt(d.key(), e.key()) }

// key orders dates as Compare does: a month or day spans less than 256.
func (d Date) key() int { return (int(d.y)<<8+int(d.m))<<8 + int(d.d) }

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// String writes d as YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.y, d.m, d.d)
}

// MarshalText writes d as YYYY-MM-DD.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads YYYY-MM-DD (or "" for no date). It does not check that
// the day exists: Validate does, and says which event holds the bad date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := parseDateSyntax(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// MonthDay is a date a source gives without a year ("On February 7",
// "Towards the end of January"). Day is 0 when only the month is given.
type MonthDay struct {
	Month time.Month `json:"month"`
	Day   int        `json:"day,omitempty"`
}

// Valid reports whether the month exists and the day exists in that month in
// some year (29 February is allowed).
func (md MonthDay) Valid() bool {
	if md.Month < time.January || md.Month > time.December || md.Day < 0 {
		return false
	}
	return md.Day <= daysIn(md.Month, 2024) // 2024 is a leap year
}

// String writes md as "February 7" or "January".
func (md MonthDay) String() string {
	if md.Day == 0 {
		return md.Month.String()
	}
	return fmt.Sprintf("%s %d", md.Month, md.Day)
}
