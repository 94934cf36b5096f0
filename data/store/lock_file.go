//go:build !(darwin || dragonfly || freebsd || linux || netbsd || openbsd)

package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/gofrs/flock"
)

// On these systems (Windows among them) a lock on the store file itself
// would be mandatory: it would stop buntdb reading and writing the file,
// and an open descriptor stops the rename that Compact and the repair do.
// The lock is therefore "<file>.lock" beside the store file, with
// symbolic links resolved, so that a symbolic link shares it; a hard link
// does not.

// storeLock is the lock on "<file>.lock".
type storeLock struct{ lk *flock.Flock }

// tryLock tries once to lock "<path>.lock", creating path when it does not
// exist. It returns nil, nil when another holds it.
func tryLock(path string) (*storeLock, error) {
	lk := flock.New(path+".lock", flock.SetPermissions(0o600))
	ok, err := lk.TryLock()
	if err != nil {
		return nil, fmt.Errorf("store: could not lock %s.lock: %w", path, err)
	}
	if !ok {
		_ = lk.Close()
		return nil, nil
	}
	f, err := os.OpenFile(path, os.O_RDONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err == nil {
		err = f.Close()
	} else if errors.Is(err, fs.ErrExist) {
		err = nil
	}
	if err != nil {
		_ = lk.Unlock()
		_ = lk.Close()
		return nil, fmt.Errorf("store: could not create %s: %w", path, err)
	}
	return &storeLock{lk: lk}, nil
}

// lockNew does nothing here: the lock file is not renamed.
func (l *storeLock) lockNew(path string) (*os.File, error) { return nil, nil }

// adopt does nothing here.
func (l *storeLock) adopt(f *os.File) {}

// release lets go of the lock.
func (l *storeLock) release() error {
	err := l.lk.Unlock()
	_ = l.lk.Close()
	return err
}

// linkCount returns 1: hard links are not counted here.
func linkCount(fi fs.FileInfo) uint64 { return 1 }
