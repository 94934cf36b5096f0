package exchange

import (
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"
)

// quotedLines is a CSV file whose second row opens a quoted cell that
// runs over n lines of one byte each: head, then "x\n" n times, then tail.
// It is made as it is read, so that only the reader's allocations count.
type quotedLines struct {
	head, tail string
	n          int
	pos        int // bytes of the body given
}

func (q *quotedLines) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		switch {
		case len(q.head) > 0:
			c := copy(p[n:], q.head)
			q.head, n = q.head[c:], n+c
		case q.pos < 2*q.n:
			if q.pos%2 == 0 {
				p[n] = 'x'
			} else {
				p[n] = '\n'
			}
			q.pos, n = q.pos+1, n+1
		case len(q.tail) > 0:
			c := copy(p[n:], q.tail)
			q.tail, n = q.tail[c:], n+c
		default:
			if n == 0 {
				return 0, io.EOF
			}
			return n, nil
		}
	}
	return n, nil
}

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// A quoted cell of 25 million one-byte lines (50 MB) stops the import, and
// the header sniffing, at the record bound: a short error naming the line
// where the row began, having allocated a few megabytes, not the file.
func TestRecordBound(t *testing.T) {
	const header = "event_date,latitude,longitude,title\n"
	const lines = 25_000_000
	cases := []struct {
		name string
		in   func() io.Reader
		run  func(io.Reader) error
		want string
	}{
		{"a data row", func() io.Reader {
			return &quotedLines{head: header + "2020-01-01,12.6,-8,ok\n2020-01-02,12.6,-8,\"", n: lines, tail: "\"\n"}
		}, func(r io.Reader) error { _, err := Import(r, "cell.csv", Options{}); return err },
			"exchange: cell.csv the row that begins at line 3 is longer than 1024 KiB"},
		{"the header row, imported", func() io.Reader {
			return &quotedLines{head: "event_date,\"lat", n: lines, tail: "\"\n"}
		}, func(r io.Reader) error { _, err := Import(r, "head.csv", Options{}); return err },
			"the row that begins at line 1 is longer than 1024 KiB"},
		{"the header row, sniffed", func() io.Reader {
			return &quotedLines{head: "event_date,\"lat", n: lines, tail: "\"\n"}
		}, func(r io.Reader) error { _, _, err := Header(r, "head.csv"); return err },
			"the row that begins at line 1 is longer than 1024 KiB"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := tc.in()
			var err error
			alloc := allocated(func() { err = tc.run(in) })
			if err == nil || !strings.Contains(err.Error(), tc.want) || len(err.Error()) > 400 {
				t.Errorf("error %.300q, want one of at most 400 bytes saying %q", err, tc.want)
			}
			// The bound and the buffers around it: a few MiB. Without it
			// the cell alone is 50 MB, twice.
			if alloc > 16<<20 {
				t.Errorf("reading stopped after allocating %d MiB, want at most 16", alloc>>20)
			}
			if q := in.(*quotedLines); q.pos > 2*(MaxRecord+MaxLine) {
				t.Errorf("read %d bytes of the cell before stopping, want at most %d", q.pos, 2*(MaxRecord+MaxLine))
			}
		})
	}
}

// Records under the bound are read, however many lines they run over, and
// the rows after a long one are numbered from where they begin.
func TestRecordUnderBound(t *testing.T) {
	long := strings.Repeat("x\n", (MaxRecord-1000)/2) // a cell too long for MaxFieldSize, not for MaxRecord
	in := "title,latitude,longitude,date\n" +
		"first,12.6,-8,2020-01-01\n" +
		"\"" + long + "\",12.6,-8,2020-01-02\n" +
		"third,95,-8,2020-01-03\n"
	res, err := Import(strings.NewReader(in), "long.csv", Options{SkipInvalid: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Records) != 1 || len(res.Rejected) != 2 {
		t.Fatalf("%d records and problems %v, want 1 and 2", len(res.Records), res.Rejected)
	}
	lastLine := 3 + strings.Count(long, "\n") + 1
	if p := res.Rejected[0]; p.Line != 3 {
		t.Errorf("the long row's problem is at line %d, want 3: %v", p.Line, p)
	}
	if p := res.Rejected[1]; p.Line != lastLine || !strings.Contains(p.Reason, "latitude 95") {
		t.Errorf("the last row's problem is %+v, want line %d", p, lastLine)
	}
	var rec *recordTooLongError
	if errors.As(err, &rec) {
		t.Errorf("a record under the bound failed the file: %v", err)
	}
}
