package ui

import (
	"image"
	"math"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"github.com/sahelatlas/sahelatlas/geo"
)

// FrameRenderer draws a whole map frame for a viewport. It is called from a
// background goroutine, never from the UI thread.
type FrameRenderer interface {
	Render(v geo.Viewport) *image.RGBA
}

// Zoom limits of the map view.
const (
	MinZoom = 1.0
	MaxZoom = 12.0
)

// MapView is the map widget: it shows frames rendered off the UI thread and
// turns drags, scrolls, double-taps, keys and hovers into view changes.
type MapView struct {
	widget.BaseWidget

	// OnViewChanged is called on the UI goroutine after every view change.
	OnViewChanged func(v geo.Viewport)
	// OnHover is called on the UI goroutine with the lon/lat under the
	// pointer, its device pixel and its position in the widget.
	OnHover func(p orb.Point, x, y float64, pos fyne.Position)
	// OnHoverOut is called when the pointer leaves the map.
	OnHoverOut func()
	// OnFrame is called on the UI goroutine after a new frame is shown.
	OnFrame func(v geo.Viewport)
	// OnTapped is called on the UI goroutine with the lon/lat and device pixel tapped.
	OnTapped func(p orb.Point, x, y float64)
	// OnDoubleTapped is called for a double-click with the lon/lat under
	// it; when it returns true the map does not zoom in.
	OnDoubleTapped func(p orb.Point) bool
	// OnSecondaryTapped is called for a right-click with the lon/lat and the position in the widget.
	OnSecondaryTapped func(p orb.Point, pos fyne.Position)

	renderer FrameRenderer
	view     geo.Viewport // what the user asked for (logical size, device scale)
	image    *canvas.Image

	frames   *frameWorker
	frame    geo.Viewport // the view of the frame on screen
	hasFrame bool
	fitted   *orb.Bound // the bound last fitted, kept fitted on resize until the analyst moves the map
}

// newMapView makes a map view that starts on view v and draws with r,
// handing its frames to the UI goroutine with do (fyne.Do; tests pass a
// queue they drain themselves).
func newMapView(r FrameRenderer, v geo.Viewport, do func(func())) *MapView {
	m := &MapView{renderer: r, view: v}
	m.image = canvas.NewImageFromImage(nil)
	m.image.FillMode = canvas.ImageFillStretch
	m.image.ScaleMode = canvas.ImageScaleFastest
	m.frames = newFrameWorker(r, m.showFrame, do)
	m.ExtendBaseWidget(m)
	return m
}

// View returns the current viewport.
func (m *MapView) View() geo.Viewport { return m.view }

// SetView moves the map to v (keeping the widget's size and scale) and re-renders.
func (m *MapView) SetView(v geo.Viewport) {
	m.fitted = nil
	v.Width, v.Height, v.Scale = m.view.Width, m.view.Height, m.view.Scale
	m.setView(v)
}

// FitBound shows the whole of b, centred, at the largest zoom that fits.
func (m *MapView) FitBound(b orb.Bound) {
	m.fitted = &b
	w, h := m.view.Width, m.view.Height
	if w <= 0 || h <= 0 {
		return // fitted when the widget gets its size
	}
	v := geo.Fit(b, w, h, 1)
	v.Scale = m.view.Scale
	m.setView(v)
}

// Redraw asks for a new frame of the current view, for instance after a layer changed.
func (m *MapView) Redraw() { m.frames.request(m.view) }

func (m *MapView) setView(v geo.Viewport) {
	v.Zoom = math.Max(MinZoom, math.Min(MaxZoom, v.Zoom))
	if v.Center.Lat() > 85 {
		v.Center[1] = 85
	} else if v.Center.Lat() < -85 {
		v.Center[1] = -85
	}
	v.Center[0] = math.Mod(v.Center[0]+540, 360) - 180
	m.view = v
	m.placeFrame()
	if v.Width > 0 && v.Height > 0 {
		m.frames.request(v)
	}
	if m.OnViewChanged != nil {
		m.OnViewChanged(v)
	}
}

// Recycler is a FrameRenderer that can draw again into frames that are
// no longer on screen.
type Recycler interface {
	Recycle(img *image.RGBA)
}

// showFrame runs on the UI goroutine with a finished frame; the frame it
// replaces goes back to the renderer once nothing shows it.
func (m *MapView) showFrame(img *image.RGBA, v geo.Viewport) {
	if old, ok := m.image.Image.(*image.RGBA); ok && old != img {
		if rc, ok := m.renderer.(Recycler); ok {
			defer rc.Recycle(old)
		}
	}
	m.image.Image = img
	m.frame, m.hasFrame = v, true
	m.placeFrame()
	m.image.Refresh()
	if m.OnFrame != nil {
		m.OnFrame(v)
	}
}

