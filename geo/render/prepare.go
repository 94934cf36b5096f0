package render

import "github.com/sahelatlas/sahelatlas/geo"

// Prepare makes ready, on the calling goroutine, what drawing the map of v
// reads that is made once and kept: the rivers' level of detail for v's
// zoom, decoded and converted to world units. A snapshot calls it on a
// goroutine of its own while it lays its page out, so that the first draw
// finds it made; calling it is never needed, and a later draw of another
// zoom makes its own level.
func (m *Map) Prepare(v geo.Viewport) {
	for _, l := range m.base {
		if r, ok := l.(*riversLayer); ok {
			r.level(v.Zoom)
		}
	}
}
