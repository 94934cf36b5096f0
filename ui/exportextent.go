package ui

import (
	"image"
	"math"

	"github.com/paulmach/orb"

	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
	"github.com/sahelatlas/sahelatlas/geo/layout"
	"github.com/sahelatlas/sahelatlas/geo/scene"
)

// allElements hides every element of a page but its map.
const allElements = layout.Title | layout.Subtitle | layout.Legend | layout.ScaleBar | layout.NorthArrow |
	layout.Credits | layout.Caveat | layout.MadeAt | layout.EventList

// pageExtent is the lon/lat extent the page page (the Export dialog's
// choices) shows: the frame the briefer chose, widened to the page's
// proportions.
func pageExtent(sc *scene.Scene, page scene.Snapshot) (orb.Bound, error) {
	page, err := page.Complete(sc, "")
	if err != nil {
		return orb.Bound{}, err
	}
	v, err := scene.PageView(sc, page)
	if err != nil {
		return orb.Bound{}, err
	}
	return v.Bound(), nil
}

// pageOverview draws the map around extent, w×h pixels, with extent
// outlined: what the Export dialog shows of the page on the live map. The
// map is drawn as the page's is (layers, dates, filters), with no title,
// legend or credits.
func pageOverview(sc *scene.Scene, page scene.Snapshot, extent orb.Bound, w, h int) (*image.RGBA, error) {
	o := page
	o.Format, o.Paper, o.Width, o.Height, o.Every, o.WorldFile = scene.FormatPNG, "", w, h, "", false
	o.Layout = layout.Options{Hide: allElements}
	pad := 0.2 * math.Max(extent.Max[0]-extent.Min[0], extent.Max[1]-extent.Min[1])
	o.Bound = orb.Bound{
		Min: orb.Point{math.Max(extent.Min[0]-pad, -180), math.Max(extent.Min[1]-pad, -geo.MaxLatitude)},
		Max: orb.Point{math.Min(extent.Max[0]+pad, 180), math.Min(extent.Max[1]+pad, geo.MaxLatitude)},
	}
	o, err := o.Complete(sc, "")
	if err != nil {
		return nil, err
	}
	img, err := scene.Render(sc, o)
	if err != nil {
		return nil, err
	}
	v, frame, err := scene.PageFrame(sc, o)
	if err != nil {
		return nil, err
	}
	x0, y0 := v.Project(orb.Point{extent.Min[0], extent.Max[1]})
	x1, y1 := v.Project(orb.Point{extent.Max[0], extent.Min[1]})
	dx, dy := float64(frame.Min.X), float64(frame.Min.Y)
	var r draw.Path
	r.AddRect(x0+dx, y0+dy, x1+dx, y1+dy)
	c := draw.NewRaster(img)
	c.StrokePath(r, 5, extentHalo)
	c.StrokePath(r, 2.5, extentColour)
	return img, nil
}
