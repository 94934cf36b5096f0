package data

import (
	"fmt"
	"math"
	"strings"
	"time"
	"unicode"
)

// MyEventsFile is what an analyst's own events cite as where they come
// from (Provenance.File), and the name of their layer: "My events".
const MyEventsFile = "My events"

// ActorRole is the part an actor plays in an event.
type ActorRole string

// The roles: a visitor travels, a host receives, a party takes part.
const (
	RoleVisitor ActorRole = "visitor"
	RoleHost    ActorRole = "host"
	RoleParty   ActorRole = "party"
)

// Valid reports whether r is visitor, host or party.
func (r ActorRole) Valid() bool {
	return r == RoleVisitor || r == RoleHost || r == RoleParty
}

// Participant is an actor of an analyst's event with its role.
type Participant struct {
	Actor Actor     `json:"actor"`
	Role  ActorRole `json:"role"`
}

// MyEvent is an event the analyst recorded from what they read: the same
// model as the bundled events (Event's kind, dates and precision, title,
// summary and confidence), with its place, origin, actors and sources
// given whole rather than by id, and who recorded it and when. Event.ID
// is the MyEvent's id (see NewAnnotationID); Event.Place, Origin, Actors,
// Countries and Sources are filled by Record.
type MyEvent struct {
	Event          Event
	Place          Place
	PlacePrecision PlacePrecision
	Origin         *Place        // for a visit, where the visitor came from
	Actors         []Participant // at least one
	Sources        []Source      // the documents read; Document is set by Record when empty
	Author         string        // the name set in the app's preferences
	Created        time.Time     // set by the store when the event is added
	Updated        time.Time     // set by the store on every save
}

// ID returns the event's id.
func (m *MyEvent) ID() string { return m.Event.ID }

// Validate reports the first thing that makes the event unfit to be saved:
// a bad id, kind or title, dates that do not fit their precision (as
// Validate checks the bundled events), a place without a name or outside
// lon/lat, an actor without a name or role, a source date that does not
// exist.
func (m *MyEvent) Validate() error {
	e := &m.Event
	if !ValidAnnotationID(e.ID) {
		return fmt.Errorf("data: event id %q is not a valid id (24 lowercase hex digits)", e.ID)
	}
	if strings.TrimSpace(e.Title) == "" {
		return fmt.Errorf("data: event %s has no title", e.ID)
	}
	if strings.IndexFunc(e.Title, unicode.IsControl) >= 0 {
		return fmt.Errorf("data: event %s: the title must be one line without control characters", e.ID)
	}
	if !e.Kind.Valid() {
		return fmt.Errorf("data: event %s: kind %q is not one of %s", e.ID, e.Kind, kindList())
	}
	var v validator
	v.eventDates("", e)
	if len(v.problems) > 0 {
		return fmt.Errorf("data: event %s %s", e.ID, v.problems[0].What)
	}
	if err := validMyPlace(e.ID, "place", &m.Place); err != nil {
		return err
	}
	if !m.PlacePrecision.Valid() {
		return fmt.Errorf("data: event %s: place precision %q is not exact, town, region, country or inferred", e.ID, m.PlacePrecision)
	}
	if m.Origin != nil {
		if err := validMyPlace(e.ID, "origin", m.Origin); err != nil {
			return err
		}
	}
	if len(m.Actors) == 0 {
		return fmt.Errorf("data: event %s has no actors; name at least one", e.ID)
	}
	for _, p := range m.Actors {
		if strings.TrimSpace(p.Actor.Name) == "" {
			return fmt.Errorf("data: event %s names an actor with no name", e.ID)
		}
		if !p.Role.Valid() {
			return fmt.Errorf("data: event %s: actor %q has role %q, not visitor, host or party", e.ID, p.Actor.Name, p.Role)
		}
		if p.Actor.Kind != "" && !p.Actor.Kind.Valid() {
			return fmt.Errorf("data: event %s: actor %q has kind %q, which is not an actor kind", e.ID, p.Actor.Name, p.Actor.Kind)
		}
	}
	for i, s := range m.Sources {
		if !s.Published.IsZero() && !s.Published.Valid() {
			return fmt.Errorf("data: event %s: source %d's publication date %s does not exist", e.ID, i+1, s.Published)
		}
	}
	return nil
}

func validMyPlace(id, what string, p *Place) error {
	if strings.TrimSpace(p.Name) == "" {
		return fmt.Errorf("data: event %s has no %s; give its name or a point", id, what)
	}
	lon, lat := p.Point[0], p.Point[1]
	if math.IsNaN(lon) || math.IsNaN(lat) || lon < -180 || lon > 180 || lat < -90 || lat > 90 {
		return fmt.Errorf("data: event %s: %s (%g, %g) is outside lon -180..180, lat -90..90", id, what, lon, lat)
	}
	return nil
}

func kindList() string {
	ks := make([]string, len(Kinds))
	for i, k := range Kinds {
		ks[i] = k.String()
	}
	return strings.Join(ks, ", ")
}

