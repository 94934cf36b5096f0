package cli

import (
	"errors"
	"fmt"
	"os"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/exchange"
	"github.com/sahelatlas/sahelatlas/data/files"
	"github.com/sahelatlas/sahelatlas/data/lang"
	"github.com/sahelatlas/sahelatlas/data/store"
)

// openStore opens the workspace store with store.OpenWorkspace, as the
// window does: the path of --store, $SAHELATLAS_STORE or the default. On
// failure it writes one line and returns the exit status: ExitUsage when
// there is no path, ExitLocked when another Sahel Atlas holds the store,
// ExitFailed otherwise. A repaired store's report goes to stderr.
func openStore(con console, flagPath string) (*store.Store, int) {
	s, rec, err := store.OpenWorkspace(flagPath)
	if err != nil {
		return nil, con.failf(StatusOf(err), "%v", err)
	}
	if rec != nil {
		fmt.Fprintln(con.stderr, rec)
	}
	return s, ExitOK
}

// StatusOf is the exit status for an error opening the workspace store,
// the same for the window and every command: ExitUsage when there is no
// path for it (store.ErrNoPath), ExitLocked when another Sahel Atlas holds
// it (store.ErrLocked), ExitFailed otherwise.
func StatusOf(err error) int {
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, store.ErrNoPath):
		return ExitUsage
	case errors.Is(err, store.ErrLocked):
		return ExitLocked
	}
	return ExitFailed
}

// workspace is what the commands that draw or write events read from the
// store: the events, bundled and imported, and the annotations.
type workspace struct {
	data  *data.Dataset
	notes []data.Annotation
}

// readWorkspace reads the store at flagPath (resolved as openStore does),
// which must exist: a command that only reads makes no store. It merges
// the events of the layers the window shows into base a month block at a
// time as it reads them (store.ShownEventsTo into an exchange.Merger, as
// the window merges them, so a million events are never all held as
// records), warning on stderr of a layer left out for a problem, and
// lists the annotations when notes is set. On failure it returns the
// exit status.
func readWorkspace(con console, flagPath string, base *data.Dataset, notes bool) (workspace, int) {
	return readWorkspaceShown(con, flagPath, base, notes, func(s *store.Store, m *exchange.Merger) ([]store.Import, error) {
		return s.ShownEventsTo(nil, m)
	})
}

// readWorkspaceBetween is readWorkspace for the events overlapping the
// window from–to: only those are read from the store
// (store.ShownEventsBetween) and merged into base.
func readWorkspaceBetween(con console, flagPath string, base *data.Dataset, from, to data.Date) (workspace, int) {
	return readWorkspaceShown(con, flagPath, base, false, func(s *store.Store, m *exchange.Merger) ([]store.Import, error) {
		layers, records, err := s.ShownEventsBetween(nil, from, to)
		if err == nil {
			m.Add(records)
		}
		return layers, err
	})
}

// readWorkspaceShown is readWorkspace with the store's events read into
// a merger onto base by shown.
func readWorkspaceShown(con console, flagPath string, base *data.Dataset, notes bool,
	shown func(*store.Store, *exchange.Merger) ([]store.Import, error)) (workspace, int) {
	path, err := store.Resolve(flagPath)
	if err != nil {
		return workspace{}, con.failf(ExitUsage, "%v", err)
	}
	if _, err := os.Stat(path); err != nil {
		return workspace{}, con.failf(ExitUsage, lang.T("no store at %s (%v); import a file into it first"), path, files.Cause(err))
	}
	s, status := openStore(con, path)
	if s == nil {
		return workspace{}, status
	}
	defer s.Close()
	m := exchange.NewMerger(base, 0)
	layers, err := shown(s, m)
	if err != nil {
		return workspace{}, con.failf(ExitFailed, "%v", err)
	}
	for _, l := range layers {
		if l.Problem != "" {
			fmt.Fprintf(con.stderr, lang.T("sahelatlas %s: layer %s left out: %s\n"), con.cmd.name, l.ID, l.Problem)
		}
	}
	ws := workspace{data: base}
	if m.Added() > 0 {
		if ws.data, err = m.Dataset(); err != nil {
			return workspace{}, con.failf(ExitFailed, lang.T("the store's events cannot join the bundled ones: %v"), err)
		}
	}
	if notes {
		if ws.notes, err = s.List(); err != nil {
			return workspace{}, con.failf(ExitFailed, "%v", err)
		}
	}
	return ws, ExitOK
}
