package scene

import (
	"image"
	"slices"
	"strings"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/lang"
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
	marks  numberLayer              // the numbers of the events on the page laid out last
	last   layout.Options           // the options of the page drawn last
	once   bool                     // only one page is drawn: its base map is drawn on it directly (render.Map.RenderOnce)
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

// overlays are the layers drawn over the base map, bottom first: the
// time layers, the annotations, then the numbers of the page's events.
func (f *framer) overlays() []render.Layer {
	out := f.layers.Overlays()
	if f.notes != nil {
		out = append(out, f.notes)
	}
	if len(f.marks) > 0 {
		out = append(out, f.marks)
	}
	return out
}

// draw lays out and draws the page of from–to on c.
func (f *framer) draw(c draw.Canvas, from, to data.Date) (geo.Viewport, image.Rectangle) {
	page, v := f.page(c, from, to)
	overlays, legend := f.mapOverlays(c, page, v)
	m := render.LayerFunc(func(c draw.Canvas, v geo.Viewport) {
		if f.once {
			f.scene.Map.RenderOnce(c, v, overlays...)
		} else {
			f.scene.Map.RenderTo(c, v, overlays...)
		}
	})
	page.Draw(c, v, m, legend)
	f.last = page.Options
	return v, page.Map
}

// mapOverlays are the overlays of page's map, v, with the room its
// furniture takes (names keep clear of the legend), and its legend.
func (f *framer) mapOverlays(c draw.Canvas, page *layout.Page, v geo.Viewport) ([]render.Layer, []layout.LegendItem) {
	var legend []layout.LegendItem
	if f.opts.Layout.Hide&layout.Legend == 0 {
		legend = Legend(f.layers, f.notes, v)
	}
	return append(f.overlays(), reserved(page.Furniture(c, v, legend))), legend
}

// page sets the layers to from–to and lays out their page on c: the map's
// frame and viewport, fitted to the snapshot's bound, the numbers of the
// events drawn (f.marks) and their list, what the page leaves off, and the
// credits of the events in the frame. The list's panel and the footer take
// room from the map, which changes what it shows, so the page is laid out
// again with each; the panel's width does not depend on what it lists.
func (f *framer) page(c draw.Canvas, from, to data.Date) (*layout.Page, geo.Viewport) {
	events := f.set(from, to)
	f.marks = nil
	lo := f.opts.Layout
	if lo.Subtitle == "" {
		lo.Subtitle = layout.DateRange(from.Time(), to.Time())
	}
	lo.Events, lo.ListApart = nil, false
	fit := func() (*layout.Page, geo.Viewport) {
		page := layout.New(c, lo)
		return page, page.Fit(f.opts.Bound)
	}
	page, v := fit()
	if f.once {
		// The map's level of detail is made on the other core while the
		// page is laid out; the frame moves little from here on.
		go f.scene.Map.Prepare(v)
	}
	list := lo.Hide&layout.EventList == 0
	var tooMany string
	if list {
		var items []layout.ListItem
		if _, items, tooMany = f.numbered(v); len(items) > 0 {
			lo.Events = items
			if page, v = fit(); page.ListOverflow() > 0 && f.opts.Format == FormatPDF {
				lo.ListApart = true // dense: the list goes on pages of its own
				page, v = fit()
			}
		}
	}
	var notes []string
	if left := f.opts.omittedIn(f.scene, from, to, v.Bound()).Sentences(); len(left) > 0 {
		notes = append(notes, lang.T("page.notonmap", strings.Join(left, lang.T("page.notonmap.sep"))))
	}
	if tooMany != "" {
		notes = append(notes, tooMany+".")
	}
	lo.Note = strings.Join(notes, " ")
	if lo.Credits == "" && lo.Hide&layout.Credits == 0 {
		// The credits name the sources of the events in the frame.
		lo.Credits = Credits(f.scene.Data, events, v.Bound())
	}
	if lo.Note != "" || lo.Credits != f.opts.Layout.Credits {
		page, v = fit()
	}
	// Number what the final frame draws, and count the places of events
	// it leaves unnamed for lack of room. The panel keeps its width, but
	// a note naming other numbers may wrap otherwise and move the frame:
	// then number and count once more.
	for try := 0; try < 2; try++ {
		numbering := list && len(lo.Events) > 0
		if numbering {
			var marks []mark
			marks, lo.Events, _ = f.numbered(v)
			f.marks = numberLayer(marks)
			if len(lo.Events) == 0 {
				lo.ListApart = false
			}
		}
		note := notes
		overlays, _ := f.mapOverlays(c, page, v)
		if n := f.scene.Map.UnnamedPlaces(c, v, overlays...); n > 0 {
			note = append(slices.Clip(note), lang.Current().Plural("page.unnamed", n)+".")
		}
		if lo.Note = strings.Join(note, " "); !numbering && lo.Note == page.Options.Note {
			break // the page is as laid out
		}
		frame := page.Map
		page = layout.New(c, lo)
		if v = page.Fit(f.opts.Bound); page.Map == frame {
			break
		}
	}
	return page, v
}

// maxNumberedSymbols is the most symbols a page numbers: past it, numbers
// and a list would hide the map and run to pages no one reads.
const maxNumberedSymbols = 300

// numbered numbers the events of the symbols drawn for v (numberEvents);
// with more than maxNumberedSymbols symbols, none, and a sentence saying
// why for the page's note.
func (f *framer) numbered(v geo.Viewport) ([]mark, []layout.ListItem, string) {
	if n, dense := f.layers.Events.Dense(v); dense {
		return nil, nil, lang.T("page.list.dense", n)
	}
	syms := f.layers.Events.Symbols(v)
	if len(syms) > maxNumberedSymbols {
		n := 0
		for _, s := range syms {
			n += len(s.Events)
		}
		return nil, nil, lang.T("page.list.toomany", n, len(syms))
	}
	marks, items := numberEvents(f.scene.Data, syms)
	if crowded(marks, v) {
		return nil, nil, lang.T("page.list.crowded", len(items))
	}
	return marks, items, ""
}

// crowded reports whether more than a quarter of the numbers written for
// marks would overlap another: numbers piled on each other name nothing,
// so the page says to zoom in instead.
func crowded(marks []mark, v geo.Viewport) bool {
	boxes := numberLayer(marks).Occupied(v).Boxes
	over := 0
	for i, a := range boxes {
		for j, b := range boxes {
			if i != j && a.Intersects(b) {
				over++
				break
			}
		}
	}
	return over*4 > len(boxes)
}

// listPages draws, after a page drawn on the PDF c, the pages of its own
// the page's event list is on when it is too long for a panel.
func (f *framer) listPages(c *draw.PDF) {
	lo := f.last
	if !lo.ListApart || len(lo.Events) == 0 {
		return
	}
	parts := layout.ListPages(c, lo)
	for i, items := range parts {
		c.NewPage()
		layout.DrawListPage(c, lo, items, i+1, len(parts))
	}
}

// raster draws the page of from–to into a new image, through one Raster
// for all the pages of a series, which keeps its rendered markers, font
// faces and texts from page to page as the window's renderer does.
func (f *framer) raster(from, to data.Date) (*image.RGBA, geo.Viewport, image.Rectangle) {
	img := image.NewRGBA(image.Rect(0, 0, f.opts.Width, f.opts.Height))
	v, frame := f.rasterOn(img, from, to)
	return img, v, frame
}

// rasterOn draws the page of from–to onto img, as raster does.
func (f *framer) rasterOn(img *image.RGBA, from, to data.Date) (geo.Viewport, image.Rectangle) {
	if f.ras == nil {
		f.ras = draw.NewRaster(img)
		if f.once {
			f.ras.ReserveScratch()
		}
	}
	f.ras.SetImage(img)
	return f.draw(f.ras, from, to)
}
