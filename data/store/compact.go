package store

import (
	"bytes"
	"fmt"
)

// Compact rewrites the store file with one record per key, as buntdb's
// Shrink would, but durably: the new file is written beside the store and
// fsync'd, the current file is kept as "<file>.bak", the new one is renamed
// over it and the folder is fsync'd. At every moment the store's path holds
// a whole file. Auto-shrink is off, so only Compact shortens the file.
func (s *Store) Compact() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return errClosed
	}
	if s.broken != nil {
		return fmt.Errorf("store: %s cannot be compacted since an earlier failure (%v); close and reopen it", s.path, s.broken)
	}
	var buf bytes.Buffer
	if err := s.db.Save(&buf); err != nil {
		return fmt.Errorf("store: could not snapshot %s for compaction: %w", s.path, err)
	}
	if err := s.closeDB(); err != nil {
		s.broken = err
		return fmt.Errorf("store: could not close %s for compaction: %w", s.path, err)
	}
	err := replaceFile(s.path, buf.Bytes(), s.path+".bak")
	if oerr := s.openDB(); oerr != nil {
		s.broken = oerr
		s.closed = true
		return fmt.Errorf("store: %s could not be reopened after compaction: %w", s.path, oerr)
	}
	if err != nil {
		return fmt.Errorf("store: compaction of %s failed, the store is unchanged: %w", s.path, err)
	}
	return nil
}
