package store

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/tidwall/buntdb"

	"github.com/sahelatlas/sahelatlas/data"
)

// layerDocs returns the record of every import, with s.mu held. A record
// that cannot be read is left out (Imports reports it).
func (s *Store) layerDocs() ([]importDoc, error) {
	var docs []importDoc
	err := s.db.View(func(tx *buntdb.Tx) error {
		return tx.AscendKeys(layerPrefix+"*", func(k, v string) bool {
			if d, err := decodeImportDoc(v); err == nil {
				docs = append(docs, d)
			}
			return true
		})
	})
	if err != nil {
		return nil, fmt.Errorf("store: could not list the layers of %s: %w", s.path, err)
	}
	return docs, nil
}

// eventsFile returns the checked index of the events file ref names, read
// once per store. It fails when the file is missing, damaged, or not the
// one the import's record names.
func (s *Store) eventsFile(ref *fileRef) (*eventsFile, error) {
	if !validFileName(ref.Name) {
		return nil, fmt.Errorf("%w: the import's record names %q", errEventsDamaged, ref.Name)
	}
	s.cacheMu.Lock()
	ef := s.files[ref.Name]
	s.cacheMu.Unlock()
	if ef == nil {
		var err error
		if ef, err = openEventsFile(filepath.Join(eventsDir(s.path), ref.Name)); err != nil {
			return nil, err
		}
		s.cacheMu.Lock()
		s.files[ref.Name] = ef
		s.cacheMu.Unlock()
	}
	if ef.size != ref.Size || ef.sum != ref.Sum || ef.count != ref.Count {
		return nil, fmt.Errorf("%w: %s is not the file its import wrote (%d bytes, %d events; expected %d bytes, %d events)",
			errEventsDamaged, ref.Name, ef.size, ef.count, ref.Size, ref.Count)
	}
	return ef, nil
}

// validFileName reports whether name can be an events file's name: no
// folder, nothing outside the events folder.
func validFileName(name string) bool {
	return name != "" && filepath.IsLocal(name) && !strings.ContainsAny(name, `/\`) && strings.HasSuffix(name, eventsFileExt)
}

// importFileOf returns the events file of import id, or nil for an import
// whose events are in buntdb (layout 1), with s.mu held.
func (s *Store) importFileOf(id string) (*eventsFile, bool, error) {
	var doc importDoc
	var found bool
	err := s.db.View(func(tx *buntdb.Tx) error {
		v, err := tx.Get(layerPrefix + id)
		if err != nil {
			return nil
		}
		found = true
		doc, err = decodeImportDoc(v)
		return err
	})
	if err != nil || !found || doc.F == nil {
		return nil, found, err
	}
	ef, err := s.eventsFile(doc.F)
	if err != nil {
		return nil, true, fmt.Errorf("store: layer %s cannot be read (%v); remove it and import its file again", id, err)
	}
	return ef, true, nil
}

// ImportEventsBetween returns the records of import id whose dates overlap
// the window from–to (both ends included; an ongoing event overlaps every
// window after its start; undated events none), reading only the blocks
// of its events file that the window meets.
func (s *Store) ImportEventsBetween(id string, from, to data.Date) ([]data.Record, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return nil, errClosed
	}
	ef, found, err := s.importFileOf(id)
	if err != nil {
		return nil, err
	}
	if ef == nil { // layout 1, or no such import: ImportEvents says which
		_ = found
		s.mu.RUnlock()
		defer s.mu.RLock()
		return s.v1EventsBetween(id, from, to)
	}
	f, t := dayKey(from), dayKey(to)
	n := 0
	for _, b := range ef.blocks {
		if b.meets(f, t) {
			n += b.n
		}
	}
	out := make([]data.Record, 0, n)
	err = ef.readWindow(func(b blockEntry) bool { return b.meets(f, t) }, &[2]data.Date{from, to}, func(_ int, r *data.Record) error {
		if r.Event.Overlaps(from, to) {
			out = append(out, *r)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: layer %s of %s cannot be read (%v); remove it and import its file again", id, s.path, err)
	}
	return out, nil
}

// v1EventsBetween is ImportEventsBetween for an import whose events are
// kept in buntdb (layout 1).
func (s *Store) v1EventsBetween(id string, from, to data.Date) ([]data.Record, error) {
	all, err := s.ImportEvents(id)
	if err != nil {
		return nil, err
	}
	kept := all[:0]
	for _, r := range all {
		if r.Event.Overlaps(from, to) {
			kept = append(kept, r)
		}
	}
	return kept, nil
}

// cleanEventsDir removes the files of the events folder that no import's
// record names: those of imports cut short, replaced or removed. It runs
// when the store is opened for writing, under its lock.
func (s *Store) cleanEventsDir() {
	dir := eventsDir(s.path)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	docs, err := s.layerDocs()
	if err != nil {
		return
	}
	named := map[string]bool{}
	for _, d := range docs {
		if d.F != nil {
			named[d.F.Name] = true
		}
	}
	removed := false
	for _, e := range entries {
		n := e.Name()
		if named[n] || !(strings.HasSuffix(n, eventsFileExt) || strings.HasSuffix(n, eventsTempExt) || strings.HasSuffix(n, eventsFileExt+".2")) {
			continue
		}
		if os.Remove(filepath.Join(dir, n)) == nil {
			removed = true
		}
	}
	if removed {
		syncDir(dir)
	}
}
