package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/gofrs/flock"
)

// ErrLocked is returned by Open when another Sahel Atlas, a window or a
// command, has the store open. errors.Is(err, ErrLocked) reports it; the
// error's text names the store.
var ErrLocked = errors.New("store: another Sahel Atlas has this store open")

// lockWait is how long Open retries the lock by default.
const lockWait = time.Second

// lockStore takes the exclusive lock on "<path>.lock", retrying for up to
// wait. The lock lives in its own file so that Compact and repairs, which
// rename files over the store, never move it.
func lockStore(path string, wait time.Duration) (*flock.Flock, error) {
	lk := flock.New(path+".lock", flock.SetPermissions(0o600))
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	ok, err := lk.TryLockContext(ctx, 50*time.Millisecond)
	if ok {
		return lk, nil
	}
	_ = lk.Close()
	if err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return nil, fmt.Errorf("store: could not lock %s.lock: %w", path, err)
	}
	return nil, &lockedError{path: path}
}

// lockedError is ErrLocked with the store's path.
type lockedError struct{ path string }

func (e *lockedError) Error() string {
	return fmt.Sprintf("store: another Sahel Atlas has the store %s open; close it and try again", e.path)
}

func (e *lockedError) Is(target error) bool { return target == ErrLocked }
