package exchange

import (
	"errors"
	"strings"
	"testing"

	"github.com/sahelatlas/sahelatlas/data"
)

// TestParseDayLayouts reads one day in every layout analysts' files use.
func TestParseDayLayouts(t *testing.T) {
	cases := []struct {
		in   string
		want data.Date
	}{
		{"2025-05-16", data.D(2025, 5, 16)},
		{"2025/05/16", data.D(2025, 5, 16)},
		{"2025-05-16T10:00:00Z", data.D(2025, 5, 16)},
		{"2025-05-16 10:00:00", data.D(2025, 5, 16)},
		{"16 May 2025", data.D(2025, 5, 16)},
		{"16 January 2025", data.D(2025, 1, 16)},
		{"16-May-25", data.D(2025, 5, 16)},
		{"16-May-2025", data.D(2025, 5, 16)},
		{"12-September-22", data.D(2022, 9, 12)},
		{"15-Jul-22", data.D(2022, 7, 15)},
		{"01-January-2015", data.D(2015, 1, 1)},
		{"16 avril 2024", data.D(2024, 4, 16)},
		{"1er mai 2024", data.D(2024, 5, 1)},
		{"16 Février 2024", data.D(2024, 2, 16)},
		{"16 fevr. 2024", data.D(2024, 2, 16)},
		{"vendredi 16 mai 2025", data.D(2025, 5, 16)},
		{"May 16, 2025", data.D(2025, 5, 16)},
		{"16th May 2025", data.D(2025, 5, 16)},
		{"16-05-2025", data.D(2025, 5, 16)},
		{"16/05/2025", data.D(2025, 5, 16)},
		{"16.05.2025", data.D(2025, 5, 16)},
		{"5/16/2025", data.D(2025, 5, 16)},
		{"5/16/2025 0:00", data.D(2025, 5, 16)},
		{"05/05/2025", data.D(2025, 5, 5)},
		{"45793", data.D(2025, 5, 16)},
	}
	for _, c := range cases {
		got, err := ParseDay(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseDay(%q) = %s, %v; want %s", c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{"", "May the 4th", "2025-02-30", "31/31/2025", "05/06/2025", "16 Mai", "2025", "2025-05", "16-Foo-2025"} {
		if d, err := ParseDay(bad); err == nil {
			t.Errorf("ParseDay(%q) = %s, want an error", bad, d)
		}
	}
}

func TestParsePeriod(t *testing.T) {
	cases := []struct {
		in         string
		start, end data.Date
		p          data.Precision
	}{
		{"2025", data.D(2025, 1, 1), data.D(2025, 12, 31), data.PrecisionYear},
		{"2025-02", data.D(2025, 2, 1), data.D(2025, 2, 28), data.PrecisionMonth},
		{"mai 2024", data.D(2024, 5, 1), data.D(2024, 5, 31), data.PrecisionMonth},
		{"02/2024", data.D(2024, 2, 1), data.D(2024, 2, 29), data.PrecisionMonth},
		{"2025-05-16T08:00:00Z", data.D(2025, 5, 16), data.D(2025, 5, 16), data.PrecisionDay},
	}
	for _, c := range cases {
		s, e, p, err := ParsePeriod(c.in)
		if err != nil || s != c.start || e != c.end || p != c.p {
			t.Errorf("ParsePeriod(%q) = %s %s %s %v; want %s %s %s", c.in, s, e, p, err, c.start, c.end, c.p)
		}
	}
}

func TestParseDateFormat(t *testing.T) {
	cases := []struct {
		in   string
		want dateOrder
	}{
		{"", orderUnknown}, {"d/m/yyyy", orderDMY}, {"dd-mm-yy", orderDMY}, {"d-Mon-yy", orderDMY},
		{"m/d/yyyy", orderMDY}, {"%m/%d/%Y", orderMDY}, {"MDY", orderMDY}, {"dmy", orderDMY}, {"yyyy-mm-dd", orderUnknown},
	}
	for _, c := range cases {
		if got, err := parseDateFormat(c.in); err != nil || got != c.want {
			t.Errorf("parseDateFormat(%q) = %s, %v; want %s", c.in, got, err, c.want)
		}
	}
	if _, err := parseDateFormat("yyyy"); err == nil {
		t.Error("a format without day and month was taken")
	}
}

// readColumn reads a column of dates as an importer does: every value,
// then the order, then each day.
func readColumn(format string, values, years []string) (days []data.Date, errs []error, fd *fileDates) {
	fd, err := newFileDates(format)
	if err != nil {
		panic(err)
	}
	readings := make([]dateReading, len(values))
	errs = make([]error, len(values))
	for i, v := range values {
		y := ""
		if years != nil {
			y = years[i]
		}
		readings[i], errs[i] = fd.read(v, y, i+2)
	}
	fd.decide()
	days = make([]data.Date, len(values))
	for i, v := range values {
		if errs[i] == nil {
			days[i], errs[i] = fd.day(readings[i], v)
		}
	}
	return days, errs, fd
}

// TestDateColumnOrder decides day/month against month/day over the whole
// column, never row by row.
func TestDateColumnOrder(t *testing.T) {
	cases := []struct {
		name   string
		format string
		values []string
		want   []data.Date // zero: the row is refused
		fix    string      // the fix the refused rows carry
	}{
		{name: "day first, told by a late row", values: []string{"05/06/2021", "03/04/2021", "16/04/2021"},
			want: []data.Date{data.D(2021, 6, 5), data.D(2021, 4, 3), data.D(2021, 4, 16)}},
		{name: "month first, as Excel writes in the US", values: []string{"5/6/2021", "5/16/2021", "12/1/2021"},
			want: []data.Date{data.D(2021, 5, 6), data.D(2021, 5, 16), data.D(2021, 12, 1)}},
		{name: "dashes and slashes share the order", values: []string{"05-06-2021", "16/04/2021"},
			want: []data.Date{data.D(2021, 6, 5), data.D(2021, 4, 16)}},
		{name: "nothing tells: refused with the flag", values: []string{"05/06/2021", "03/04/2021", "07/07/2021"},
			want: []data.Date{{}, {}, data.D(2021, 7, 7)}, fix: "--date-format d/m/yyyy (day first) or --date-format m/d/yyyy (month first)"},
		{name: "forced month first", format: "m/d/yyyy", values: []string{"05/06/2021", "03/04/2021"},
			want: []data.Date{data.D(2021, 5, 6), data.D(2021, 3, 4)}},
		{name: "forced against a row", format: "m/d/yyyy", values: []string{"05/06/2021", "16/04/2021"},
			want: []data.Date{data.D(2021, 5, 6), {}}, fix: "--date-format d/m/yyyy"},
		{name: "a column that mixes: the most win, the rest refused", values: []string{"16/04/2021", "17/04/2021", "4/18/2021"},
			want: []data.Date{data.D(2021, 4, 16), data.D(2021, 4, 17), {}}, fix: "correct the date: the file mixes day/month and month/day"},
		{name: "other layouts beside numeric ones", values: []string{"2021-04-03", "3 avril 2021", "03/04/2021", "13/04/2021"},
			want: []data.Date{data.D(2021, 4, 3), data.D(2021, 4, 3), data.D(2021, 4, 3), data.D(2021, 4, 13)}},
	}
	for _, c := range cases {
		days, errs, _ := readColumn(c.format, c.values, nil)
		for i, want := range c.want {
			switch {
			case want.IsZero() && errs[i] == nil:
				t.Errorf("%s: %q read as %s, want it refused", c.name, c.values[i], days[i])
			case want.IsZero():
				var fe *fixError
				if !errors.As(errs[i], &fe) || fe.fix != c.fix {
					t.Errorf("%s: %q refused with %v, want the fix %q", c.name, c.values[i], errs[i], c.fix)
				}
			case errs[i] != nil || days[i] != want:
				t.Errorf("%s: %q read as %s (%v), want %s", c.name, c.values[i], days[i], errs[i], want)
			}
		}
	}
}

// TestTwoDigitYears reads a two-digit year with the row's year column, and
// without one says how it was read.
func TestTwoDigitYears(t *testing.T) {
	days, errs, fd := readColumn("", []string{"18-Feb-04", "16-Feb-21", "3-Mar-97"}, []string{"2004", "2021", "1997"})
	want := []data.Date{data.D(2004, 2, 18), data.D(2021, 2, 16), data.D(1997, 3, 3)}
	for i := range want {
		if errs[i] != nil || days[i] != want[i] {
			t.Errorf("%d: %s %v, want %s", i, days[i], errs[i], want[i])
		}
	}
	if len(fd.notes()) != 0 {
		t.Errorf("notes %q with a year column", fd.notes())
	}
	_, errs, _ = readColumn("", []string{"18-Feb-04"}, []string{"2005"})
	if errs[0] == nil || !strings.Contains(errs[0].Error(), "the year column says 2005") {
		t.Errorf("year column at odds: %v", errs[0])
	}
	days, errs, fd = readColumn("", []string{"16-Feb-21", "3-Mar-97"}, nil)
	if errs[0] != nil || days[0] != data.D(2021, 2, 16) || days[1] != data.D(1997, 3, 3) {
		t.Errorf("pivot: %v %v", days, errs)
	}
	if n := fd.notes(); len(n) != 1 || !strings.Contains(n[0], "two-digit year") || !strings.Contains(n[0], `"16-Feb-21" (line 2) was read as 2021`) {
		t.Errorf("notes %q", n)
	}
}

func TestDateNotes(t *testing.T) {
	_, _, fd := readColumn("", []string{"05/06/2021", "16/04/2021", "45793"}, nil)
	n := fd.notes()
	if len(n) != 2 || !strings.Contains(n[0], `"05/06/2021" (line 2) could be read either way; they were read day/month (d/m/yyyy), as "16/04/2021" on line 3`) ||
		!strings.Contains(n[1], "spreadsheet day numbers") {
		t.Errorf("notes %q", n)
	}
}

func TestLayoutOf(t *testing.T) {
	cases := []struct {
		in   string
		o    dateOrder
		want string
	}{
		{"16-Feb-21", orderUnknown, "d-Mon-yy"}, {"12-September-22", orderUnknown, "d-Month-yy"}, {"16 June 2025", orderUnknown, "d Month yyyy"},
		{"2025-05-16", orderUnknown, "yyyy-mm-dd"}, {"16/05/2025", orderDMY, "d/m/yyyy"}, {"5/16/2025", orderMDY, "m/d/yyyy"},
		{"05/06/2025", orderUnknown, "d/m/yyyy or m/d/yyyy"}, {"May 16, 2025", orderUnknown, "Mon d, yyyy"},
	}
	for _, c := range cases {
		if got := layoutOf(c.in, c.o); got != c.want {
			t.Errorf("layoutOf(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestDateLayout(t *testing.T) {
	cases := []struct {
		values []string
		want   string
	}{
		{[]string{"12-September-22", "15-Jul-22", ""}, "d-Month-yy, d-Mon-yy"},
		{[]string{"05/06/2021", "16/06/2021"}, "d/m/yyyy"},
		{[]string{"05/06/2021", "06/07/2021"}, "d/m/yyyy or m/d/yyyy; these rows cannot tell whether the day or the month comes first"},
		{[]string{"2024-01-02"}, "yyyy-mm-dd"},
		{[]string{"", " "}, ""},
		{[]string{"soon"}, `"soon" is not a date Sahel Atlas reads`},
	}
	for _, c := range cases {
		if got := DateLayout(c.values); got != c.want {
			t.Errorf("DateLayout(%q) = %q, want %q", c.values, got, c.want)
		}
	}
}
