package data

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	cases := []struct {
		in   string
		want Date
		ok   bool
	}{
		{"2025-01-11", D(2025, time.January, 11), true},
		{"2024-02-29", D(2024, time.February, 29), true},
		{"2025-02-29", Date{}, false}, // not a leap year
		{"2025-02-30", Date{}, false},
		{"2025-13-01", Date{}, false},
		{"2025-00-10", Date{}, false},
		{"2025-1-11", Date{}, false},
		{"11/01/2025", Date{}, false},
		{"", Date{}, false},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			got, err := ParseDate(c.in)
			if (err == nil) != c.ok {
				t.Fatalf("ParseDate(%q) error = %v, want ok=%v", c.in, err, c.ok)
			}
			if got != c.want {
				t.Errorf("ParseDate(%q) = %v, want %v", c.in, got, c.want)
			}
		})
	}
}

func TestDateDaysRoundTrip(t *testing.T) {
	for _, d := range []Date{D(1970, 1, 1), D(1969, 12, 31), D(2000, 2, 29), D(2025, 9, 19), D(1, 1, 1), D(9999, 12, 31)} {
		if got := DateFromDays(d.Days()); got != d {
			t.Errorf("DateFromDays(%v.Days()) = %v", d, got)
		}
	}
	if n := D(2025, 1, 13).Days() - D(2025, 1, 11).Days(); n != 2 {
		t.Errorf("days from 11 to 13 January = %d, want 2", n)
	}
}

func TestDateCompare(t *testing.T) {
	cases := []struct {
		a, b Date
		want int
	}{
		{D(2025, 1, 11), D(2025, 1, 11), 0},
		{D(2025, 1, 11), D(2025, 1, 12), -1},
		{D(2025, 2, 1), D(2025, 1, 31), 1},
		{D(2024, 12, 31), D(2025, 1, 1), -1},
	}
	for _, c := range cases {
		if got := c.a.Compare(c.b); got != c.want {
			t.Errorf("%v.Compare(%v) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

func TestMonthDayValid(t *testing.T) {
	cases := []struct {
		md   MonthDay
		want bool
	}{
		{MonthDay{time.February, 7}, true},
		{MonthDay{time.February, 29}, true}, // exists in leap years
		{MonthDay{time.February, 30}, false},
		{MonthDay{time.January, 0}, true}, // month only
		{MonthDay{13, 1}, false},
		{MonthDay{0, 0}, false},
	}
	for _, c := range cases {
		if got := c.md.Valid(); got != c.want {
			t.Errorf("%+v.Valid() = %v, want %v", c.md, got, c.want)
		}
	}
}

// TestDateOutOfRange checks that D keeps a date out of the calendar as
// given when it fits (month 13 and day 0 carry over in Time) and invalid
// when it does not (a day of 300 must not wrap round to a real one).
func TestDateOutOfRange(t *testing.T) {
	cases := []struct {
		name  string
		d     Date
		valid bool
		time  string // d.Time(), as YYYY-MM-DD
	}{
		{"month 13", D(2024, 13, 1), false, "2025-01-01"},
		{"day 0", D(2024, 3, 0), false, "2024-02-29"},
		{"day -1", D(2024, 3, -1), false, "2024-02-28"},
		{"day 261 (5 once wrapped)", D(2024, 1, 261), false, ""},
		{"month 257 (1 once wrapped)", D(2024, 257, 5), false, ""},
		{"year 67536 (2000 once wrapped)", D(67536, 1, 5), false, ""},
		{"year -1", D(-1, 1, 5), false, ""},
		{"the last day", D(9999, 12, 31), true, "9999-12-31"},
	}
	for _, c := range cases {
		if got := c.d.Valid(); got != c.valid {
			t.Errorf("%s: Valid() = %v, want %v", c.name, got, c.valid)
		}
		if c.time != "" {
			if got := c.d.Time().Format("2006-01-02"); got != c.time {
				t.Errorf("%s: Time() = %s, want %s", c.name, got, c.time)
			}
		}
	}
	if D(2024, 13, 1).Compare(D(2024, 12, 31)) != 1 || D(2024, 3, 0).Compare(D(2024, 3, 1)) != -1 || D(-1, 1, 1).Compare(D(1, 1, 1)) != -1 {
		t.Error("Compare does not order dates out of the calendar by year, month and day")
	}
}
