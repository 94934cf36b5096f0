package article

import (
	"fmt"
	"strings"

	"github.com/sahelatlas/sahelatlas/data"
)

// Status says whether the text tells that an event happened, is planned,
// or is denied.
type Status string

// The statuses.
const (
	Happened Status = "happened"
	Planned  Status = "planned" // "will visit", "is expected to", "se rendra"
	Denied   Status = "denied"  // "denied", "did not", "a démenti"
)

// Proposal is an event an article tells, as the extractor reads it, for
// the analyst to accept, edit or reject.
type Proposal struct {
	Kind data.Kind
	// The date at the precision the text gives: Start and End for a date
	// with a year (a range for "11-13 January"), NoYear for a day or month
	// without one. Ongoing for "since 2021".
	Start, End data.Date
	Precision  data.Precision
	NoYear     *data.MonthDay
	Ongoing    bool
	// YearHint is the year a date without one probably has (that of the
	// publication date), with its reason; it is not applied: the analyst
	// decides.
	YearHint       int
	YearHintReason string

	Place          data.Place
	PlacePrecision data.PlacePrecision // town, region, country or inferred
	Origin         *data.Place         // for a visit, where the visitor came from
	Actors         []data.Participant
	Countries      []string // ISO alpha-3: the place's, the origin's and the actors'
	Status         Status

	Evidence   string   // the sentence
	EvidenceAt [2]int   // its byte span in Result.Text
	Marks      [][2]int // byte spans in Result.Text of the words it was read from
	Confidence string   // what was inferred and why
}

// DateString writes the date as the command line and GeoJSON do:
// YYYY-MM-DD, YYYY-MM, YYYY, --MM-DD or --MM.
func (p *Proposal) DateString() string { return dateText(p.Start, p.Precision, p.NoYear) }

// EndString writes the last day of a range at the date's precision, or ""
// when the date is not a range.
func (p *Proposal) EndString() string {
	if p.NoYear != nil || p.Start.IsZero() {
		return ""
	}
	if dateText(p.Start, p.Precision, nil) == dateText(p.End, p.Precision, nil) {
		return ""
	}
	return dateText(p.End, p.Precision, nil)
}

func dateText(d data.Date, prec data.Precision, md *data.MonthDay) string {
	if md != nil {
		if md.Day == 0 {
			return fmt.Sprintf("--%02d", int(md.Month))
		}
		return fmt.Sprintf("--%02d-%02d", int(md.Month), md.Day)
	}
	switch prec {
	case data.PrecisionYear:
		return fmt.Sprintf("%04d", d.Year())
	case data.PrecisionMonth:
		return fmt.Sprintf("%04d-%02d", d.Year(), int(d.Month()))
	}
	return d.String()
}

// ActorNames returns the names of the proposal's actors.
func (p *Proposal) ActorNames() []string {
	out := make([]string, len(p.Actors))
	for i, a := range p.Actors {
		out[i] = a.Actor.Name
	}
	return out
}

// Title is a one-line title for the proposal: its kind, first actors and
// place ("Visit: Abdel Fattah al-Burhan, Sudan — Bamako").
func (p *Proposal) Title() string {
	k := p.Kind.String()
	k = strings.ToUpper(k[:1]) + strings.ReplaceAll(k[1:], "_", " ")
	var names []string // persons first
	for _, person := range []bool{true, false} {
		for _, a := range p.Actors {
			if (a.Actor.Kind == data.ActorPerson) == person && len(names) < 2 {
				names = append(names, a.Actor.Name)
			}
		}
	}
	t := k
	if len(names) > 0 {
		t += ": " + strings.Join(names, ", ")
	}
	if p.Place.Name != "" {
		t += " — " + p.Place.Name
	}
	switch p.Status {
	case Planned:
		t += " (planned)"
	case Denied:
		t += " (denied)"
	}
	return t
}

// MyEvent returns the proposal as an event of the analyst's, citing src
// (the article: its text, headline, outlet, publication date). It has no
// id: the caller gives it one (data.NewAnnotationID). A planned or denied
// proposal says so in its title and confidence.
func (p *Proposal) MyEvent(src data.Source) data.MyEvent {
	e := data.Event{
		Kind: p.Kind, Title: p.Title(), Summary: p.Evidence,
		Start: p.Start, End: p.End, Precision: p.Precision, Ongoing: p.Ongoing,
		Confidence: p.Confidence,
	}
	if p.NoYear != nil {
		md := *p.NoYear
		e.NoYear = &md
		e.Start, e.End = data.Date{}, data.Date{}
		e.DateNote = "the article gives " + md.String() + " without a year"
	}
	m := data.MyEvent{
		Event: e, Place: p.Place, PlacePrecision: p.PlacePrecision,
		Actors: append([]data.Participant(nil), p.Actors...),
	}
	if p.Origin != nil {
		o := *p.Origin
		m.Origin = &o
	}
	m.Sources = []data.Source{src}
	return m
}

// MyEventInYear is MyEvent with the year YearHint given to a date the
// text gives without one, flagged with its reason (Event.YearInferred),
// for an analyst who accepts the inference; ok is false when the
// proposal's date has a year or no year can be inferred.
func (p *Proposal) MyEventInYear(src data.Source) (m data.MyEvent, ok bool) {
	m = p.MyEvent(src)
	if p.NoYear == nil || p.YearHint == 0 {
		return m, false
	}
	md, y := *p.NoYear, p.YearHint
	e := &m.Event
	if md.Day == 0 {
		e.Start, e.End = data.D(y, md.Month, 1), data.D(y, md.Month+1, 1).AddDays(-1)
	} else {
		e.Start = data.D(y, md.Month, md.Day)
		e.End = e.Start
	}
	if !e.Start.Valid() { // 29 February in a common year
		return p.MyEvent(src), false
	}
	e.YearInferred = fmt.Sprintf("%d, accepted by the analyst: %s", y, p.YearHintReason)
	return m, true
}
