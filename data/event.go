package data

import (
	"unsafe"

	"github.com/paulmach/orb"
)

// Event is one thing that happened: a visit, talks, an expulsion, a coup.
//
// Dated events have Start and End (inclusive) with a Precision: an event of
// month precision spans its month, one of year precision its year(s). When a
// source gives a day or month but no year, Start and End are zero, NoYear
// holds what it gives and DateNote the source's words — unless a year was
// inferred from context, in which case Start and End carry it and
// YearInferred says how. An event of PrecisionUnknown has no date at all.
// An Ongoing event began within Start–End and has not ended.
type Event struct {
	ID           string    `json:"id"`
	Start        Date      `json:"start,omitzero"`
	End          Date      `json:"end,omitzero"`
	Precision    Precision `json:"precision"`
	NoYear       *MonthDay `json:"no_year,omitempty"`       // the month (and day) a source gives without a year
	DateNote     string    `json:"date_note,omitempty"`     // the source's own words when the date is vague or yearless
	YearInferred string    `json:"year_inferred,omitempty"` // how a year missing from the source was inferred, and from what
	// Ongoing marks a state that began within Start–End and continues
	// ("since 2021"): the event overlaps every window after its start.
	Ongoing bool `json:"ongoing,omitempty"`

	Kind    Kind   `json:"kind"`
	Title   string `json:"title"`
	Summary string `json:"summary"`

	Place  string `json:"place"`            // id of the Place where it happened
	Origin string `json:"origin,omitempty"` // for a visit, id of the Place the visitor came from

	// PlacePrecision says whether the sources give the place: "" when they
	// name it, approximate ("around Gossi") or inferred (drawn at a capital
	// or seat of government the sources do not name); Confidence says why.
	PlacePrecision PlacePrecision `json:"place_precision,omitempty"`

	Actors     []string    `json:"actors"`    // Actor ids
	Countries  []string    `json:"countries"` // ISO 3166 alpha-3 codes
	Sources    []SourceRef `json:"sources"`
	Confidence string      `json:"confidence,omitempty"` // where sources disagree, are vague, or something was inferred

	// Fields are what an imported file says of the event beyond the model
	// (ACLED's fatalities, admin1–admin3, source, source_scale,
	// time_precision, geo_precision; a spreadsheet's other columns), in
	// the file's order: shown with the event, searched, exported again.
	Fields []Field `json:"fields,omitempty"`

	// Filled when the event joins a Dataset.
	at orb.Point
	// search is what Filter.Text looks in beyond the event's own text: a
	// *searchText, nil until the event joins a dataset, then its
	// dataset's stand-in until the first search swaps in the event's own
	// (shared by the events of one kind and place). It is read and
	// written with sync/atomic, as searches run on several goroutines: a
	// pointer, not an atomic.Pointer, so that an Event stays a value one
	// may copy.
	search unsafe.Pointer
}

// searchText is what Filter.Text looks in beyond an event's own text and
// its actors' names: its kind, countries and place names, and a bundled
// event's French title and summary, folded (see searchIndex.make). The
// events whose text folds alike share one.
type searchText struct {
	index *searchIndex
	text  string
}

// SourceRef cites a source for an event: the document's file name, and what
// that document alone says when the sources differ.
type SourceRef struct {
	Document string `json:"document"`
	Note     string `json:"note,omitempty"`
}

// Dated reports whether the event has a start and end on the calendar
// (given by its sources, or with an inferred year).
func (e *Event) Dated() bool { return !e.Start.IsZero() }

// At returns the point (lon, lat) where the event happened, from its Place;
// it is set when the event joins a Dataset.
func (e *Event) At() orb.Point { return e.at }

// Overlaps reports whether the event's dates meet the window from–to, both
// ends included; an ongoing event meets every window that ends after it
// starts. Undated events overlap no window.
func (e *Event) Overlaps(from, to Date) bool {
	return e.Dated() && e.Start.Compare(to) <= 0 && (e.Ongoing || e.End.Compare(from) >= 0)
}