// Record returns the event as a Record in the layer "My events", ready for
// exchange.Merge with the bundled and imported events: places, actors and
// sources get ids derived from the event's id where they have none, the
// countries are those of the place, the origin and the actors, and an
// event with no source cites "My events" itself.
func (m *MyEvent) Record() Record {
	id := m.Event.ID
	r := Record{Event: m.Event, Place: m.Place, From: Provenance{File: MyEventsFile}}
	r.Event.PlacePrecision = m.PlacePrecision.Map() // the map marks an inferred place
	e := &r.Event
	if r.Place.ID == "" {
		r.Place.ID = "my-" + id + "-place"
	}
	if r.Place.Country == "" {
		r.Place.Country = unknownCountry
	}
	e.Place = r.Place.ID
	e.Origin = ""
	if m.Origin != nil {
		o := *m.Origin
		if o.ID == "" {
			o.ID = "my-" + id + "-origin"
		}
		if o.Country == "" {
			o.Country = unknownCountry
		}
		r.OriginPlace = &o
		e.Origin = o.ID
	}
	var countries []string
	addCountry := func(c string) {
		if len(c) == 3 && c != unknownCountry && !containsString(countries, c) {
			countries = append(countries, c)
		}
	}
	addCountry(r.Place.Country)
	if r.OriginPlace != nil {
		addCountry(r.OriginPlace.Country)
	}
	e.Actors = nil
	for _, p := range m.Actors {
		a := p.Actor
		if a.ID == "" {
			a.ID = ImportedActorID(Slug(a.Name))
		}
		if a.Kind == "" {
			a.Kind = ActorOrganisation
		}
		addCountry(a.Country)
		if !containsString(e.Actors, a.ID) {
			r.Actors = append(r.Actors, &a)
			e.Actors = append(e.Actors, a.ID)
		}
	}
	if len(countries) == 0 {
		countries = []string{unknownCountry}
	}
	e.Countries = countries
	e.Sources = nil
	for i, s := range m.Sources {
		if s.Document == "" {
			s.Document = sourceName(s, fmt.Sprintf("my-%s-%d", id, i+1))
		}
		r.Sources = append(r.Sources, s)
		e.Sources = append(e.Sources, SourceRef{Document: s.Document})
	}
	if len(r.Sources) == 0 {
		s := Source{Document: MyEventsFile, Headline: "recorded by the analyst in My events"}
		r.Sources = []Source{s}
		e.Sources = []SourceRef{{Document: s.Document}}
	}
	return r
}

// sourceName names a source the analyst gave for the credits and the
// exports: its URL, else its outlet, headline and date, else fallback.
// Events citing the same article share it.
func sourceName(s Source, fallback string) string {
	if s.URL != "" {
		return s.URL
	}
	var parts []string
	for _, p := range []string{s.Outlet, s.Headline, s.Published.String()} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		return fallback
	}
	return strings.Join(parts, ", ")
}

// unknownCountry is ISO 3166's user-assigned code the model takes for a
// place or event whose country is not known.
const unknownCountry = "XXX"

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// ParseEventDate reads a date as an analyst writes it: YYYY-MM-DD (day
// precision), YYYY-MM (month), YYYY (year) or --MM-DD and --MM (a day or a
// month given without a year). It returns the first and last day it
// covers, or for a date without a year zero days and the MonthDay.
func ParseEventDate(s string) (start, end Date, p Precision, noYear *MonthDay, err error) {
	bad := fmt.Errorf("data: date %q is not written YYYY-MM-DD, YYYY-MM, YYYY, --MM-DD or --MM", s)
	num := func(t string) (int, bool) {
		n := 0
		for i := 0; i < len(t); i++ {
			if t[i] < '0' || t[i] > '9' {
				return 0, false
			}
			n = n*10 + int(t[i]-'0')
		}
		return n, t != ""
	}
	if rest, ok := strings.CutPrefix(s, "--"); ok {
		md := MonthDay{}
		switch len(rest) {
		case 2:
			m, ok := num(rest)
			if !ok {
				return start, end, p, nil, bad
			}
			md.Month, p = time.Month(m), PrecisionMonth
		case 5:
			m, ok1 := num(rest[:2])
			d, ok2 := num(rest[3:])
			if !ok1 || !ok2 || rest[2] != '-' || d == 0 {
				return start, end, p, nil, bad
			}
			md.Month, md.Day, p = time.Month(m), d, PrecisionDay
		default:
			return start, end, p, nil, bad
		}
		if !md.Valid() {
			return start, end, p, nil, fmt.Errorf("data: date %q does not exist", s)
		}
		return Date{}, Date{}, p, &md, nil
	}
	switch len(s) {
	case 4:
		y, ok := num(s)
		if !ok || y < 1 {
			return start, end, p, nil, bad
		}
		return D(y, time.January, 1), D(y, time.December, 31), PrecisionYear, nil, nil
	case 7:
		y, ok1 := num(s[:4])
		m, ok2 := num(s[5:])
		if !ok1 || !ok2 || s[4] != '-' || y < 1 || m < 1 || m > 12 {
			return start, end, p, nil, bad
		}
		return D(y, time.Month(m), 1), D(y, time.Month(m), daysIn(time.Month(m), y)), PrecisionMonth, nil, nil
	case 10:
		d, err := ParseDate(s)
		if err != nil {
			return start, end, p, nil, err
		}
		return d, d, PrecisionDay, nil, nil
	}
	return start, end, p, nil, bad
}

// SetDate sets the event's dates from --date-style text (see
// ParseEventDate): first, and last when not "" for a range ending with
// last's span. A date without a year gets a DateNote saying so; the two
// ends of a range must have the same precision.
func (e *Event) SetDate(first, last string) error {
	start, end, p, md, err := ParseEventDate(first)
	if err != nil {
		return err
	}
	if last != "" {
		_, end2, p2, md2, err := ParseEventDate(last)
		if err != nil {
			return err
		}
		if md != nil || md2 != nil {
			return fmt.Errorf("data: a date without a year (%s, %s) cannot be a range", first, last)
		}
		if p2 != p {
			return fmt.Errorf("data: the range %s to %s mixes %s and %s precision; write both ends alike", first, last, p, p2)
		}
		end = end2
	}
	e.Start, e.End, e.Precision, e.NoYear, e.YearInferred = start, end, p, md, ""
	e.DateNote = ""
	if md != nil {
		e.DateNote = "the source gives " + md.String() + " without a year"
	}
	return nil
}
