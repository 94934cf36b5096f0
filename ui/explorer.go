package ui

import (
	"sync/atomic"

	"github.com/sahelatlas/sahelatlas/data"
)

// Explorer is what the analyst is looking at: the date window, the filters
// and the selected event. It holds no widgets; the window's panels read it
// and call its setters, and OnChange tells them to refresh. Use it on the
// UI goroutine only.
type Explorer struct {
	Data *data.Dataset

	From, To data.Date
	Filter   data.Filter
	Selected *data.Event

	// OnChange is called after any change, with what changed.
	OnChange func(c Change)

	selectedForDraw atomic.Pointer[data.Event] // Selected, for the render goroutine

	inWindow  []*data.Event // events in the window that pass the filter, by date; stale until listed
	stale     bool          // inWindow lags the window: a dragged timeline reaches the map first
	filtered  []*data.Event // events at any date that pass the filter; a new slice each time, never changed
	visits    []*data.Event // the visits with an origin among filtered; likewise
	undated   []*data.Event // events with no date on the calendar that pass the filter
	filterGen uint64        // counts the changes of filtered
	buf       []*data.Event
}

// Change says what part of the Explorer changed.
type Change int

// The parts of the Explorer that change.
const (
	ChangeWindow Change = 1 << iota
	ChangeFilter
	ChangeSelection
	// changePanels is a window change that already reached the map,
	// caught up with by the list and the date line.
	changePanels
)

// NewExplorer starts on the whole span of d's dated events with no filter.
func NewExplorer(d *data.Dataset) *Explorer {
	x := &Explorer{Data: d}
	x.From, x.To = x.Span()
	x.refilter()
	return x
}

// Span is the first start and the last end of the dated events, the
// window the map opens with (as snapshots use it).
func (x *Explorer) Span() (first, last data.Date) { return x.Data.Span() }

// SetData replaces the events (after an import, say), keeping the filter
// and the window; the selection is kept when the event is still there.
func (x *Explorer) SetData(d *data.Dataset) {
	x.Data = d
	if x.Selected != nil {
		if e := d.Event(x.Selected.ID); e != nil {
			x.Selected = e
		} else {
			x.Selected = nil
		}
		x.selectedForDraw.Store(x.Selected)
	}
	x.refilter()
	x.changed(ChangeWindow | ChangeFilter | ChangeSelection)
}

// InWindow returns the events in the window that pass the filter, by date.
func (x *Explorer) InWindow() []*data.Event {
	x.list()
	return x.inWindow
}

// Filtered returns the dated events at any date that pass the filter, for the histogram.
func (x *Explorer) Filtered() []*data.Event { return x.filtered }

// SetWindow changes the date window.
func (x *Explorer) SetWindow(from, to data.Date) {
	if from == x.From && to == x.To {
		return
	}
	x.From, x.To = from, to
	x.stale = true // listed when asked: the map needs only From and To
	x.changed(ChangeWindow)
}

// SetFilter changes the filter.
func (x *Explorer) SetFilter(f data.Filter) {
	x.Filter = f
	x.refilter()
	x.changed(ChangeFilter)
}

// ResetFilter clears every filter.
func (x *Explorer) ResetFilter() { x.SetFilter(data.Filter{}) }

// Select makes e the selected event (nil for none).
func (x *Explorer) Select(e *data.Event) {
	if e == x.Selected {
		return
	}
	x.Selected = e
	x.selectedForDraw.Store(e)
	x.changed(ChangeSelection)
}

// Undated returns the events that pass the filter but have no date on the
// calendar (the sources give none, or no year): no window holds them, so
// the list shows them after the window's events.
func (x *Explorer) Undated() []*data.Event { return x.undated }

// Listed returns what the event list shows: the window's events by date,
// then the undated ones.
func (x *Explorer) Listed() []*data.Event {
	if len(x.undated) == 0 {
		return x.InWindow()
	}
	w := x.InWindow()
	return append(w[:len(w):len(w)], x.undated...)
}

// FilterGen changes whenever Filtered does.
func (x *Explorer) FilterGen() uint64 { return x.filterGen }

// Visits returns the visits with an origin among Filtered.
func (x *Explorer) Visits() []*data.Event { return x.visits }

func (x *Explorer) refilter() {
	// New slices, not reused ones: the render goroutine may still hold the old.
	x.filtered, x.visits, x.undated = nil, nil, nil
	x.filterGen++
	match := x.Filter.Matcher()
	for _, e := range x.Data.Undated() {
		if match(e) {
			x.undated = append(x.undated, e)
		}
	}
	for _, e := range x.Data.Dated() {
		if match(e) {
			x.filtered = append(x.filtered, e)
			if e.Kind == data.KindVisit && e.Origin != "" {
				x.visits = append(x.visits, e)
			}
		}
	}
	x.rewindow()
}

// list lists the window's events if they lag the window.
func (x *Explorer) list() {
	if x.stale {
		x.rewindow()
	}
}

func (x *Explorer) rewindow() {
	x.stale = false
	if x.Filter.IsZero() {
		// No filter: the window's events are the list, with no copy (a
		// million of them is a step of the slider).
		x.inWindow = x.Data.AppendBetween(x.inWindow[:0], x.From, x.To)
		return
	}
	x.buf = x.Data.AppendBetween(x.buf[:0], x.From, x.To)
	x.inWindow = x.inWindow[:0]
	match := x.Filter.Matcher()
	for _, e := range x.buf {
		if match(e) {
			x.inWindow = append(x.inWindow, e)
		}
	}
}

func (x *Explorer) changed(c Change) {
	if x.OnChange != nil {
		x.OnChange(c)
	}
}

// NextEventAfter returns the first filtered event starting after day, or nil.
func (x *Explorer) NextEventAfter(day data.Date) *data.Event {
	for _, e := range x.filtered {
		if e.Start.After(day) {
			return e
		}
	}
	return nil
}

// PrevEventBefore returns the last filtered event starting before day, or nil.
func (x *Explorer) PrevEventBefore(day data.Date) *data.Event {
	for i := len(x.filtered) - 1; i >= 0; i-- {
		if x.filtered[i].Start.Before(day) {
			return x.filtered[i]
		}
	}
	return nil
}
