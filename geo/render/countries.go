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

// Draw fills the countries, one path per colour so the raster backend
// runs one rasteriser per colour, then strokes every ring as one path.
func (l *countriesLayer) Draw(c draw.Canvas, v geo.Viewport) {
	countries := l.atlas.Projected(v)
	var (
		order  []color.RGBA
		fills  = map[color.RGBA]*draw.Path{}
		border draw.Path
	)
	for _, pc := range countries {
		col := l.style.fill(pc.Country.Code)
		p := fills[col]
		if p == nil {
			p = new(draw.Path)
			fills[col] = p
			order = append(order, col)
		}
		p.AddMultiPolygon(pc.Polygons)
		for _, poly := range pc.Polygons {
			for _, ring := range poly {
				border.AddRing(ring)
			}
		}
	}
	draw.BeginGroup(c, "countries")
	for _, col := range order {
		c.FillPath(*fills[col], col)
	}
	draw.EndGroup(c)
	draw.BeginGroup(c, "borders")
	c.StrokePath(border, borderWidth*scaleOf(v), ColourBorder)
	draw.EndGroup(c)
}

// scaleOf is the viewport's device pixels per logical pixel.
func scaleOf(v geo.Viewport) float64 {
	if v.Scale <= 0 {
		return 1
	}
	return v.Scale
}
