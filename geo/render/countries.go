package render

import (
	"image/color"

	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
)

// seaLayer paints the whole canvas the sea's colour.
type seaLayer struct{}

// Draw fills the canvas with ColourSea.
func (seaLayer) Draw(c draw.Canvas, _ geo.Viewport) {
	w, h := c.Size()
	var p draw.Path
	p.AddRect(0, 0, float64(w), float64(h))
	c.FillPath(p, ColourSea)
}

// countriesLayer fills every country and draws borders and coastlines.
type countriesLayer struct {
	atlas *geo.Atlas
	style *style
}

// borderWidth is the width of borders and coastlines in logical pixels.
const borderWidth = 0.6

// fillCell is the side, in device pixels, of the grid that groups a
// colour's polygons into paths.
const fillCell = 256

// fillKey is one path of fills: a colour and a grid cell.
type fillKey struct {
	colour       color.RGBA
	cellX, cellY int
}

// Draw fills the countries, then strokes every ring as one path. Fills
// are grouped by colour and by the grid cell of each polygon's centre:
// one path per group keeps the number of calls small, while the raster
// backend's rasteriser, sized to a group's bound, stays near the size of
// the land it covers (one path per colour would make the neutral
// countries' rasteriser as large as the frame).
func (l *countriesLayer) Draw(c draw.Canvas, v geo.Viewport) {
	countries := l.atlas.Projected(v)
	var (
		order  []fillKey
		fills  = map[fillKey]*draw.Path{}
		border draw.Path
	)
	for _, pc := range countries {
		col := l.style.fill(pc.Country.Code)
		for _, poly := range pc.Polygons {
			if len(poly) == 0 {
				continue
			}
			b := poly[0].Bound()
			centre := b.Center()
			k := fillKey{col, int(centre[0]) / fillCell, int(centre[1]) / fillCell}
			p := fills[k]
			if p == nil {
				p = new(draw.Path)
				fills[k] = p
				order = append(order, k)
			}
			p.AddPolygon(poly)
			for _, ring := range poly {
				border.AddRing(ring)
			}
		}
	}
	draw.BeginGroup(c, "countries")
	for _, k := range order {
		c.FillPath(*fills[k], k.colour)
	}
	draw.EndGroup(c)
	draw.BeginGroup(c, "borders")
	c.StrokePath(border, borderWidth*v.DeviceScale(), ColourBorder)
	draw.EndGroup(c)
}