// placeFrame positions the last frame so that it lines up with the current
// view while a newer frame is being drawn (drags feel immediate).
func (m *MapView) placeFrame() {
	size := fyne.NewSize(float32(m.view.Width), float32(m.view.Height))
	if !m.hasFrame || m.frame.Scale != m.view.Scale || m.view.Width == 0 {
		m.image.Move(fyne.NewPos(0, 0))
		m.image.Resize(size)
		return
	}
	s := m.scale()
	// Where the frame's top-left and bottom-right corners land in the current view.
	x0, y0 := m.view.Project(m.frame.Unproject(0, 0))
	fw, fh := m.frame.PixelSize()
	x1, y1 := m.view.Project(m.frame.Unproject(float64(fw), float64(fh)))
	if x1 < x0 { // the frame wrapped around the antimeridian: just stretch it
		m.image.Move(fyne.NewPos(0, 0))
		m.image.Resize(size)
		return
	}
	m.image.Move(fyne.NewPos(float32(x0/s), float32(y0/s)))
	m.image.Resize(fyne.NewSize(float32((x1-x0)/s), float32((y1-y0)/s)))
}

func (m *MapView) scale() float64 { return m.view.DeviceScale() }

// CreateRenderer implements fyne.Widget.
func (m *MapView) CreateRenderer() fyne.WidgetRenderer {
	return &mapRenderer{m: m}
}

// Resize re-renders at the new size, honouring the canvas's HiDPI scale.
func (m *MapView) Resize(s fyne.Size) {
	m.BaseWidget.Resize(s)
	v := m.view
	v.Width, v.Height = int(math.Round(float64(s.Width))), int(math.Round(float64(s.Height)))
	if c := fyne.CurrentApp().Driver().CanvasForObject(m); c != nil {
		v.Scale = float64(c.Scale())
	}
	if v.Width <= 0 || v.Height <= 0 {
		return
	}
	if b := m.fitted; b != nil {
		f := geo.Fit(*b, v.Width, v.Height, 1)
		v.Center, v.Zoom = f.Center, f.Zoom
		m.setView(v)
		return
	}
	if v.Width != m.view.Width || v.Height != m.view.Height || v.Scale != m.view.Scale {
		m.setView(v)
	}
}

// Dragged pans the map with the pointer.
func (m *MapView) Dragged(e *fyne.DragEvent) {
	m.fitted = nil
	s := m.scale()
	m.setView(m.view.Pan(float64(e.Dragged.DX)*s, float64(e.Dragged.DY)*s))
}

// DragEnd implements fyne.Draggable.
func (m *MapView) DragEnd() {}

// Scrolled zooms around the pointer: one wheel notch is half a zoom level.
func (m *MapView) Scrolled(e *fyne.ScrollEvent) {
	if e.Scrolled.DY == 0 {
		return
	}
	factor := math.Pow(2, float64(e.Scrolled.DY)/50)
	m.zoomAt(e.Position, factor)
}

// DoubleTapped zooms in one level around the pointer.
func (m *MapView) DoubleTapped(e *fyne.PointEvent) {
	if m.OnDoubleTapped != nil {
		x, y := m.devicePoint(e.Position)
		if m.OnDoubleTapped(m.view.Unproject(x, y)) {
			return
		}
	}
	m.zoomAt(e.Position, 2)
}

// Tapped reports the tapped place.
func (m *MapView) Tapped(e *fyne.PointEvent) {
	if m.OnTapped != nil {
		x, y := m.devicePoint(e.Position)
		m.OnTapped(m.view.Unproject(x, y), x, y)
	}
}

// TappedSecondary reports a right-click.
func (m *MapView) TappedSecondary(e *fyne.PointEvent) {
	if m.OnSecondaryTapped != nil {
		x, y := m.devicePoint(e.Position)
		m.OnSecondaryTapped(m.view.Unproject(x, y), e.Position)
	}
}

// MouseIn implements desktop.Hoverable.
func (m *MapView) MouseIn(e *desktop.MouseEvent) { m.MouseMoved(e) }

// MouseMoved reports the lon/lat under the pointer.
func (m *MapView) MouseMoved(e *desktop.MouseEvent) {
	if m.OnHover != nil {
		x, y := m.devicePoint(e.Position)
		m.OnHover(m.view.Unproject(x, y), x, y, e.Position)
	}
}

// MouseOut implements desktop.Hoverable.
func (m *MapView) MouseOut() {
	if m.OnHoverOut != nil {
		m.OnHoverOut()
	}
}

