package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/tidwall/buntdb"

	"github.com/sahelatlas/sahelatlas/data"
)

// Imported events live beside the annotations, one Import per imported
// file. The keys keep the name these records were first given, "layer",
// so that stores written before the rename still open:
//
//	layer:<import id>         {"v":1,"crc":"…","l":{Import},"b":{<import id>:<events set>,…}}
//	event:<import id>:<id>    E1<crc><gen><version><record>, see encodeEvent
//
// A PutImport is one buntdb transaction. buntdb writes a transaction's
// records in no fixed order and its log has no transaction markers, so a
// crash can leave part of one on disk. Each PutImport therefore carries
// its own completeness check: it has a generation number g, written into
// every event it sets and into the record of every Import it touches
// (newer copies of events can replace those of other files) together with
// the Import's event count, how many of them carry g, and the list of
// every Import it touched. Imports compares those with the events and
// records it finds, and marks the Imports of a PutImport that did not
// reach the disk whole (Import.Problem).

const (
	layerPrefix = "layer:"
	eventPrefix = "event:"
)

// ErrNoImport is returned for an import id the store does not hold.
var ErrNoImport = errors.New("store: no layer with this id")

// Import describes the events imported from one file: what the window
// lists under Imports, and what the analyst shows, hides or removes as one.
type Import struct {
	ID       string    `json:"id"`     // from the file name, see data.Slug
	Name     string    `json:"name"`   // the file's name
	Format   string    `json:"format"` // acled, csv, geojson, kml
	Imported time.Time `json:"imported"`
	Count    int       `json:"count"` // events in the import
	Gen      int64     `json:"gen"`   // generation of the last PutImport that touched it
	Fresh    int       `json:"fresh"` // events set by that PutImport

	// Problem is set by Imports when the import's events do not match its
	// record: a PutImport or RemoveImport was cut short (power cut, kill).
	// The import should be removed and its file imported again.
	Problem string `json:"-"`
}

// ImportChange counts what PutImport did.
type ImportChange struct {
	Added     int // events new to the store
	Updated   int // events replaced by a newer copy (or by a re-import of the file)
	Unchanged int // events already held in a copy as new or newer (by Record.Version)
	Removed   int // events of a re-imported file that its new copy no longer has
}

