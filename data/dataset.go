package data

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"

	"github.com/sahelatlas/sahelatlas/assets"
)

// Dataset holds events with the actors, places, sources and relations they
// refer to, checked and indexed for the queries the map needs. Build one with
// New, Load or LoadBundled; do not change it afterwards.
type Dataset struct {
	Sources   []*Source
	Places    []*Place
	Actors    []*Actor
	Events    []*Event // dated events by start, end and id, then the undated ones by id
	Relations []*Relation

	sources   map[string]*Source
	places    map[string]*Place
	actors    map[string]*Actor
	byID      []int32 // positions in Events, in the order of their ids: Event's binary search
	relations map[[2]string]*Relation

	actorCount map[string]int // the events naming each actor, by id
	dated      int            // Events[:dated] are dated
	index      dateIndex

	gazOnce sync.Once
	gaz     *Gazetteer
	gazErr  error

	spanOnce            sync.Once
	spanFirst, spanLast Date

	// The lists of events by kind, actor and country, made on the first
	// ByKind, ByActor or ByCountry: the window asks none of them, and a
	// million events' lists take 40 MB.
	listsOnce sync.Once
	byKind    map[Kind][]*Event
	byActor   map[string][]*Event
	byCountry map[string][]*Event
}

// The files of a dataset directory, in the order they are read.
const (
	SourcesFile   = "sources.json"
	PlacesFile    = "places.json"
	ActorsFile    = "actors.json"
	EventsFile    = "events.json"
	RelationsFile = "relations.json"
)

// New checks the parts of a dataset with Validate and indexes them. The
// events are sorted (dated ones by start, end and id, then undated ones by
// id); the slices passed in are not modified.
func New(sources []*Source, places []*Place, actors []*Actor, events []*Event, relations []*Relation) (*Dataset, error) {
	if err := Validate(sources, places, actors, events, relations); err != nil {
		return nil, err
	}
	d := &Dataset{
		Sources:   sources,
		Places:    places,
		Actors:    actors,
		Events:    slices.Clone(events),
		Relations: relations,
		sources:   make(map[string]*Source, len(sources)),
		places:    make(map[string]*Place, len(places)),
		actors:    make(map[string]*Actor, len(actors)),
		relations: make(map[[2]string]*Relation, len(relations)),
	}
	for _, s := range sources {
		d.sources[s.Document] = s
	}
	for _, p := range places {
		d.places[p.ID] = p
	}
	for _, a := range actors {
		d.actors[a.ID] = a
	}
	for _, r := range relations {
		d.relations[pairKey(r.Countries[0], r.Countries[1])] = r
	}
	slices.SortFunc(d.Events, compareEvents)
	d.actorCount = map[string]int{}
	for i, e := range d.Events {
		if e.Dated() {
			d.dated = i + 1
		}
		e.at = d.places[e.Place].Point
		for _, a := range e.Actors {
			d.actorCount[a]++
		}
	}
	newSearchIndex(d) // what search looks in beyond the events' own text, made on the first search
	d.index = newDateIndex(d.Events[:d.dated])
	d.byID = positionsByID(d.Events)
	return d, nil
}

// positionsByID returns the positions of events in the order of their
// ids (unique, as Validate checks): four bytes an event where a map by id
// kept about forty.
func positionsByID(events []*Event) []int32 {
	byID := make([]int32, len(events))
	for i := range byID {
		byID[i] = int32(i)
	}
	slices.SortFunc(byID, func(a, b int32) int { return strings.Compare(events[a].ID, events[b].ID) })
	return byID
}

// eventLists makes the lists of events by kind, actor and country the
// first time it is called.
func (d *Dataset) eventLists() {
	d.listsOnce.Do(func() {
		d.byKind, d.byActor, d.byCountry = makeEventIndexes(d.Events)
		for _, e := range d.Events {
			d.byKind[e.Kind] = append(d.byKind[e.Kind], e)
			for _, a := range e.Actors {
				d.byActor[a] = append(d.byActor[a], e)
			}
			for _, c := range e.Countries {
				d.byCountry[c] = append(d.byCountry[c], e)
			}
		}
	})
}

// ActorEventCount returns the number of events naming the actor with id.
func (d *Dataset) ActorEventCount(id string) int { return d.actorCount[id] }

