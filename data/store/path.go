package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
)

// EnvStore is the environment variable that chooses the store file when no
// --store flag is given.
const EnvStore = "SAHELATLAS_STORE"

// DefaultPath returns the default store: "sahelatlas/workspace.db" in the
// user's data folder ($XDG_DATA_HOME, else ~/.local/share on Linux and BSD,
// ~/Library/Application Support on macOS, %LocalAppData% on Windows).
func DefaultPath() (string, error) {
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" || !filepath.IsAbs(dir) {
		home, err := os.UserHomeDir()
		switch {
		case runtime.GOOS == "windows" && os.Getenv("LocalAppData") != "":
			dir = os.Getenv("LocalAppData")
		case err != nil:
			return "", errors.New("store: no home folder to keep the store in; give one with --store PATH or " + EnvStore)
		case runtime.GOOS == "darwin":
			dir = filepath.Join(home, "Library", "Application Support")
		default:
			dir = filepath.Join(home, ".local", "share")
		}
	}
	return filepath.Join(dir, "sahelatlas", "workspace.db"), nil
}

// Resolve returns the store to use: flagPath when not empty (--store),
// else $SAHELATLAS_STORE, else DefaultPath.
func Resolve(flagPath string) (string, error) {
	if flagPath != "" {
		return flagPath, nil
	}
	if p := os.Getenv(EnvStore); p != "" {
		return p, nil
	}
	return DefaultPath()
}

// resolvePath returns the file that path names, with symbolic links
// resolved, so that the store is locked, repaired and compacted as that
// file and a link to it stays a link. For a store not yet created, the
// folder's links are resolved. A link to a file that does not exist is
// refused rather than replaced by a new, empty store.
func resolvePath(path string) (string, error) {
	real, err := filepath.EvalSymlinks(path)
	if err == nil {
		return real, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("store: could not follow the links of %s: %w", path, err)
	}
	if fi, lerr := os.Lstat(path); lerr == nil && fi.Mode()&fs.ModeSymlink != 0 {
		target, _ := os.Readlink(path)
		return "", fmt.Errorf("store: %s is a link to %s, which does not exist (is its drive mounted?); restore the store there or give another path", path, target)
	}
	dir, err := filepath.EvalSymlinks(filepath.Dir(path))
	if err != nil {
		return "", fmt.Errorf("store: could not find the folder of %s: %w", path, err)
	}
	return filepath.Join(dir, filepath.Base(path)), nil
}
