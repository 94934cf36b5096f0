package exchange

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/sahelatlas/sahelatlas/data"
)

// sortedProblems returns problems in line order: a stream finds some once
// every row is read, a whole read lists those of reading first.
func sortedProblems(ps []Problem) []Problem {
	ps = slices.Clone(ps)
	slices.SortStableFunc(ps, func(a, b Problem) int { return max(a.Line, a.Feature) - max(b.Line, b.Feature) })
	return ps
}

// TestTableStreamMatchesWholeImport: a generic table read as a stream
// gives what a store keeps of the whole read: the same events, dates read
// in the file's order of day and month once every row is read, the same
// problems and notes.
func TestTableStreamMatchesWholeImport(t *testing.T) {
	const head = "date,latitude,longitude,title\n"
	row := func(date string) string { return date + ",14.1,-1.6,An event on " + date + "\n" }
	for _, tc := range []struct {
		name string
		in   string
		opts Options
	}{
		{"trimmed ACLED", trimmedACLED, Options{}},
		{"ISO dates", head + row("2025-05-06") + row("2025-05-16"), Options{}},
		{"day first, settled late", head + row("05/06/2025") + row("07/08/2025") + row("16/05/2025"), Options{}},
		{"month first, settled late", head + row("05/06/2025") + row("07/08/2025") + row("05/16/2025"), Options{}},
		{"mixed, the fewer refused", head + row("05/16/2025") + row("16/05/2025") + row("17/05/2025") + row("05/06/2025"), Options{SkipInvalid: true}},
		{"never settled", head + row("05/06/2025") + row("07/08/2025"), Options{}},
		{"never settled, skipped", head + row("05/06/2025") + row("07/08/2025") + row("2025-01-02"), Options{SkipInvalid: true}},
		{"forced month first", head + row("05/06/2025") + row("07/08/2025"), Options{DateFormat: "m/d/yyyy"}},
		{"in order only month first",
			"start,end,latitude,longitude,title\n05/06/2025,07/05/2025,14.1,-1.6,A\n05/16/2025,05/17/2025,14.1,-1.6,B\n", Options{}},
		{"in order only day first, refused",
			"start,end,latitude,longitude,title\n05/06/2025,07/05/2025,14.1,-1.6,A\n16/05/2025,17/05/2025,14.1,-1.6,B\n", Options{SkipInvalid: true}},
		{"ids, one repeated", "id,date,latitude,longitude\na,05/06/2025,14,-1\nb,16/05/2025,14,-1\na,2025-05-01,14,-1\n", Options{SkipInvalid: true}},
		{"implausible dates", head + row("05/06/1850") + row("16/05/2025") + row("1850-01-01"), Options{SkipInvalid: true}},
		{"two-digit years, time precision, a note",
			"event_date,year,time_precision,date_note,latitude,longitude\n05/06/22,2022,2,said to be,14,-1\n13/06/22,2022,3,,14,-1\n07/08/22,2022,1,,14,-1\n", Options{}},
		{"bad rows among them", head + row("05/06/2025") + "x,y\n" + row("16/05/2025") + "2025-13-45,14,-1,bad\n", Options{SkipInvalid: true}},
		{"in range only month first", head + row("01/07/2024") + row("05/16/2024"),
			Options{Dates: DateRange{From: data.D(2024, 1, 1), To: data.D(2024, 6, 30)}}},
		{"refused either way", head + "05/06/2025,95,-1.6,Too far north\n" + row("16/05/2025"), Options{SkipInvalid: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := []byte(tc.in)
			sameAsWhole(t, in, "t.csv", tc.opts)
		})
	}
}

// tableLines is a generic CSV of n rows made as it is read, never held:
// dates written d/m/yyyy (so that most wait for the file's order) or ISO.
func tableLines(n int, numeric bool) *madeFile {
	return &madeFile{head: "event_date,latitude,longitude,location,actor1,notes\n", n: n,
		part: func(buf []byte, i int) []byte {
			day, month := 1+i%28, 1+i/28%12
			if numeric {
				buf = fmt.Appendf(buf, "%02d/%02d/2024", day, month)
			} else {
				buf = fmt.Appendf(buf, "2024-%02d-%02d", month, day)
			}
			buf = fmt.Appendf(buf, ",%.4f,%.4f,Place %d,Group %d,", 12+float64(i%500)/100, -2+float64(i%300)/100, i%700, i%40)
			buf = append(buf, "\"A report of row "...)
			buf = strconv.AppendInt(buf, int64(i), 10)
			return append(buf, ", long enough to weigh what a note weighs in an analyst's table.\"\n"...)
		}}
}

