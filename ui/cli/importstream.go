package cli

import (
	"errors"
	"os"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/store"
)

// importTarget is the store an import streams its records to. The store
// is opened at the first batch, so a file with no events, or one refused
// before any, never makes a store; a store made for an import that is
// then refused or stopped is removed again.
type importTarget struct {
	con      console
	flagPath string
	layer    store.Import
	s        *store.Store
	w        *store.ImportWriter
	made     string // the store's path, when this import made it
}

// openFailed is the exit status of a store that could not be opened; the
// reason is already on stderr.
type openFailed struct{ status int }

func (e openFailed) Error() string { return "the store could not be opened" }

// add keeps a batch of records, opening the store and starting the import
// at the first.
func (t *importTarget) add(batch []data.Record) error {
	if t.w == nil {
		if err := t.start(); err != nil {
			return err
		}
	}
	return t.w.Add(batch)
}

func (t *importTarget) start() error {
	path, err := store.Resolve(t.flagPath)
	if err != nil {
		return openFailed{t.con.failf(ExitUsage, "%v", err)}
	}
	_, statErr := os.Stat(path)
	s, status := openStore(t.con, path)
	if s == nil {
		return openFailed{status}
	}
	t.s = s
	if errors.Is(statErr, os.ErrNotExist) {
		t.made = s.Path()
	}
	if t.w, err = s.NewImport(t.layer); err != nil {
		return openFailed{t.con.failf(ExitFailed, "%v", err)}
	}
	return nil
}

// abort ends the import without a change to the store, and removes a
// store the import made.
func (t *importTarget) abort() {
	if t.w != nil {
		t.w.Abort()
		t.w = nil
	}
	t.close()
	if t.made != "" {
		os.Remove(store.EventsDir(t.made))
		os.Remove(t.made)
	}
}

// close closes the store, if opened.
func (t *importTarget) close() {
	if t.s != nil {
		t.s.Close()
		t.s = nil
	}
}
