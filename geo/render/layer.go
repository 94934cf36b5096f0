package render

import (
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
)

// Layer is one thing drawn on the map: the countries, the labels, the
// events. Draw must only read shared state: Map may call it from a
// background goroutine, and for an export at the same time as for the
// screen.
type Layer interface {
	Draw(c draw.Canvas, v geo.Viewport)
}

// LayerFunc adapts a function to a Layer.
type LayerFunc func(c draw.Canvas, v geo.Viewport)

// Draw calls f(c, v).
func (f LayerFunc) Draw(c draw.Canvas, v geo.Viewport) { f(c, v) }
