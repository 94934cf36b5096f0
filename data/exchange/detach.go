package exchange

import (
	"strings"

	"github.com/sahelatlas/sahelatlas/data"
)

// detacher copies what Merge keeps of imported records into memory of
// their own, shared where it repeats. Records read from a store share the
// decoded block they come from (a month of events): one string kept from
// a record would keep the whole block alive. A million imported events
// name a few kinds, places, countries, actors and field values over and
// over; each copy is made once. Ids, titles and summaries, which seldom
// repeat, are copied each.
type detacher struct {
	strs   data.Strings
	lists  map[string][]string     // shared actor and country lists, by their joined strings
	fields map[string][]data.Field // shared field lists, by their joined names and values
	key    []byte
}

// detachMax bounds the tables of shared lists, as data.Strings does.
const detachMax = 1 << 16

// event detaches e, a copy of an imported record's event, in place. Its
// id, title and summary are copied into one string and sliced from it:
// one allocation rounded up to the allocator's size classes, not three.
func (t *detacher) event(e *data.Event) {
	var b strings.Builder
	b.Grow(len(e.ID) + len(e.Title) + len(e.Summary))
	b.WriteString(e.ID)
	b.WriteString(e.Title)
	b.WriteString(e.Summary)
	text := b.String()
	i, j := len(e.ID), len(e.ID)+len(e.Title)
	e.ID, e.Title, e.Summary = text[:i], text[i:j], text[j:]
	e.DateNote = t.strs.Intern(e.DateNote)
	e.YearInferred = t.strs.Intern(e.YearInferred)
	e.Place = t.strs.Intern(e.Place)
	e.Origin = t.strs.Intern(e.Origin)
	e.Confidence = t.strs.Intern(e.Confidence)
	e.Actors = t.list(e.Actors)
	e.Countries = t.list(e.Countries)
	if len(e.Sources) > 0 {
		src := make([]data.SourceRef, len(e.Sources))
		for i, s := range e.Sources {
			src[i] = data.SourceRef{Document: t.strs.Intern(s.Document), Note: strings.Clone(s.Note)}
		}
		e.Sources = src
	}
	e.Fields = t.fieldList(e.Fields)
}

// list returns the shared copy of ss (nil for none).
func (t *detacher) list(ss []string) []string {
	if len(ss) == 0 {
		return nil
	}
	t.key = t.key[:0]
	for _, s := range ss {
		t.key = append(append(t.key, s...), 0)
	}
	if l, ok := t.lists[string(t.key)]; ok {
		return l
	}
	l := t.strs.InternAll(ss)
	if t.lists == nil {
		t.lists = map[string][]string{}
	}
	if len(t.lists) < detachMax {
		t.lists[string(t.key)] = l
	}
	return l
}

// fieldList returns the shared copy of fs (nil for none).
func (t *detacher) fieldList(fs []data.Field) []data.Field {
	if len(fs) == 0 {
		return nil
	}
	t.key = t.key[:0]
	for _, f := range fs {
		t.key = append(append(append(append(t.key, f.Name...), 0), f.Value...), 0)
	}
	if l, ok := t.fields[string(t.key)]; ok {
		return l
	}
	l := make([]data.Field, len(fs))
	for i, f := range fs {
		l[i] = data.Field{Name: t.strs.Intern(f.Name), Value: t.strs.Intern(f.Value)}
	}
	if t.fields == nil {
		t.fields = map[string][]data.Field{}
	}
	if len(t.fields) < detachMax {
		t.fields[string(t.key)] = l
	}
	return l
}

// place returns a copy of p in memory of its own.
func (t *detacher) place(p *data.Place) *data.Place {
	c := *p
	c.ID, c.Name, c.Aliases = t.strs.Intern(p.ID), t.strs.Intern(p.Name), t.strs.InternAll(p.Aliases)
	c.Country, c.Feature, c.Note = t.strs.Intern(p.Country), t.strs.Intern(p.Feature), t.strs.Intern(p.Note)
	return &c
}

// actor returns a copy of a in memory of its own.
func (t *detacher) actor(a *data.Actor) *data.Actor {
	c := *a
	c.ID, c.Name, c.Aliases = t.strs.Intern(a.ID), t.strs.Intern(a.Name), t.strs.InternAll(a.Aliases)
	c.Kind, c.Country, c.Note = data.ActorKind(t.strs.Intern(string(a.Kind))), t.strs.Intern(a.Country), t.strs.Intern(a.Note)
	if len(a.Roles) > 0 {
		c.Roles = make([]data.Role, len(a.Roles))
		for i, r := range a.Roles {
			r.Title, r.Source, r.Note = t.strs.Intern(r.Title), t.strs.Intern(r.Source), t.strs.Intern(r.Note)
			c.Roles[i] = r
		}
	}
	return &c
}

// source returns a copy of s in memory of its own.
func (t *detacher) source(s *data.Source) *data.Source {
	c := *s
	c.Document, c.Outlet, c.Author = t.strs.Intern(s.Document), t.strs.Intern(s.Outlet), t.strs.Intern(s.Author)
	c.Headline, c.URL, c.DateNote = t.strs.Intern(s.Headline), t.strs.Intern(s.URL), t.strs.Intern(s.DateNote)
	c.Confidence, c.Text = t.strs.Intern(s.Confidence), strings.Clone(s.Text)
	return &c
}
