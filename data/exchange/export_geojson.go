package exchange

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/sahelatlas/sahelatlas/data"
)

// exportSource is a source as the exports write it.
type exportSource struct {
	Document  string `json:"document"`
	Outlet    string `json:"outlet,omitempty"`
	Author    string `json:"author,omitempty"`
	Headline  string `json:"headline,omitempty"`
	Published string `json:"published,omitempty"`
	Note      string `json:"note,omitempty"`
}

// Properties returns the GeoJSON properties WriteGeoJSON writes for e, an
// event of d: id, start, end (null when undated), precision, kind, cameo,
// title, summary, place, actors (names), countries, sources, and when set
// date_note, no_year, year_inferred, confidence and origin {name, lon, lat},
// then the event's fields (a field named like one of these is written
// field_<name>).
func Properties(d *data.Dataset, e *data.Event) map[string]any {
	p := map[string]any{
		"id":        e.ID,
		"start":     nullable(e.Start.String()),
		"end":       nullable(e.End.String()),
		"precision": e.Precision.String(),
		"kind":      e.Kind.String(),
		"title":     e.Title,
		"summary":   e.Summary,
		"place":     placeName(d, e.Place),
		"actors":    actorNames(d, e),
		"countries": e.Countries,
		"sources":   eventSources(d, e),
	}
	if c := e.Kind.CAMEO(); c != "" {
		p["cameo"] = c
	}
	if e.DateNote != "" {
		p["date_note"] = e.DateNote
	}
	if e.NoYear != nil {
		p["no_year"] = e.NoYear
	}
	if e.YearInferred != "" {
		p["year_inferred"] = e.YearInferred
	}
	if e.Ongoing {
		p["ongoing"] = true // began between start and end, and continues
	}
	if e.PlacePrecision != data.PlaceGiven {
		p["place_precision"] = e.PlacePrecision.String()
	}
	if e.Confidence != "" {
		p["confidence"] = e.Confidence
	}
	if o := d.Place(e.Origin); o != nil {
		p["origin"] = map[string]any{"name": o.Name, "lon": o.Lon(), "lat": o.Lat()}
	}
	for _, f := range e.Fields {
		p[fieldKey(f.Name, func(n string) bool { _, ok := p[n]; return ok || known[n] })] = f.Value
	}
	return p
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func placeName(d *data.Dataset, id string) string {
	if p := d.Place(id); p != nil {
		return p.Name
	}
	return ""
}

func actorNames(d *data.Dataset, e *data.Event) []string {
	names := make([]string, 0, len(e.Actors))
	for _, id := range e.Actors {
		if a := d.Actor(id); a != nil {
			names = append(names, a.Name)
		}
	}
	return names
}

func eventSources(d *data.Dataset, e *data.Event) []exportSource {
	out := make([]exportSource, len(e.Sources))
	for i, ref := range e.Sources {
		out[i] = exportSource{Document: ref.Document, Note: ref.Note}
		if s := d.Source(ref.Document); s != nil {
			out[i].Outlet, out[i].Author, out[i].Headline, out[i].Published = s.Outlet, s.Author, s.Headline, s.Published.String()
		}
	}
	return out
}

// WriteGeoJSON writes events of d as an RFC 7946 FeatureCollection, one
// Point Feature per event at the place it happened, with the properties of
// Properties. Import reads it back without loss.
func WriteGeoJSON(w io.Writer, events []*data.Event, d *data.Dataset) error {
	fc := geojson.NewFeatureCollection()
	for _, e := range events {
		f := geojson.NewFeature(orb.Point(e.At()))
		f.ID = e.ID
		f.Properties = Properties(d, e)
		fc.Append(f)
	}
	b, err := json.MarshalIndent(fc, "", " ")
	if err != nil {
		return fmt.Errorf("exchange: cannot encode GeoJSON: %w", err)
	}
	if _, err := w.Write(append(b, '\n')); err != nil {
		return fmt.Errorf("exchange: cannot write GeoJSON: %w", err)
	}
	return nil
}
