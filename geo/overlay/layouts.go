package overlay

import "github.com/sahelatlas/sahelatlas/geo"

// layoutCache keeps a layer's layouts for its two most recent viewports
// (the screen's and an export's, say), so that a hit test sees what the
// last Draw for its viewport drew. The zero value is empty; the layer's
// mutex guards it.
type layoutCache[T any] struct {
	views [2]geo.Viewport
	vals  [2]T
	n     int
}

// get returns the layout for v, or the zero T.
func (c *layoutCache[T]) get(v geo.Viewport) T {
	for i := 0; i < c.n; i++ {
		if c.views[i] == v {
			return c.vals[i]
		}
	}
	var zero T
	return zero
}

// put makes val the layout for v, dropping the older of two.
func (c *layoutCache[T]) put(v geo.Viewport, val T) {
	c.views[1], c.vals[1] = c.views[0], c.vals[0]
	c.views[0], c.vals[0] = v, val
	c.n = min(c.n+1, 2)
}

// clear forgets every layout.
func (c *layoutCache[T]) clear() {
	*c = layoutCache[T]{}
}
