package exchange

import "github.com/sahelatlas/sahelatlas/data"

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
	m := NewMerger(base, len(records))
	m.Add(records)
	return m.Dataset()
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
