package store

import (
	"fmt"
	"strings"

	"github.com/sahelatlas/sahelatlas/data"
)

// A RecordSink takes a store's shown events a batch at a time (see
// Store.ShownEventsTo); exchange.Merger is one.
type RecordSink interface {
	// Add takes a batch of records, in order. They share memory the store
	// drops or reuses once Add returns: Add copies what it keeps.
	Add(records []data.Record)
	// Mark notes the start of an import's events.
	Mark()
	// Undo drops every record Add took since the last Mark.
	Undo()
}

// ShownEventsTo is ShownEvents that hands the events to sink as it reads
// them, an events file's block (a month) at a time, instead of returning
// them all: a million imported events are never all held as records. The
// imports are the same, with the same problems; an import whose events
// file turns out damaged after some of its blocks were handed over is
// undone (sink.Undo), so it adds no event, as with ShownEvents. On an
// error the sink holds part of the events and is to be dropped.
func (s *Store) ShownEventsTo(hidden map[string]bool, sink RecordSink) ([]Import, error) {
	imports, err := s.Imports()
	if err != nil {
		return nil, fmt.Errorf("store: cannot list the imported files: %w", err)
	}
	for i, l := range imports {
		if hidden[l.ID] || l.Problem != "" || l.Name == "" {
			continue
		}
		sink.Mark()
		if err := s.importEventsTo(l.ID, sink.Add); err != nil { // a damaged events file: listed with its problem, the rest shown
			sink.Undo()
			imports[i].Problem = strings.TrimPrefix(err.Error(), "store: ")
		}
	}
	sink.Mark()
	if !hidden[MyEventsLayer] {
		mine, err := s.Events()
		if err != nil {
			return imports, err
		}
		records := make([]data.Record, len(mine))
		for i := range mine {
			records[i] = mine[i].Record()
		}
		sink.Add(records)
	}
	return imports, nil
}

// importEventsTo hands the events of import id to add a block at a time,
// with the errors of ImportEvents.
func (s *Store) importEventsTo(id string, add func([]data.Record)) error {
	s.mu.RLock()
	if s.closed {
		s.mu.RUnlock()
		return errClosed
	}
	ef, _, err := s.importFileOf(id)
	if err != nil || ef == nil {
		s.mu.RUnlock()
		if err != nil {
			return err
		}
		rs, err := s.ImportEvents(id) // layout 1, or no such import: ImportEvents says which
		if err != nil {
			return err
		}
		add(rs)
		return nil
	}
	defer s.mu.RUnlock()
	err = ef.readBatches(func(rs []data.Record) error {
		add(rs)
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: layer %s of %s cannot be read (%v); remove it and import its file again", id, s.path, err)
	}
	return nil
}
