package ui

import (
	"fmt"
	"image"
	"image/color"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
	"github.com/sahelatlas/sahelatlas/geo/layout"
	"github.com/sahelatlas/sahelatlas/geo/overlay"
	"github.com/sahelatlas/sahelatlas/geo/render"
	"github.com/sahelatlas/sahelatlas/geo/scene"
)

// selectionLayer rings the selected event on the map.
type selectionLayer struct{ x *Explorer }

// selectionRing is the marker drawn around the selected event.
var selectionRing = draw.Marker{Shape: draw.Circle, Size: 26, Outline: color.RGBA{0xff, 0x00, 0x90, 0xff}, OutlineWidth: 3}

func (l selectionLayer) Draw(c draw.Canvas, v geo.Viewport) {
	// Read on the render goroutine: Selected is a pointer swapped on the UI
	// goroutine, and the layer is redrawn after every change.
	e := l.x.selectedForDraw.Load()
	if e == nil {
		return
	}
	x, y := v.Project(e.At())
	m := selectionRing
	s := v.DeviceScale()
	m.Size *= s
	m.OutlineWidth *= s
	c.Marker(x, y, m)
}

// overlays is the layers drawn over the base map, in order.
func (ui *Window) overlays() []render.Layer {
	out := ui.Layers.Overlays()
	if ui.showNote && ui.Notes != nil {
		out = append(out, ui.Notes.Layer)
	}
	out = append(out, selectionLayer{ui.Explorer})
	if ui.extent != nil {
		out = append(out, ui.extent)
	}
	return out
}

// layerState is what the time layers should show: handed from the UI
// goroutine to the render goroutine, which applies it before its next
// frame, so dragging the slider over 100,000 events never lays out symbols
// on the UI thread. Its slices are never changed once handed over.
type layerState struct {
	layers    scene.Layers  // the window's layers: a copy of the struct, the layers themselves shared (each locks its own state)
	filtered  []*data.Event // every dated event that passes the filters
	filterGen uint64        // changes whenever filtered does
	visits    []*data.Event // the visits among filtered, for arcs and itineraries
	from, to  data.Date
	actor     string
	overlays  []render.Layer
	mark      bool // the frame log marks the first frame drawn from this state
}

// sceneRenderer is the map's FrameRenderer: it applies the newest layer
// state, then renders into a recycled image with render.Map.RenderTo, the
// call every export makes too. Older states that were never
// drawn are dropped.
type sceneRenderer struct {
	m       *render.Map
	pending atomic.Pointer[layerState]
	spare   chan *image.RGBA           // frames no longer on screen, to draw into again
	marked  atomic.Pointer[image.RGBA] // the frame drawn from a state with mark set

	// Only the render goroutine touches these fields. The layers in
	// layers are shared with the window, which hit-tests them (each
	// locks its own state).
	layers    scene.Layers
	filterGen uint64
	actor     string
	overlays  []render.Layer
	raster    *draw.Raster // keeps its rendered markers, texts and buffers from frame to frame
}

func newSceneRenderer(m *render.Map) *sceneRenderer {
	return &sceneRenderer{m: m, spare: make(chan *image.RGBA, 2)}
}

// Render implements FrameRenderer; it runs on the render goroutine. A
// slider step with the filters unchanged only moves the event layer's
// window (EventLayer.SetWindow, which reads no event).
func (r *sceneRenderer) Render(v geo.Viewport) *image.RGBA {
	st := r.pending.Swap(nil)
	if st != nil {
		if st.layers.Events != r.layers.Events { // a new set of layers (new data)
			r.layers, r.filterGen, r.actor = st.layers, 0, ""
		}
		l := &r.layers
		if st.filterGen != r.filterGen {
			l.Events.SetEvents(st.filtered, st.from, st.to)
			r.filterGen = st.filterGen
		} else {
			l.Events.SetWindow(st.from, st.to)
		}
		l.Visits.SetEvents(st.visits, st.from, st.to)
		l.Relations.SetDate(st.to)
		if st.actor != r.actor {
			l.Itinerary.SetActor(st.actor)
			r.actor = st.actor
		}
		if st.actor != "" {
			l.Itinerary.SetEvents(st.visits, st.from, st.to)
		}
		r.overlays = st.overlays
	}
	var dst *image.RGBA
	select {
	case dst = <-r.spare:
	default:
	}
	w, h := v.PixelSize()
	if dst == nil || dst.Rect != image.Rect(0, 0, w, h) {
		dst = image.NewRGBA(image.Rect(0, 0, w, h))
	}
	if r.raster == nil {
		r.raster = draw.NewRaster(dst)
	}
	r.raster.SetImage(dst)
	r.m.RenderTo(r.raster, v, r.overlays...)
	if st != nil && st.mark {
		r.marked.Store(dst)
	}
	return dst
}

