package exchange

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/sahelatlas/sahelatlas/data"
)

// Dates before 1900 or more than a year after today are refused with
// their line and the flag that keeps them, unless the import allows them.
func TestImplausibleDatesRefused(t *testing.T) {
	const csv = "date,latitude,longitude,title\n" +
		"2025-05-16,12.65,-8.0,Talks in Bamako\n" +
		"0001-01-01,12.65,-8.0,A spreadsheet's empty date\n" +
		"9999-12-31,12.65,-8.0,A placeholder end\n"
	_, err := Import(strings.NewReader(csv), "odd.csv", Options{})
	var refused *RefusedError
	if !errors.As(err, &refused) || len(refused.Problems) != 2 {
		t.Fatalf("err %v, want the two odd dates refused", err)
	}
	for i, want := range []int{3, 4} {
		p := refused.Problems[i]
		if p.Line != want || !strings.Contains(p.Reason, "outside 1900-01-01") || !strings.HasPrefix(p.Fix, "--allow-dates ") {
			t.Errorf("problem %d = %+v, want line %d, the range and the flag", i, p, want)
		}
	}
	res, err := Import(strings.NewReader(csv), "odd.csv", Options{SkipInvalid: true})
	if err != nil || len(res.Records) != 1 {
		t.Fatalf("with --skip-invalid: %v, %d records; want the good one", err, len(res.Records))
	}
	r, err := ParseDateRange("0001-01-01..9999-12-31")
	if err != nil {
		t.Fatal(err)
	}
	res, err = Import(strings.NewReader(csv), "odd.csv", Options{Dates: r})
	if err != nil || len(res.Records) != 3 {
		t.Fatalf("with --allow-dates 0001-01-01..9999-12-31: %v, %d records; want all 3", err, len(res.Records))
	}
}

func TestDateRangeBounds(t *testing.T) {
	today := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)
	from, to := DateRange{}.bounds(today)
	if from != data.D(1900, 1, 1) || to != data.D(2027, 11, 29) {
		t.Errorf("default bounds %s..%s, want 1900-01-01..2027-11-29", from, to)
	}
	for _, bad := range []string{"", "2020", "2020-01-01..1990-01-01", "x..2020-01-01"} {
		if _, err := ParseDateRange(bad); err == nil {
			t.Errorf("ParseDateRange(%q) accepted", bad)
		}
	}
	if r, err := ParseDateRange("1800-01-01.."); err != nil || r.From != data.D(1800, 1, 1) || !r.To.IsZero() {
		t.Errorf("ParseDateRange(1800-01-01..) = %+v, %v", r, err)
	}
}
