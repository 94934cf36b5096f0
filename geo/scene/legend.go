package scene

import (
	"image/color"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/lang"
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
		items = append(items, layout.LegendItem{Label: lang.Term("kind", k.String()), Marker: overlay.StyleFor(k, 1)})
	}
	if lg.Approximate {
		items = append(items, layout.LegendItem{Label: lang.T("legend.approximate"), Marker: overlay.ApproximateStyleFor(data.KindVisit, 1)})
	}
	if lg.Inferred {
		items = append(items, layout.LegendItem{Label: lang.T("legend.inferred"), Marker: inferredSwatch()})
	}
	if lg.PlaceApprox {
		m := overlay.PlaceApproxRing(1)
		m.Fill = overlay.ApproximateFill
		items = append(items, layout.LegendItem{Label: lang.T("legend.placeapprox"), Marker: m})
	}
	if lg.Clusters {
		items = append(items, layout.LegendItem{Label: lang.T("legend.cluster"), Marker: overlay.ClusterMarker(5, overlay.FamilyDiplomacy, 1)})
	}
	for _, c := range lg.Density { // the density layer's ramp, fewest first
		items = append(items, layout.LegendItem{Label: c.Label(lg.Weighted), Marker: overlay.HexMarker(c.Colour, 1)})
	}
	if l.ShowVisits && len(l.Visits.Arcs(v)) > 0 {
		items = append(items, layout.LegendItem{Label: lang.T("legend.visit"), Line: overlay.VisitColour})
	}
	if l.Actor != "" && len(l.Itinerary.Stops()) > 0 {
		items = append(items, layout.LegendItem{Label: lang.T("legend.itinerary", l.Actor), Line: overlay.ItineraryColour})
	}
	if l.ShowRelations {
		for _, st := range l.Relations.StatusesInView(v) {
			items = append(items, layout.LegendItem{Label: lang.T("legend.relation", lang.Term("status", string(st))), Line: overlay.StatusColour[st]})
		}
	}
	if notes != nil && notes.ShownCount() > 0 {
		items = append(items, layout.LegendItem{Label: lang.T("legend.annotation"), Line: overlay.AnnotationColour})
	}
	if l.fills != nil {
		for _, f := range l.fills(v) {
			items = append(items, layout.LegendItem{Label: f.Label, Marker: fillSwatch(f.Colour)})
		}
	}
	return items
}

// inferredSwatch is the legend's sign of an inferred place: the map's
// dotted ring (overlay.PlaceHalo) over a pale disc, with a heavier
// outline, so it reads on a white page and on the window's dark theme
// alike (the bare ring, dark grey on nothing, vanished there).
func inferredSwatch() draw.Marker {
	m := overlay.PlaceHalo(1)
	m.Fill = overlay.ApproximateFill
	m.OutlineWidth = 2
	return m
}

// fillSwatch is the legend's square of a country fill, bordered as the
// map's countries are.
func fillSwatch(c color.RGBA) draw.Marker {
	return draw.Marker{Shape: draw.Square, Size: 14, Fill: c, Outline: render.ColourBorder, OutlineWidth: 1}
}