// takeMark reports whether img is the frame drawn from a state with
// mark set, forgetting it.
func (r *sceneRenderer) takeMark(img image.Image) bool {
	m := r.marked.Load()
	return m != nil && image.Image(m) == img && r.marked.CompareAndSwap(m, nil)
}

// Recycle takes back a frame that is no longer on screen.
func (r *sceneRenderer) Recycle(img *image.RGBA) {
	select {
	case r.spare <- img:
	default:
	}
}

// updateLayers hands the events in the window to the map's layers and asks
// for a new frame.
func (ui *Window) updateLayers() {
	x := ui.Explorer
	actor := ""
	if len(x.Filter.Actors) == 1 {
		if a := x.Data.Actor(x.Filter.Actors[0]); a != nil && a.Kind == data.ActorPerson {
			actor = a.ID // follow one person's visits as an itinerary
		}
	}
	ui.Layers.Actor = actor
	ui.frames.pending.Store(&layerState{
		layers:   *ui.Layers,
		filtered: x.Filtered(), filterGen: x.FilterGen(), visits: x.Visits(),
		from: x.From, to: x.To, actor: actor,
		overlays: ui.overlays(), mark: ui.markEvents,
	})
	ui.markEvents = false
	ui.Map.Redraw()
}

// mapHover shows what is under the pointer: the country drawn there (see
// geo.Atlas.DrawnAt) and the coordinates in the status bar, and a tooltip for an event, a cluster, a visit arc or
// a relation line.
func (ui *Window) mapHover(p orb.Point, x, y float64, pos fyne.Position) {
	name := lang.L("sea")
	if c := ui.Atlas.DrawnAt(ui.Map.View(), p); c != nil {
		name = countryIn(c.Code, c.Name)
	}
	ui.Coords.SetText(fmt.Sprintf("%s · %s", name, FormatLonLat(p)))
	h := ui.Layers.HitTest(ui.Map.View(), x, y)
	if !h.OK() {
		ui.tip.hide()
		return
	}
	ui.tip.show(ui.describeHit(h), pos, ui.Map.Size())
}

// clusterTipEvents is how many events a cluster's tooltip lists before
// counting the rest.
const clusterTipEvents = 6

// placeNote is what a tooltip adds to an event drawn where its sources
// give no place, as the dotted ring around its symbol says.
func placeNote(e *data.Event) string {
	if overlay.PlaceInferred(e) {
		return lang.L(" (place inferred)")
	}
	return ""
}

// describeHit is the tooltip text for what a hit test found.
func (ui *Window) describeHit(h overlay.Hit) string {
	d := ui.Explorer.Data
	switch h.Kind {
	case overlay.HitEvent:
		e := h.Events[0]
		return EventDate(e) + "\n" + eventTitle(e) + placeNote(e)
	case overlay.HitCluster:
		lines := []string{fmt.Sprintf(lang.L("%d events — click to zoom in"), len(h.Events))}
		for i, e := range h.Events {
			if i == clusterTipEvents {
				lines = append(lines, fmt.Sprintf(lang.L("… and %d more"), len(h.Events)-i))
				break
			}
			lines = append(lines, EventDate(e)+" · "+eventTitle(e)+placeNote(e))
		}
		return strings.Join(lines, "\n")
	case overlay.HitArc, overlay.HitStop:
		var lines []string
		for _, e := range h.Events {
			who := actorNames(d, e)
			from := "?"
			if p := d.Place(e.Origin); p != nil {
				from = p.Name
			}
			to := "?"
			if p := d.Place(e.Place); p != nil {
				to = p.Name
			}
			stop := ""
			if h.Kind == overlay.HitStop && h.Stop > 0 {
				stop = fmt.Sprintf(lang.L("Stop %d: "), h.Stop)
			}
			lines = append(lines, fmt.Sprintf("%s%s: %s → %s, %s", stop, who, from, to, EventDate(e)))
		}
		return strings.Join(lines, "\n")
	case overlay.HitRelation:
		if h.Relation != nil {
			return fmt.Sprintf(lang.L("%s – %s: %s on %s"), ui.countryName(h.Relation.Countries[0]),
				ui.countryName(h.Relation.Countries[1]), statusName(h.Status), FormatDate(ui.Explorer.To))
		}
	}
	return ""
}

