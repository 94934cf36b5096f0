package store

import (
	"bytes"
	"fmt"
	"strconv"

	"github.com/tidwall/buntdb"
)

// buntdb's file is a log: every save appends a record and every replaced
// or deleted key leaves its old record behind, dead. A re-imported layer
// leaves a whole layer's worth of dead records each time. Auto-shrink is
// off (buntdb's shrink renames its new file over the store without
// fsyncing the file or its folder), so the store compacts the file
// itself: when Open finds it, or a write leaves it, more than a third dead
// (and at least compactMinDead bytes), it is rewritten by Compact.

// compactMinDead is the least dead data worth rewriting a file for.
const compactMinDead = 64 << 10

// waste is what the last measurement of the file found.
type waste struct {
	keys int   // keys in the store then
	next int64 // file size at which to measure again
}

// Compact rewrites the store file with one record per key, as buntdb's
// Shrink would, but durably: the new file is written beside the store and
// fsync'd, the current file is kept as "<file>.bak", the new one is renamed
// over it and the folder is fsync'd. At every moment the store's path holds
// a whole file, the old one or the new one. Open and every write call it
// when the file is more than a third dead, so callers rarely need to.
func (s *Store) Compact() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return errClosed
	}
	return s.compactLocked()
}

// compactLocked is Compact, with s.mu held.
func (s *Store) compactLocked() error {
	if s.readOnly != nil {
		return s.readOnly
	}
	if s.broken != nil {
		return fmt.Errorf("store: %s cannot be compacted since an earlier failure (%v); close and reopen it", s.path, s.broken)
	}
	if fi, err := s.syncf.Stat(); err == nil && linkCount(fi) > 1 {
		return fmt.Errorf("store: %s is not compacted: %w", s.path, &namesError{n: linkCount(fi)})
	}
	var buf bytes.Buffer
	if err := s.db.Save(&buf); err != nil {
		return fmt.Errorf("store: could not snapshot %s for compaction: %w", s.path, err)
	}
	if err := s.closeDB(); err != nil {
		s.broken = err
		return fmt.Errorf("store: could not close %s for compaction: %w", s.path, err)
	}
	err := replaceFile(s.path, buf.Bytes(), s.path+".bak", s.lock)
	if oerr := s.openDB(); oerr != nil {
		s.broken = oerr
		s.closed = true
		s.unlock()
		return fmt.Errorf("store: %s could not be reopened after compaction: %w", s.path, oerr)
	}
	if err != nil {
		return fmt.Errorf("store: compaction of %s failed, the store is unchanged: %w", s.path, err)
	}
	s.waste = waste{} // measure again at the next write
	return nil
}

// compactIfWasteful compacts the store when its file is more than a third
// dead and at least compactMinDead bytes are dead. Measuring walks every
// key, so unless always is set it is done only once the file has grown
// enough to pass the threshold since the last measurement, or keys were
// removed. s.mu must be held.
func (s *Store) compactIfWasteful(always bool) error {
	if s.readOnly != nil {
		return nil
	}
	fi, err := s.syncf.Stat()
	if err != nil {
		return fmt.Errorf("store: could not read the size of %s: %w", s.path, err)
	}
	var keys int
	err = s.db.View(func(tx *buntdb.Tx) error {
		keys, err = tx.Len()
		return err
	})
	if err != nil {
		return fmt.Errorf("store: could not count the keys of %s: %w", s.path, err)
	}
	size := fi.Size()
	if !always && size < s.waste.next && keys >= s.waste.keys {
		return nil
	}
	live, err := s.liveBytes()
	if err != nil {
		return fmt.Errorf("store: could not measure %s: %w", s.path, err)
	}
	dead := size - live
	// Dead data grows by at most what is appended, unless keys are removed.
	s.waste = waste{keys: keys, next: size + max(compactMinDead/4, live/2-dead)}
	if !wasteful(size, live) {
		return nil
	}
	return s.compactLocked()
}

// wasteful reports whether a file of size bytes, of which live bytes are
// live records, is worth compacting: more than a third of it is dead, and
// at least compactMinDead bytes.
func wasteful(size, live int64) bool {
	dead := size - live
	return dead >= compactMinDead && 2*dead > live
}

// liveBytes returns the size of the file Compact would write: one set
// record per key.
func (s *Store) liveBytes() (int64, error) {
	var n int64
	err := s.db.View(func(tx *buntdb.Tx) error {
		return tx.Ascend("", func(k, v string) bool {
			n += setRecordLen(k, v)
			return true
		})
	})
	return n, err
}

// setRecordLen is the length of the record appendSet writes for k and v
// without an expiry.
func setRecordLen(k, v string) int64 {
	return int64(len("*3\r\n$3\r\nset\r\n") + bulkLen(k) + bulkLen(v))
}

func bulkLen(s string) int {
	return len("$") + len(strconv.Itoa(len(s))) + len("\r\n") + len(s) + len("\r\n")
}
