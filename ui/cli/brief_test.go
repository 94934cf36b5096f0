package cli

import (
	"path/filepath"
	"testing"

	"github.com/sahelatlas/sahelatlas/ui/cli/cmdline"
)

// BenchmarkSnapshotBrief is a brief command (cmdline.Brief) but for process
// start: its B/op is what such a command allocates, which main lets it
// allocate without collecting (startup.Hold).
func BenchmarkSnapshotBrief(b *testing.B) {
	file := filepath.Join(b.TempDir(), "map.png")
	args := []string{"-o", file, "--view", "sahel", "--size", "320x180"}
	if !cmdline.Brief(append([]string{"snapshot"}, args...)) {
		b.Fatalf("%q is not brief", args)
	}
	b.ReportAllocs()
	for b.Loop() {
		if status, _, stderr := runSnapshotBench(args...); status != ExitOK {
			b.Fatalf("status %d: %s", status, stderr)
		}
	}
}