func actorNames(d *data.Dataset, e *data.Event) string {
	var names []string
	for _, id := range e.Actors {
		if a := d.Actor(id); a != nil && a.Kind == data.ActorPerson {
			names = append(names, a.Name)
		}
	}
	if len(names) == 0 {
		for _, id := range e.Actors {
			if a := d.Actor(id); a != nil {
				names = append(names, a.Name)
			}
		}
	}
	if len(names) > 3 {
		names = append(names[:3], "…")
	}
	return strings.Join(names, ", ")
}

// mapTapped selects the event under the pointer, zooms into a cluster (or
// lists its events when the map cannot zoom further), or clears the selection.
func (ui *Window) mapTapped(p orb.Point, x, y float64) {
	if ui.Notes.tapped(p, x, y) {
		return
	}
	v := ui.Map.View()
	h := ui.Layers.HitTest(v, x, y)
	switch h.Kind {
	case overlay.HitEvent, overlay.HitArc, overlay.HitStop:
		ui.Explorer.Select(h.Events[0])
	case overlay.HitCluster:
		if v.Zoom+2 <= MaxZoom && !samePlace(h.Events) {
			s := v.DeviceScale()
			ui.Map.zoomAt(fyne.NewPos(float32(h.X/s), float32(h.Y/s)), 4)
			return
		}
		ui.listCluster(h.Events, fyne.NewPos(float32(x/v.DeviceScale()), float32(y/v.DeviceScale())))
	default:
		ui.Explorer.Select(nil)
	}
}

// samePlace reports whether every event happened at one point, so zooming
// in will never split their cluster.
func samePlace(events []*data.Event) bool {
	for _, e := range events[1:] {
		if e.At() != events[0].At() {
			return false
		}
	}
	return true
}

// listCluster shows a cluster's events in a menu to pick one.
func (ui *Window) listCluster(events []*data.Event, at fyne.Position) {
	var items []*fyne.MenuItem
	for i, e := range events {
		if i == 30 {
			items = append(items, fyne.NewMenuItem(fmt.Sprintf(lang.L("… and %d more (see the list)"), len(events)-30), nil))
			break
		}
		items = append(items, fyne.NewMenuItem(EventLine(e), func() { ui.Explorer.Select(e) }))
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(ui.Map).Add(at)
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), ui.Win.Canvas(), pos)
}

// tooltip is a small label that follows the pointer over the map. It is
// made of canvas objects only, so it never takes the map's mouse events.
type tooltip struct {
	bg    *canvas.Rectangle
	lines *fyne.Container
	box   *fyne.Container
}

func newTooltip() *tooltip {
	t := &tooltip{bg: canvas.NewRectangle(color.NRGBA{0x20, 0x20, 0x20, 0xe8}), lines: container.NewWithoutLayout()}
	t.box = container.NewWithoutLayout(t.bg, t.lines)
	t.box.Hide()
	return t
}

// show shows text beside the pointer at, below and to its right, or
// above or to its left where it would run out of area (the map's size),
// so that a cluster's long list stays in view on a small screen.
func (t *tooltip) show(text string, at fyne.Position, area fyne.Size) {
	t.lines.RemoveAll()
	var w, y float32 = 0, 4
	for _, line := range strings.Split(text, "\n") {
		c := canvas.NewText(line, color.White)
		c.TextSize = 12
		s := c.MinSize()
		c.Move(fyne.NewPos(6, y))
		c.Resize(s)
		t.lines.Add(c)
		w, y = max(w, s.Width), y+s.Height
	}
	size := fyne.NewSize(w+12, y+4)
	t.bg.Resize(size)
	pos := at.Add(fyne.NewPos(14, 14))
	if area.Width > 0 && pos.X+size.Width > area.Width {
		pos.X = max(0, min(at.X-14-size.Width, area.Width-size.Width))
	}
	if area.Height > 0 && pos.Y+size.Height > area.Height {
		pos.Y = max(0, at.Y-14-size.Height)
	}
	t.box.Move(pos)
	t.box.Show()
	t.box.Refresh()
}

