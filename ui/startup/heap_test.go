package startup

import (
	"testing"

	"github.com/sahelatlas/sahelatlas/ui/cli/cmdline"
)

// TestSnapshotHeap checks how much heap each command line prepares: a
// snapshot's by its --size, the default page without one, and nothing
// for a page past full HD, a store, a paper page, a series, help, a
// command line that does not parse or another command.
func TestSnapshotHeap(t *testing.T) {
	for _, c := range []struct {
		args []string
		want int
	}{
		{[]string{"snapshot", "--view", "sahel", "--size", "320x180", "-o", "s.png"}, heapFixed + heapPerPixel*320*180},
		{[]string{"--lang", "fr", "snapshot", "-size=800x600", "-o", "s.svg"}, heapFixed + heapPerPixel*800*600},
		{[]string{"snapshot", "--view", "-25,-5,50,50", "-o", "s.png"}, heapFixed + heapPerPixel*1920*1080},
		{[]string{"snapshot", "--size", "1920x1080", "-o", "-"}, heapFixed + heapPerPixel*1920*1080},
		{[]string{"snapshot", "--size", "2000x1500", "-o", "s.png"}, 0},
		{[]string{"snapshot", "--store", "ws.db", "--size", "320x180", "-o", "s.png"}, 0},
		{[]string{"snapshot", "--paper=a4", "-o", "s.png"}, 0},
		{[]string{"snapshot", "--every", "month", "--size", "320x180", "-o", "frames"}, 0},
		{[]string{"snapshot", "--size", "320x180"}, 0}, // no -o: an error
		{[]string{"snapshot", "--size", "wide", "-o", "s.png"}, 0},
		{[]string{"snapshot", "--size", "0x180", "-o", "s.png"}, 0},
		{[]string{"snapshot", "-o", "s.png", "--size"}, 0},
		{[]string{"snapshot", "--help"}, 0},
		{[]string{"snapshot", "-h"}, 0},
		{[]string{"events", "--from", "2024-01-01"}, 0},
		{nil, 0},
	} {
		got := 0
		if o, ok := cmdline.ParseSnapshot(c.args); ok {
			got = snapshotHeap(o)
		}
		if got != c.want {
			t.Errorf("snapshotHeap(%q) = %d, want %d", c.args, got, c.want)
		}
	}
}
