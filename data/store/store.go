package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/paulmach/orb"
	"github.com/tidwall/buntdb"

	"github.com/sahelatlas/sahelatlas/data"
)

// ErrNotFound is returned by Get, Update and Delete for an id the store
// does not hold.
var ErrNotFound = errors.New("store: no annotation with this id")

// spatialIndex is the name of the r-tree over annotation bounds.
const spatialIndex = "annotations"

// Store is one workspace's annotations, in one buntdb file held under an
// exclusive lock. Its methods are safe for concurrent use.
//
// Annotations returned by Get, List and InView share their geometry and
// tags with the store's cache: clone them (orb.Clone) before changing them
// in place.
type Store struct {
	path     string // the store file, symbolic links resolved
	lock     *storeLock
	readOnly *readOnlyError // set by Open when the file cannot be written
	snapshot []byte         // a read-only store's bytes, from prepare to openDB

	mu     sync.RWMutex // writers and Compact hold it exclusively
	db     *buntdb.DB
	syncf  *os.File // a second handle on the file, fsync'd after each commit
	broken error    // set when a write may have reached the disk only in part
	closed bool
	waste  waste // when to measure the file's dead share again (compact.go)

	cacheMu sync.Mutex
	cache   map[string]data.Annotation // decoded annotations, filled as they are read
	files   map[string]*eventsFile     // events files whose index was read and checked, by name

	importMu sync.Mutex // held by the open ImportWriter

	now func() time.Time // the clock that stamps Created, Updated and Imported; tests set their own
}

// Option changes how Open works.
type Option func(*options)

type options struct {
	lockWait time.Duration
	now      func() time.Time
}

// WithLockWait sets how long Open retries the lock held by another Sahel
// Atlas before returning ErrLocked (one second by default).
func WithLockWait(d time.Duration) Option { return func(o *options) { o.lockWait = d } }

// Open opens the store file at path, creating it (0600, in a 0700 folder)
// when it does not exist. Symbolic links in path are followed: the store
// is the file they lead to, under whatever name it is opened. It fails
// with ErrLocked when another Sahel Atlas holds the store. When the file
// was damaged, Open repairs it and returns a non-nil Recovery saying what
// was kept, what was lost and where the damaged original is; the Recovery
// also carries notes about the store the analyst should know (see
// Recovery.Notes). The caller must show it to the analyst. A store file
// that cannot be written is opened read-only (see ReadOnly).
func Open(path string, opts ...Option) (*Store, *Recovery, error) {
	o := options{lockWait: lockWait, now: time.Now}
	for _, opt := range opts {
		opt(&o)
	}
	if path == "" {
		return nil, nil, errors.New("store: no store path given")
	}
	given := filepath.Clean(path)
	dir := filepath.Dir(given)
	if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, nil, fmt.Errorf("store: could not create the folder %s: %w", dir, err)
		}
		if err := os.Chmod(dir, 0o700); err != nil {
			return nil, nil, fmt.Errorf("store: could not make %s private: %w", dir, err)
		}
	}
	path, err := resolvePath(given)
	if err != nil {
		return nil, nil, err
	}
	// Opening a FIFO or a device to lock it could block or do worse.
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() {
		return nil, nil, fmt.Errorf("store: %s is not a regular file", path)
	}
	lk, err := lockStore(path, given, o.lockWait)
	if err != nil {
		return nil, nil, err
	}
	s := &Store{path: path, lock: lk, cache: map[string]data.Annotation{}, files: map[string]*eventsFile{}, now: o.now}
	rec, err := s.prepare(o.now())
	if err == nil {
		err = s.openDB()
	}
	if err != nil {
		s.unlock()
		return nil, nil, err
	}
	// A file that failed to compact is still whole: the store opens, and
	// compaction is tried again at the next write that adds to the waste.
	if err := s.compactIfWasteful(true); err != nil {
		if s.closed {
			return nil, nil, err
		}
		rec = rec.note(path, err.Error())
	}
	if s.readOnly == nil {
		if note := s.migrate(); note != "" {
			rec = rec.note(path, note)
		}
		// A repaired store may have lost the records of imports whose
		// events files are whole: those are kept, for the damaged
		// original kept aside names them.
		if rec == nil || !rec.Damaged() {
			s.cleanEventsDir()
		}
	}
	return s, rec, nil
}

// Path returns the store file's path, with symbolic links resolved.
func (s *Store) Path() string { return s.path }

