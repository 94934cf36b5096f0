package render

import (
	"slices"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/geo"
)

// placement is the names placed in one w×h frame of a viewport, for one
// label set and what the overlays occupied: a page counts its unnamed
// places (UnnamedPlaces) and then draws the same frame (RenderTo), and
// the names would be placed twice alike. It is never changed once made.
// Only a count's placement is kept: a frame drawn is not drawn again
// alike, and keeping, copying and comparing every frame's occupancy
// would cost the window's frames for nothing.
type placement struct {
	view    geo.Viewport
	w, h    int
	labels  *labelSet // the language is the label set's
	occ     []Occupancy
	names   []placed
	unnamed int
}

// placed returns the names of the placement made last when it was made
// for the same frame, labels and occupancy, or nil.
func (m *Map) placed(v geo.Viewport, w, h int, ls *labelSet, occ []Occupancy) *placement {
	m.mu.Lock()
	pl := m.placement
	m.mu.Unlock()
	if pl == nil || pl.view != v || pl.w != w || pl.h != h || pl.labels != ls || !sameOccupancy(pl.occ, occ) {
		return nil
	}
	return pl
}

// keepPlacement remembers pl as the placement made last, with a copy of
// its occupancy (an overlay may reuse what it returned for the next
// frame); nil forgets the one kept.
func (m *Map) keepPlacement(pl *placement) {
	if pl != nil {
		pl.occ = cloneOccupancy(pl.occ)
	}
	m.mu.Lock()
	m.placement = pl
	m.mu.Unlock()
}

// sameOccupancy reports whether a and b cover the same boxes and lines and
// ask for the same names, in the same order.
func sameOccupancy(a, b []Occupancy) bool {
	return slices.EqualFunc(a, b, func(x, y Occupancy) bool {
		return slices.Equal(x.Boxes, y.Boxes) && slices.Equal(x.Names, y.Names) &&
			slices.EqualFunc(x.Lines, y.Lines, func(p, q orb.LineString) bool { return slices.Equal(p, q) })
	})
}

// cloneOccupancy is a deep copy of occ.
func cloneOccupancy(occ []Occupancy) []Occupancy {
	out := make([]Occupancy, len(occ))
	for i, o := range occ {
		out[i] = Occupancy{Boxes: slices.Clone(o.Boxes), Names: slices.Clone(o.Names), Lines: make([]orb.LineString, len(o.Lines))}
		for j, l := range o.Lines {
			out[i].Lines[j] = slices.Clone(l)
		}
	}
	return out
}
