package startup

import "testing"

// TestSnapshotHeap checks how much heap each snapshot command line
// prepares: by its --size, the default page without one, and nothing
// for a page past full HD, a store, a paper page, a series, help or a
// size that does not parse.
func TestSnapshotHeap(t *testing.T) {
	for _, c := range []struct {
		args []string
		want int
	}{
		{[]string{"snapshot", "--view", "sahel", "--size", "320x180", "-o", "s.png"}, heapFixed + heapPerPixel*320*180},
		{[]string{"--lang", "fr", "snapshot", "-size=800x600"}, heapFixed + heapPerPixel*800*600},
		{[]string{"snapshot", "--view", "-25,-5,50,50", "-o", "s.png"}, heapFixed + heapPerPixel*1920*1080},
		{[]string{"snapshot", "--size", "1920x1080"}, heapFixed + heapPerPixel*1920*1080},
		{[]string{"snapshot", "--size", "2000x1500"}, 0},
		{[]string{"snapshot", "--store", "ws.db", "--size", "320x180"}, 0},
		{[]string{"snapshot", "--paper=a4"}, 0},
		{[]string{"snapshot", "--every", "month", "--size", "320x180"}, 0},
		{[]string{"snapshot", "--size", "wide"}, 0},
		{[]string{"snapshot", "--size", "0x180"}, 0},
		{[]string{"snapshot", "--size"}, 0},
		{[]string{"snapshot", "--help"}, 0},
		{[]string{"snapshot", "-h"}, 0},
	} {
		if got := snapshotHeap(c.args); got != c.want {
			t.Errorf("snapshotHeap(%q) = %d, want %d", c.args, got, c.want)
		}
	}
}
