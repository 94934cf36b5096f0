package store

import (
	"errors"
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
