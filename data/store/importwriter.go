package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/tidwall/buntdb"

	"github.com/sahelatlas/sahelatlas/data"
)

// ImportWriter keeps the records of one imported file as they are read,
// a batch at a time (see exchange.Options.Stream), in an events file
// written beside the store under a temporary name. Nothing is visible in
// the store before Commit, and Abort (or a crash, a kill, a power cut)
// leaves the store as it was. Only one ImportWriter of a store is open at
// a time: NewImport waits for the one before to commit or abort.
type ImportWriter struct {
	s         *Store
	l         Import
	gen       int64
	w         *eventsWriter
	held      map[string]heldAt // events of the store's other imports, and of l's
	ids       *eventIDs         // events this import wrote, by id
	dead      map[int]bool      // seqs replaced by a newer copy in the same file
	others    map[string]map[string]data.Record
	old       *importDoc // l's record before, if any
	versioned bool
	seq       int
	ch        ImportChange
	stream    bool // copies of an event in the file are allowed (the newest is kept)
	done      bool
}

// heldAt is where an event is held, and in which copy.
type heldAt struct {
	layer   string
	version int64
}

// written is an event this import wrote: its place in the import, its
// version, and whether it was counted as added (or else updated).
type written struct {
	seq     int
	version int64
	added   bool
}

// NewImport starts an import of the file l (l.ID from ImportID(l.Name)
// when empty). Give it the records with Add and finish with Commit or
// Abort. Copies of one event id in the records are allowed: the newest
// (by Record.Version) is kept, the first of equal ones.
func (s *Store) NewImport(l Import) (*ImportWriter, error) {
	if l.ID == "" {
		l.ID = ImportID(l.Name)
	}
	if !ValidImportID(l.ID) {
		return nil, fmt.Errorf("store: layer id %q is not 1–80 of a–z, 0–9 and '-'", l.ID)
	}
	if l.Imported.IsZero() {
		l.Imported = s.now().UTC()
	}
	s.importMu.Lock()
	w := &ImportWriter{s: s, l: l, held: map[string]heldAt{}, ids: newEventIDs(), stream: true}
	if err := w.start(); err != nil {
		s.importMu.Unlock()
		return nil, err
	}
	return w, nil
}

// start reads where the store's events are held and opens the events file.
func (w *ImportWriter) start() error {
	s := w.s
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return errClosed
	}
	if s.readOnly != nil {
		return s.readOnly
	}
	docs, err := s.layerDocs()
	if err != nil {
		return err
	}
	w.gen = time.Now().UnixNano()
	for _, d := range docs {
		w.gen = max(w.gen, d.L.Gen+1)
		if d.L.ID == w.l.ID {
			dc := d
			w.old = &dc
		}
		if d.F == nil {
			continue // layout 1: only a damaged import is left so; it is replaced or removed whole
		}
		ef, err := s.eventsFile(d.F)
		if err != nil {
			if d.L.ID == w.l.ID {
				continue // a damaged file is replaced
			}
			return fmt.Errorf("store: %s cannot be read (%v); remove layer %s and import its file again", d.F.Name, err, d.L.ID)
		}
		id := d.L.ID
		err = ef.read(nil, func(_ int, r *data.Record) error {
			if h, dup := w.held[r.Event.ID]; !dup || id == w.l.ID || h.layer != w.l.ID {
				w.held[strings.Clone(r.Event.ID)] = heldAt{id, r.Version} // not the whole block
			}
			return nil
		})
		if err != nil && d.L.ID != w.l.ID {
			return fmt.Errorf("store: %v; remove layer %s and import its file again", err, d.L.ID)
		}
	}
	w.w, err = newEventsWriter(eventsDir(s.path), eventsFileName(w.l.ID, w.gen))
	return err
}

