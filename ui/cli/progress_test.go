package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/sahelatlas/sahelatlas/data/files"
)

// The progress of an import: a line a report where stderr is a file or a
// pipe, one rewritten line on a terminal, ended once the import is.
func TestImportProgressLines(t *testing.T) {
	for _, tc := range []struct {
		tty  bool
		want string
	}{
		{false, "sahelatlas import: a.csv: 4096 events read, 25% of the file (3s)\nsahelatlas import: a.csv: 4096 events read, 25% of the file (3s)\n"},
		{true, "\rsahelatlas import: a.csv: 4096 events read, 25% of the file (3s)\x1b[K\rsahelatlas import: a.csv: 4096 events read, 25% of the file (3s)\x1b[K\n"},
	} {
		var out bytes.Buffer
		cr := files.NewProgress(strings.NewReader(strings.Repeat("x", 400)), 400)
		cr.Read(make([]byte, 100))
		p := &importProgress{w: &out, name: "a.csv", read: cr, tty: tc.tty, stop: make(chan struct{})}
		p.events.Add(4096)
		p.line(3 * time.Second)
		p.line(3 * time.Second)
		p.end() // without the goroutine of startProgress: nothing to wait for
		if got := out.String(); got != tc.want {
			t.Errorf("tty %v: %q, want %q", tc.tty, got, tc.want)
		}
	}
}

// A short import says nothing of its progress.
func TestImportProgressQuietWhenShort(t *testing.T) {
	var out bytes.Buffer
	p := startProgress(&out, "a.csv", files.NewProgress(strings.NewReader(""), 10))
	p.events.Add(3)
	p.end()
	if out.Len() != 0 {
		t.Errorf("a short import wrote %q", out.String())
	}
}
