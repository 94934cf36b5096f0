package ui

import (
	"image"
	"image/color"
	stddraw "image/draw"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/sahelatlas/sahelatlas/data"
)

// timelineBins is how many histogram bars the timeline draws across its span.
const timelineBins = 160

// Colours of the timeline.
var (
	timelineBar     = color.NRGBA{0x55, 0x6b, 0x8a, 0xff}
	timelineBarIn   = color.NRGBA{0xc0, 0x39, 0x2b, 0xff}
	timelineWindow  = color.NRGBA{0xf3, 0x9c, 0x12, 0x40}
	timelineHandle  = color.NRGBA{0xd3, 0x54, 0x00, 0xff}
	timelineBackgnd = color.NRGBA{0xf4, 0xf1, 0xea, 0xff}
	timelineText    = color.NRGBA{0x33, 0x33, 0x33, 0xff}
)

// Timeline is the date slider along the bottom of the window: a histogram
// of event counts over the whole span of the data, and a window (from, to)
// moved by dragging its two handles or its body. Dragging outside the
// window draws a new one.
type Timeline struct {
	widget.BaseWidget

	// OnChanged is called on the UI goroutine whenever the window moves,
	// also while it is being dragged.
	OnChanged func(from, to data.Date)

	first, last int32 // the span, in days since 1970
	from, to    int32 // the window, in days, inclusive
	counts      [timelineBins]int

	drag      dragMode
	dragStart float32 // x where the drag started
	dragFrom  int32
	dragTo    int32
}

type dragMode int

const (
	dragNone dragMode = iota
	dragFromHandle
	dragToHandle
	dragBody
	dragNew
)

// handleGrab is how close (in logical pixels) a drag must start to a handle to move it.
const handleGrab = 8

// NewTimeline makes a timeline spanning first–last with the window set to the whole span.
func NewTimeline(first, last data.Date) *Timeline {
	t := &Timeline{}
	t.SetSpan(first, last)
	t.from, t.to = t.first, t.last
	t.ExtendBaseWidget(t)
	return t
}

// SetSpan changes the dates the timeline covers; the window is kept inside it.
func (t *Timeline) SetSpan(first, last data.Date) {
	t.first, t.last = first.Days(), last.Days()
	if t.last <= t.first {
		t.last = t.first + 1
	}
	t.from, t.to = t.clampWindow(t.from, t.to)
	t.Refresh()
}

// Span returns the first and last day the timeline covers.
func (t *Timeline) Span() (first, last data.Date) {
	return data.DateFromDays(t.first), data.DateFromDays(t.last)
}

// Window returns the selected dates, both included.
func (t *Timeline) Window() (from, to data.Date) {
	return data.DateFromDays(t.from), data.DateFromDays(t.to)
}

// SetWindow selects from–to (clamped to the span) and reports the change.
func (t *Timeline) SetWindow(from, to data.Date) {
	t.setWindow(from.Days(), to.Days())
}

func (t *Timeline) setWindow(from, to int32) {
	from, to = t.clampWindow(from, to)
	if from == t.from && to == t.to {
		return
	}
	t.from, t.to = from, to
	t.Refresh()
	if t.OnChanged != nil {
		t.OnChanged(t.Window())
	}
}

func (t *Timeline) clampWindow(from, to int32) (int32, int32) {
	if to < from {
		from, to = to, from
	}
	width := to - from
	if width > t.last-t.first {
		return t.first, t.last
	}
	if from < t.first {
		from, to = t.first, t.first+width
	}
	if to > t.last {
		from, to = t.last-width, t.last
	}
	return from, to
}

// Shift moves the window by days, keeping its width; it reports whether it moved.
func (t *Timeline) Shift(days int32) bool {
	before := t.from
	t.setWindow(t.from+days, t.to+days)
	return t.from != before
}

