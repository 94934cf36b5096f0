package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/tidwall/buntdb"

	"github.com/sahelatlas/sahelatlas/data"
)

// The analyst's own events ("My events") are kept as annotations are: one
// key per event, "myevent:<id>", whose value is sealed with the schema
// version and a CRC-32 (see seal), committed and fsync'd before AddEvent,
// UpdateEvent or DeleteEvent returns, checked by the repair and kept by
// Compact like every other key.
//
//	myevent:<id>   {"v":1,"crc":"…","m":{myEventDoc}}
const myEventPrefix = "myevent:"

// MyEventsLayer is the id under which ShownEvents's hidden map hides the
// analyst's own events, as it hides an import.
const MyEventsLayer = "my-events"

// ErrNoEvent is returned by UpdateEvent, DeleteEvent and Event for an id
// the store holds no own event under.
var ErrNoEvent = errors.New("store: no event of yours with this id")

// myEventDoc is the stored form of a data.MyEvent.
type myEventDoc struct {
	Event          data.Event          `json:"e"`
	Place          data.Place          `json:"place"`
	PlacePrecision data.PlacePrecision `json:"place_precision,omitempty"`
	Origin         *data.Place         `json:"origin,omitempty"`
	Actors         []data.Participant  `json:"actors"`
	Sources        []data.Source       `json:"sources,omitempty"`
	Author         string              `json:"author,omitempty"`
	Created        time.Time           `json:"created"`
	Updated        time.Time           `json:"updated"`
}

func encodeMyEvent(m data.MyEvent) (string, error) {
	body, err := json.Marshal(struct {
		M myEventDoc `json:"m"`
	}{myEventDoc{
		Event: m.Event, Place: m.Place, PlacePrecision: m.PlacePrecision, Origin: m.Origin,
		Actors: m.Actors, Sources: m.Sources, Author: m.Author,
		Created: m.Created.UTC(), Updated: m.Updated.UTC(),
	}})
	if err != nil {
		return "", fmt.Errorf("store: event %s could not be encoded: %w", m.Event.ID, err)
	}
	return seal(body[1:]), nil // seal writes the opening brace
}

func decodeMyEvent(v string) (data.MyEvent, error) {
	if err := checkValue(v); err != nil {
		return data.MyEvent{}, err
	}
	var doc struct {
		M myEventDoc `json:"m"`
	}
	if err := json.Unmarshal([]byte(v), &doc); err != nil {
		return data.MyEvent{}, fmt.Errorf("the value is not valid JSON: %w", err)
	}
	d := doc.M
	m := data.MyEvent{
		Event: d.Event, Place: d.Place, PlacePrecision: d.PlacePrecision, Origin: d.Origin,
		Actors: d.Actors, Sources: d.Sources, Author: d.Author, Created: d.Created, Updated: d.Updated,
	}
	if err := m.Validate(); err != nil {
		return data.MyEvent{}, err
	}
	return m, nil
}

// AddEvent saves a new event of the analyst's. It gives it an id when it
// has none, sets Created and Updated, and returns it once it is on disk.
// An event that does not validate (data.MyEvent.Validate) is not saved.
func (s *Store) AddEvent(m data.MyEvent) (data.MyEvent, error) {
	if m.Event.ID == "" {
		m.Event.ID = data.NewAnnotationID()
	}
	now := s.now().UTC()
	m.Created, m.Updated = now, now
	return m, s.putEvent(m, false)
}

// UpdateEvent saves a changed event that the store holds, keeping its
// creation time and setting Updated, and returns it once it is on disk.
func (s *Store) UpdateEvent(m data.MyEvent) (data.MyEvent, error) {
	old, err := s.Event(m.Event.ID)
	if err != nil {
		return m, err
	}
	m.Created, m.Updated = old.Created, s.now().UTC()
	return m, s.putEvent(m, true)
}

