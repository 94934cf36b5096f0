package data

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// Problem is one thing wrong with a dataset: where it is (file and item) and
// what is wrong.
type Problem struct {
	Where string // e.g. `events.json: event "2025-09-14-mali-expels-french-diplomats"`
	What  string // e.g. `names actor "goita", which actors.json does not have`
}

func (p Problem) String() string { return p.Where + ": " + p.What }

// ValidationError lists everything wrong with a dataset.
type ValidationError struct {
	Problems []Problem
}

// Error lists every problem, one per line after the first.
func (e *ValidationError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "data: dataset is invalid (%d problem(s)); fix them and load again:", len(e.Problems))
	for _, p := range e.Problems {
		b.WriteString("\n  ")
		b.WriteString(p.String())
	}
	return b.String()
}

// validator collects problems.
type validator struct {
	problems []Problem
}

func (v *validator) addf(where, format string, args ...any) {
	v.problems = append(v.problems, Problem{Where: where, What: fmt.Sprintf(format, args...)})
}

// Validate checks a dataset before it is used: ids unique and present; dates
// real, start ≤ end and consistent with their precision; coordinates in
// range; every place, origin, actor and source an event names exists; every
// event has a source; relations name two countries and only real events.
// It returns a *ValidationError listing every problem, or nil.
func Validate(sources []*Source, places []*Place, actors []*Actor, events []*Event, relations []*Relation) error {
	var v validator
	srcIDs := v.sources(sources)
	placeIDs := v.places(places)
	actorIDs := v.actors(actors)
	eventIDs := v.events(events, srcIDs, placeIDs, actorIDs)
	v.relations(relations, eventIDs)
	if len(v.problems) > 0 {
		return &ValidationError{Problems: v.problems}
	}
	return nil
}

// ident says where item i of a file is, by id when it has one.
func ident(file, what string, i int, id string) string {
	if id == "" {
		return fmt.Sprintf("%s: %s #%d", file, what, i+1)
	}
	return fmt.Sprintf("%s: %s %q", file, what, id)
}

// unique records id in seen and reports a missing or repeated id.
func (v *validator) unique(seen map[string]bool, where, id string) {
	switch {
	case id == "":
		v.addf(where, "has no id")
	case seen[id]:
		v.addf(where, "id is used twice")
	}
	seen[id] = true
}

func (v *validator) sources(sources []*Source) map[string]bool {
	seen := map[string]bool{}
	for i, s := range sources {
		where := ident(SourcesFile, "source", i, docID(s))
		if s == nil {
			v.addf(where, "is null")
			continue
		}
		v.unique(seen, where, s.Document)
		if !s.Published.IsZero() && !s.Published.Valid() {
			v.addf(where, "published date %s does not exist", s.Published)
		}
	}
	return seen
}

func docID(s *Source) string {
	if s == nil {
		return ""
	}
	return s.Document
}

func (v *validator) places(places []*Place) map[string]bool {
	seen := map[string]bool{}
	for i, p := range places {
		if p == nil {
			v.addf(ident(PlacesFile, "place", i, ""), "is null")
			continue
		}
		where := ident(PlacesFile, "place", i, p.ID)
		v.unique(seen, where, p.ID)
		if p.Name == "" {
			v.addf(where, "has no name")
		}
		v.point(where, p.Point[0], p.Point[1])
		v.country(where, "country", p.Country)
	}
	return seen
}

// point checks a longitude and latitude.
func (v *validator) point(where string, lon, lat float64) {
	if math.IsNaN(lon) || lon < -180 || lon > 180 {
		v.addf(where, "longitude %v is outside -180..180", lon)
	}
	if math.IsNaN(lat) || lat < -90 || lat > 90 {
		v.addf(where, "latitude %v is outside -90..90", lat)
	}
}

// country checks an ISO 3166 alpha-3 code: three capital letters.
func (v *validator) country(where, field, c string) {
	if len(c) != 3 || strings.Trim(c, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
		v.addf(where, "%s %q is not an ISO 3166 alpha-3 code", field, c)
	}
}