// SetHistogram counts events per bar from their start days; events outside
// the span (outliers the dataset's dense span leaves out) count in the
// first or last bar, and an ongoing event ("since 2021") in every bar from
// its start to the span's end. Call it when the filters change; the bars
// inside the window are highlighted.
func (t *Timeline) SetHistogram(events []*data.Event) {
	t.counts = [timelineBins]int{}
	span := float64(t.last - t.first + 1)
	for _, e := range events {
		if !e.Dated() {
			continue
		}
		i := int(float64(e.Start.Days()-t.first) / span * timelineBins)
		i = min(max(i, 0), timelineBins-1)
		if e.Ongoing {
			for j := i; j < timelineBins; j++ {
				t.counts[j]++
			}
			continue
		}
		t.counts[i]++
	}
	t.Refresh()
}

// Counts returns the histogram's bar counts (for tests and exports).
func (t *Timeline) Counts() []int { return t.counts[:] }

func (t *Timeline) dayAt(x float32) int32 {
	w := t.Size().Width
	if w <= 0 {
		return t.first
	}
	f := math.Max(0, math.Min(1, float64(x/w)))
	return t.first + int32(math.Round(f*float64(t.last-t.first)))
}

func (t *Timeline) xOf(day int32) float32 {
	return float32(float64(day-t.first) / float64(t.last-t.first) * float64(t.Size().Width))
}

// Dragged moves a handle, the body of the window, or draws a new window.
func (t *Timeline) Dragged(e *fyne.DragEvent) {
	x := e.Position.X
	if t.drag == dragNone {
		start := x - e.Dragged.DX
		t.dragStart, t.dragFrom, t.dragTo = start, t.from, t.to
		fx, tx := t.xOf(t.from), t.xOf(t.to)
		switch {
		case abs32(start-fx) <= handleGrab && abs32(start-fx) <= abs32(start-tx):
			t.drag = dragFromHandle
		case abs32(start-tx) <= handleGrab:
			t.drag = dragToHandle
		case start > fx && start < tx:
			t.drag = dragBody
		default:
			t.drag = dragNew
		}
	}
	switch t.drag {
	case dragFromHandle:
		d := t.dayAt(x)
		t.setWindow(min(d, t.to), t.to)
	case dragToHandle:
		d := t.dayAt(x)
		t.setWindow(t.from, max(d, t.from))
	case dragBody:
		delta := t.dayAt(x) - t.dayAt(t.dragStart)
		t.setWindow(t.dragFrom+delta, t.dragTo+delta)
	case dragNew:
		a, b := t.dayAt(t.dragStart), t.dayAt(x)
		t.setWindow(min(a, b), max(a, b))
	}
}

// DragEnd finishes a drag.
func (t *Timeline) DragEnd() { t.drag = dragNone }

// Dragging reports whether the analyst is dragging the timeline.
func (t *Timeline) Dragging() bool { return t.drag != dragNone }

// Cursor shows a resize cursor over the timeline.
func (t *Timeline) Cursor() desktop.Cursor { return desktop.HResizeCursor }

func abs32(f float32) float32 {
	if f < 0 {
		return -f
	}
	return f
}

// CreateRenderer implements fyne.Widget.
func (t *Timeline) CreateRenderer() fyne.WidgetRenderer {
	r := &timelineRenderer{t: t,
		bg:     canvas.NewRectangle(timelineBackgnd),
		window: canvas.NewRectangle(timelineWindow),
		left:   canvas.NewRectangle(timelineHandle),
		right:  canvas.NewRectangle(timelineHandle),
		first:  canvas.NewText("", timelineText),
		last:   canvas.NewText("", timelineText),
	}
	r.first.TextSize, r.last.TextSize = 11, 11
	r.last.Alignment = fyne.TextAlignTrailing
	// The bars are one image, not 160 rectangles: the GL painter draws
	// every rectangle of the window at every frame.
	r.bars = canvas.NewRaster(r.drawBars)
	r.objects = []fyne.CanvasObject{r.bg, r.bars, r.window, r.left, r.right, r.first, r.last}
	return r
}

