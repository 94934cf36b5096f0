package cli

import (
	"errors"
	"fmt"
	"io"

	"github.com/sahelatlas/sahelatlas/data/store"
)

// openStore opens the workspace store for the command cmd ("import",
// "annotations add"): the path from the --store flag, $SAHELATLAS_STORE or
// the default. On failure it writes one line to stderr and returns the exit
// status: ExitLocked when another Sahel Atlas holds the store, ExitUsage
// when no path can be found, ExitFailed otherwise. A repaired store's
// report goes to stderr too.
func openStore(cmd, flagPath string, stderr io.Writer) (*store.Store, int) {
	path, err := store.Resolve(flagPath)
	if err != nil {
		fmt.Fprintf(stderr, "sahelatlas %s: %v\n", cmd, err)
		return nil, ExitUsage
	}
	s, rec, err := store.Open(path)
	switch {
	case errors.Is(err, store.ErrLocked):
		fmt.Fprintf(stderr, "sahelatlas %s: %v\n", cmd, err)
		return nil, ExitLocked
	case err != nil:
		fmt.Fprintf(stderr, "sahelatlas %s: %v\n", cmd, err)
		return nil, ExitFailed
	}
	if rec != nil {
		fmt.Fprintln(stderr, rec)
	}
	return s, ExitOK
}