// PutEvent saves m exactly as given (zero times are set to now), replacing
// any event with its id: how an undone delete puts an event back.
func (s *Store) PutEvent(m data.MyEvent) error {
	now := s.now().UTC()
	if m.Created.IsZero() {
		m.Created = now
	}
	if m.Updated.IsZero() {
		m.Updated = now
	}
	return s.putEvent(m, false)
}

// putEvent validates, encodes and commits one event; mustExist refuses an
// id the store does not hold (an update racing a delete).
func (s *Store) putEvent(m data.MyEvent, mustExist bool) error {
	if err := m.Validate(); err != nil {
		return err
	}
	v, err := encodeMyEvent(m)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return errClosed
	}
	err = s.commit(func(tx *buntdb.Tx) error {
		if mustExist {
			if _, err := tx.Get(myEventPrefix + m.Event.ID); err != nil {
				return err
			}
		}
		_, _, err := tx.Set(myEventPrefix+m.Event.ID, v, nil)
		return err
	})
	if errors.Is(err, buntdb.ErrNotFound) {
		return fmt.Errorf("%w: %s", ErrNoEvent, m.Event.ID)
	}
	if err != nil {
		return fmt.Errorf("store: event %s was NOT saved to %s: %w", m.Event.ID, s.path, err)
	}
	return nil
}

// Event returns the analyst's event with the given id, or ErrNoEvent.
func (s *Store) Event(id string) (data.MyEvent, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return data.MyEvent{}, errClosed
	}
	var v string
	err := s.db.View(func(tx *buntdb.Tx) error {
		var err error
		v, err = tx.Get(myEventPrefix + id)
		return err
	})
	if errors.Is(err, buntdb.ErrNotFound) {
		return data.MyEvent{}, fmt.Errorf("%w: %s", ErrNoEvent, id)
	}
	if err != nil {
		return data.MyEvent{}, fmt.Errorf("store: could not read event %s: %w", id, err)
	}
	m, err := decodeMyEvent(v)
	if err != nil {
		return data.MyEvent{}, fmt.Errorf("store: event %s in %s cannot be read: %w", id, s.path, err)
	}
	return m, nil
}

// DeleteEvent removes the analyst's event with the given id and returns
// it, so the caller can offer to undo (PutEvent puts it back). It returns
// nil only once the removal is on disk.
func (s *Store) DeleteEvent(id string) (data.MyEvent, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return data.MyEvent{}, errClosed
	}
	var v string
	err := s.commit(func(tx *buntdb.Tx) error {
		var err error
		v, err = tx.Delete(myEventPrefix + id)
		return err
	})
	if errors.Is(err, buntdb.ErrNotFound) {
		return data.MyEvent{}, fmt.Errorf("%w: %s", ErrNoEvent, id)
	}
	if err != nil {
		return data.MyEvent{}, fmt.Errorf("store: event %s was NOT deleted from %s: %w", id, s.path, err)
	}
	m, err := decodeMyEvent(v)
	if err != nil {
		return data.MyEvent{}, fmt.Errorf("store: event %s was deleted, but its stored copy cannot be read for undo: %w", id, err)
	}
	return m, nil
}

// Events returns the analyst's own events, oldest id first. An event whose
// value cannot be read fails the whole list, naming it.
func (s *Store) Events() ([]data.MyEvent, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return nil, errClosed
	}
	var out []data.MyEvent
	var derr error
	err := s.db.View(func(tx *buntdb.Tx) error {
		return tx.AscendKeys(myEventPrefix+"*", func(k, v string) bool {
			m, err := decodeMyEvent(v)
			if err != nil {
				derr = fmt.Errorf("store: %s in %s cannot be read: %w", k, s.path, err)
				return false
			}
			out = append(out, m)
			return true
		})
	})
	if err != nil {
		return nil, fmt.Errorf("store: could not list the events of %s: %w", s.path, err)
	}
	return out, derr
}
