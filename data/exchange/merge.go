package exchange

import (
	"fmt"
	"slices"

	"github.com/sahelatlas/sahelatlas/data"
)

// unattributed is the actor of imported events whose file names none: the
// data model wants every event to have one.
var unattributed = data.Actor{
	ID:   "x-unattributed",
	Name: "Unattributed (imported)",
	Kind: data.ActorOrganisation,
	Note: "stands for the actors of an imported event whose file names none",
}

// Merge returns a dataset of base's events (nil for none) and the imported
// records, checked and indexed by data.New, so the map, the filters and
// the exporters treat them alike. An imported actor whose name or alias
// matches one of base's actors (ignoring case and diacritics) becomes that
// actor; an event with no actor gets "Unattributed (imported)"; an imported
// event whose id base or an earlier record already uses gets the id
// "<file>/<id>". An imported event's fields are its record's Extra. Base's
// relations are kept.
func Merge(base *data.Dataset, records []data.Record) (*data.Dataset, error) {
	var (
		sources   []*data.Source
		places    []*data.Place
		actors    []*data.Actor
		events    []*data.Event
		relations []*data.Relation
	)
	srcSeen := map[string]bool{}
	placeSeen := map[string]bool{}
	actorByID := map[string]string{} // imported actor id → dataset actor id
	actorSeen := map[string]bool{}
	byName := map[string]string{} // folded name or alias → base actor id
	eventSeen := map[string]bool{}
	needUnattributed := false
	if base != nil {
		sources = append(sources, base.Sources...)
		places = append(places, base.Places...)
		actors = append(actors, base.Actors...)
		relations = base.Relations
		for _, s := range base.Sources {
			srcSeen[s.Document] = true
		}
		for _, p := range base.Places {
			placeSeen[p.ID] = true
		}
		for _, a := range base.Actors {
			actorSeen[a.ID] = true
			for _, n := range a.Names() {
				if _, ok := byName[data.Fold(n)]; !ok {
					byName[data.Fold(n)] = a.ID
				}
			}
		}
		events = make([]*data.Event, 0, len(base.Events)+len(records))
		for _, e := range base.Events {
			eventSeen[e.ID] = true
			events = append(events, cloneEvent(e))
		}
	}
	// One allocation for all imported events; what they keep is copied
	// out of the records, shared where it repeats (see detacher).
	evs := make([]data.Event, len(records))
	var dt detacher
	for i := range records {
		r := &records[i]
		for j := range r.Sources {
			s := &r.Sources[j]
			if !srcSeen[s.Document] {
				srcSeen[s.Document] = true
				sources = append(sources, dt.source(s))
			}
		}
		for _, p := range []*data.Place{&r.Place, r.OriginPlace} {
			if p != nil && !placeSeen[p.ID] {
				placeSeen[p.ID] = true
				places = append(places, dt.place(p))
			}
		}
		for _, a := range r.Actors {
			if _, done := actorByID[a.ID]; done {
				continue
			}
			if id, ok := byName[data.Fold(a.Name)]; ok {
				actorByID[a.ID] = id
				continue
			}
			if a.Name == unattributed.Name { // read back from an export
				actorByID[a.ID] = unattributed.ID
				needUnattributed = true
				continue
			}
			actorByID[a.ID] = a.ID
			if !actorSeen[a.ID] {
				actorSeen[a.ID] = true
				actors = append(actors, dt.actor(a))
			}
		}
		e := &evs[i]
		*e = r.Event
		if len(e.Fields) == 0 {
			e.Fields = r.Extra
		}
		if eventSeen[e.ID] {
			e.ID = data.Slug(r.From.File) + "/" + e.ID
			for k := 2; eventSeen[e.ID]; k++ {
				e.ID = fmt.Sprintf("%s/%s-%d", data.Slug(r.From.File), r.Event.ID, k)
			}
		}
		eventSeen[e.ID] = true
		if len(e.Actors) == 0 {
			e.Actors = []string{unattributed.ID}
			needUnattributed = true
		} else {
			ids := make([]string, 0, len(e.Actors))
			for _, id := range e.Actors {
				if m, ok := actorByID[id]; ok {
					id = m
				}
				if !slices.Contains(ids, id) {
					ids = append(ids, id)
				}
			}
			e.Actors = ids
		}
		dt.event(e)
		events = append(events, e)
	}
	if needUnattributed && !actorSeen[unattributed.ID] {
		a := unattributed
		actors = append(actors, &a)
	}
	return data.New(sources, places, actors, events, relations)
}

// cloneEvent copies an event without the fields a Dataset fills, so the
// base dataset's events are not shared with the merged one.
func cloneEvent(e *data.Event) *data.Event {
	c := &data.Event{
		ID: e.ID, Start: e.Start, End: e.End, Precision: e.Precision, NoYear: e.NoYear,
		DateNote: e.DateNote, YearInferred: e.YearInferred, Ongoing: e.Ongoing, Kind: e.Kind, Title: e.Title,
		Summary: e.Summary, Place: e.Place, Origin: e.Origin, Actors: e.Actors,
		Countries: e.Countries, Sources: e.Sources, Confidence: e.Confidence, Fields: e.Fields,
	}
	return c
}
