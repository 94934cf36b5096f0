package scene

import (
	"image/color"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
	"github.com/sahelatlas/sahelatlas/geo/layout"
	"github.com/sahelatlas/sahelatlas/geo/overlay"
	"github.com/sahelatlas/sahelatlas/geo/render"
)

// Legend lists what the map drawn for v shows, for the window's Legend tab
// and every exported page alike: the kinds of the event symbols,
// approximate dates, inferred places, clusters, the density layer's
// colours, the visit arcs, the itinerary, the relation statuses,
// annotations and the country fills; only what is on this map. notes may be nil. Markers are at scale 1.
func Legend(l *Layers, notes *overlay.AnnotationLayer, v geo.Viewport) []layout.LegendItem {
	var items []layout.LegendItem
	lg := l.Events.Legend(v)
	for _, k := range lg.Kinds {
		items = append(items, layout.LegendItem{Label: string(k), Marker: overlay.StyleFor(k, 1)})
	}
	if lg.Approximate {
		items = append(items, layout.LegendItem{Label: "date approximate", Marker: overlay.ApproximateStyleFor(data.KindVisit, 1)})
	}
	if lg.Inferred {
		items = append(items, layout.LegendItem{Label: "place inferred (sources give none)", Marker: overlay.PlaceHalo(1)})
	}
	if lg.Clusters {
		items = append(items, layout.LegendItem{Label: "cluster of events", Marker: overlay.ClusterMarker(5, overlay.FamilyDiplomacy, 1)})
	}
	for _, c := range lg.Density { // the density layer's ramp, fewest first
		items = append(items, layout.LegendItem{Label: c.Label(lg.Weighted), Marker: overlay.HexMarker(c.Colour, 1)})
	}
	if l.ShowVisits && len(l.Visits.Arcs(v)) > 0 {
		items = append(items, layout.LegendItem{Label: "visit (arc from origin)", Line: overlay.VisitColour})
	}
	if l.Actor != "" && len(l.Itinerary.Stops()) > 0 {
		items = append(items, layout.LegendItem{Label: "itinerary of " + l.Actor, Line: overlay.ItineraryColour})
	}
	if l.ShowRelations {
		for _, st := range l.Relations.StatusesInView(v) {
			items = append(items, layout.LegendItem{Label: "relation: " + string(st), Line: overlay.StatusColour[st]})
		}
	}
	if notes != nil && notes.ShownCount() > 0 {
		items = append(items, layout.LegendItem{Label: "annotation", Line: overlay.AnnotationColour})
	}
	if l.fills != nil {
		for _, f := range l.fills(v) {
			items = append(items, layout.LegendItem{Label: f.Label, Marker: fillSwatch(f.Colour)})
		}
	}
	return items
}

// fillSwatch is the legend's square of a country fill, bordered as the
// map's countries are.
func fillSwatch(c color.RGBA) draw.Marker {
	return draw.Marker{Shape: draw.Square, Size: 14, Fill: c, Outline: render.ColourBorder, OutlineWidth: 1}
}
