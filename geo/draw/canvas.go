package draw

import "image/color"

// Canvas is what every layer draws on, in device pixels (origin top-left,
// y down). Implementations: *Raster, *SVG and *PDF.
type Canvas interface {
	// Size is the drawable area in device pixels.
	Size() (w, h int)
	// FillPath fills every subpath of p, each closed implicitly, with the
	// nonzero winding rule. Build p with Path.AddPolygon so holes wind
	// against their outer ring and nonzero agrees with even-odd.
	FillPath(p Path, fill color.RGBA)
	// StrokePath draws each subpath of p as an open polyline of the given
	// width in device pixels (repeat the first point to close a ring).
	StrokePath(p Path, width float64, c color.RGBA)
	// Marker draws the symbol m centred on x, y.
	Marker(x, y float64, m Marker)
	// Text draws s at x, y placed according to st.Anchor.
	Text(x, y float64, s string, st TextStyle)
	// MeasureText is the width and height in device pixels of s set in st,
	// without its halo; the same in every backend.
	MeasureText(s string, st TextStyle) (w, h float64)
}

// Grouper is implemented by canvases that can name groups of drawing
// calls: SVG writes a <g id="...">, the others ignore groups. Use the
// BeginGroup and EndGroup functions rather than asserting it yourself.
type Grouper interface {
	BeginGroup(name string)
	EndGroup()
}

// BeginGroup opens a named group on c if c supports groups.
func BeginGroup(c Canvas, name string) {
	if g, ok := c.(Grouper); ok {
		g.BeginGroup(name)
	}
}

// EndGroup closes the group opened last by BeginGroup, if c supports groups.
func EndGroup(c Canvas) {
	if g, ok := c.(Grouper); ok {
		g.EndGroup()
	}
}
