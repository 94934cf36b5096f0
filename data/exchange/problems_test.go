package exchange

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// TestRefusedReportGrouped: a file whose 254 rows have the same kind of
// problem is reported in one line with the count, the first lines and
// the flag that fixes it; other problems get lines of their own.
func TestRefusedReportGrouped(t *testing.T) {
	var rows []acledRow
	for i := range 254 {
		r := okRow(fmt.Sprintf("BFA%d", i))
		r.date = fmt.Sprintf("%02d/%02d/2021", 1+i%12, 1+i%12/2) // day and month both 12 or under
		rows = append(rows, r)
	}
	bad := okRow("BFA999")
	bad.lat = "95"
	rows = append(rows, bad)
	_, err := Import(bytes.NewReader(acledFile(rows...)), "bfa.csv", Options{})
	var refused *RefusedError
	if !errors.As(err, &refused) {
		t.Fatalf("err %v", err)
	}
	groups := GroupProblems(refused.Problems)
	if len(groups) != 2 {
		t.Fatalf("%d groups, want 2:\n%s", len(groups), err)
	}
	g := groups[0]
	if g.Count != 254-22 || fmt.Sprint(g.At) != "[3 4 5 6 7]" || g.First.Fix == "" {
		// Rows whose day and month are the same (01/01/2021, …) read the same either way.
		t.Errorf("date group: %d rows at %v, fix %q", g.Count, g.At, g.First.Fix)
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != 3 {
		t.Fatalf("report of %d lines:\n%s", len(lines), err)
	}
	want := `  232 rows (lines 3, 4, 5, 6, 7 and 227 more), the first: event_date: date "02/01/2021" could be "2 January" or "1 February": no date in the file has a day over 12 to tell day/month from month/day; fix: --date-format d/m/yyyy (day first) or --date-format m/d/yyyy (month first)`
	if lines[1] != want {
		t.Errorf("group line\n%s\nwant\n%s", lines[1], want)
	}
	if lines[2] != "  line 256: latitude 95 is outside -90..90" {
		t.Errorf("single line %q", lines[2])
	}
}

func TestGroupProblems(t *testing.T) {
	ps := []Problem{
		{Line: 2, Reason: `event_date: date "16-Feb-21" does not exist`},
		{Feature: 3, Reason: `has no TimeStamp or TimeSpan`},
		{Line: 9, Reason: `event_date: date "30-Feb-22" does not exist`},
		{Line: 10, Reason: `column "location" is not valid UTF-8`, Fix: "--encoding windows-1252"},
		{Line: 11, Reason: `event_date: date "31-Apr-22" does not exist`},
		{Reason: "the whole file"},
	}
	got := ProblemsText(ps, 7)
	want := `3 rows (lines 2, 9, 11), the first: event_date: date "16-Feb-21" does not exist
feature 3: has no TimeStamp or TimeSpan
line 10: column "location" is not valid UTF-8; fix: --encoding windows-1252
the whole file
and 7 more problem(s), not listed
`
	if got != want {
		t.Errorf("ProblemsText:\n%s\nwant\n%s", got, want)
	}
}

// TestEncodingFix: a Latin-1 file read as UTF-8 says which flag reads it.
func TestEncodingFix(t *testing.T) {
	r := okRow("A")
	r.location = "S\xe9gou"
	_, err := Import(bytes.NewReader(acledFile(r)), "a.csv", Options{})
	if err == nil || !strings.Contains(err.Error(), "fix: --encoding windows-1252") {
		t.Errorf("err %v", err)
	}
}
