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
	p := newPlacer(w, h)
	for _, o := range obstacles {
		p.addBox(o)
	}
	var (
		kept  []Label
		boxes []orb.Bound
	)
	for _, l := range labels {
		if l.Text == "" {
			continue
		}
		tw, th := m.MeasureText(l.Text, l.Style) // once: every spot has the same size
		if placed, box, ok := p.spot(l, tw, th, false, nil); ok {
			p.addName(box)
			kept = append(kept, placed)
			boxes = append(boxes, box)
		}
	}
	return kept, boxes
}

// spot finds the first of l's spots (X, Y, then Else) where a tw×th box
// fits (see placer.fits) and, unless near is nil, near accepts it, trying
// first only spots no line crosses when avoidLines is set; it returns l
// moved there and its box.
func (p *placer) spot(l Label, tw, th float64, avoidLines bool, near func(orb.Bound) bool) (Label, orb.Bound, bool) {
	if avoidLines {
		if c, box, ok := p.spotPass(l, tw, th, true, near); ok {
			return c, box, true
		}
	}
	return p.spotPass(l, tw, th, false, near)
}

// spotPass is one pass of spot over l's spots: only spots no line
// crosses when clear is set.
func (p *placer) spotPass(l Label, tw, th float64, clear bool, near func(orb.Bound) bool) (Label, orb.Bound, bool) {
	for i := -1; i < len(l.Else); i++ {
		sp := Spot{l.X, l.Y, l.Style.Anchor}
		if i >= 0 {
			sp = l.Else[i]
		}
		c := l
		c.X, c.Y, c.Style.Anchor = sp.X, sp.Y, sp.Anchor
		box := c.boxOf(tw, th)
		if p.fits(box, l.Within) && (!clear || !p.crosses(box)) && (near == nil || near(box)) {
			return c, box, true
		}
	}
	return l, orb.Bound{}, false
}

// inside reports whether inner lies entirely inside outer.
func inside(inner, outer orb.Bound) bool {
	return inner.Min[0] >= outer.Min[0] && inner.Min[1] >= outer.Min[1] &&
		inner.Max[0] <= outer.Max[0] && inner.Max[1] <= outer.Max[1]
}