// makeEventIndexes makes the indexes by kind, actor and country empty,
// each list with room for exactly its events: grown by append, a
// million events' lists kept up to a quarter more room than they use.
func makeEventIndexes(events []*Event) (byKind map[Kind][]*Event, byActor, byCountry map[string][]*Event) {
	kinds, actors, countries := map[Kind]int{}, map[string]int{}, map[string]int{}
	for _, e := range events {
		kinds[e.Kind]++
		for _, a := range e.Actors {
			actors[a]++
		}
		for _, c := range e.Countries {
			countries[c]++
		}
	}
	byKind = make(map[Kind][]*Event, len(kinds))
	for k, n := range kinds {
		byKind[k] = make([]*Event, 0, n)
	}
	byActor = make(map[string][]*Event, len(actors))
	for a, n := range actors {
		byActor[a] = make([]*Event, 0, n)
	}
	byCountry = make(map[string][]*Event, len(countries))
	for c, n := range countries {
		byCountry[c] = make([]*Event, 0, n)
	}
	return byKind, byActor, byCountry
}

// compareEvents orders dated events by start, end and id, and puts undated
// events after them, by id.
func compareEvents(a, b *Event) int {
	switch {
	case a.Dated() != b.Dated():
		if a.Dated() {
			return -1
		}
		return 1
	case !a.Dated():
		return strings.Compare(a.ID, b.ID)
	}
	if c := a.Start.Compare(b.Start); c != 0 {
		return c
	}
	if c := a.End.Compare(b.End); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}

// Load reads a dataset from the five JSON files at the root of fsys
// (sources.json, places.json, actors.json, events.json, relations.json),
// then checks and indexes it with New.
func Load(fsys fs.FS) (*Dataset, error) {
	var (
		sources   []*Source
		places    []*Place
		actors    []*Actor
		events    []*Event
		relations []*Relation
	)
	for _, f := range []struct {
		name string
		v    any
	}{
		{SourcesFile, &sources},
		{PlacesFile, &places},
		{ActorsFile, &actors},
		{EventsFile, &events},
		{RelationsFile, &relations},
	} {
		if err := readJSON(fsys, f.name, f.v); err != nil {
			return nil, err
		}
	}
	return New(sources, places, actors, events, relations)
}

// LoadBundled loads the dataset embedded in the binary (assets/dataset),
// drawn from the five seed documents.
func LoadBundled() (*Dataset, error) {
	sub, err := fs.Sub(assets.Dataset, "dataset")
	if err != nil {
		return nil, fmt.Errorf("data: bundled dataset: %w", err)
	}
	return Load(sub)
}

// readJSON decodes one file strictly (unknown fields are errors) and says
// where it failed. It decodes the file as it reads it: only a file that
// fails is read whole, to count its lines.
func readJSON(fsys fs.FS, name string, v any) error {
	f, err := fsys.Open(name)
	if err != nil {
		return fmt.Errorf("data: cannot read %s: %w", name, err)
	}
	defer f.Close()
	dec := json.NewDecoder(f)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var off int64 = -1
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			off = se.Offset
		case errors.As(err, &te):
			off = te.Offset
		default:
			off = dec.InputOffset()
		}
		b, rerr := fs.ReadFile(fsys, name)
		if rerr != nil {
			return fmt.Errorf("data: cannot read %s: %w", name, rerr)
		}
		return fmt.Errorf("data: %s line %d: %w; fix the file and load it again", name, lineAt(b, off), err)
	}
	return nil
}

// lineAt returns the 1-based line holding byte offset off of b.
func lineAt(b []byte, off int64) int {
	if off < 0 || off > int64(len(b)) {
		off = int64(len(b))
	}
	return bytes.Count(b[:off], []byte("\n")) + 1
}

// Event returns the event with id, or nil.
func (d *Dataset) Event(id string) *Event {
	i, ok := slices.BinarySearchFunc(d.byID, id, func(p int32, id string) int { return strings.Compare(d.Events[p].ID, id) })
	if !ok {
		return nil
	}
	return d.Events[d.byID[i]]
}

// Actor returns the actor with id, or nil.
func (d *Dataset) Actor(id string) *Actor { return d.actors[id] }

// Place returns the place with id, or nil.
func (d *Dataset) Place(id string) *Place { return d.places[id] }

// Source returns the source whose document is named doc, or nil.
func (d *Dataset) Source(doc string) *Source { return d.sources[doc] }

// Relation returns the relation between countries a and b (alpha-3, either
// order), or nil.
func (d *Dataset) Relation(a, b string) *Relation { return d.relations[pairKey(a, b)] }

// Dated returns the dated events, by start date.
func (d *Dataset) Dated() []*Event { return d.Events[:d.dated] }

// Undated returns the events with no year on the calendar (a year-less date
// or no date at all), by id.
func (d *Dataset) Undated() []*Event { return d.Events[d.dated:] }

func pairKey(a, b string) [2]string {
	if b < a {
		a, b = b, a
	}
	return [2]string{a, b}
}
