//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// On these systems the lock is flock(2) on the store file itself, through
// a descriptor of its own. A lock on the file, not on its name, is shared
// by every name the file has: a symbolic link, a hard link, a path with
// ".." in it. flock, unlike fcntl's locks, belongs to the descriptor, so
// buntdb opening and closing the file does not release it.
//
// Compact and the repair rename a new file over the store: before the
// rename, the new file is locked too (lockNew), and the old lock is let go
// only once the new file holds the store's name (adopt). A process waiting
// for the lock may get it on the old file just after: tryLock therefore
// checks, once locked, that the file it holds is still the one the path
// names, and tries again if not.

// storeLock is an exclusive flock on the store file.
type storeLock struct{ f *os.File }

// tryLock opens the file at path (creating it when it does not exist) and
// tries once to lock it. It returns nil, nil when another holds it.
func tryLock(path string) (*storeLock, error) {
	f, err := os.OpenFile(path, os.O_RDONLY, 0)
	if errors.Is(err, fs.ErrNotExist) {
		f, err = os.OpenFile(path, os.O_RDONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			return nil, nil // created by another just now: try again
		}
	}
	if err != nil {
		return nil, fmt.Errorf("store: could not open %s to lock it: %w", path, err)
	}
	if err := flock(f); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, nil
		}
		return nil, fmt.Errorf("store: could not lock %s: %w", path, err)
	}
	held, err := f.Stat()
	if err == nil {
		var named fs.FileInfo
		named, err = os.Stat(path)
		if err == nil && !os.SameFile(held, named) {
			f.Close() // replaced by a compaction while we waited
			return nil, nil
		}
	}
	if errors.Is(err, fs.ErrNotExist) {
		f.Close()
		return nil, nil
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("store: could not read %s: %w", path, err)
	}
	return &storeLock{f: f}, nil
}

func flock(f *os.File) error {
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if !errors.Is(err, syscall.EINTR) {
			return err
		}
	}
}

// lockNew locks the file at path, which is about to be renamed over the
// store, and returns its descriptor for adopt.
func (l *storeLock) lockNew(path string) (*os.File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("store: could not open %s to lock it: %w", path, err)
	}
	if err := flock(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("store: could not lock %s: %w", path, err)
	}
	return f, nil
}

// adopt makes f, locked by lockNew and now renamed over the store, the
// store's lock, and lets go of the old file's. A nil f is ignored.
func (l *storeLock) adopt(f *os.File) {
	if f == nil {
		return
	}
	old := l.f
	l.f = f
	old.Close()
}

// release lets go of the lock.
func (l *storeLock) release() error {
	return l.f.Close()
}

// linkCount returns how many names (hard links) the file fi describes
// has, or 1 when the system does not say.
func linkCount(fi fs.FileInfo) uint64 {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink)
	}
	return 1
}
