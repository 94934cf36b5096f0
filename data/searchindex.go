package data

import (
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"
)

// searchIndex is what a dataset's search looks in beyond its events' own
// text, folded: each actor's names and each event's searchText, made on
// the first search rather than by New. A snapshot never searches, and the
// French words search also finds (french.json, the French catalog) take
// a few milliseconds to read. Searches run on several goroutines: each
// calls ready first, which makes the index once.
type searchIndex struct {
	once      sync.Once
	standIn   *searchText       // what the events point at until the index is made
	events    []*Event          // the dataset's events, until then
	places    map[string]*Place // the dataset's places, until then
	actors    []*Actor          // the dataset's actors, until then
	actorText map[string]string // each actor's names, French ones too, folded, by id
}

// newSearchIndex returns d's search index, not yet made, and points each
// of d's events at its stand-in.
func newSearchIndex(d *Dataset) *searchIndex {
	x := &searchIndex{events: d.Events, places: d.places, actors: d.Actors}
	x.standIn = &searchText{index: x}
	for _, e := range d.Events {
		atomic.StorePointer(&e.search, unsafe.Pointer(x.standIn))
	}
	return x
}

// ready makes the index the first time it is called; it returns once the
// index is made.
func (x *searchIndex) ready() { x.once.Do(x.make) }

// make folds each actor's names, and gives each event its searchText in
// place of the stand-in: events whose text folds alike share one, so that
// a million of them do not keep a folded copy each.
func (x *searchIndex) make() {
	x.actorText = make(map[string]string, len(x.actors))
	for _, a := range x.actors {
		x.actorText[a.ID] = Fold(strings.Join(append(a.Names(), a.FrenchNames()...), "\n"))
	}
	shared := map[string]*searchText{}
	for _, e := range x.events {
		text := Fold(strings.Join(x.parts(e), "\n"))
		s := shared[text]
		if s == nil {
			s = &searchText{index: x, text: text}
			shared[text] = s
		}
		// An event that has since joined another dataset keeps that one's.
		atomic.CompareAndSwapPointer(&e.search, unsafe.Pointer(x.standIn), unsafe.Pointer(s))
	}
	x.events, x.places, x.actors = nil, nil, nil
}

// parts are the words of e's searchText before folding: its kind, its
// French words (see frenchSearch), its countries, and the names and
// aliases of its place and origin.
func (x *searchIndex) parts(e *Event) []string {
	parts := []string{e.Kind.String()}
	parts = append(parts, e.frenchSearch()...)
	parts = append(parts, e.Countries...)
	for _, id := range []string{e.Place, e.Origin} {
		if p := x.places[id]; p != nil {
			parts = append(parts, p.Names()...)
		}
	}
	return parts
}
