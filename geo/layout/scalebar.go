package layout

import (
	"fmt"
	"math"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/data/lang"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
)

// ScaleLength is the longest round length — 1, 2 or 5 times a power of
// ten kilometres (or metres below a kilometre) — whose bar is at most
// maxPixels long at metresPerPixel, and that bar's length in pixels.
func ScaleLength(metresPerPixel, maxPixels float64) (metres, pixels float64) {
	if !(metresPerPixel > 0) || !(maxPixels > 0) {
		return 0, 0
	}
	most := metresPerPixel * maxPixels
	pow := math.Pow(10, math.Floor(math.Log10(most)))
	for _, f := range []float64{5, 2, 1} {
		if f*pow <= most {
			metres = f * pow
			break
		}
	}
	return metres, metres / metresPerPixel
}

// scaleLabel writes a length in km, or m below a kilometre.
func scaleLabel(metres float64) string {
	if metres < 1000 {
		return lang.Current().Unit(metres, "m")
	}
	return lang.Current().Unit(metres/1000, "km")
}

// latitudeLabel writes a latitude as "14° N" or "3° S".
func latitudeLabel(lat float64) string {
	if lat < 0 {
		return fmt.Sprintf("%.0f° S", -lat)
	}
	return fmt.Sprintf("%.0f° N", lat)
}

// drawScaleBar draws, at the frame's bottom left, a bar of four
// alternating segments true at the viewport's centre latitude (Web
// Mercator stretches distances away from the equator), with its length
// and that latitude written above it.
func (p *Page) drawScaleBar(c draw.Canvas, v geo.Viewport) {
	u := p.Unit
	metres, length := ScaleLength(v.MetresPerPixel(), 180*u)
	if length < 1 {
		return
	}
	st := draw.TextStyle{Size: 12 * u, Colour: ColourInk, Anchor: draw.AnchorLeft}
	caption := lang.T("page.scale", scaleLabel(metres), latitudeLabel(v.Center[1]))
	cw, ch := c.MeasureText(caption, st)
	pad := 8 * u
	barH := 6 * u
	x0 := float64(p.Map.Min.X) + 12*u
	y1 := float64(p.Map.Max.Y) - 12*u
	p.panel(c, x0, y1-2*pad-ch-4*u-barH, x0+2*pad+math.Max(length, cw), y1)
	c.Text(x0+pad, y1-pad-barH-4*u-ch/2, caption, st)
	bx, by := x0+pad, y1-pad-barH
	for i := 0; i < 4; i++ {
		var seg draw.Path
		seg.AddRect(bx+length*float64(i)/4, by, bx+length*float64(i+1)/4, by+barH)
		fill := ColourInk
		if i%2 == 1 {
			fill = ColourPaper
		}
		c.FillPath(seg, fill)
	}
	var outline draw.Path
	outline.AddRect(bx, by, bx+length, by+barH)
	c.StrokePath(outline, u, ColourInk)
}

// drawNorthArrow draws an arrow pointing up with an N at the frame's top
// right: north is up everywhere on a Web Mercator map.
func (p *Page) drawNorthArrow(c draw.Canvas) {
	u := p.Unit
	st := draw.TextStyle{Size: 16 * u, Bold: true, Colour: ColourInk, Anchor: draw.AnchorCentre}
	_, th := c.MeasureText("N", st)
	w, h := 18*u, 24*u
	pad := 6 * u
	x1 := float64(p.Map.Max.X) - 12*u
	y0 := float64(p.Map.Min.Y) + 12*u
	x0 := x1 - w - 2*pad
	p.panel(c, x0, y0, x1, y0+2*pad+th+2*u+h)
	cx := (x0 + x1) / 2
	c.Text(cx, y0+pad+th/2, "N", st)
	top, bottom := y0+pad+th+2*u, y0+pad+th+2*u+h
	var left, right draw.Path
	left.AddRing(orb.Ring{{cx, top}, {cx - w/2, bottom}, {cx, bottom - h/4}, {cx, top}})
	right.AddRing(orb.Ring{{cx, top}, {cx + w/2, bottom}, {cx, bottom - h/4}, {cx, top}})
	c.FillPath(left, ColourInk)
	c.FillPath(right, ColourPaper)
	var edge draw.Path
	edge.AddRing(orb.Ring{{cx, top}, {cx + w/2, bottom}, {cx, bottom - h/4}, {cx - w/2, bottom}, {cx, top}})
	c.StrokePath(edge, u, ColourInk)
}
