package cli

import (
	"path/filepath"
	"testing"
)

func TestBrief(t *testing.T) {
	for _, c := range []struct {
		args []string
		want bool
	}{
		{[]string{"snapshot", "--view", "sahel", "--size", "320x180", "-o", "s.png"}, true},
		{[]string{"snapshot", "-o", "s.png"}, true},
		{[]string{"--lang", "fr", "snapshot", "-o", "s.svg", "--size", "1920x1080"}, true},
		{[]string{"snapshot", "-o", "-", "--format", "pdf", "--lang=fr"}, true},
		{[]string{"snapshot", "-o", "s.png", "--size", "1921x1080"}, false},
		{[]string{"snapshot", "-o", "s.png", "--paper", "a3"}, false},
		{[]string{"snapshot", "-o", "s.pdf", "--paper", "slide"}, false},
		{[]string{"snapshot", "-o", "frames.gif", "--every", "month", "--from", "2024-01-01", "--to", "2024-12-31"}, false},
		{[]string{"snapshot", "-o", "s.png", "--store", "work.db"}, false},
		{[]string{"snapshot", "--size", "320x180"}, false},             // no -o: an error
		{[]string{"snapshot", "-o", "s.png", "--no-such-flag"}, false}, // does not parse
		{[]string{"snapshot", "-o", "s.png", "extra"}, false},
		{[]string{"import", "acled.csv"}, false},
		{[]string{"events", "--from", "2024-01-01"}, false},
		{[]string{"--view", "sahel"}, false}, // the window
		{nil, false},
	} {
		if got := Brief(c.args); got != c.want {
			t.Errorf("Brief(%q) = %v, want %v", c.args, got, c.want)
		}
	}
}

// BenchmarkSnapshotBrief is a brief command (Brief) but for process
// start: its B/op is what such a command allocates, which main lets it
// allocate without collecting (startup.Hold).
func BenchmarkSnapshotBrief(b *testing.B) {
	file := filepath.Join(b.TempDir(), "map.png")
	args := []string{"-o", file, "--view", "sahel", "--size", "320x180"}
	if !Brief(append([]string{"snapshot"}, args...)) {
		b.Fatalf("%q is not brief", args)
	}
	b.ReportAllocs()
	for b.Loop() {
		if status, _, stderr := runSnapshotBench(args...); status != ExitOK {
			b.Fatalf("status %d: %s", status, stderr)
		}
	}
}
