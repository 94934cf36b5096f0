package article

import (
	"fmt"
	"hash/fnv"
	"math"
	"path/filepath"
	"strings"

	"github.com/sahelatlas/sahelatlas/data"
)

// Source returns the article as the source of the events accepted from
// it (see ArticleSource), its file name as headline.
func (a ArticleInfo) Source() data.Source {
	d, _ := data.ParseDate(a.Published)
	name := ""
	if a.File != "" {
		name = filepath.Base(a.File)
	}
	return ArticleSource(a.Text, name, d)
}

// ArticleSource returns the source of events read from an article: its
// headline (when "", the text's first line, cut at 120 characters), its
// publication date and its text, named by its headline and a checksum of
// its text ("Mali expels… · article 1a2b3c4d") so that two articles with
// the same headline stay two sources.
func ArticleSource(text, headline string, published data.Date) data.Source {
	if headline == "" {
		for _, line := range strings.Split(text, "\n") {
			if line = strings.TrimSpace(line); line != "" {
				headline = line
				break
			}
		}
		if r := []rune(headline); len(r) > 120 {
			headline = string(r[:119]) + "…"
		}
	}
	h := fnv.New32a()
	h.Write([]byte(text))
	return data.Source{
		Document:  fmt.Sprintf("%s · article %08x", headline, h.Sum32()),
		Headline:  headline,
		Published: published,
		Text:      text,
	}
}

// Proposal rebuilds the proposal: its place found in gaz by name near
// its point (else a place of that name at the point), its origin by name,
// its actors among known by name or alias (else new actors), a visit's
// actors as visitors or hosts by their country. It fails on a kind,
// date, precision or status that is not one of the model's.
func (p *Proposed) Proposal(gaz *data.Gazetteer, known []*data.Actor) (Proposal, error) {
	pp, ppKnown := data.ParsePlacePrecision(p.PlacePrecision)
	out := Proposal{Kind: p.Kind, Status: p.Status, Evidence: p.Evidence, Confidence: p.Confidence,
		PlacePrecision: pp, Countries: p.Countries}
	if !p.Kind.Valid() {
		return out, fmt.Errorf("article: kind %q is not one of the kinds of event", p.Kind)
	}
	switch p.Status {
	case Happened, Planned, Denied:
	default:
		return out, fmt.Errorf("article: status %q is not happened, planned or denied", p.Status)
	}
	if !ppKnown {
		return out, fmt.Errorf("article: place precision %q is not exact, town, region, country or inferred", p.PlacePrecision)
	}
	var e data.Event
	end := ""
	if p.End != nil && *p.End != "ongoing" {
		end = *p.End
	}
	if err := e.SetDate(p.Date, end); err != nil {
		return out, fmt.Errorf("article: %s", err.Error()[len("data: "):])
	}
	out.Start, out.End, out.Precision, out.NoYear = e.Start, e.End, e.Precision, e.NoYear
	out.Ongoing = p.End != nil && *p.End == "ongoing"
	out.Place = data.Place{Name: p.Place, Point: p.Point}
	for _, pl := range gaz.Lookup(p.Place) {
		if math.Abs(pl.Lon()-p.Point[0]) < 0.05 && math.Abs(pl.Lat()-p.Point[1]) < 0.05 {
			out.Place = *pl
			break
		}
	}
	if p.Origin != nil && *p.Origin != "" {
		o := data.Place{Name: *p.Origin}
		if ps := gaz.Lookup(*p.Origin); len(ps) > 0 {
			o = *ps[0]
		}
		out.Origin = &o
	}
	for _, name := range p.Actors {
		a := data.Actor{Name: name}
		key := data.Fold(name)
	find:
		for _, k := range known {
			for _, n := range k.Names() {
				if data.Fold(n) == key {
					a = *k
					break find
				}
			}
		}
		role := data.RoleParty
		if out.Kind == data.KindVisit {
			role = data.RoleHost
			if a.Country != "" && a.Country != out.Place.Country {
				role = data.RoleVisitor
			}
		}
		out.Actors = append(out.Actors, data.Participant{Actor: a, Role: role})
	}
	if len(out.Actors) == 0 {
		return out, fmt.Errorf("article: the proposal names no actor")
	}
	return out, nil
}
