package ui

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"github.com/paulmach/orb"
)

// TestHoverKeepsTheBoundariesEncoded: moving the pointer over the map
// names the country under it without decoding the full-resolution
// boundaries (11 MB, and At's ring indexes 9 MB more, kept for good): the
// window finds it in the geometry it draws. It runs in a process of its
// own (this test binary run again for this test alone), as other tests
// decode the boundaries of the atlas all windows share.
func TestHoverKeepsTheBoundariesEncoded(t *testing.T) {
	if os.Getenv(hoverChild) != "" {
		hoverWithoutDecoding(t)
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestHoverKeepsTheBoundariesEncoded$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), hoverChild+"=1")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "hovered=") {
		t.Fatalf("the child test failed: %v\n%s", err, out)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(line, "hovered="); ok {
			t.Logf("pointer moved to %s places on the map", v)
		}
	}
}

// hoverChild is set in the environment of TestHoverKeepsTheBoundariesEncoded's
// own process.
const hoverChild = "SAHELATLAS_TEST_HOVER_CHILD"

// hoverWithoutDecoding is the child process's test: the window on the
// bundled data, its first frame drawn, the pointer moved over Bamako and a
// grid over the whole map.
func hoverWithoutDecoding(t *testing.T) {
	ui, q := newTestWindowQueue(t)
	q.next(t) // the first frame
	drain(q)
	if ui.Atlas.BoundariesDecoded() {
		t.Fatal("the window decoded the full boundaries before the pointer moved")
	}
	ui.mapHover(orb.Point{-8.0029, 12.6392}, 0, 0, ui.Map.Position())
	if got := ui.Coords.Text; !strings.HasPrefix(got, "Mali · ") {
		t.Errorf("the status bar says %q over Bamako, want Mali", got)
	}
	size := ui.Map.Size()
	if size.Width < 100 || size.Height < 100 {
		t.Fatalf("the map is %v: too small to move the pointer over", size)
	}
	moves, countries := 0, map[string]bool{}
	for y := float32(1); y < size.Height; y += size.Height / 23 {
		for x := float32(1); x < size.Width; x += size.Width / 31 {
			ui.Map.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(x, y)}})
			countries[strings.SplitN(ui.Coords.Text, " · ", 2)[0]] = true
			moves++
		}
	}
	if len(countries) < 10 {
		t.Errorf("the status bar named %d countries over the Sahel, want 10 or more: %v", len(countries), countries)
	}
	if ui.Atlas.BoundariesDecoded() {
		t.Errorf("moving the pointer over the map decoded the full boundaries")
	}
	fmt.Printf("hovered=%d\n", moves)
}
