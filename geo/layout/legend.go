package layout

import (
	"math"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/data/lang"
	"github.com/sahelatlas/sahelatlas/geo/draw"
)

// drawLegend draws the items in a panel at the frame's bottom right, in
// as many columns as the frame's height needs.
func (p *Page) drawLegend(c draw.Canvas, items []LegendItem) {
	u := p.Unit
	head := draw.TextStyle{Size: 14 * u, Bold: true, Colour: ColourInk, Anchor: draw.AnchorLeft}
	st := draw.TextStyle{Size: 12 * u, Colour: ColourInk, Anchor: draw.AnchorLeft}
	pad, rowH, swatch, gap := 8*u, 20*u, 24*u, 6*u
	_, hh := c.MeasureText(lang.T("page.legend"), head)
	room := 0.8*float64(p.Map.Dy()) - 2*pad - hh - gap
	perColumn := max(1, int(room/rowH))
	columns := (len(items) + perColumn - 1) / perColumn
	rows := min(len(items), perColumn)
	widths := make([]float64, columns)
	for i, it := range items {
		w, _ := c.MeasureText(it.Label, st)
		widths[i/perColumn] = math.Max(widths[i/perColumn], swatch+gap+w)
	}
	total := 0.0
	for _, w := range widths {
		total += w
	}
	total += float64(columns-1) * 2 * pad
	hw, _ := c.MeasureText(lang.T("page.legend"), head)
	boxW := math.Max(total, hw) + 2*pad
	boxH := 2*pad + hh + gap + float64(rows)*rowH
	x1 := float64(p.Map.Max.X) - 12*u
	y1 := float64(p.Map.Max.Y) - 12*u
	x0, y0 := x1-boxW, y1-boxH
	p.panel(c, x0, y0, x1, y1)
	c.Text(x0+pad, y0+pad+hh/2, lang.T("page.legend"), head)
	colX := x0 + pad
	for col := 0; col < columns; col++ {
		for r := 0; r < perColumn; r++ {
			i := col*perColumn + r
			if i >= len(items) {
				break
			}
			it := items[i]
			cy := y0 + pad + hh + gap + (float64(r)+0.5)*rowH
			cx := colX + swatch/2
			if it.Marker.Size > 0 {
				m := it.Marker
				if m.OutlineWidth <= 0 && m.Outline.A > 0 {
					m.OutlineWidth = 1
				}
				m.Size *= u
				m.OutlineWidth *= u
				c.Marker(cx, cy, m)
			} else {
				c.StrokePath(draw.Path{orb.LineString{{colX, cy}, {colX + swatch, cy}}}, 3*u, it.Line)
			}
			c.Text(colX+swatch+gap, cy, it.Label, st)
		}
		colX += widths[col] + 2*pad
	}
}
