package ui

import (
	"image/color"
	"sync/atomic"

	"github.com/paulmach/orb"

	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
)

// extentLayer outlines on the live map what an exported page will show,
// while the Export dialog is open: the frame the briefer chose, widened to
// the page's proportions.
type extentLayer struct {
	bound atomic.Pointer[orb.Bound] // nil: nothing outlined
}

// The outline's colour and label.
var (
	extentColour = color.RGBA{0xd3, 0x54, 0x00, 0xff}
	extentHalo   = color.RGBA{0xff, 0xff, 0xff, 0xff}
)

// set outlines b; nil outlines nothing.
func (l *extentLayer) set(b *orb.Bound) { l.bound.Store(b) }

// Draw outlines the page's extent with its name at its top left corner,
// inside.
func (l *extentLayer) Draw(c draw.Canvas, v geo.Viewport) {
	b := l.bound.Load()
	if b == nil {
		return
	}
	x0, y0 := v.Project(orb.Point{b.Min[0], b.Max[1]})
	x1, y1 := v.Project(orb.Point{b.Max[0], b.Min[1]})
	s := v.DeviceScale()
	var r draw.Path
	r.AddRect(x0, y0, x1, y1)
	draw.BeginGroup(c, "page-extent")
	c.StrokePath(r, 5*s, extentHalo)
	c.StrokePath(r, 2.5*s, extentColour)
	c.Text(x0+6*s, y0+12*s, "Page extent", draw.TextStyle{Size: 13 * s, Bold: true, Colour: extentColour,
		Halo: extentHalo, HaloWidth: 2 * s, Anchor: draw.AnchorLeft})
	draw.EndGroup(c)
}
