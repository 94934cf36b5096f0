package exchange

import (
	"fmt"
	"slices"

	"github.com/sahelatlas/sahelatlas/data"
)

// A Merger merges imported records into a base dataset a batch at a time,
// as Merge does all at once: it copies what the dataset keeps out of each
// batch (see detacher), so the caller may drop a batch, and the memory
// its records share, once Add returns. A million events read from a store
// a month block at a time are never all held as records.
type Merger struct {
	sources   []*data.Source
	places    []*data.Place
	actors    []*data.Actor
	events    []*data.Event
	relations []*data.Relation

	srcSeen          map[string]bool
	placeSeen        map[string]bool
	actorByID        map[string]string // imported actor id → dataset actor id
	actorSeen        map[string]bool
	byName           map[string]string // folded name or alias → base actor id
	eventSeen        map[string]bool
	needUnattributed bool

	evs   []data.Event // the chunk the next imported events go in
	hint  int          // how many imported events are still expected
	added int          // imported events added
	dt    detacher

	mark     mergeMark
	markedBy []string // actorByID keys added since Mark
}

// mergeMark is what Undo goes back to.
type mergeMark struct {
	sources, places, actors, events, added int
	needUnattributed                       bool
}

// NewMerger returns a Merger of base's events (nil for none) and the
// records Add is given; n is about how many records (0 if unknown), so
// their events are allocated together.
func NewMerger(base *data.Dataset, n int) *Merger {
	m := &Merger{
		srcSeen:   map[string]bool{},
		placeSeen: map[string]bool{},
		actorByID: map[string]string{},
		actorSeen: map[string]bool{},
		byName:    map[string]string{},
		eventSeen: map[string]bool{},
		hint:      n,
	}
	if base != nil {
		m.sources = append(m.sources, base.Sources...)
		m.places = append(m.places, base.Places...)
		m.actors = append(m.actors, base.Actors...)
		m.relations = base.Relations
		for _, s := range base.Sources {
			m.srcSeen[s.Document] = true
		}
		for _, p := range base.Places {
			m.placeSeen[p.ID] = true
		}
		for _, a := range base.Actors {
			m.actorSeen[a.ID] = true
			for _, n := range a.Names() {
				if _, ok := m.byName[data.Fold(n)]; !ok {
					m.byName[data.Fold(n)] = a.ID
				}
			}
		}
		m.events = make([]*data.Event, 0, len(base.Events)+n)
		for _, e := range base.Events {
			m.eventSeen[e.ID] = true
			m.events = append(m.events, cloneEvent(e))
		}
	} else if n > 0 {
		m.events = make([]*data.Event, 0, n)
	}
	m.Mark()
	return m
}

// Added is how many imported events the Merger holds.
func (m *Merger) Added() int { return m.added }

// Mark notes where Undo goes back to: the Merger as it is now.
func (m *Merger) Mark() {
	m.mark = mergeMark{
		sources: len(m.sources), places: len(m.places), actors: len(m.actors),
		events: len(m.events), added: m.added, needUnattributed: m.needUnattributed,
	}
	m.markedBy = m.markedBy[:0]
}

// Undo drops every record added since the last Mark (or since NewMerger),
// as if Add had never been given them: a store whose events file turns
// out damaged half-way leaves none of that file's events.
func (m *Merger) Undo() {
	k := m.mark
	for _, s := range m.sources[k.sources:] {
		delete(m.srcSeen, s.Document)
	}
	clear(m.sources[k.sources:])
	m.sources = m.sources[:k.sources]
	for _, p := range m.places[k.places:] {
		delete(m.placeSeen, p.ID)
	}
	clear(m.places[k.places:])
	m.places = m.places[:k.places]
	for _, a := range m.actors[k.actors:] {
		delete(m.actorSeen, a.ID)
	}
	clear(m.actors[k.actors:])
	m.actors = m.actors[:k.actors]
	for _, id := range m.markedBy {
		delete(m.actorByID, id)
	}
	m.markedBy = m.markedBy[:0]
	for _, e := range m.events[k.events:] {
		delete(m.eventSeen, e.ID)
		*e = data.Event{} // its slot in a chunk keeps nothing alive
	}
	clear(m.events[k.events:])
	m.events = m.events[:k.events]
	m.hint += m.added - k.added
	m.added = k.added
	m.needUnattributed = k.needUnattributed
}

// newEvent returns the slot of the next imported event.
func (m *Merger) newEvent() *data.Event {
	if len(m.evs) == cap(m.evs) {
		m.evs = make([]data.Event, 0, max(m.hint, 1024, m.added/2))
	}
	m.evs = m.evs[:len(m.evs)+1]
	m.hint = max(m.hint-1, 0)
	m.added++
	return &m.evs[len(m.evs)-1]
}

// Add merges records, in order, after those added before: what the
// dataset keeps is copied, so records may be dropped when Add returns.
func (m *Merger) Add(records []data.Record) {
	dt := &m.dt
	for i := range records {
		r := &records[i]
		for j := range r.Sources {
			s := &r.Sources[j]
			if !m.srcSeen[s.Document] { // keys are copies: a record's strings keep its block
				c := dt.source(s)
				m.srcSeen[c.Document] = true
				m.sources = append(m.sources, c)
			}
		}
		for _, p := range []*data.Place{&r.Place, r.OriginPlace} {
			if p != nil && !m.placeSeen[p.ID] {
				c := dt.place(p)
				m.placeSeen[c.ID] = true
				m.places = append(m.places, c)
			}
		}
		for _, a := range r.Actors {
			if _, done := m.actorByID[a.ID]; done {
				continue
			}
			aid := dt.strs.Intern(a.ID)
			m.markedBy = append(m.markedBy, aid)
			if id, ok := m.byName[data.Fold(a.Name)]; ok {
				m.actorByID[aid] = id
				continue
			}
			if a.Name == unattributed.Name { // read back from an export
				m.actorByID[aid] = unattributed.ID
				m.needUnattributed = true
				continue
			}
			m.actorByID[aid] = aid
			if !m.actorSeen[aid] {
				m.actorSeen[aid] = true
				m.actors = append(m.actors, dt.actor(a))
			}
		}
		e := m.newEvent()
		*e = r.Event
		if len(e.Fields) == 0 {
			e.Fields = r.Extra
		}
		if m.eventSeen[e.ID] {
			e.ID = data.Slug(r.From.File) + "/" + e.ID
			for k := 2; m.eventSeen[e.ID]; k++ {
				e.ID = fmt.Sprintf("%s/%s-%d", data.Slug(r.From.File), r.Event.ID, k)
			}
		}
		if len(e.Actors) == 0 {
			e.Actors = []string{unattributed.ID}
			m.needUnattributed = true
		} else {
			ids := make([]string, 0, len(e.Actors))
			for _, id := range e.Actors {
				if to, ok := m.actorByID[id]; ok {
					id = to
				}
				if !slices.Contains(ids, id) {
					ids = append(ids, id)
				}
			}
			e.Actors = ids
		}
		dt.event(e)
		m.eventSeen[e.ID] = true
		m.events = append(m.events, e)
	}
}

// Dataset returns the merged dataset, checked and indexed by data.New.
// The Merger is not used after.
func (m *Merger) Dataset() (*data.Dataset, error) {
	if m.needUnattributed && !m.actorSeen[unattributed.ID] {
		a := unattributed
		m.actors = append(m.actors, &a)
	}
	return data.New(m.sources, m.places, m.actors, m.events, m.relations)
}
