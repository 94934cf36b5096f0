package render

import (
	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/geo/draw"
)

// Label is a piece of text that wants a place on the map.
type Label struct {
	Text  string
	X, Y  float64 // the anchor point in device pixels; see draw.TextStyle.Anchor
	Style draw.TextStyle
	// Within, unless it is the zero Bound, is a bound the label's box must
	// fit inside, such as its country's projected bound.
	Within orb.Bound
	// Else are other places for the label, tried in order when it does
	// not fit at X, Y.
	Else []Spot
}

// Spot is one place a label may go: an anchor point and how the text
// hangs from it.
type Spot struct {
	X, Y   float64
	Anchor draw.Anchor
}

// Measurer measures text; every draw.Canvas is one.
type Measurer interface {
	MeasureText(s string, st draw.TextStyle) (w, h float64)
}

// Box is the bound the label covers when drawn, in device pixels, without
// its halo.
func (l Label) Box(m Measurer) orb.Bound {
	w, h := m.MeasureText(l.Text, l.Style)
	return l.boxOf(w, h)
}

// boxOf is Box for a text already measured w by h (the anchor does not
// change the size).
func (l Label) boxOf(w, h float64) orb.Bound {
	x0 := l.X - w/2
	switch l.Style.Anchor {
	case draw.AnchorLeft:
		x0 = l.X
	case draw.AnchorRight:
		x0 = l.X - w
	}
	return orb.Bound{Min: orb.Point{x0, l.Y - h/2}, Max: orb.Point{x0 + w, l.Y + h/2}}
}

// labelGap is the clear space kept around every placed box, in pixels.
const labelGap = 2

// PlaceLabels chooses, greedily and in the order given (most important
// first), the labels that can be drawn: a label is kept at the first of
// its spots (X, Y, then Else) where its box lies inside the w×h canvas and
// inside its Within bound, and does not come within labelGap pixels of a
// box kept before it or of any of the obstacles (such as capital dots).
// It returns the kept labels, in order, moved to the spot chosen, and
// their boxes.
func PlaceLabels(m Measurer, w, h int, labels []Label, obstacles []orb.Bound) ([]Label, []orb.Bound) {
	screen := orb.Bound{Max: orb.Point{float64(w), float64(h)}}
	placed := append([]orb.Bound(nil), obstacles...)
	var (
		kept  []Label
		boxes []orb.Bound
	)
	for _, l := range labels {
		if l.Text == "" {
			continue
		}
		spots := append([]Spot{{l.X, l.Y, l.Style.Anchor}}, l.Else...)
		tw, th := m.MeasureText(l.Text, l.Style) // once: every spot has the same size
		for _, sp := range spots {
			l.X, l.Y, l.Style.Anchor = sp.X, sp.Y, sp.Anchor
			box := l.boxOf(tw, th)
			if fits(box, screen, l.Within, placed) {
				placed = append(placed, box)
				kept = append(kept, l)
				boxes = append(boxes, box)
				break
			}
		}
	}
	return kept, boxes
}

// fits reports whether box lies inside screen and within (unless within
// is the zero Bound) and keeps labelGap pixels clear of every placed box.
func fits(box, screen, within orb.Bound, placed []orb.Bound) bool {
	if !inside(box, screen) || (within != orb.Bound{} && !inside(box, within)) {
		return false
	}
	grown := box.Pad(labelGap)
	for _, p := range placed {
		if grown.Intersects(p) {
			return false
		}
	}
	return true
}

// inside reports whether inner lies entirely inside outer.
func inside(inner, outer orb.Bound) bool {
	return inner.Min[0] >= outer.Min[0] && inner.Min[1] >= outer.Min[1] &&
		inner.Max[0] <= outer.Max[0] && inner.Max[1] <= outer.Max[1]
}