func (v *validator) actors(actors []*Actor) map[string]bool {
	seen := map[string]bool{}
	for i, a := range actors {
		if a == nil {
			v.addf(ident(ActorsFile, "actor", i, ""), "is null")
			continue
		}
		where := ident(ActorsFile, "actor", i, a.ID)
		v.unique(seen, where, a.ID)
		if a.Name == "" {
			v.addf(where, "has no name")
		}
		if !a.Kind.Valid() {
			v.addf(where, "kind %q is not one of person, state, government_body, armed_group, military, international_organisation, company", a.Kind)
		}
		if a.Country != "" {
			v.country(where, "country", a.Country)
		}
		for j, r := range a.Roles {
			rw := fmt.Sprintf("%s role %d (%q)", where, j+1, r.Title)
			v.realDate(rw, "from", r.From)
			v.realDate(rw, "to", r.To)
			if !r.From.IsZero() && !r.To.IsZero() && r.To.Before(r.From) {
				v.addf(rw, "ends (%s) before it starts (%s)", r.To, r.From)
			}
		}
	}
	return seen
}

// realDate reports a date that is set but does not exist.
func (v *validator) realDate(where, field string, d Date) {
	if !d.IsZero() && !d.Valid() {
		v.addf(where, "%s date %s does not exist", field, d)
	}
}

func (v *validator) events(events []*Event, sources, places, actors map[string]bool) map[string]bool {
	seen := map[string]bool{}
	for i, e := range events {
		if e == nil {
			v.addf(ident(EventsFile, "event", i, ""), "is null")
			continue
		}
		where := ident(EventsFile, "event", i, e.ID)
		v.unique(seen, where, e.ID)
		if !e.Kind.Valid() {
			v.addf(where, "kind %q is not a known kind (see data.Kinds)", e.Kind)
		}
		if strings.TrimSpace(e.Title) == "" {
			v.addf(where, "has no title")
		}
		if !e.PlacePrecision.Valid() || e.PlacePrecision.Map() != e.PlacePrecision { // an event's are the map's: given, approximate, inferred
			v.addf(where, "place_precision %q is not approximate or inferred (leave it out when the sources name the place)", e.PlacePrecision)
		}
		v.eventDates(where, e)
		switch {
		case e.Place == "":
			v.addf(where, "has no place (use the place the source implies, or the country's capital, and say so in confidence)")
		case !places[e.Place]:
			v.addf(where, "names place %q, which %s does not have", e.Place, PlacesFile)
		}
		if e.Origin != "" && !places[e.Origin] {
			v.addf(where, "names origin %q, which %s does not have", e.Origin, PlacesFile)
		}
		if len(e.Actors) == 0 {
			v.addf(where, "has no actors")
		}
		dup := map[string]bool{}
		for _, a := range e.Actors {
			if !actors[a] {
				v.addf(where, "names actor %q, which %s does not have", a, ActorsFile)
			}
			if dup[a] {
				v.addf(where, "names actor %q twice", a)
			}
			dup[a] = true
		}
		if len(e.Countries) == 0 {
			v.addf(where, "has no countries")
		}
		for _, c := range e.Countries {
			v.country(where, "country", c)
		}
		if len(e.Sources) == 0 {
			v.addf(where, "has no source; every event needs at least one")
		}
		dup = map[string]bool{}
		for _, s := range e.Sources {
			if !sources[s.Document] {
				v.addf(where, "cites source %q, which %s does not have", s.Document, SourcesFile)
			}
			if dup[s.Document] {
				v.addf(where, "cites source %q twice", s.Document)
			}
			dup[s.Document] = true
		}
	}
	return seen
}

