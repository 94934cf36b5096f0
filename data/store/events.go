package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
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
// is on disk, an error means the store is as it was.
//
// Records that carry a Version (ACLED's timestamp) update the copy of the
// same event id in whatever import holds it when they are newer, and are
// left alone when not, so re-importing a newer export never duplicates
// events. A file re-imported without versions is replaced: its events are
// those of the new file.
func (s *Store) PutImport(l Import, records []data.Record) (ImportChange, error) {
	var ch ImportChange
	if l.ID == "" {
		l.ID = ImportID(l.Name)
	}
	if !ValidImportID(l.ID) {
		return ch, fmt.Errorf("store: layer id %q is not 1–80 of a–z, 0–9 and '-'", l.ID)
	}
	if l.Imported.IsZero() {
		l.Imported = s.now().UTC()
	}
	seen := make(map[string]bool, len(records))
	for i := range records {
		id := records[i].Event.ID
		if id == "" || seen[id] {
			return ch, fmt.Errorf("store: record %d of %s has an empty or repeated event id %q", i+1, l.Name, id)
		}
		seen[id] = true
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return ch, errClosed
	}
	gen := time.Now().UnixNano()
	err := s.commit(func(tx *buntdb.Tx) error {
		ch = ImportChange{}
		// Where each event id is held now, with its version.
		type held struct {
			layer   string
			version int64
		}
		where := map[string]held{}
		counts := map[string]int{}
		var own []string // keys of l's events now
		var ierr error
		tx.AscendKeys(eventPrefix+"*", func(k, v string) bool {
			layer, id, ok := splitEventKey(k)
			if !ok {
				return true
			}
			g, ver, _, err := eventHeader(v)
			if err != nil {
				ierr = fmt.Errorf("store: %s is damaged (%v); remove layer %s and import its file again", k, err, layer)
				return false
			}
			gen = max(gen, g+1)
			counts[layer]++
			if layer == l.ID {
				own = append(own, k)
			}
			if seen[id] {
				if h, dup := where[id]; !dup || layer == l.ID || h.layer != l.ID {
					where[id] = held{layer, ver}
				}
			}
			return true
		})
		if ierr != nil {
			return ierr
		}
		old, err := tx.Get(layerPrefix + l.ID)
		switch {
		case err == nil:
			ol, _, derr := decodeImport(old)
			if derr != nil {
				return fmt.Errorf("store: the record of layer %s is damaged (%v); remove the layer and import again", l.ID, derr)
			}
			gen = max(gen, ol.Gen+1)
		case !errors.Is(err, buntdb.ErrNotFound):
			return err
		}
		versioned := len(records) > 0 && records[0].Version > 0
		var buf []byte
		var enc recordEncoder
		touched := map[string]int{l.ID: 0} // layer → events set
		if !versioned {
			// A re-import replaces the layer's events.
			for _, k := range own {
				_, id, _ := splitEventKey(k)
				if !seen[id] {
					if _, err := tx.Delete(k); err != nil {
						return err
					}
					ch.Removed++
					counts[l.ID]--
				}
			}
		}
		for i := range records {
			r := &records[i]
			layer := l.ID
			if h, ok := where[r.Event.ID]; ok {
				switch {
				case versioned && r.Version > 0 && h.version > 0:
					if r.Version <= h.version {
						ch.Unchanged++
						continue
					}
					layer = h.layer
					ch.Updated++
				case h.layer == l.ID:
					ch.Updated++
				default:
					ch.Added++
					counts[l.ID]++
				}
			} else {
				ch.Added++
				counts[l.ID]++
			}
			var v string
			buf, v = encodeEvent(&enc, buf, gen, r)
			if _, _, err := tx.Set(eventKey(layer, r.Event.ID), v, nil); err != nil {
				return err
			}
			touched[layer]++
		}
		if old == "" && counts[l.ID] == 0 && touched[l.ID] == 0 {
			delete(touched, l.ID) // nothing new: no empty layer
		}
		for id, fresh := range touched {
			ly := l
			if id != l.ID {
				v, err := tx.Get(layerPrefix + id)
				if err != nil {
					return fmt.Errorf("store: layer %s holds events but has no record; remove it and import its file again", id)
				}
				if ly, _, err = decodeImport(v); err != nil {
					return fmt.Errorf("store: the record of layer %s is damaged (%v); remove the layer and import again", id, err)
				}
			}
			ly.Gen, ly.Fresh, ly.Count = gen, fresh, counts[id]
			v, err := encodeImport(ly, touched)
			if err != nil {
				return err
			}
			if _, _, err := tx.Set(layerPrefix+id, v, nil); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return ImportChange{}, fmt.Errorf("store: %s was NOT imported into %s, the store is unchanged: %w", l.Name, s.path, err)
	}
	return ch, nil
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
	err := s.db.View(func(tx *buntdb.Tx) error {
		err := tx.AscendKeys(layerPrefix+"*", func(k, v string) bool {
			l, batch, err := decodeImport(v)
			if err != nil {
				l = Import{ID: strings.TrimPrefix(k, layerPrefix), Problem: "its record is damaged (" + err.Error() + "); remove it and import its file again"}
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
			if !ok {
				return true
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
		switch {
		case l.Problem != "":
		case l.Gen == lastGen && len(missing) > 0:
			l.Problem = fmt.Sprintf("the last import was cut short: it also changed layer(s) %s, which did not reach the disk; remove the layers it changed and import the files again", strings.Join(missing, ", "))
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
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return 0, errClosed
	}
	n := 0
	err := s.commit(func(tx *buntdb.Tx) error {
		var keys []string
		tx.AscendKeys(eventPrefix+id+":*", func(k, v string) bool {
			if l, _, ok := splitEventKey(k); ok && l == id {
				keys = append(keys, k)
			}
			return true
		})
		_, err := tx.Delete(layerPrefix + id)
		if errors.Is(err, buntdb.ErrNotFound) && len(keys) == 0 {
			return fmt.Errorf("%w: %s", ErrNoImport, id)
		}
		if err != nil && !errors.Is(err, buntdb.ErrNotFound) {
			return err
		}
		for _, k := range keys {
			if _, err := tx.Delete(k); err != nil {
				return err
			}
		}
		n = len(keys)
		// Imports written by the same import no longer expect this one.
		var rewrite [][2]string
		tx.AscendKeys(layerPrefix+"*", func(k, v string) bool {
			l, batch, err := decodeImport(v)
			if _, named := batch[id]; err == nil && named {
				delete(batch, id)
				if nv, err := encodeImport(l, batch); err == nil {
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
}

func encodeImport(l Import, batch map[string]int) (string, error) {
	body, err := json.Marshal(importDoc{L: l, Batch: batch})
	if err != nil {
		return "", fmt.Errorf("store: layer %s could not be encoded: %w", l.ID, err)
	}
	return seal(body[1:]), nil // seal writes the opening brace
}

func decodeImport(v string) (Import, map[string]int, error) {
	if err := checkValue(v); err != nil {
		return Import{}, nil, err
	}
	var doc importDoc
	if err := json.Unmarshal([]byte(v), &doc); err != nil {
		return Import{}, nil, fmt.Errorf("the value is not valid JSON: %w", err)
	}
	return doc.L, doc.Batch, nil
}
