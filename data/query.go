package data

import "strings"

// Between returns the dated events that overlap the window from–to, both
// days included (an event of 11–13 January is in a window ending 12
// January), by start date. It uses binary search, not a scan. Events with
// no year on the calendar are never returned: see Undated.
func (d *Dataset) Between(from, to Date) []*Event {
	return d.AppendBetween(nil, from, to)
}

// AppendBetween is Between appending to dst, so a caller that filters on
// every frame can reuse one slice.
func (d *Dataset) AppendBetween(dst []*Event, from, to Date) []*Event {
	if to.Before(from) {
		return dst
	}
	return d.index.appendBetween(dst, d.Events, from.Days(), to.Days())
}

// Query returns the dated events that overlap from–to and match f, by
// start date.
func (d *Dataset) Query(from, to Date, f Filter) []*Event {
	m := f.compile()
	var out []*Event
	for _, e := range d.Between(from, to) {
		if m.match(e) {
			out = append(out, e)
		}
	}
	return out
}

// ByKind returns the events of kind k, dated ones first by start date.
func (d *Dataset) ByKind(k Kind) []*Event { d.eventLists(); return d.byKind[k] }

// ByActor returns the events naming the actor with id, dated ones first by
// start date.
func (d *Dataset) ByActor(id string) []*Event { d.eventLists(); return d.byActor[id] }

// ByCountry returns the events involving the country (alpha-3), dated ones
// first by start date.
func (d *Dataset) ByCountry(code string) []*Event { d.eventLists(); return d.byCountry[code] }

// Search returns the events whose text holds every word of text, ignoring
// case and diacritics ("Goita" finds Goïta), dated ones first by start date.
// The text searched is the event's id, title, summary, date note, kind,
// countries and fields' values, and the names and aliases of its place,
// origin and actors.
func (d *Dataset) Search(text string) []*Event {
	m := Filter{Text: text}.compile()
	var out []*Event
	for _, e := range d.Events {
		if m.match(e) {
			out = append(out, e)
		}
	}
	return out
}

// RelationStatus returns the status of the relation between countries a and
// b (alpha-3, either order) on day, with the change that set it; it returns
// StatusUnknown and nil when the dataset has no such relation or the day is
// before its first change.
func (d *Dataset) RelationStatus(a, b string, day Date) (Status, *RelationChange) {
	r := d.Relation(a, b)
	if r == nil {
		return StatusUnknown, nil
	}
	return r.StatusOn(day)
}

// Filter selects events. Empty fields select everything; within a field any
// value matches (kinds, actors, countries), and across fields all must.
type Filter struct {
	Kinds     []Kind
	Actors    []string // actor ids
	Countries []string // ISO 3166 alpha-3
	Text      string   // every word must appear, ignoring case and diacritics
}

// IsZero reports whether f selects every event.
func (f Filter) IsZero() bool {
	return len(f.Kinds) == 0 && len(f.Actors) == 0 && len(f.Countries) == 0 && strings.TrimSpace(f.Text) == ""
}

// Match reports whether e passes f. It folds f's text on every call: to
// test many events, use Matcher.
func (f Filter) Match(e *Event) bool { return f.compile().match(e) }

// Matcher returns Match with f's text folded once, for testing many events.
func (f Filter) Matcher() func(e *Event) bool { return f.compile().match }

type matcher struct {
	f     Filter
	words []string
}

func (f Filter) compile() matcher {
	return matcher{f: f, words: strings.Fields(Fold(f.Text))}
}

func (m matcher) match(e *Event) bool {
	if len(m.f.Kinds) > 0 && !containsKind(m.f.Kinds, e.Kind) {
		return false
	}
	if len(m.f.Actors) > 0 && !intersects(m.f.Actors, e.Actors) {
		return false
	}
	if len(m.f.Countries) > 0 && !intersects(m.f.Countries, e.Countries) {
		return false
	}
	for _, w := range m.words {
		if !e.holds(w) {
			return false
		}
	}
	return true
}

func containsKind(ks []Kind, k Kind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

func intersects(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}
