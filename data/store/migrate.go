package store

import (
	"fmt"
	"path/filepath"

	"github.com/tidwall/buntdb"

	"github.com/sahelatlas/sahelatlas/data"
)

// migrate moves the events of imports written by earlier builds (one
// buntdb value per event, "event:<import id>:<id>") to events files of
// their own, one import per transaction: the events file is written and
// fsync'd first, then one transaction names it in the import's record and
// deletes the old values. A crash in between leaves the import as it was
// (the file, named by no record, is removed at the next Open); one cut
// inside the transaction leaves the record naming the file, which is
// whole, and old values that Imports ignores and the next Open deletes.
// An import with a problem (a cut-short import of an earlier build) is
// left as it is, listed with its problem, to be removed. It returns a note
// for Open's report when some import could not be moved.
func (s *Store) migrate() string {
	imports, err := s.Imports()
	if err != nil {
		return ""
	}
	var failed []string
	for _, l := range imports {
		if l.Problem != "" || l.Name == "" {
			continue
		}
		if err := s.migrateImport(l.ID); err != nil {
			failed = append(failed, fmt.Sprintf("%s (%v)", l.ID, err))
		}
	}
	if len(failed) > 0 {
		return fmt.Sprintf("the events of %d import(s) stay in the store file, as an earlier build kept them: %v", len(failed), failed)
	}
	return ""
}

// migrateImport moves the events of one import to an events file; an
// import already in a file is left alone, apart from old values a
// cut-short move left, which are deleted.
func (s *Store) migrateImport(id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var doc importDoc
	stale := 0
	err := s.db.View(func(tx *buntdb.Tx) error {
		v, err := tx.Get(layerPrefix + id)
		if err != nil {
			return err
		}
		if doc, err = decodeImportDoc(v); err != nil {
			return err
		}
		tx.AscendKeys(eventPrefix+id+":*", func(k, _ string) bool {
			if l, _, ok := splitEventKey(k); ok && l == id {
				stale++
			}
			return stale == 0
		})
		return nil
	})
	if err != nil || stale == 0 {
		return err
	}
	if doc.F != nil {
		return s.commit(func(tx *buntdb.Tx) error { return deleteV1Events(tx, id) })
	}
	// One event at a time, from buntdb's values to the events file.
	w, err := newEventsWriter(eventsDir(s.path), eventsFileName(id, doc.L.Gen))
	if err != nil {
		return err
	}
	var dec recordDecoder
	seq := 0
	err = s.db.View(func(tx *buntdb.Tx) error {
		var ierr error
		tx.AscendKeys(eventPrefix+id+":*", func(k, v string) bool {
			if l, _, ok := splitEventKey(k); !ok || l != id {
				return true
			}
			var r data.Record
			if ierr = decodeEvent(&dec, v, &r); ierr != nil {
				ierr = fmt.Errorf("%s cannot be read: %v", k, ierr)
				return false
			}
			ierr = w.add(seq, &r)
			seq++
			return ierr == nil
		})
		return ierr
	})
	if err != nil {
		w.abort()
		return err
	}
	ef, err := w.finish()
	if err != nil {
		return err
	}
	doc.F = &fileRef{Name: filepath.Base(ef.path), Size: ef.size, Sum: ef.sum, Count: ef.count}
	v, err := encodeImportDoc(doc)
	if err != nil {
		return err
	}
	err = s.commit(func(tx *buntdb.Tx) error {
		if _, _, err := tx.Set(layerPrefix+id, v, nil); err != nil {
			return err
		}
		return deleteV1Events(tx, id)
	})
	if err != nil {
		return err
	}
	s.cacheMu.Lock()
	s.files[doc.F.Name] = ef
	s.cacheMu.Unlock()
	return nil
}