// ValidImportID reports whether id can name an import: 1–80 of a–z, 0–9
// and '-', as data.Slug makes them.
func ValidImportID(id string) bool {
	if id == "" || len(id) > 80 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// ImportID returns the import id for a file name: its base name, slugged.
func ImportID(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	return data.Slug(name)
}

// PutImport keeps imported records in the import l (l.ID from
// ImportID(l.Name) when empty), in one transaction: nil means every change
// is on disk, an error means the store is as it was. The records are
// written to an events file of their own (blocks.go); NewImport does the
// same a batch at a time.
//
// Records that carry a Version (ACLED's timestamp) update the copy of the
// same event id in whatever import holds it when they are newer, and are
// left alone when not, so re-importing a newer export never duplicates
// events. A file re-imported without versions is replaced: its events are
// those of the new file.
func (s *Store) PutImport(l Import, records []data.Record) (ImportChange, error) {
	seen := make(map[string]bool, len(records))
	for i := range records {
		id := records[i].Event.ID
		if id == "" || seen[id] {
			return ImportChange{}, fmt.Errorf("store: record %d of %s has an empty or repeated event id %q", i+1, l.Name, id)
		}
		seen[id] = true
	}
	w, err := s.NewImport(l)
	if err != nil {
		return ImportChange{}, err
	}
	w.stream = false
	if err := w.Add(records); err != nil {
		w.Abort()
		return ImportChange{}, fmt.Errorf("store: %s was NOT imported into %s, the store is unchanged: %w", l.Name, s.path, err)
	}
	return w.Commit(nil)
}

// Imports returns every import, by id, each checked against its events;
// an import whose events do not match its record (a PutImport cut short)
// has Problem set. Events with no import record (a PutImport cut short
// before its first import record) are reported as an import with only ID,
// Count and Problem.
func (s *Store) Imports() ([]Import, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return nil, errClosed
	}
	type tally struct {
		count, fresh, newer, damaged int
	}
	var layers []Import
	tallies := map[string]*tally{}
	// Only the last import can have reached the disk in part: a file is
	// only ever cut at its end. Every layer record it wrote names every
	// layer it touched, so one that survived tells which are missing.
	var lastGen int64
	var lastBatch map[string]int
	files := map[string]*fileRef{} // imports whose events are in a file of their own
	err := s.db.View(func(tx *buntdb.Tx) error {
		err := tx.AscendKeys(layerPrefix+"*", func(k, v string) bool {
			doc, err := decodeImportDoc(v)
			l, batch := doc.L, doc.Batch
			if err != nil {
				l = Import{ID: strings.TrimPrefix(k, layerPrefix), Problem: "its record is damaged (" + err.Error() + "); remove it and import its file again"}
			} else if doc.F != nil {
				files[l.ID] = doc.F
			}
			if l.Gen > lastGen {
				lastGen, lastBatch = l.Gen, batch
			}
			layers = append(layers, l)
			return true
		})
		if err != nil {
			return err
		}
		gens := map[string]int64{}
		for _, l := range layers {
			gens[l.ID] = l.Gen
			tallies[l.ID] = &tally{}
		}
		return tx.AscendKeys(eventPrefix+"*", func(k, v string) bool {
			layer, _, ok := splitEventKey(k)
			if !ok || files[layer] != nil {
				return true // a layer moved to a file of its own: what a cut-short move left
			}
			t := tallies[layer]
			if t == nil {
				t = &tally{}
				tallies[layer] = t
				layers = append(layers, Import{ID: layer})
			}
			t.count++
			g, _, _, err := eventHeader(v)
			switch {
			case err != nil:
				t.damaged++
			case g == gens[layer]:
				t.fresh++
			case g > gens[layer]:
				t.newer++
			}
			return true
		})
	})
	if err != nil {
		return nil, fmt.Errorf("store: could not list the layers of %s: %w", s.path, err)
	}
	var missing []string
	for id := range lastBatch {
		if i := slices.IndexFunc(layers, func(l Import) bool { return l.ID == id }); i < 0 || layers[i].Gen != lastGen {
			missing = append(missing, id)
		}
	}
	slices.Sort(missing)
	for i := range layers {
		l := &layers[i]
		t := tallies[l.ID]
		var ferr error
		if ref := files[l.ID]; ref != nil && l.Problem == "" {
			_, ferr = s.eventsFile(ref)
		}
		switch {
		case l.Problem != "":
		case l.Gen == lastGen && len(missing) > 0:
			l.Problem = fmt.Sprintf("the last import was cut short: it also changed layer(s) %s, which did not reach the disk; remove the layers it changed and import the files again", strings.Join(missing, ", "))
		case ferr != nil:
			l.Problem = fmt.Sprintf("its events cannot be read (%v); remove it and import its file again", ferr)
		case files[l.ID] != nil:
			if files[l.ID].Count != l.Count {
				l.Problem = fmt.Sprintf("its record counts %d events, its events file %d; remove it and import its file again", l.Count, files[l.ID].Count)
			}
		case l.Name == "" && l.Gen == 0:
			l.Count = t.count
			l.Problem = fmt.Sprintf("%d events without a layer record: an import was cut short; remove the layer and import the file again", t.count)
		case t.damaged > 0:
			l.Problem = fmt.Sprintf("%d events are damaged; remove the layer and import its file again", t.damaged)
		case t.count != l.Count || t.fresh != l.Fresh || t.newer > 0:
			l.Problem = fmt.Sprintf("the last import was cut short (%d events found, %d expected; %d of %d from the last import); remove the layer and import its file again", t.count, l.Count, t.fresh, l.Fresh)
		}
	}
	slices.SortFunc(layers, func(a, b Import) int { return strings.Compare(a.ID, b.ID) })
	return layers, nil
}

// ImportEvents returns the records of an import, by event id. It fails on
// a damaged record, naming it.
func (s *Store) ImportEvents(id string) ([]data.Record, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return nil, errClosed
	}
	if ef, _, err := s.importFileOf(id); err != nil || ef != nil {
		if err != nil {
			return nil, err
		}
		out := make([]data.Record, 0, ef.count)
		err := ef.read(nil, func(_ int, r *data.Record) error {
			out = append(out, *r)
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("store: layer %s of %s cannot be read (%v); remove it and import its file again", id, s.path, err)
		}
		return out, nil
	}
	var vals []string
	var keys []string
	err := s.db.View(func(tx *buntdb.Tx) error {
		if _, err := tx.Get(layerPrefix + id); err != nil {
			if errors.Is(err, buntdb.ErrNotFound) {
				n := 0
				tx.AscendKeys(eventPrefix+id+":*", func(k, v string) bool { n++; return false })
				if n == 0 {
					return fmt.Errorf("%w: %s", ErrNoImport, id)
				}
			} else {
				return err
			}
		}
		return tx.AscendKeys(eventPrefix+id+":*", func(k, v string) bool {
			if l, _, ok := splitEventKey(k); ok && l == id {
				keys, vals = append(keys, k), append(vals, v)
			}
			return true
		})
	})
	if err != nil {
		if errors.Is(err, ErrNoImport) {
			return nil, err
		}
		return nil, fmt.Errorf("store: could not read layer %s of %s: %w", id, s.path, err)
	}
	out := make([]data.Record, len(vals))
	var dec recordDecoder
	for i, v := range vals {
		if err := decodeEvent(&dec, v, &out[i]); err != nil {
			return nil, fmt.Errorf("store: %s in %s cannot be read (%v); remove layer %s and import its file again", keys[i], s.path, err, id)
		}
	}
	return out, nil
}

