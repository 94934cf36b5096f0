package layout

import (
	"image/color"
	"math"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
)

// Furniture returns the boxes the scale bar, the north arrow and the
// legend of items will cover when Draw draws the page for v, in the map
// frame's own device pixels (its top-left corner is 0, 0), each one not
// hidden: the map places its names clear of them, so that no name, and no
// far end of a line leaving the frame, is drawn under the legend. m
// measures text as the page's canvas does.
func (p *Page) Furniture(m draw.Canvas, v geo.Viewport, legend []LegendItem) []orb.Bound {
	var out []orb.Bound
	add := func(draw func(c draw.Canvas)) {
		b := &bounder{m: m}
		draw(b)
		if b.any {
			r := b.b.Pad(2 * p.Unit)
			dx, dy := float64(p.Map.Min.X), float64(p.Map.Min.Y)
			out = append(out, orb.Bound{Min: orb.Point{r.Min[0] - dx, r.Min[1] - dy}, Max: orb.Point{r.Max[0] - dx, r.Max[1] - dy}})
		}
	}
	if p.Options.shows(ScaleBar) {
		add(func(c draw.Canvas) { p.drawScaleBar(c, v) })
	}
	if p.Options.shows(NorthArrow) {
		add(p.drawNorthArrow)
	}
	if p.Options.shows(Legend) && len(legend) > 0 {
		add(func(c draw.Canvas) { p.drawLegend(c, legend) })
	}
	return out
}

// bounder is a canvas that draws nothing and keeps the bound of what it
// was given to draw, measuring text with m.
type bounder struct {
	m   draw.Canvas
	b   orb.Bound
	any bool
}

func (b *bounder) extend(r orb.Bound) {
	if math.IsNaN(r.Min[0]) || math.IsNaN(r.Max[0]) {
		return
	}
	if !b.any {
		b.b, b.any = r, true
		return
	}
	b.b = b.b.Union(r)
}

func (b *bounder) Size() (int, int) { return b.m.Size() }

func (b *bounder) FillPath(p draw.Path, _ color.RGBA) {
	for _, r := range p {
		if len(r) > 0 {
			b.extend(r.Bound())
		}
	}
}

func (b *bounder) StrokePath(p draw.Path, width float64, _ color.RGBA) {
	for _, r := range p {
		if len(r) > 0 {
			b.extend(r.Bound().Pad(width / 2))
		}
	}
}

func (b *bounder) Marker(x, y float64, mk draw.Marker) {
	r := (mk.Size + mk.OutlineWidth) / 2
	b.extend(orb.Bound{Min: orb.Point{x - r, y - r}, Max: orb.Point{x + r, y + r}})
}

func (b *bounder) Text(x, y float64, s string, st draw.TextStyle) {
	w, h := b.m.MeasureText(s, st)
	x0 := x - w/2
	switch st.Anchor {
	case draw.AnchorLeft:
		x0 = x
	case draw.AnchorRight:
		x0 = x - w
	}
	b.extend(orb.Bound{Min: orb.Point{x0, y - h/2}, Max: orb.Point{x0 + w, y + h/2}})
}

func (b *bounder) MeasureText(s string, st draw.TextStyle) (float64, float64) {
	return b.m.MeasureText(s, st)
}