// commit runs fn in a write transaction and returns nil only once the
// transaction is on disk. buntdb's SyncPolicy Always fsyncs but drops the
// fsync's error (buntdb #122), so the file is fsync'd again through a
// handle of our own, which also sees any write-back error since it was
// opened. After such an error the store refuses further writes: what is on
// disk is no longer known, and only reopening tells.
//
// Once the transaction is on disk, commit compacts the file if it has
// become more than a third dead (see compact.go). A compaction that fails
// leaves the store as it was, and the write is saved all the same.
func (s *Store) commit(fn func(tx *buntdb.Tx) error) error {
	if err := s.write(fn); err != nil {
		return err
	}
	_ = s.compactIfWasteful(false)
	return nil
}

// write is commit without compaction.
func (s *Store) write(fn func(tx *buntdb.Tx) error) error {
	if s.readOnly != nil {
		return s.readOnly
	}
	if s.broken != nil {
		return fmt.Errorf("store: %s cannot be written since an earlier failure (%v); close and reopen it", s.path, s.broken)
	}
	if err := s.db.Update(fn); err != nil {
		return err
	}
	if err := s.syncf.Sync(); err != nil {
		s.broken = err
		return fmt.Errorf("store: the disk did not confirm the write to %s: %w", s.path, err)
	}
	return nil
}

// Add saves a new annotation. It gives it an id when it has none, sets its
// author's times (Created and Updated) and returns it once it is on disk.
func (s *Store) Add(a data.Annotation) (data.Annotation, error) {
	if a.ID == "" {
		a.ID = data.NewAnnotationID()
	}
	now := s.now().UTC()
	a.Created, a.Updated = now, now
	as := []data.Annotation{a}
	err := s.PutAll(as)
	return as[0], err
}

// Update saves a changed annotation that the store holds, keeping its
// creation time and setting Updated, and returns it once it is on disk.
func (s *Store) Update(a data.Annotation) (data.Annotation, error) {
	old, err := s.Get(a.ID)
	if err != nil {
		return a, err
	}
	a.Created, a.Updated = old.Created, s.now().UTC()
	as := []data.Annotation{a}
	err = s.PutAll(as)
	return as[0], err
}

// Put saves a exactly as given (zero Created or Updated times are set to
// now), replacing any annotation with the same id. It is one key: after a
// crash the annotation is either whole or as it was. It returns nil only
// once the annotation is on disk.
func (s *Store) Put(a data.Annotation) error {
	return s.PutAll([]data.Annotation{a})
}

