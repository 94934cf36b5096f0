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
