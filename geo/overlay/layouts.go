package overlay

import "github.com/sahelatlas/sahelatlas/geo"

// layoutCache keeps a layer's layouts for its two most recent viewports
// (the screen's and an export's, say), so that a hit test sees what the
// last Draw for its viewport drew. The zero value is empty. It has no lock
// of its own: the layer's mutex guards it together with the state its
// layouts are made from, so that clearing it and changing that state are
// one step.
type layoutCache[T any] struct {
	views [2]geo.Viewport
	vals  [2]T
	n     int
}

// get returns the layout for v, making it with build(v) and keeping it,
// in place of the older of two, when it is not cached. The layer's mutex
// is held.
func (c *layoutCache[T]) get(v geo.Viewport, build func(geo.Viewport) T) T {
	for i := 0; i < c.n; i++ {
		if c.views[i] == v {
			return c.vals[i]
		}
	}
	val := build(v)
	c.views[1], c.vals[1] = c.views[0], c.vals[0]
	c.views[0], c.vals[0] = v, val
	c.n = min(c.n+1, 2)
	return val
}

// clear forgets every layout; the layer's mutex is held.
func (c *layoutCache[T]) clear() {
	*c = layoutCache[T]{}
}