// PutAll saves several annotations in one transaction, as Put does: all
// are checked before any is written, and nil means all are on disk. Areas
// are stored with the RFC 7946 winding; as is updated to what was stored.
func (s *Store) PutAll(as []data.Annotation) error {
	now := s.now().UTC()
	vals := make([]string, len(as))
	for i := range as {
		a := &as[i]
		if a.Created.IsZero() {
			a.Created = now
		}
		if a.Updated.IsZero() {
			a.Updated = now
		}
		if pg, ok := a.Geometry.(orb.Polygon); ok {
			a.Geometry = rewind(pg) // RFC 7946 winding, so exports need no fixing
		}
		if err := a.Validate(); err != nil {
			return err
		}
		v, err := encodeValue(*a)
		if err != nil {
			return err
		}
		vals[i] = v
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return errClosed
	}
	if s.readOnly != nil {
		return s.readOnly
	}
	err := s.commit(func(tx *buntdb.Tx) error {
		for i, a := range as {
			if _, _, err := tx.Set(annotationKey(a.ID), vals[i], nil); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		if len(as) == 1 {
			return fmt.Errorf("store: annotation %s was NOT saved to %s: %w", as[0].ID, s.path, err)
		}
		return fmt.Errorf("store: %d annotations were NOT saved to %s: %w", len(as), s.path, err)
	}
	s.cacheMu.Lock()
	for _, a := range as {
		s.cache[a.ID] = a
	}
	s.cacheMu.Unlock()
	return nil
}

var errClosed = errors.New("store: the store is closed")

// Get returns the annotation with the given id, or ErrNotFound.
func (s *Store) Get(id string) (data.Annotation, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return data.Annotation{}, errClosed
	}
	var v string
	err := s.db.View(func(tx *buntdb.Tx) error {
		var err error
		v, err = tx.Get(annotationPrefix + id)
		return err
	})
	if errors.Is(err, buntdb.ErrNotFound) {
		return data.Annotation{}, fmt.Errorf("%w: %s", ErrNotFound, id)
	}
	if err != nil {
		return data.Annotation{}, fmt.Errorf("store: could not read annotation %s: %w", id, err)
	}
	return s.decode(id, v)
}

// decode returns the cached annotation for id, decoding v on a miss.
func (s *Store) decode(id, v string) (data.Annotation, error) {
	s.cacheMu.Lock()
	a, ok := s.cache[id]
	s.cacheMu.Unlock()
	if ok {
		return a, nil
	}
	a, err := decodeValue(v)
	if err != nil {
		return data.Annotation{}, fmt.Errorf("store: annotation %s in %s cannot be read: %w", id, s.path, err)
	}
	s.cacheMu.Lock()
	s.cache[id] = a
	s.cacheMu.Unlock()
	return a, nil
}

// Delete removes the annotation with the given id and returns it, so the
// caller can offer to undo (Put it back). It returns nil only once the
// removal is on disk.
func (s *Store) Delete(id string) (data.Annotation, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return data.Annotation{}, errClosed
	}
	if s.readOnly != nil {
		return data.Annotation{}, s.readOnly
	}
	var v string
	err := s.commit(func(tx *buntdb.Tx) error {
		var err error
		v, err = tx.Delete(annotationPrefix + id)
		return err
	})
	if errors.Is(err, buntdb.ErrNotFound) {
		return data.Annotation{}, fmt.Errorf("%w: %s", ErrNotFound, id)
	}
	if err != nil {
		return data.Annotation{}, fmt.Errorf("store: annotation %s was NOT deleted from %s: %w", id, s.path, err)
	}
	a, derr := s.decode(id, v)
	s.cacheMu.Lock()
	delete(s.cache, id)
	s.cacheMu.Unlock()
	return a, derr
}

// List returns every annotation, oldest id first.
func (s *Store) List() ([]data.Annotation, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return nil, errClosed
	}
	var keys, vals []string
	err := s.db.View(func(tx *buntdb.Tx) error {
		return tx.AscendKeys(annotationPrefix+"*", func(k, v string) bool {
			keys, vals = append(keys, k), append(vals, v)
			return true
		})
	})
	if err != nil {
		return nil, fmt.Errorf("store: could not list %s: %w", s.path, err)
	}
	return s.decodeAll(keys, vals)
}

// InView returns the annotations whose bounding box intersects b (a
// viewport in lon/lat), in id order, through the spatial index.
func (s *Store) InView(b orb.Bound) ([]data.Annotation, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return nil, errClosed
	}
	var hits []keyValue
	err := s.db.View(func(tx *buntdb.Tx) error {
		return tx.Intersects(spatialIndex, queryRect(b), func(k, v string) bool {
			hits = append(hits, keyValue{k, v})
			return true
		})
	})
	if err != nil {
		return nil, fmt.Errorf("store: could not query %s: %w", s.path, err)
	}
	// Sort the small key/value pairs, not the decoded annotations: ids
	// order keys the same, and moving 32 bytes beats moving ~250.
	slices.SortFunc(hits, func(a, b keyValue) int { return strings.Compare(a.k, b.k) })
	keys, vals := make([]string, len(hits)), make([]string, len(hits))
	for i, h := range hits {
		keys[i], vals[i] = h.k, h.v
	}
	return s.decodeAll(keys, vals)
}

// keyValue is one hit of a spatial query.
type keyValue struct{ k, v string }

func (s *Store) decodeAll(keys, vals []string) ([]data.Annotation, error) {
	out := make([]data.Annotation, len(keys))
	var miss []int
	s.cacheMu.Lock()
	for i, k := range keys {
		a, ok := s.cache[k[len(annotationPrefix):]]
		if !ok {
			miss = append(miss, i)
		}
		out[i] = a
	}
	s.cacheMu.Unlock()
	for _, i := range miss {
		a, err := s.decode(keys[i][len(annotationPrefix):], vals[i])
		if err != nil {
			return nil, err
		}
		out[i] = a
	}
	return out, nil
}

// Close closes the store and releases its lock. Closing twice is allowed.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	err := s.closeDB()
	if uerr := s.unlock(); err == nil {
		err = uerr
	}
	if err != nil {
		return fmt.Errorf("store: closing %s: %w", s.path, err)
	}
	return nil
}