// Add keeps records of the file, in the file's order. An error leaves the
// import to be aborted.
func (w *ImportWriter) Add(records []data.Record) error {
	if w.done {
		return errors.New("store: the import is over")
	}
	for i := range records {
		r := &records[i]
		seq := w.seq
		w.seq++
		id := r.Event.ID
		if id == "" {
			return fmt.Errorf("store: record %d of %s has an empty event id", seq+1, w.l.Name)
		}
		if seq == 0 {
			w.versioned = r.Version > 0
		}
		h := w.ids.hash(id) // once for the lookup and the put
		if prev, dup := w.ids.getHashed(id, h); dup {
			if !w.stream {
				return fmt.Errorf("store: record %d of %s has a repeated event id %q", seq+1, w.l.Name, id)
			}
			if r.Version <= prev.version {
				continue // an older or equal copy in the same file
			}
			if w.dead == nil {
				w.dead = map[int]bool{}
			}
			w.dead[prev.seq] = true
			if err := w.w.add(seq, r); err != nil {
				return err
			}
			w.ids.putHashed(id, h, written{seq, r.Version, prev.added})
			continue
		}
		added := true
		if h, ok := w.held[id]; ok {
			switch {
			case w.versioned && r.Version > 0 && h.version > 0:
				if r.Version <= h.version {
					w.ch.Unchanged++
					continue
				}
				w.ch.Updated++
				added = false
				if h.layer != w.l.ID { // the newer copy replaces the one of the other import
					if w.others == nil {
						w.others = map[string]map[string]data.Record{}
					}
					if w.others[h.layer] == nil {
						w.others[h.layer] = map[string]data.Record{}
					}
					w.others[h.layer][id] = *r
					continue
				}
			case h.layer == w.l.ID:
				w.ch.Updated++
				added = false
			default:
				w.ch.Added++
			}
		} else {
			w.ch.Added++
		}
		if err := w.w.add(seq, r); err != nil {
			return err
		}
		w.ids.putHashed(id, h, written{seq, r.Version, added}) // a copy: the id may share the memory of the whole row it was read from
	}
	return nil
}

// SetFormat sets the format the import's record names (acled, csv, …),
// when it is known only once the file is read.
func (w *ImportWriter) SetFormat(format string) { w.l.Format = format }

// Abort ends the import and removes what it wrote: the store is as it was.
func (w *ImportWriter) Abort() {
	if w.done {
		return
	}
	w.done = true
	w.w.abort()
	w.s.importMu.Unlock()
}

// Commit makes the import part of the store, in one transaction: nil means
// every change is on disk, an error means the store is as it was. amend,
// when not nil, is applied to every record added, by its place in the
// import (counted from 0): it changes the record as it must be kept, or
// returns false to leave it out (exchange.Result.Amend).
func (w *ImportWriter) Commit(amend func(seq int, r *data.Record) bool) (ImportChange, error) {
	if w.done {
		return ImportChange{}, errors.New("store: the import is over")
	}
	ch, err := w.commit(amend)
	w.done = true
	w.s.importMu.Unlock()
	if err != nil {
		return ImportChange{}, fmt.Errorf("store: %s was NOT imported into %s, the store is unchanged: %w", w.l.Name, w.s.path, err)
	}
	return ch, nil
}

