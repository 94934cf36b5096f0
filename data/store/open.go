package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/tidwall/buntdb"
)

// unlock releases the store's lock.
func (s *Store) unlock() error {
	if s.lock == nil {
		return nil
	}
	err := s.lock.release()
	s.lock = nil
	return err
}

// prepare checks the store file before buntdb reads it: it takes others'
// permissions off it, finds out whether it can be written, and repairs it
// if damaged, unless it is read-only: then it only reads it, for openDB.
// It returns Open's report.
func (s *Store) prepare(now time.Time) (*Recovery, error) {
	fi, err := os.Stat(s.path)
	switch {
	case err != nil:
		return nil, fmt.Errorf("store: could not read %s: %w", s.path, err)
	case !fi.Mode().IsRegular():
		return nil, fmt.Errorf("store: %s is not a regular file", s.path)
	}
	var notes []string
	reason, err := readOnlyReason(s.path, fi.Mode())
	if err != nil {
		return nil, err
	}
	if reason != "" {
		s.readOnly = &readOnlyError{path: s.path, reason: reason}
		notes = append(notes, s.readOnly.Error())
	}
	if n := makePrivate(s.path, fi.Mode()); n != "" {
		notes = append(notes, n)
	}
	if fi.Size() == 0 && s.readOnly == nil {
		// A new store (or an empty one): make sure its name is on disk
		// before anything is saved in it.
		if err := syncDir(filepath.Dir(s.path)); err != nil {
			return nil, err
		}
	}
	var rec *Recovery
	if s.readOnly != nil {
		rec, s.snapshot, _, err = readStore(s.path, now)
	} else {
		rec, err = inspect(s.path, now, s.lock)
	}
	if err != nil {
		return nil, err
	}
	if n := folderNote(filepath.Dir(s.path)); n != "" {
		notes = append(notes, n)
	}
	for _, n := range notes {
		rec = rec.note(s.path, n)
	}
	return rec, nil
}

// openDB opens buntdb on a file already checked, configures it and
// rebuilds the spatial index; a read-only store is opened in memory.
func (s *Store) openDB() error {
	if s.readOnly != nil {
		return s.openCopy()
	}
	db, err := buntdb.Open(s.path)
	if err != nil {
		return fmt.Errorf("store: buntdb could not open %s: %w", s.path, err)
	}
	var cfg buntdb.Config
	if err = db.ReadConfig(&cfg); err == nil {
		cfg.SyncPolicy = buntdb.Always
		cfg.AutoShrinkDisabled = true
		err = db.SetConfig(cfg)
	}
	if err == nil {
		err = db.CreateSpatialIndex(spatialIndex, annotationPrefix+"*", valueRect)
	}
	var syncf *os.File
	if err == nil {
		syncf, err = os.OpenFile(s.path, os.O_RDWR, 0)
	}
	if err != nil {
		_ = db.Close()
		return fmt.Errorf("store: could not set up %s: %w", s.path, err)
	}
	s.db, s.syncf = db, syncf
	// inspect has checked the version is never newer than SchemaVersion;
	// here only whether it is recorded matters.
	err = db.View(func(tx *buntdb.Tx) error {
		_, err := tx.Get(metaSchemaKey)
		return err
	})
	if errors.Is(err, buntdb.ErrNotFound) {
		err = s.write(func(tx *buntdb.Tx) error {
			_, _, err := tx.Set(metaSchemaKey, strconv.Itoa(SchemaVersion), nil)
			return err
		})
	}
	if err != nil {
		s.closeDB()
		return fmt.Errorf("store: could not set the schema version of %s: %w", s.path, err)
	}
	return nil
}

func (s *Store) closeDB() error {
	err := s.db.Close()
	if s.syncf != nil { // nil for a read-only store
		if cerr := s.syncf.Close(); err == nil {
			err = cerr
		}
	}
	s.db, s.syncf = nil, nil
	return err
}