// RemoveImport deletes an import and its events in one transaction, and
// returns how many events it held. nil means the removal is on disk.
func (s *Store) RemoveImport(id string) (int, error) {
	s.importMu.Lock() // not while an import is under way
	defer s.importMu.Unlock()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return 0, errClosed
	}
	n := 0
	var file string
	err := s.commit(func(tx *buntdb.Tx) error {
		var keys []string
		tx.AscendKeys(eventPrefix+id+":*", func(k, v string) bool {
			if l, _, ok := splitEventKey(k); ok && l == id {
				keys = append(keys, k)
			}
			return true
		})
		v, err := tx.Delete(layerPrefix + id)
		if errors.Is(err, buntdb.ErrNotFound) && len(keys) == 0 {
			return fmt.Errorf("%w: %s", ErrNoImport, id)
		}
		if err != nil && !errors.Is(err, buntdb.ErrNotFound) {
			return err
		}
		n = len(keys)
		if doc, derr := decodeImportDoc(v); err == nil && derr == nil && doc.F != nil {
			file, n = doc.F.Name, doc.L.Count
		}
		for _, k := range keys {
			if _, err := tx.Delete(k); err != nil {
				return err
			}
		}
		// Imports written by the same import no longer expect this one.
		var rewrite [][2]string
		tx.AscendKeys(layerPrefix+"*", func(k, v string) bool {
			doc, err := decodeImportDoc(v)
			if _, named := doc.Batch[id]; err == nil && named {
				delete(doc.Batch, id)
				if nv, err := encodeImportDoc(doc); err == nil {
					rewrite = append(rewrite, [2]string{k, nv})
				}
			}
			return true
		})
		for _, kv := range rewrite {
			if _, _, err := tx.Set(kv[0], kv[1], nil); err != nil {
				return err
			}
		}
		return nil
	})
	if errors.Is(err, ErrNoImport) {
		return 0, err
	}
	if err != nil {
		return 0, fmt.Errorf("store: layer %s was NOT removed from %s: %w", id, s.path, err)
	}
	if validFileName(file) {
		// No record names it now: a crash before it is removed leaves it
		// for the next Open to remove.
		os.Remove(filepath.Join(eventsDir(s.path), file))
		s.cacheMu.Lock()
		delete(s.files, file)
		s.cacheMu.Unlock()
	}
	return n, nil
}

func eventKey(layer, id string) string { return eventPrefix + layer + ":" + id }

// splitEventKey reads "event:<layer>:<id>".
func splitEventKey(k string) (layer, id string, ok bool) {
	rest, ok := strings.CutPrefix(k, eventPrefix)
	if !ok {
		return "", "", false
	}
	layer, id, ok = strings.Cut(rest, ":")
	return layer, id, ok && layer != "" && id != ""
}

// seal returns {"v":1,"crc":"<crc of rest>",<rest>, the layout checkValue
// verifies.
func seal(rest []byte) string {
	var b strings.Builder
	b.Grow(valueHeaderLen + len(rest))
	b.WriteString(valueHeader)
	fmt.Fprintf(&b, "%08x", crc32.ChecksumIEEE(rest))
	b.WriteString(`",`)
	b.Write(rest)
	return b.String()
}

// importDoc is the stored form of an import record: the import, and every
// import the PutImport that wrote it touched, with how many events it set
// in each (the PutImport's completeness check across imports).
type importDoc struct {
	L     Import         `json:"l"`
	Batch map[string]int `json:"b"`
	F     *fileRef       `json:"f,omitempty"` // where its events are; nil for events in buntdb (layout 1)
}

// fileRef names an import's events file (blocks.go) and what it must be.
type fileRef struct {
	Name  string `json:"name"`
	Size  int64  `json:"size"`
	Sum   uint32 `json:"sum"` // CRC-32 of the file's index
	Count int    `json:"count"`
}

func encodeImportDoc(doc importDoc) (string, error) {
	l := doc.L
	body, err := json.Marshal(doc)
	if err != nil {
		return "", fmt.Errorf("store: layer %s could not be encoded: %w", l.ID, err)
	}
	return seal(body[1:]), nil // seal writes the opening brace
}

func decodeImportDoc(v string) (importDoc, error) {
	if err := checkValue(v); err != nil {
		return importDoc{}, err
	}
	var doc importDoc
	if err := json.Unmarshal([]byte(v), &doc); err != nil {
		return importDoc{}, fmt.Errorf("the value is not valid JSON: %w", err)
	}
	return doc, nil
}
