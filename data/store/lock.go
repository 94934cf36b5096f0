package store

import (
	"errors"
	"fmt"
	"time"
)

// ErrLocked is returned by Open when another Sahel Atlas, a window or a
// command, has the store open. errors.Is(err, ErrLocked) reports it; the
// error's text names the store.
var ErrLocked = errors.New("store: another Sahel Atlas has this store open")

// lockWait is how long Open retries the lock by default.
const lockWait = time.Second

// lockRetry is how often Open tries the lock again while it waits.
const lockRetry = 50 * time.Millisecond

// lockStore takes the exclusive lock on the store file at path (symbolic
// links resolved), creating the file (0600) when it does not exist,
// retrying for up to wait. given is the path as the caller named it, for
// the error.
//
// How the lock is held depends on the system: see lock_flock.go and
// lock_file.go.
func lockStore(path, given string, wait time.Duration) (*storeLock, error) {
	deadline := time.Now().Add(wait)
	for {
		lk, err := tryLock(path)
		if lk != nil || err != nil {
			return lk, err
		}
		if time.Now().After(deadline) {
			return nil, &lockedError{path: given, file: path}
		}
		time.Sleep(lockRetry)
	}
}

// lockedError is ErrLocked with the store's path.
type lockedError struct{ path, file string }

func (e *lockedError) Error() string {
	name := e.path
	if e.file != e.path {
		name = fmt.Sprintf("%s (the file %s)", e.path, e.file)
	}
	return fmt.Sprintf("store: another Sahel Atlas has the store %s open; close it and try again", name)
}

func (e *lockedError) Is(target error) bool { return target == ErrLocked }