func (w *ImportWriter) commit(amend func(seq int, r *data.Record) bool) (ImportChange, error) {
	s := w.s
	ef, err := w.w.finish()
	if err != nil {
		return ImportChange{}, err
	}
	var made []*eventsFile // files to remove if the commit fails
	fail := func(err error) (ImportChange, error) {
		for _, f := range made {
			os.Remove(f.path)
		}
		return ImportChange{}, err
	}
	made = append(made, ef)
	var oldFile *eventsFile
	if w.old != nil && w.old.F != nil {
		oldFile, _ = s.eventsFile(w.old.F) // a damaged file is replaced, not merged
	}
	// A second pass when copies were replaced or dates amended, or when
	// the events of a versioned file before join the new ones.
	if w.dead != nil || amend != nil || (w.versioned && oldFile != nil) {
		nw, err := newEventsWriter(eventsDir(s.path), eventsFileName(w.l.ID, w.gen)+".2")
		if err != nil {
			return fail(err)
		}
		err = ef.read(nil, func(seq int, r *data.Record) error {
			if w.dead[seq] {
				return nil
			}
			if amend != nil && !amend(seq, r) {
				if wr, ok := w.ids.get(r.Event.ID); ok && wr.seq == seq {
					w.ids.delete(r.Event.ID)
					if wr.added {
						w.ch.Added--
					} else {
						w.ch.Updated--
					}
				}
				return nil
			}
			return nw.add(seq, r)
		})
		if err == nil && oldFile != nil {
			next := w.seq
			err = oldFile.read(nil, func(_ int, r *data.Record) error {
				if _, ok := w.ids.get(r.Event.ID); ok {
					return nil
				}
				next++
				return nw.add(next, r)
			})
		}
		if err != nil {
			nw.abort()
			return fail(err)
		}
		nw.final = ef.path // the second pass takes the first's name
		if ef, err = nw.finish(); err != nil {
			return fail(err)
		}
		made[0] = ef
	}
	if !w.versioned && oldFile != nil { // a re-import replaces the file's events
		err := oldFile.read(nil, func(_ int, r *data.Record) error {
			if _, ok := w.ids.get(r.Event.ID); !ok {
				w.ch.Removed++
			}
			return nil
		})
		if err != nil {
			return fail(err)
		}
	}
	touched := map[string]int{w.l.ID: w.ids.count()}
	files := map[string]*eventsFile{w.l.ID: ef}
	for id, recs := range w.others {
		nf, err := s.rewriteLayer(id, w.gen, recs)
		if err != nil {
			return fail(err)
		}
		made = append(made, nf)
		files[id] = nf
		touched[id] = len(recs)
	}
	if w.old == nil && ef.count == 0 && len(w.others) == 0 {
		fail(nil) // nothing new: no empty layer
		return w.ch, nil
	}
	if ef.count == 0 && w.old == nil {
		delete(touched, w.l.ID)
		delete(files, w.l.ID)
		os.Remove(ef.path)
	}
	var removeAfter []string
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return fail(errClosed)
	}
	err = s.commit(func(tx *buntdb.Tx) error {
		for id, f := range files {
			doc := importDoc{L: w.l}
			if id != w.l.ID {
				v, err := tx.Get(layerPrefix + id)
				if err != nil {
					return fmt.Errorf("layer %s has no record", id)
				}
				if doc, err = decodeImportDoc(v); err != nil {
					return fmt.Errorf("the record of layer %s is damaged (%v)", id, err)
				}
			} else if w.old != nil && w.old.F != nil {
				removeAfter = append(removeAfter, w.old.F.Name)
			}
			if doc.F != nil && id != w.l.ID {
				removeAfter = append(removeAfter, doc.F.Name)
			}
			doc.L.Gen, doc.L.Fresh, doc.L.Count = w.gen, touched[id], f.count
			doc.Batch = touched
			doc.F = &fileRef{Name: filepath.Base(f.path), Size: f.size, Sum: f.sum, Count: f.count}
			v, err := encodeImportDoc(doc)
			if err != nil {
				return err
			}
			if _, _, err := tx.Set(layerPrefix+id, v, nil); err != nil {
				return err
			}
			if err := deleteV1Events(tx, id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		if s.broken != nil {
			// The transaction may be on disk: keep the files it names.
			// Those it does not are removed at the next Open.
			return ImportChange{}, err
		}
		return fail(err)
	}
	step("import-committed")
	// The old files are no longer named: a crash before they are removed
	// leaves them for the next Open to remove.
	dir := eventsDir(s.path)
	for _, name := range removeAfter {
		os.Remove(filepath.Join(dir, name))
	}
	s.cacheMu.Lock()
	for _, f := range files {
		s.files[filepath.Base(f.path)] = f
	}
	s.cacheMu.Unlock()
	return w.ch, nil
}

// rewriteLayer writes a new events file of layer id, generation gen, with
// the newer copies recs in place of its events of the same ids.
func (s *Store) rewriteLayer(id string, gen int64, recs map[string]data.Record) (*eventsFile, error) {
	s.mu.RLock()
	docs, err := s.layerDocs()
	s.mu.RUnlock()
	if err != nil {
		return nil, err
	}
	for _, d := range docs {
		if d.L.ID != id || d.F == nil {
			continue
		}
		ef, err := s.eventsFile(d.F)
		if err != nil {
			return nil, err
		}
		nw, err := newEventsWriter(eventsDir(s.path), eventsFileName(id, gen))
		if err != nil {
			return nil, err
		}
		err = ef.read(nil, func(seq int, r *data.Record) error {
			if nr, ok := recs[r.Event.ID]; ok {
				r = &nr
			}
			return nw.add(seq, r)
		})
		if err != nil {
			nw.abort()
			return nil, err
		}
		return nw.finish()
	}
	return nil, fmt.Errorf("layer %s has no events file", id)
}

// deleteV1Events deletes the events of layer id kept in buntdb (layout 1).
func deleteV1Events(tx *buntdb.Tx, id string) error {
	var keys []string
	tx.AscendKeys(eventPrefix+id+":*", func(k, v string) bool {
		if l, _, ok := splitEventKey(k); ok && l == id {
			keys = append(keys, k)
		}
		return true
	})
	for _, k := range keys {
		if _, err := tx.Delete(k); err != nil {
			return err
		}
	}
	return nil
}
