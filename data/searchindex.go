package data

import (
	"strings"
	"sync"
)

// searchIndex is what a dataset's search looks in beyond its events' own
// text, folded: each actor's names and each searchText, made on the first
// search rather than by New. A snapshot never searches, and the French
// words search also finds (french.json, the French catalog) cost a few
// milliseconds to read. The events and the window search concurrently:
// every reader calls ready first, which makes it once.
type searchIndex struct {
	once   sync.Once
	events []*Event          // the dataset's events, until the index is made
	places map[string]*Place // the dataset's places, until then
	actors []*Actor          // the dataset's actors, until then

	actorText map[string]string // each actor's names, French ones too, folded, by id
}

// searchKey is what an event's searchText is made of besides its French
// title and summary: the events that share one share these.
type searchKey struct {
	kind                     Kind
	place, origin, countries string
}

// newSearchIndex returns d's search index, not yet made, and gives each
// event its searchText, shared by the events of one kind, place, origin
// and countries.
func newSearchIndex(d *Dataset) *searchIndex {
	x := &searchIndex{events: d.Events, places: d.places, actors: d.Actors}
	shared := map[searchKey]*searchText{}
	for _, e := range d.Events {
		k := searchKey{e.Kind, e.Place, e.Origin, strings.Join(e.Countries, "\n")}
		s := shared[k]
		if s == nil {
			s = &searchText{index: x}
			shared[k] = s
		}
		e.search = s
	}
	return x
}

// ready makes the index the first time it is called; it returns when the
// index is made.
func (x *searchIndex) ready() { x.once.Do(x.make) }

// make folds each actor's names and each event's searchText: its kind,
// countries, and the names and aliases of its place and origin, with the
// French name of its kind; and, for a bundled event French words, its
// French title and summary (see french.go). Texts that fold alike share
// one copy, so that a million events do not keep one each.
func (x *searchIndex) make() {
	x.actorText = make(map[string]string, len(x.actors))
	for _, a := range x.actors {
		x.actorText[a.ID] = Fold(strings.Join(append(a.Names(), a.FrenchNames()...), "\n"))
	}
	texts := map[string]string{}
	for _, e := range x.events {
		s := e.search
		if s.index != x {
			continue // the event has since joined another dataset, which makes its text
		}
		if !s.made {
			text := Fold(strings.Join(x.parts(e), "\n"))
			if t, ok := texts[text]; ok {
				text = t
			} else {
				texts[text] = text
			}
			s.text, s.made = text, true
		}
		if f, ok := e.french(); ok {
			if s.french == nil {
				s.french = map[string]string{}
			}
			s.french[e.ID] = Fold(f.title + "\n" + f.summary)
		}
	}
	x.events, x.places, x.actors = nil, nil, nil
}

// parts are the words of e's shared searchText, before folding.
func (x *searchIndex) parts(e *Event) []string {
	parts := []string{e.Kind.String()}
	parts = append(parts, e.frenchKind()...)
	parts = append(parts, e.Countries...)
	for _, id := range []string{e.Place, e.Origin} {
		if p := x.places[id]; p != nil {
			parts = append(parts, p.Names()...)
		}
	}
	return parts
}
