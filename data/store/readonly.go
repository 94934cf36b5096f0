package store

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"syscall"

	"github.com/tidwall/buntdb"
)

// ErrReadOnly is returned by every write (Add, Put, PutAll, Update,
// Delete, PutImport, RemoveImport, Compact) to a store opened read-only; the
// error's text names the store and why it cannot be written.
var ErrReadOnly = errors.New("store: the store is read-only")

// readOnlyError is ErrReadOnly with the store's path and the reason.
type readOnlyError struct{ path, reason string }

func (e *readOnlyError) Error() string {
	return fmt.Sprintf("store: %s is read-only (%s): it is open for reading, and nothing can be saved to it; make it writable or open a copy", e.path, e.reason)
}

func (e *readOnlyError) Is(target error) bool { return target == ErrReadOnly }

// ReadOnly reports whether the store was opened read-only, because its
// file cannot be written: its mode gives its owner no write permission, it
// is on a read-only file system, or this user may not write it. A
// read-only store is read into memory and never changed: not made
// writable, not repaired, not compacted; every write returns an error
// for which errors.Is(err, ErrReadOnly) holds.
func (s *Store) ReadOnly() bool { return s.readOnly != nil }

// readOnlyReason says why the file at path, of the given mode, cannot be
// written, or returns "" when it can. The owner's write bit is checked
// first: a store its owner made read-only stays so even for a user (root)
// who could write it.
func readOnlyReason(path string, mode fs.FileMode) (string, error) {
	if mode.Perm()&0o200 == 0 {
		return fmt.Sprintf("its mode %04o gives its owner no write permission", mode.Perm()), nil
	}
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err == nil {
		return "", f.Close()
	}
	reason := writeBlocked(err)
	if reason == "" {
		return "", fmt.Errorf("store: could not open %s for writing: %w", path, err)
	}
	return reason, nil
}

// writeBlocked says why opening a file for writing failed with err when
// the file cannot be written, or returns "" for any other failure.
func writeBlocked(err error) string {
	switch {
	case errors.Is(err, syscall.EROFS):
		return "it is on a read-only file system"
	case errors.Is(err, fs.ErrPermission):
		return "this user may not write it"
	}
	return ""
}

// openCopy opens buntdb in memory on the bytes read from a read-only
// store (all of them, or the readable ones of a damaged file).
func (s *Store) openCopy() error {
	db, err := buntdb.Open(":memory:")
	if err != nil {
		return fmt.Errorf("store: could not read %s: %w", s.path, err)
	}
	err = db.Load(bytes.NewReader(s.snapshot))
	if err == nil {
		err = db.CreateSpatialIndex(spatialIndex, annotationPrefix+"*", valueRect)
	}
	if err != nil {
		_ = db.Close()
		return fmt.Errorf("store: could not read %s: %w", s.path, err)
	}
	s.db, s.snapshot = db, nil
	return nil
}

// privateModes is whether files and folders have group and other
// permission bits to check: Windows reports fixed ones.
const privateModes = runtime.GOOS != "windows"

// makePrivate takes the group and other permission bits (and the owner's
// execute bit) off the store file: 0644 becomes 0600, 0444 becomes 0400.
// It never adds the owner's write bit. It returns a note for the open
// report when others could use the file.
func makePrivate(path string, mode fs.FileMode) string {
	perm := mode.Perm()
	want := perm & 0o600
	if !privateModes || want == perm {
		return ""
	}
	err := os.Chmod(path, want)
	if perm&0o077 == 0 {
		return "" // only an execute bit: nothing to tell
	}
	others := "read"
	if perm&0o022 != 0 {
		others = "read and changed"
	}
	if err != nil {
		return fmt.Sprintf("store: %s can be %s by others (mode %04o) and could not be made private (%v); make it %04o", path, others, perm, err, want)
	}
	return fmt.Sprintf("store: %s could be %s by others (mode %04o); it is now %04o", path, others, perm, want)
}

// folderNote warns, for the open report, when others can write the folder
// that holds the store: they could replace or remove it.
func folderNote(dir string) string {
	if !privateModes {
		return ""
	}
	fi, err := os.Stat(dir)
	if err != nil || fi.Mode().Perm()&0o022 == 0 {
		return ""
	}
	return fmt.Sprintf("store: the folder %s can be written by others (mode %04o), who could replace or remove the store; make it 0700 (chmod 700 %s) or keep the store elsewhere", dir, fi.Mode().Perm(), dir)
}