// ZoomBy zooms around the centre of the view.
func (m *MapView) ZoomBy(factor float64) {
	m.zoomAt(fyne.NewPos(float32(m.view.Width)/2, float32(m.view.Height)/2), factor)
}

// PanBy moves the map by a fraction of its size (positive dx shows more of the east).
func (m *MapView) PanBy(fx, fy float64) {
	m.fitted = nil
	w, h := m.view.PixelSize()
	m.setView(m.view.Pan(-fx*float64(w), -fy*float64(h)))
}

// HandleKey applies the map's arrow-key shortcuts and reports whether the
// key was one of them.
func (m *MapView) HandleKey(k fyne.KeyName) bool {
	switch k {
	case fyne.KeyLeft:
		m.PanBy(-0.2, 0)
	case fyne.KeyRight:
		m.PanBy(0.2, 0)
	case fyne.KeyUp:
		m.PanBy(0, -0.2)
	case fyne.KeyDown:
		m.PanBy(0, 0.2)
	default: // + and - arrive as runes too: HandleRune zooms, once
		return false
	}
	return true
}

// HandleRune applies the map's character shortcuts (+, -).
func (m *MapView) HandleRune(r rune) bool {
	switch r {
	case '+', '=':
		m.ZoomBy(2)
	case '-', '_':
		m.ZoomBy(0.5)
	default:
		return false
	}
	return true
}

func (m *MapView) zoomAt(pos fyne.Position, factor float64) {
	m.fitted = nil
	x, y := m.devicePoint(pos)
	z := m.view.Zoom + math.Log2(factor)
	if z > MaxZoom {
		factor = math.Pow(2, MaxZoom-m.view.Zoom)
	} else if z < MinZoom {
		factor = math.Pow(2, MinZoom-m.view.Zoom)
	}
	m.setView(m.view.ZoomAt(x, y, factor))
}

func (m *MapView) devicePoint(p fyne.Position) (x, y float64) {
	s := m.scale()
	return float64(p.X) * s, float64(p.Y) * s
}

type mapRenderer struct{ m *MapView }

func (r *mapRenderer) Layout(fyne.Size)             { r.m.placeFrame() }
func (r *mapRenderer) MinSize() fyne.Size           { return fyne.NewSize(200, 150) }
func (r *mapRenderer) Refresh()                     { r.m.placeFrame(); r.m.image.Refresh() }
func (r *mapRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.m.image} }
func (r *mapRenderer) Destroy()                     { r.m.frames.stop() }

// frameWorker renders frames in one background goroutine, one at a time:
// it draws the next once the UI goroutine has taken the last. Requests
// made while it is busy replace one another, so only the newest view is
// drawn;
// each finished frame is handed to the UI goroutine with fyne.Do and
// dropped there if a newer frame is already on screen, so a drag shows
// every frame that can keep up and never steps back to an older one.
type frameWorker struct {
	r    FrameRenderer
	show func(*image.RGBA, geo.Viewport)
	do   func(func()) // runs a function on the UI goroutine

	mu      sync.Mutex
	pending *geo.Viewport
	gen     uint64 // generation of the newest request
	shown   uint64 // generation of the frame on screen (UI goroutine only)
	wake    chan struct{}
	done    chan struct{}
	once    sync.Once
}

func newFrameWorker(r FrameRenderer, show func(*image.RGBA, geo.Viewport), do func(func())) *frameWorker {
	w := &frameWorker{r: r, show: show, do: do, wake: make(chan struct{}, 1), done: make(chan struct{})}
	go w.loop()
	return w
}

func (w *frameWorker) request(v geo.Viewport) {
	w.mu.Lock()
	w.pending = &v
	w.gen++
	w.mu.Unlock()
	select {
	case w.wake <- struct{}{}:
	default:
	}
}

func (w *frameWorker) stop() { w.once.Do(func() { close(w.done) }) }

func (w *frameWorker) loop() {
	for {
		select {
		case <-w.done:
			return
		case <-w.wake:
		}
		w.mu.Lock()
		v, gen := w.pending, w.gen
		w.pending = nil
		w.mu.Unlock()
		if v == nil {
			continue
		}
		img := w.r.Render(*v)
		handed := make(chan struct{})
		w.do(func() {
			defer close(handed)
			if gen <= w.shown {
				if rc, ok := w.r.(Recycler); ok {
					rc.Recycle(img) // a newer frame is already on screen
				}
				return
			}
			w.shown = gen
			w.show(img, *v)
		})
		// Draw the next frame once this one is on screen: frames drawn
		// faster than the UI goroutine shows them would only be dropped,
		// costing the CPU the UI goroutine needs.
		select {
		case <-handed:
		case <-w.done:
			return
		}
	}
}
