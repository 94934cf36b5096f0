package scene

import (
	"image"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
	"github.com/sahelatlas/sahelatlas/geo/layout"
	"github.com/sahelatlas/sahelatlas/geo/overlay"
	"github.com/sahelatlas/sahelatlas/geo/render"
)

// framer draws the pages of one snapshot for any date window: it feeds the
// layers and lays out the page around the map, which the scene's renderer
// draws with render.Map.RenderTo as it draws the window's frames.
type framer struct {
	scene  *Scene
	opts   Snapshot
	layers *Layers
	notes  *overlay.AnnotationLayer // nil without annotations
	ras    *draw.Raster             // draws raster pages; see raster
}

// newFramer makes the layers of o.
func newFramer(s *Scene, o Snapshot) (*framer, error) {
	l, err := s.NewLayers(o.To)
	if err != nil {
		return nil, err
	}
	l.ShowRelations, l.ShowVisits = !o.HideRelations, !o.HideVisits
	l.SetActor(o.Actor)
	f := &framer{scene: s, opts: o, layers: l}
	if len(o.Annotations) > 0 {
		f.notes = overlay.NewAnnotationLayer()
		f.notes.SetAnnotations(o.Annotations)
	}
	return f, nil
}

// set gives the layers the events of from–to, as the window does, and
// returns them.
func (f *framer) set(from, to data.Date) []*data.Event {
	events := f.scene.Data.Query(from, to, f.opts.Filter)
	f.layers.Set(events, from, to)
	if f.notes != nil {
		f.notes.SetWindow(from, to)
	}
	return events
}

// overlays are the layers drawn over the base map, bottom first.
func (f *framer) overlays() []render.Layer {
	out := f.layers.Overlays()
	if f.notes != nil {
		out = append(out, f.notes)
	}
	return out
}

// draw lays out and draws the page of from–to on c.
func (f *framer) draw(c draw.Canvas, from, to data.Date) (geo.Viewport, image.Rectangle) {
	page, v := f.page(c, from, to)
	overlays := f.overlays()
	var legend []layout.LegendItem
	if f.opts.Layout.Hide&layout.Legend == 0 {
		legend = Legend(f.layers, f.notes, v)
	}
	overlays = append(overlays, reserved(page.Furniture(c, v, legend))) // names keep clear of the legend
	m := render.LayerFunc(func(c draw.Canvas, v geo.Viewport) { f.scene.Map.RenderTo(c, v, overlays...) })
	page.Draw(c, v, m, legend)
	return v, page.Map
}

// page sets the layers to from–to and lays out their page on c: the map's
// frame and viewport, fitted to the snapshot's bound.
func (f *framer) page(c draw.Canvas, from, to data.Date) (*layout.Page, geo.Viewport) {
	events := f.set(from, to)
	lo := f.opts.Layout
	if lo.Subtitle == "" {
		lo.Subtitle = layout.DateRange(from.Time(), to.Time())
	}
	page := layout.New(c, lo)
	v := page.Fit(f.opts.Bound)
	if lo.Credits == "" && lo.Hide&layout.Credits == 0 {
		// The credits name the sources of the events in the frame, which
		// the credits' own lines may shrink: lay out once more with them.
		lo.Credits = Credits(f.scene.Data, events, v.Bound())
		page = layout.New(c, lo)
		v = page.Fit(f.opts.Bound)
	}
	return page, v
}

// raster draws the page of from–to into a new image, through one Raster
// for all the pages of a series, which keeps its rendered markers, font
// faces and texts from page to page as the window's renderer does.
func (f *framer) raster(from, to data.Date) (*image.RGBA, geo.Viewport, image.Rectangle) {
	img := image.NewRGBA(image.Rect(0, 0, f.opts.Width, f.opts.Height))
	if f.ras == nil {
		f.ras = draw.NewRaster(img)
	}
	f.ras.SetImage(img)
	v, frame := f.draw(f.ras, from, to)
	return img, v, frame
}
