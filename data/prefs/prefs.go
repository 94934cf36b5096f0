// Package prefs keeps what Sahel Atlas remembers between runs and is
// shared by the window and the commands: today the last caveat given to a
// snapshot. Preferences live in a small JSON file in the user's settings
// folder, written atomically.
package prefs

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/sahelatlas/sahelatlas/data/files"
)

// Snapshot is what snapshots remember from one export to the next.
type Snapshot struct {
	// Caveat is the last caveat given, used when none is.
	Caveat string `json:"caveat"`
}

// SnapshotPath is where Snapshot preferences are kept:
// os.UserConfigDir()/sahelatlas/snapshot.json (on Linux $XDG_CONFIG_HOME
// or ~/.config).
func SnapshotPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("cannot find the folder for settings: %v", err)
	}
	return filepath.Join(dir, "sahelatlas", "snapshot.json"), nil
}

// LoadSnapshot reads the remembered snapshot preferences; none yet is no
// error.
func LoadSnapshot() (Snapshot, error) {
	var p Snapshot
	path, err := SnapshotPath()
	if err != nil {
		return p, err
	}
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return p, nil
	}
	if err != nil {
		return p, fmt.Errorf("cannot read %s: %v", path, files.Cause(err))
	}
	if err := json.Unmarshal(b, &p); err != nil {
		return p, fmt.Errorf("%s is not valid JSON (%v): fix or delete it", path, err)
	}
	return p, nil
}

// SaveSnapshot remembers p for the next snapshot, in a file only the
// user may read (0600).
func SaveSnapshot(p Snapshot) error {
	path, err := SnapshotPath()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("cannot make %s: %v", filepath.Dir(path), files.Cause(err))
	}
	b, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		return err
	}
	return files.WritePrivate(path, func(w io.Writer) error { // a caveat may say what the work is
		_, err := w.Write(append(b, '\n'))
		return err
	})
}
