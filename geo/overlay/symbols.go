package overlay

import (
	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/geo"
)

// Symbol is one symbol the event layer draws for a viewport: a single
// event's or a cluster's.
type Symbol struct {
	X, Y float64 // its centre, in device pixels
	Size float64 // its width, in device pixels
	// Events are the events it stands for, in the order given to
	// SetEvents; one for a single event's symbol.
	Events []*data.Event
}

// Symbols returns the symbols drawn for v whose centres lie in the view,
// in drawing order: what a page numbers and lists.
//
// When v holds too many events to draw as symbols and the layer draws
// their density instead (see Dense), it returns none.
func (l *EventLayer) Symbols(v geo.Viewport) []Symbol {
	lo := l.layout(v)
	if lo.cells != nil {
		return nil
	}
	w, h := v.PixelSize()
	var out []Symbol
	for i := range lo.symbols {
		s := &lo.symbols[i]
		if s.x < 0 || s.y < 0 || s.x > float64(w) || s.y > float64(h) {
			continue
		}
		out = append(out, Symbol{X: s.x, Y: s.y, Size: s.marker.Size, Events: lo.events(s)})
	}
	return out
}

// Dense reports whether the layer draws the density of its events for v
// rather than their symbols, and how many events that density counts.
func (l *EventLayer) Dense(v geo.Viewport) (events int, dense bool) {
	lo := l.layout(v)
	if lo.cells == nil {
		return 0, false
	}
	return int(lo.set.inView), true
}