// eventDates checks an event's dates against its precision.
func (v *validator) eventDates(where string, e *Event) {
	if !e.Precision.Valid() {
		v.addf(where, "precision %q is not day, month, year or unknown", e.Precision)
		return
	}
	if e.NoYear != nil && !e.NoYear.Valid() {
		v.addf(where, "date without a year (month %d, day %d) does not exist", e.NoYear.Month, e.NoYear.Day)
	}
	if e.Ongoing && !e.Dated() {
		v.addf(where, "is ongoing but has no start date; an ongoing event needs the date it began")
	}
	if e.YearInferred != "" && !e.Dated() {
		v.addf(where, "says its year was inferred but has no start date")
	}
	if !e.Dated() {
		if !e.End.IsZero() {
			v.addf(where, "has an end (%s) but no start", e.End)
		}
		switch {
		case e.Precision == PrecisionUnknown && e.NoYear != nil:
			v.addf(where, "has a date without a year, so its precision cannot be unknown")
		case e.Precision != PrecisionUnknown && e.NoYear == nil:
			v.addf(where, "has precision %q but no start date and no no_year date", e.Precision)
		case e.NoYear != nil && (e.Precision == PrecisionDay) != (e.NoYear.Day != 0):
			v.addf(where, "precision %q does not match its date without a year (%s)", e.Precision, e.NoYear)
		}
		if e.DateNote == "" {
			v.addf(where, "has no year on the calendar, so it needs a date_note with what the source says")
		}
		return
	}
	if e.NoYear != nil && e.YearInferred == "" {
		v.addf(where, "has both a start date and a date without a year; say how the year was inferred in year_inferred")
	}
	if e.Precision == PrecisionUnknown {
		v.addf(where, "has dates but precision unknown")
	}
	if !e.Start.Valid() {
		v.addf(where, "start date %s does not exist", e.Start)
	}
	if e.End.IsZero() {
		v.addf(where, "has a start but no end (use the start date for a one-day event)")
		return
	}
	if !e.End.Valid() {
		v.addf(where, "end date %s does not exist", e.End)
	}
	if !e.Start.Valid() || !e.End.Valid() {
		return
	}
	if e.End.Before(e.Start) {
		v.addf(where, "ends (%s) before it starts (%s)", e.End, e.Start)
	}
	switch e.Precision {
	case PrecisionMonth:
		if e.Start.Day() != 1 || e.End.Day() != daysIn(e.End.Month(), e.End.Year()) {
			v.addf(where, "has month precision, so it must run from the 1st of a month to the last day of a month (got %s to %s)", e.Start, e.End)
		}
	case PrecisionYear:
		if e.Start.Month() != time.January || e.Start.Day() != 1 || e.End.Month() != time.December || e.End.Day() != 31 {
			v.addf(where, "has year precision, so it must run from 1 January to 31 December (got %s to %s)", e.Start, e.End)
		}
	}
}

func (v *validator) relations(relations []*Relation, events map[string]bool) {
	seen := map[string]bool{}
	pairs := map[[2]string]bool{}
	for i, r := range relations {
		if r == nil {
			v.addf(ident(RelationsFile, "relation", i, ""), "is null")
			continue
		}
		where := ident(RelationsFile, "relation", i, r.ID)
		v.unique(seen, where, r.ID)
		v.country(where, "first country", r.Countries[0])
		v.country(where, "second country", r.Countries[1])
		if r.Countries[0] == r.Countries[1] {
			v.addf(where, "joins %s to itself", r.Countries[0])
		}
		k := pairKey(r.Countries[0], r.Countries[1])
		if pairs[k] {
			v.addf(where, "is the second relation between %s and %s; keep one per pair", k[0], k[1])
		}
		pairs[k] = true
		if len(r.Changes) == 0 {
			v.addf(where, "has no changes of status")
		}
		for j, c := range r.Changes {
			cw := fmt.Sprintf("%s change %d", where, j+1)
			if !c.From.Valid() {
				v.addf(cw, "from date %q does not exist", c.From.String())
			} else if j > 0 && r.Changes[j-1].From.Valid() && !r.Changes[j-1].From.Before(c.From) {
				v.addf(cw, "starts %s, not after the change before it (%s); keep changes in date order", c.From, r.Changes[j-1].From)
			}
			if !c.Precision.Valid() || c.Precision == PrecisionUnknown {
				v.addf(cw, "precision %q is not day, month or year", c.Precision)
			}
			if !c.Status.Valid() {
				v.addf(cw, "status %q is not cooperating, allied, thawing, strained, suspended or ruptured", c.Status)
			}
			if len(c.Events) == 0 {
				v.addf(cw, "names no event that caused it")
			}
			for _, id := range c.Events {
				if !events[id] {
					v.addf(cw, "names event %q, which %s does not have", id, EventsFile)
				}
			}
		}
	}
}