// TestTableStreamMemoryBounded: streaming a generic table holds a batch,
// and for rows whose dates wait for the file's order their date cells, not
// the file: ten times the rows take about the same heap.
func TestTableStreamMemoryBounded(t *testing.T) {
	for _, numeric := range []bool{false, true} {
		small, nSmall := peakLiveHeap(t, tableLines(10_000, numeric), "table.csv")
		large, nLarge := peakLiveHeap(t, tableLines(100_000, numeric), "table.csv")
		if nSmall != 10_000 || nLarge != 100_000 {
			t.Fatalf("numeric %v: %d and %d events passed", numeric, nSmall, nLarge)
		}
		if large > small+24<<20 {
			t.Errorf("numeric dates %v: 100,000 rows took %d MiB of heap at most, 10,000 rows %d MiB: memory grows with the file",
				numeric, large>>20, small>>20)
		}
		t.Logf("numeric dates %v: peak live heap %d KiB for 10,000 rows, %d KiB for 100,000", numeric, small>>10, large>>10)
	}
}

// TestTableStreamNoSizeCap: a generic table read as a stream has no size
// cap unless one is asked for; one given is kept.
func TestTableStreamNoSizeCap(t *testing.T) {
	in, err := io.ReadAll(tableLines(200, false))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := streamedAs(t, in, "t.csv", Options{MaxFileSize: 1000}); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Fatalf("an explicit cap is not kept by a stream: %v", err)
	}
	kept, res, err := streamedAs(t, in, "t.csv", Options{})
	if err != nil || len(kept) != 200 || res.Format != FormatCSV {
		t.Fatalf("%d records as %s, %v", len(kept), res.Format, err)
	}
}

// BenchmarkImportTable reads a generic table of 100,000 rows whole and as
// a stream, with ISO dates and with d/m/yyyy dates (which wait for the
// file's order of day and month when streamed).
func BenchmarkImportTable(b *testing.B) {
	for _, numeric := range []bool{false, true} {
		in, err := io.ReadAll(tableLines(100_000, numeric))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("numeric=%v", numeric), func(b *testing.B) { benchWholeAndStream(b, in, "table.csv", 100_000) })
	}
}

// TestTableStreamSpills: rows waiting for the file's order beyond
// pendingMemory go to a temporary file, read back at the end and removed.
func TestTableStreamSpills(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	was := pendingMemory
	pendingMemory = 64
	defer func() { pendingMemory = was }()
	var in bytes.Buffer
	in.WriteString("date,end,latitude,longitude,title\n")
	for i := range 3000 {
		// Month first, which the file tells only at its end: every row is
		// read day first meanwhile and amended.
		fmt.Fprintf(&in, "%d/%d/2024,%d/%d/2024,14.1,-1.6,Event %d\n", 1+i%12, 1+i%12, 1+i%12, 1+i%12+i%2, i)
	}
	in.WriteString("12/31/2024,,14.1,-1.6,The last\n")
	whole, err := Import(bytes.NewReader(in.Bytes()), "t.csv", Options{SkipInvalid: true})
	if err != nil {
		t.Fatal(err)
	}
	kept, res, err := streamedAs(t, in.Bytes(), "t.csv", Options{SkipInvalid: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(kept) != len(whole.Records) || len(kept) != 3001 || res.Amend == nil {
		t.Fatalf("streamed keeps %d records (amended: %v), the whole import %d", len(kept), res.Amend != nil, len(whole.Records))
	}
	for _, want := range whole.Records {
		if got := kept[want.Event.ID]; !reflect.DeepEqual(got, want) {
			t.Fatalf("%s streamed\n%+v\nwhole\n%+v", want.Event.ID, got, want)
		}
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
