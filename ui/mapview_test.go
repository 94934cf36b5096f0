package ui

import (
	"image"
	"image/color"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/paulmach/orb"

	"github.com/sahelatlas/sahelatlas/geo"
)

// solidRenderer draws every frame in one colour and counts its calls.
type solidRenderer struct{ calls atomic.Int32 }

func (r *solidRenderer) Render(v geo.Viewport) *image.RGBA {
	r.calls.Add(1)
	w, h := v.PixelSize()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := 0; i < len(img.Pix); i += 4 {
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = 10, 20, 30, 255
	}
	return img
}

// uiQueue stands in for the UI goroutine: frames handed over with do run
// when the test drains the queue on its own goroutine.
type uiQueue struct{ ch chan func() }

func (q *uiQueue) do(f func()) { q.ch <- f }

// next runs the next handed-over function, waiting up to 5 s for it.
func (q *uiQueue) next(t testing.TB) {
	t.Helper()
	select {
	case f := <-q.ch:
		f()
	case <-time.After(hangTimeout):
		t.Fatalf("no frame was handed to the UI goroutine within %v", hangTimeout)
	}
}

func newTestMap(t *testing.T) (*MapView, *solidRenderer, fyne.Canvas, *uiQueue) {
	t.Helper()
	test.NewTempApp(t)
	r := &solidRenderer{}
	q := &uiQueue{ch: make(chan func(), 1024)}
	m := newMapView(r, geo.Viewport{Center: orb.Point{0, 15}, Zoom: 4}, q.do)
	w := test.NewTempWindow(t, m)
	w.Resize(fyne.NewSize(400, 300))
	m.Resize(fyne.NewSize(400, 300))
	return m, r, w.Canvas(), q
}

func TestMapViewDragMovesCentre(t *testing.T) {
	m, _, c, _ := newTestMap(t)
	before := m.View().Center
	test.Drag(c, fyne.NewPos(200, 150), 50, 0)
	after := m.View().Center
	if !(after.Lon() < before.Lon()) {
		t.Fatalf("dragging right should move the centre west: before %v after %v", before, after)
	}
	if d := after.Lat() - before.Lat(); d > 1e-9 || d < -1e-9 {
		t.Fatalf("a horizontal drag changed the latitude: before %v after %v", before, after)
	}
}

func TestMapViewScrollZooms(t *testing.T) {
	m, _, c, _ := newTestMap(t)
	z := m.View().Zoom
	test.Scroll(c, fyne.NewPos(100, 100), 0, 25)
	if m.View().Zoom <= z {
		t.Fatalf("scrolling up should zoom in: %v -> %v", z, m.View().Zoom)
	}
	z = m.View().Zoom
	test.Scroll(c, fyne.NewPos(100, 100), 0, -50)
	if m.View().Zoom >= z {
		t.Fatalf("scrolling down should zoom out: %v -> %v", z, m.View().Zoom)
	}
}

func TestMapViewKeys(t *testing.T) {
	m, _, _, _ := newTestMap(t)
	tests := []struct {
		key   fyne.KeyName
		check func(before, after geo.Viewport) bool
	}{
		{fyne.KeyRight, func(b, a geo.Viewport) bool { return a.Center.Lon() > b.Center.Lon() }},
		{fyne.KeyLeft, func(b, a geo.Viewport) bool { return a.Center.Lon() < b.Center.Lon() }},
		{fyne.KeyUp, func(b, a geo.Viewport) bool { return a.Center.Lat() > b.Center.Lat() }},
		{fyne.KeyDown, func(b, a geo.Viewport) bool { return a.Center.Lat() < b.Center.Lat() }},
	}
	for _, tt := range tests {
		before := m.View()
		if !m.HandleKey(tt.key) {
			t.Fatalf("%s: not handled", tt.key)
		}
		if !tt.check(before, m.View()) {
			t.Errorf("%s: view %+v -> %+v", tt.key, before, m.View())
		}
	}
	// + and - zoom by exactly one level each (the driver sends the key and
	// the rune; only the rune zooms).
	z := m.View().Zoom
	m.HandleKey(fyne.KeyMinus)
	m.HandleRune('-')
	if got := m.View().Zoom; got != z-1 {
		t.Errorf("one - press: zoom %v -> %v, want %v", z, got, z-1)
	}
	m.HandleKey(fyne.KeyEqual)
	m.HandleRune('+')
	if got := m.View().Zoom; got != z {
		t.Errorf("one + press: zoom back to %v, want %v", got, z)
	}
}

func TestMapViewShowsRenderedFrame(t *testing.T) {
	m, r, _, ui := newTestMap(t)
	m.Redraw()
	ui.next(t)
	for len(ui.ch) > 0 { // frames asked for while the test map was sized
		ui.next(t)
	}
	if r.calls.Load() == 0 {
		t.Fatal("the renderer was never called")
	}
	img := m.image.Image
	if img == nil {
		t.Fatal("no frame is shown")
	}
	if got := img.At(5, 5); got != (color.RGBA{10, 20, 30, 255}) {
		t.Fatalf("frame pixel = %v, want the renderer's colour", got)
	}
	if b := img.Bounds(); b.Dx() != 400 || b.Dy() != 300 {
		t.Fatalf("frame is %v, want the widget's 400×300", b)
	}
}

// hangTimeout is how long a test waits for work handed between goroutines
// before it calls the wait a hang: long, because a loaded machine running
// the race detector can take seconds for one export; never an assertion
// about speed.
const hangTimeout = 2 * time.Minute