func (t *tooltip) hide() {
	if t.box.Visible() {
		t.box.Hide()
	}
}

// legendIcon draws a marker into a small image through the same drawing
// path as the map, so the legend shows exactly the map's symbols.
func legendIcon(m draw.Marker) *canvas.Image {
	const size = 20
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	draw.NewRaster(img).Marker(size/2, size/2, m)
	c := canvas.NewImageFromImage(img)
	c.FillMode = canvas.ImageFillOriginal
	c.SetMinSize(fyne.NewSize(size, size))
	return c
}

func legendLine(c color.RGBA) *canvas.Image {
	img := image.NewRGBA(image.Rect(0, 0, 24, 20))
	var p draw.Path
	p.AddLine(orb.LineString{{2, 10}, {22, 10}})
	draw.NewRaster(img).StrokePath(p, 4, c)
	ci := canvas.NewImageFromImage(img)
	ci.FillMode = canvas.ImageFillOriginal
	ci.SetMinSize(fyne.NewSize(24, 20))
	return ci
}

// updateLegend shows the legend of the frame just drawn for v: the rows
// scene.Legend gives every exported page, so the window and the page list
// the same things (kinds, approximate dates, clusters, visits, the
// itinerary, relation statuses, annotations).
func (ui *Window) updateLegend(v geo.Viewport) {
	var notes *overlay.AnnotationLayer
	if ui.showNote && ui.Notes != nil {
		notes = ui.Notes.Layer
	}
	ui.showLegend(scene.Legend(ui.Layers, notes, v))
}

// showLegend shows items in the Legend tab, when they changed.
func (ui *Window) showLegend(items []layout.LegendItem) {
	key := fmt.Sprint(items)
	if key == ui.legendKey {
		return
	}
	ui.legendKey = key
	// Rows that show the same item as before are kept, widgets and all:
	// while the timeline is dragged over density only the classes'
	// rows change, and a new label is shaped and drawn anew.
	kept := make(map[layout.LegendItem]fyne.CanvasObject, len(ui.legendRows))
	for _, r := range ui.legendRows {
		kept[r.item] = r.row
	}
	ui.legendRows = ui.legendRows[:0]
	box := ui.legend
	box.RemoveAll()
	if len(items) == 0 {
		box.Add(widget.NewLabel(lang.L("Nothing in view.")))
	}
	for _, it := range items {
		row, ok := kept[it]
		if !ok {
			row = legendRowFor(it)
		}
		delete(kept, it) // an item listed twice gets a row of its own each time
		ui.legendRows = append(ui.legendRows, legendRow{item: it, row: row})
		box.Add(row)
	}
	box.Refresh()
}

// legendRow is a row of the window's legend and the item it shows.
type legendRow struct {
	item layout.LegendItem
	row  fyne.CanvasObject
}

// legendRowFor makes the legend's row for it: its symbol or line, and
// its label.
func legendRowFor(it layout.LegendItem) fyne.CanvasObject {
	icon := legendLine(it.Line)
	if it.Marker.Size > 0 {
		m := it.Marker
		k := min(legendIconScale, legendIconMax/m.Size) // a cluster's disc is large at scale 1
		m.Size *= k
		m.OutlineWidth = max(m.OutlineWidth, 1) * k // 0 draws 1 px
		icon = legendIcon(m)
	}
	return container.NewHBox(icon, widget.NewLabel(it.Label))
}

// legendIconScale enlarges the legend's symbols (drawn at scale 1 for a
// page) to the size the window's legend shows them.
// legendIconMax is the largest symbol that fits legendIcon's square.
const (
	legendIconScale = 1.4
	legendIconMax   = 18
)