type timelineRenderer struct {
	t           *Timeline
	bg, window  *canvas.Rectangle
	left, right *canvas.Rectangle
	bars        *canvas.Raster
	first, last *canvas.Text
	objects     []fyne.CanvasObject
	drawn       barsState // what the bars image shows
}

// barsState is what the bars image depends on.
type barsState struct {
	size     fyne.Size
	counts   [timelineBins]int
	from, to int32 // the bars inside the window are highlighted
	first    int32
	last     int32
}

// state is what the bars image should show now.
func (r *timelineRenderer) state() barsState {
	t := r.t
	return barsState{size: r.bars.Size(), counts: t.counts, from: t.from, to: t.to, first: t.first, last: t.last}
}

const timelineLabelHeight = 14

// drawBars draws the histogram's bars into a w×h image (device pixels),
// on a transparent ground: a square-root scale keeps single events
// visible beside busy months, and the bars inside the window are
// highlighted.
func (r *timelineRenderer) drawBars(w, h int) image.Image {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	t := r.t
	maxCount := 1
	for _, c := range t.counts {
		maxCount = max(maxCount, c)
	}
	bw := float64(w) / timelineBins
	span := float64(t.last - t.first + 1)
	for i, c := range t.counts {
		if c == 0 {
			continue
		}
		bh := max(2*float64(h)/float64(max(1, r.bars.Size().Height)), float64(h)*math.Sqrt(float64(c)/float64(maxCount)))
		binStart := t.first + int32(float64(i)/timelineBins*span)
		binEnd := t.first + int32(float64(i+1)/timelineBins*span) - 1
		col := timelineBar
		if binEnd >= t.from && binStart <= t.to {
			col = timelineBarIn
		}
		x0, x1 := int(float64(i)*bw), int(float64(i+1)*bw)-1 // a pixel's gap between bars
		x1 = max(x1, x0+1)
		stddraw.Draw(img, image.Rect(x0, h-int(math.Round(bh)), x1, h), image.NewUniform(col), image.Point{}, stddraw.Src)
	}
	return img
}

func (r *timelineRenderer) Layout(size fyne.Size) {
	t := r.t
	r.bg.Resize(size)
	histH := size.Height - timelineLabelHeight
	r.bars.Move(fyne.NewPos(0, 0))
	r.bars.Resize(fyne.NewSize(size.Width, histH))
	fx, tx := t.xOf(t.from), t.xOf(t.to)
	r.window.Move(fyne.NewPos(fx, 0))
	r.window.Resize(fyne.NewSize(max(2, tx-fx), histH))
	r.left.Move(fyne.NewPos(fx-2, 0))
	r.left.Resize(fyne.NewSize(4, histH))
	r.right.Move(fyne.NewPos(tx-2, 0))
	r.right.Resize(fyne.NewSize(4, histH))
	first, last := t.Span()
	r.first.Text, r.last.Text = FormatDate(first), FormatDate(last)
	r.first.Move(fyne.NewPos(2, histH))
	r.last.Move(fyne.NewPos(size.Width-2, histH))
}

func (r *timelineRenderer) MinSize() fyne.Size { return fyne.NewSize(300, 64) }

// Refresh lays the timeline out again and refreshes what changed: the
// window and its handles always, the bars' image and the dates when what
// they show changed (each refresh walks the window's tree in Fyne 2.7).
func (r *timelineRenderer) Refresh() {
	first, last := r.first.Text, r.last.Text
	r.Layout(r.t.Size())
	if st := r.state(); st != r.drawn {
		r.drawn = st
		r.bars.Refresh()
	}
	if r.first.Text != first || r.last.Text != last {
		r.first.Refresh()
		r.last.Refresh()
	}
	r.bg.Refresh()
	r.window.Refresh()
	r.left.Refresh()
	r.right.Refresh()
}

func (r *timelineRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *timelineRenderer) Destroy()                     {}

// FormatDate writes a date the way analysts read it: "9 Apr 2025".
func FormatDate(d data.Date) string {
	if d.IsZero() {
		return lang.L("no date")
	}
	return dayMonthYear(d)
}
