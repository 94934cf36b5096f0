package data

import (
	"fmt"
	"strconv"
)

// Record is one imported event with the place, actors and sources it
// names, and where it came from. Event.Place, Event.Origin, Event.Actors and
// Event.Sources refer to Place, OriginPlace, Actors and Sources by id.
// Package exchange makes records from files; package store keeps them.
type Record struct {
	Event       Event
	Place       Place
	OriginPlace *Place   // the place a visitor came from, when the file gives one
	Actors      []*Actor // in the order the file gives them; shared between records of one file: do not change them
	Sources     []Source // every document Event.Sources cites
	From        Provenance
	// Version orders copies of one event: ACLED's timestamp (Unix seconds).
	// Zero when the format has none.
	Version int64
	// Extra keeps what the format says that the event model has no field
	// for: ACLED's event_type, sub_event_type, fatalities, time_precision,
	// geo_precision, admin1, source and so on.
	Extra []Field `json:",omitempty"`
}

// Provenance says where a record came from: the file, and the line (CSV)
// or the feature or placemark (GeoJSON, KML; counted from 1).
type Provenance struct {
	File    string `json:"file"`
	Line    int    `json:"line,omitempty"`
	Feature int    `json:"feature,omitempty"`
}

// String writes "file line 12" or "file feature 3".
func (p Provenance) String() string {
	switch {
	case p.Line > 0:
		return fmt.Sprintf("%s line %d", p.File, p.Line)
	case p.Feature > 0:
		return fmt.Sprintf("%s feature %d", p.File, p.Feature)
	}
	return p.File
}

// Note returns "line 12", "feature 3" or "": where in the file, as an
// imported event cites it.
func (p Provenance) Note() string {
	switch {
	case p.Line > 0:
		return "line " + strconv.Itoa(p.Line)
	case p.Feature > 0:
		return "feature " + strconv.Itoa(p.Feature)
	}
	return ""
}

// ImportSource is the source that stands for an imported file when the
// file cites no documents of its own.
func ImportSource(file string) Source {
	return Source{Document: file, Headline: "imported from " + file}
}

// Field is one named value a format gives beyond the event model.
type Field struct {
	Name  string `json:"n"`
	Value string `json:"v"`
}

// Get returns the extra value called name, or "".
func (r *Record) Get(name string) string {
	for _, f := range r.Extra {
		if f.Name == name {
			return f.Value
		}
	}
	return ""
}
