package data

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"
)

// parts is a small valid dataset that each test case breaks in one way.
type parts struct {
	sources   []*Source
	places    []*Place
	actors    []*Actor
	events    []*Event
	relations []*Relation
}

func validParts() *parts {
	return &parts{
		sources: []*Source{{Document: "001_test.txt"}, {Document: "002_test.txt"}},
		places: []*Place{
			{ID: "bamako", Name: "Bamako", Point: orb.Point{-8, 12.65}, Country: "MLI"},
			{ID: "paris", Name: "Paris", Point: orb.Point{2.35, 48.85}, Country: "FRA"},
		},
		actors: []*Actor{
			{ID: "state-mli", Name: "Mali", Kind: ActorState, Country: "MLI"},
			{ID: "state-fra", Name: "France", Kind: ActorState, Country: "FRA"},
		},
		events: []*Event{
			{ID: "expulsion", Start: D(2025, 9, 14), End: D(2025, 9, 14), Precision: PrecisionDay, Kind: KindExpulsion,
				Title: "Expulsion", Place: "bamako", Actors: []string{"state-mli", "state-fra"}, Countries: []string{"MLI", "FRA"},
				Sources: []SourceRef{{Document: "001_test.txt"}, {Document: "002_test.txt"}}},
			{ID: "visit", Start: D(2013, 1, 1), End: D(2013, 12, 31), Precision: PrecisionYear, Kind: KindVisit,
				Title: "Visit", Place: "bamako", Origin: "paris", Actors: []string{"state-fra"}, Countries: []string{"FRA", "MLI"},
				Sources: []SourceRef{{Document: "001_test.txt"}}},
			{ID: "speech", Precision: PrecisionDay, NoYear: &MonthDay{time.February, 7}, DateNote: "On February 7", Kind: KindStatement,
				Title: "Speech", Place: "bamako", Actors: []string{"state-mli"}, Countries: []string{"MLI"},
				Sources: []SourceRef{{Document: "002_test.txt"}}},
		},
		relations: []*Relation{
			{ID: "fra-mli", Countries: [2]string{"FRA", "MLI"}, Changes: []RelationChange{
				{From: D(2013, 1, 1), Precision: PrecisionYear, Status: StatusCooperating, Events: []string{"visit"}},
				{From: D(2025, 9, 14), Precision: PrecisionDay, Status: StatusStrained, Events: []string{"expulsion"}},
			}},
		},
	}
}

func (p *parts) validate() error {
	return Validate(p.sources, p.places, p.actors, p.events, p.relations)
}

func TestValidateAcceptsValid(t *testing.T) {
	if err := validParts().validate(); err != nil {
		t.Fatalf("valid dataset refused: %v", err)
	}
}

