package ui

import (
	"image"
	"image/color"
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
	// Deferred, when set, says whether a moved window may wait for
	// ShowMoves to be drawn: the window defers while the timeline is
	// dragged or plays and calls ShowMoves with each map frame, so the
	// handles move with the map rather than at every pointer event or
	// tick besides it (each refresh repaints the whole window).
	Deferred func() bool
	moved    bool // the window moved since it was last drawn

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
	if t.Deferred != nil && t.Deferred() {
		t.moved = true
	} else {
		t.moved = false
		t.Refresh()
	}
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
func (t *Timeline) DragEnd() {
	t.drag = dragNone
	t.ShowMoves()
}

// ShowMoves draws the window where it is if a move of it was deferred
// (see Deferred).
func (t *Timeline) ShowMoves() {
	if t.moved {
		t.moved = false
		t.Refresh()
	}
}

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
	drawn       barsState   // what the bars image shows
	img         *image.RGBA // the bars image, drawn again in place when the state changes
}

// barsState is what the bars image depends on: a window moved within the
// same bars (a dragged handle, a playing timeline) leaves it as it is.
type barsState struct {
	size   fyne.Size
	counts [timelineBins]int
	in     [2]int // the first and last bar inside the window, highlighted
	first  int32
	last   int32
}

// state is what the bars image should show now.
func (r *timelineRenderer) state() barsState {
	t := r.t
	lo, hi := t.barsIn()
	return barsState{size: r.bars.Size(), counts: t.counts, in: [2]int{lo, hi}, first: t.first, last: t.last}
}

// barDays returns the first and last day bar i covers.
func (t *Timeline) barDays(i int) (start, end int32) {
	span := float64(t.last - t.first + 1)
	return t.first + int32(float64(i)/timelineBins*span), t.first + int32(float64(i+1)/timelineBins*span) - 1
}

// barsIn returns the first and last bar that overlap the window (lo > hi
// when none does).
func (t *Timeline) barsIn() (lo, hi int) {
	lo, hi = timelineBins, -1
	for i := range timelineBins {
		if start, end := t.barDays(i); end >= t.from && start <= t.to {
			lo, hi = min(lo, i), i
		}
	}
	return lo, hi
}

const timelineLabelHeight = 14

// drawBars draws the histogram's bars into a w×h image (device pixels),
// on a transparent ground: a square-root scale keeps single events
// visible beside busy months, and the bars inside the window are
// highlighted.
func (r *timelineRenderer) drawBars(w, h int) image.Image {
	// One image drawn again in place (the painter uploads it at once), and
	// RGBA, which the painter uploads without converting it.
	img := r.img
	if img == nil || img.Rect != image.Rect(0, 0, w, h) {
		img = image.NewRGBA(image.Rect(0, 0, w, h))
		r.img = img
	} else {
		clear(img.Pix)
	}
	t := r.t
	maxCount := 1
	for _, c := range t.counts {
		maxCount = max(maxCount, c)
	}
	bw := float64(w) / timelineBins
	lo, hi := t.barsIn()
	for i, c := range t.counts {
		if c == 0 {
			continue
		}
		bh := max(2*float64(h)/float64(max(1, r.bars.Size().Height)), float64(h)*math.Sqrt(float64(c)/float64(maxCount)))
		col := timelineBar
		if i >= lo && i <= hi {
			col = timelineBarIn
		}
		x0, x1 := int(float64(i)*bw), int(float64(i+1)*bw)-1 // a pixel's gap between bars
		x1 = max(x1, x0+1)
		fillRect(img, image.Rect(x0, h-int(math.Round(bh)), x1, h), col)
	}
	return img
}

// fillRect paints rect of img with the opaque colour c.
func fillRect(img *image.RGBA, rect image.Rectangle, c color.NRGBA) {
	rect = rect.Intersect(img.Rect)
	px := [4]uint8{c.R, c.G, c.B, c.A}
	for y := rect.Min.Y; y < rect.Max.Y; y++ {
		row := img.Pix[img.PixOffset(rect.Min.X, y):img.PixOffset(rect.Max.X, y)]
		for x := 0; x < len(row); x += 4 {
			copy(row[x:x+4], px[:])
		}
	}
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
