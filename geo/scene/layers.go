package scene

import (
	"fmt"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/overlay"
	"github.com/sahelatlas/sahelatlas/geo/render"
)

// Layers are the map's time layers — relations, visits, an actor's
// itinerary and the event symbols — fed the same events for the window and
// for every snapshot, so both draw a date window the same way.
type Layers struct {
	Events    *overlay.EventLayer
	Visits    *overlay.VisitLayer
	Relations *overlay.RelationLayer
	Itinerary *overlay.ItineraryLayer

	ShowRelations bool // draw the relation lines (on by default)
	ShowVisits    bool // draw the visit arcs (on by default)
	Actor         string

	fills func(geo.Viewport) []render.Fill // the base map's country fills, for the legend; nil for none
}

// NewLayers makes the time layers for the scene's dataset, dated on day.
func (s *Scene) NewLayers(day data.Date) (*Layers, error) {
	rel, err := overlay.NewRelationLayer(s.Data, day)
	if err != nil {
		return nil, fmt.Errorf("sahelatlas: cannot draw the relations: %v", err)
	}
	events := overlay.NewEventLayer()
	events.SetPlaces(s.Data)
	return &Layers{
		Events:        events,
		Visits:        overlay.NewVisitLayer(s.Data),
		Relations:     rel,
		Itinerary:     overlay.NewItineraryLayer(s.Data, ""),
		ShowRelations: true,
		ShowVisits:    true,
		fills:         s.Map.Fills,
	}, nil
}

// Set gives every layer the events of the window from–to (already
// filtered); relations take their status on the window's last day.
func (l *Layers) Set(events []*data.Event, from, to data.Date) {
	l.Events.SetEvents(events, from, to)
	l.Visits.SetEvents(events, from, to)
	l.Itinerary.SetEvents(events, from, to)
	l.Relations.SetDate(to)
}

// SetActor follows one actor's visits as an itinerary ("" for none).
func (l *Layers) SetActor(id string) {
	l.Actor = id
	l.Itinerary.SetActor(id)
}

// Overlays lists the layers to draw over the base map, bottom first.
func (l *Layers) Overlays() []render.Layer {
	var out []render.Layer
	if l.ShowRelations {
		out = append(out, l.Relations)
	}
	if l.ShowVisits {
		out = append(out, l.Visits)
	}
	if l.Actor != "" {
		out = append(out, l.Itinerary)
	}
	return append(out, l.Events)
}

// HitTest finds what is under a device pixel, in the order the layers are
// seen: symbols on top, then itinerary stops, arcs, relation lines.
func (l *Layers) HitTest(v geo.Viewport, x, y float64) overlay.Hit {
	if h := l.Events.HitTest(v, x, y); h.OK() {
		return h
	}
	if l.Actor != "" {
		if h := l.Itinerary.HitTest(v, x, y); h.OK() {
			return h
		}
	}
	if l.ShowVisits {
		if h := l.Visits.HitTest(v, x, y); h.OK() {
			return h
		}
	}
	if l.ShowRelations {
		return l.Relations.HitTest(v, x, y)
	}
	return overlay.Hit{}
}