func TestValidateCatchesBreakage(t *testing.T) {
	cases := []struct {
		name   string
		break_ func(p *parts)
		where  string // must appear in the error
		what   string // must appear in the error
	}{
		{"duplicate event id", func(p *parts) { p.events[1].ID = "expulsion" }, `event "expulsion"`, "id is used twice"},
		{"missing event id", func(p *parts) { p.events[2].ID = "" }, "event #3", "has no id"},
		{"duplicate place id", func(p *parts) { p.places[1].ID = "bamako" }, `place "bamako"`, "id is used twice"},
		{"duplicate actor id", func(p *parts) { p.actors[1].ID = "state-mli" }, `actor "state-mli"`, "id is used twice"},
		{"duplicate source", func(p *parts) { p.sources[1].Document = "001_test.txt" }, `source "001_test.txt"`, "id is used twice"},
		{"duplicate relation id", func(p *parts) {
			r := *p.relations[0]
			r.Countries = [2]string{"FRA", "SDN"}
			p.relations = append(p.relations, &r)
		}, `relation "fra-mli"`, "id is used twice"},
		{"unreal start date", func(p *parts) { p.events[0].Start = D(2025, 2, 30); p.events[0].End = D(2025, 3, 1) }, `event "expulsion"`, "start date 2025-02-30 does not exist"},
		{"unreal end date", func(p *parts) { p.events[0].End = D(2025, 9, 31) }, `event "expulsion"`, "end date 2025-09-31 does not exist"},
		{"end before start", func(p *parts) { p.events[0].End = D(2025, 9, 13) }, `event "expulsion"`, "ends (2025-09-13) before it starts (2025-09-14)"},
		{"start without end", func(p *parts) { p.events[0].End = Date{} }, `event "expulsion"`, "has a start but no end"},
		{"year precision not a whole year", func(p *parts) { p.events[1].End = D(2013, 6, 30) }, `event "visit"`, "year precision"},
		{"month precision not a whole month", func(p *parts) { p.events[0].Precision = PrecisionMonth }, `event "expulsion"`, "month precision"},
		{"unknown place precision", func(p *parts) { p.events[0].PlacePrecision = 200 }, `event "expulsion"`, `place_precision "PlacePrecision(200)"`},
		{"no precision", func(p *parts) { p.events[0].Precision = 0 }, `event "expulsion"`, `precision ""`},
		{"yearless date does not exist", func(p *parts) { p.events[2].NoYear.Day = 30 }, `event "speech"`, "does not exist"},
		{"yearless date without a note", func(p *parts) { p.events[2].DateNote = "" }, `event "speech"`, "needs a date_note"},
		{"yearless date given a year silently", func(p *parts) { p.events[2].Start = D(2025, 2, 7); p.events[2].End = D(2025, 2, 7) }, `event "speech"`, "year_inferred"},
		{"no date and not unknown", func(p *parts) { p.events[2].NoYear = nil }, `event "speech"`, "no start date and no no_year date"},
		{"ongoing with no start", func(p *parts) { p.events[2].Ongoing = true }, `event "speech"`, "ongoing but has no start date"},
		{"unknown kind", func(p *parts) { p.events[0].Kind = 0 }, `event "expulsion"`, `kind ""`},
		{"no title", func(p *parts) { p.events[0].Title = " " }, `event "expulsion"`, "has no title"},
		{"longitude out of range", func(p *parts) { p.places[0].Point[0] = 181 }, `place "bamako"`, "longitude 181 is outside"},
		{"latitude out of range", func(p *parts) { p.places[0].Point[1] = -91 }, `place "bamako"`, "latitude -91 is outside"},
		{"latitude not a number", func(p *parts) { p.places[0].Point[1] = math.NaN() }, `place "bamako"`, "latitude NaN"},
		{"place with a bad country", func(p *parts) { p.places[0].Country = "ML" }, `place "bamako"`, `country "ML" is not an ISO 3166 alpha-3`},
		{"event names a missing place", func(p *parts) { p.events[0].Place = "gao" }, `event "expulsion"`, `names place "gao"`},
		{"event has no place", func(p *parts) { p.events[0].Place = "" }, `event "expulsion"`, "has no place"},
		{"visit names a missing origin", func(p *parts) { p.events[1].Origin = "lyon" }, `event "visit"`, `names origin "lyon"`},
		{"event names a missing actor", func(p *parts) { p.events[0].Actors = append(p.events[0].Actors, "goita") }, `event "expulsion"`, `names actor "goita"`},
		{"event names an actor twice", func(p *parts) { p.events[1].Actors = []string{"state-fra", "state-fra"} }, `event "visit"`, `names actor "state-fra" twice`},
		{"event has no actors", func(p *parts) { p.events[0].Actors = nil }, `event "expulsion"`, "has no actors"},
		{"event cites a missing source", func(p *parts) { p.events[0].Sources[1].Document = "009_missing.txt" }, `event "expulsion"`, `cites source "009_missing.txt"`},
		{"event has no source", func(p *parts) { p.events[1].Sources = nil }, `event "visit"`, "has no source"},
		{"event with a bad country", func(p *parts) { p.events[0].Countries = []string{"Mali"} }, `event "expulsion"`, `country "Mali"`},
		{"event with no country", func(p *parts) { p.events[0].Countries = nil }, `event "expulsion"`, "has no countries"},
		{"actor kind unknown", func(p *parts) { p.actors[0].Kind = "tribe" }, `actor "state-mli"`, `kind "tribe"`},
		{"actor role ends before it starts", func(p *parts) {
			p.actors[0].Roles = []Role{{Title: "x", From: D(2021, 5, 1), To: D(2020, 8, 1)}}
		}, `actor "state-mli"`, "ends (2020-08-01) before it starts"},
		{"relation names a missing event", func(p *parts) { p.relations[0].Changes[1].Events = []string{"coup"} }, `relation "fra-mli" change 2`, `names event "coup"`},
		{"relation change with no event", func(p *parts) { p.relations[0].Changes[0].Events = nil }, `relation "fra-mli" change 1`, "names no event"},
		{"relation changes out of order", func(p *parts) { p.relations[0].Changes[1].From = D(2010, 1, 1) }, `relation "fra-mli" change 2`, "not after the change before it"},
		{"relation with an unreal date", func(p *parts) { p.relations[0].Changes[0].From = D(2013, 2, 29) }, `relation "fra-mli" change 1`, "does not exist"},
		{"relation with an unknown status", func(p *parts) { p.relations[0].Changes[0].Status = "frenemies" }, `relation "fra-mli" change 1`, `status "frenemies"`},
		{"relation of a country with itself", func(p *parts) { p.relations[0].Countries[1] = "FRA" }, `relation "fra-mli"`, "joins FRA to itself"},
		{"two relations for one pair", func(p *parts) {
			r := *p.relations[0]
			r.ID = "mli-fra"
			r.Countries = [2]string{"MLI", "FRA"}
			p.relations = append(p.relations, &r)
		}, `relation "mli-fra"`, "second relation between FRA and MLI"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := validParts()
			c.break_(p)
			err := p.validate()
			if err == nil {
				t.Fatal("Validate accepted a broken dataset")
			}
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("error is %T, want *ValidationError", err)
			}
			msg := err.Error()
			if !strings.Contains(msg, c.where) || !strings.Contains(msg, c.what) {
				t.Errorf("error does not say where (%q) and what (%q):\n%s", c.where, c.what, msg)
			}
			// New refuses what Validate refuses.
			if _, err := New(p.sources, p.places, p.actors, p.events, p.relations); err == nil {
				t.Error("New accepted a broken dataset")
			}
		})
	}
}

func TestValidateListsEveryProblem(t *testing.T) {
	p := validParts()
	p.events[0].Place = "gao"
	p.events[1].Sources = nil
	p.places[0].Point[1] = 100
	var ve *ValidationError
	if err := p.validate(); !errors.As(err, &ve) {
		t.Fatalf("Validate = %v, want *ValidationError", err)
	}
	if len(ve.Problems) != 3 {
		t.Errorf("got %d problems, want 3:\n%v", len(ve.Problems), ve)
	}
}
