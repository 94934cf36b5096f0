package store

import (
	"errors"
	"fmt"
	"strings"

	"github.com/sahelatlas/sahelatlas/data"
)

// ErrNoPath is returned by OpenWorkspace when there is no path for the
// store: no --store, no $SAHELATLAS_STORE and no home folder. The
// analyst must give one.
var ErrNoPath = errors.New("store: no path for the workspace store")

// noPathError is ErrNoPath with the reason.
type noPathError struct{ err error }

func (e *noPathError) Error() string        { return e.err.Error() }
func (e *noPathError) Unwrap() error        { return e.err }
func (e *noPathError) Is(target error) bool { return target == ErrNoPath }

// OpenWorkspace opens the workspace store the analyst chose, as the window
// and every command do: flagPath (--store) when not empty, else
// $SAHELATLAS_STORE, else DefaultPath. Errors tell the caller what to say
// and which exit status to give: errors.Is(err, ErrNoPath) when there is
// no path (a usage error), errors.Is(err, ErrLocked) when another Sahel
// Atlas holds the store, and any other error when it cannot be opened. A
// non-nil Recovery must be shown to the analyst, as with Open.
func OpenWorkspace(flagPath string, opts ...Option) (*Store, *Recovery, error) {
	path, err := Resolve(flagPath)
	if err != nil {
		return nil, nil, &noPathError{err}
	}
	return Open(path, opts...)
}

// ShownEvents returns the store's imports (the imported files) and the
// events of those shown: every import but the ones whose id is in hidden,
// the ones with a Problem (listed, with their problem, for the analyst)
// and the ones with no name, then the analyst's own events (Events) unless
// hidden[MyEventsLayer]. The window and the commands merge them into the
// bundled events with exchange.Merge, so a snapshot shows what the window
// shows.
func (s *Store) ShownEvents(hidden map[string]bool) ([]Import, []data.Record, error) {
	return s.shownEvents(hidden, nil)
}

// ShownEventsBetween is ShownEvents for the events whose dates overlap the
// window from–to (both ends included; see data.Event.Overlaps): it reads
// only the blocks of each events file that the window meets, so a month of
// a million imported events costs a month's worth.
func (s *Store) ShownEventsBetween(hidden map[string]bool, from, to data.Date) ([]Import, []data.Record, error) {
	return s.shownEvents(hidden, &[2]data.Date{from, to})
}

func (s *Store) shownEvents(hidden map[string]bool, window *[2]data.Date) ([]Import, []data.Record, error) {
	imports, err := s.Imports()
	if err != nil {
		return nil, nil, fmt.Errorf("store: cannot list the imported files: %w", err)
	}
	var records []data.Record
	for i, l := range imports {
		if hidden[l.ID] || l.Problem != "" || l.Name == "" {
			continue
		}
		var rs []data.Record
		if window != nil {
			rs, err = s.ImportEventsBetween(l.ID, window[0], window[1])
		} else {
			rs, err = s.ImportEvents(l.ID)
		}
		if err != nil { // a damaged events file: listed with its problem, the rest shown
			imports[i].Problem = strings.TrimPrefix(err.Error(), "store: ")
			continue
		}
		if records == nil {
			records = rs // a million records are not copied for one import
		} else {
			records = append(records, rs...)
		}
	}
	if !hidden[MyEventsLayer] {
		mine, err := s.Events()
		if err != nil {
			return imports, nil, err
		}
		for i := range mine {
			r := mine[i].Record()
			if window == nil || r.Event.Overlaps(window[0], window[1]) {
				records = append(records, r)
			}
		}
	}
	return imports, records, nil
}
