package exchange

import (
	"errors"
	"strings"
	"testing"
)

// A hostile file's size never reaches a message: a 200 MB line stops at
// the line bound, a header of many columns is listed in part, and a huge
// cell is quoted in part.
func TestMessagesBounded(t *testing.T) {
	cases := []struct {
		name string
		file string
		want string // in the error
	}{
		{"one endless line", strings.Repeat("x", 3*MaxLine), "line 1 is longer than 1024 KiB"},
		{"an endless data row", "date,latitude,longitude,title\n" + strings.Repeat("y", 2*MaxLine), "line 2 is longer than 1024 KiB"},
		{"a wide header", strings.Repeat("col,", 50_000) + "x\n1,2\n", "more columns"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Import(strings.NewReader(tc.file), "hostile.csv", Options{})
			if err == nil {
				t.Fatal("imported")
			}
			msg := err.Error()
			var refused *RefusedError
			if errors.As(err, &refused) {
				msg = refused.Error()
			}
			if len(msg) > 4096 || !strings.Contains(msg, tc.want) {
				t.Errorf("error of %d bytes %.300q, want at most 4 KiB saying %q", len(msg), msg, tc.want)
			}
		})
	}
}

func TestExcerpt(t *testing.T) {
	if got := excerpt("short"); got != "short" {
		t.Errorf("excerpt(short) = %q", got)
	}
	long := strings.Repeat("é", 200) // 400 bytes
	got := excerpt(long)
	if len(got) > maxExcerpt+40 || !strings.Contains(got, "(400 bytes in all)") || !strings.HasPrefix(long, strings.SplitN(got, "…", 2)[0]) {
		t.Errorf("excerpt of 400 bytes = %q", got)
	}
	if r := shortReason(strings.Repeat("z", 10_000)); len(r) > maxReason+60 || !strings.Contains(r, "10000 bytes") {
		t.Errorf("shortReason = %.80q… (%d bytes)", r, len(r))
	}
}
