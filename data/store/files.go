package store

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// createNew creates a new 0600 file at path, removing what was there: a
// file left by a crash, or a link someone put there (O_EXCL never follows
// one).
func createNew(path string) (*os.File, error) {
	os.Remove(path)
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, fmt.Errorf("store: could not create %s: %w", path, err)
	}
	return f, nil
}

// writeSynced writes data to a new 0600 file at path and fsyncs it.
func writeSynced(path string, data []byte) error {
	f, err := createNew(path)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(path)
		return fmt.Errorf("store: could not write %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		os.Remove(path)
		return fmt.Errorf("store: could not sync %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return fmt.Errorf("store: could not close %s: %w", path, err)
	}
	return nil
}

// keepCopy makes dst a durable copy of src, a file of its own (never a
// link, which would share the live file's bytes or its name), without ever
// leaving src's path empty. An existing dst is replaced only once the new
// copy is complete.
func keepCopy(src, dst string) error {
	tmp := dst + ".tmp"
	if err := copyFile(src, tmp); err != nil {
		return err
	}
	if err := os.Rename(tmp, dst); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("store: could not keep a copy of %s as %s: %w", src, dst, err)
	}
	return nil
}

// copyFile copies src to a new 0600 file dst and fsyncs it.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("store: could not read %s: %w", src, err)
	}
	defer in.Close()
	out, err := createNew(dst)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(dst)
		return fmt.Errorf("store: could not copy %s to %s: %w", src, dst, err)
	}
	return nil
}

// testStep, when a test sets it, is called at each step of replaceFile
// with the step's name ("written", "kept", "renamed", "synced"): the kill
// tests stop the process there.
var testStep func(step string)

func step(name string) {
	if testStep != nil {
		testStep(name)
	}
}

// replaceFile writes data to a temporary file beside path, fsyncs it, keeps
// a copy of the current file as keep (if keep is not empty and path
// exists), renames the new file over path and fsyncs the folder. At every
// moment path holds either the old file or the new one. path must have
// its symbolic links resolved, so that a link to the store keeps pointing
// at it. When lk is not nil it is the lock on the file at path, moved to
// the new file before the rename.
func replaceFile(path string, data []byte, keep string, lk *storeLock) error {
	tmp := path + ".new"
	if err := writeSynced(tmp, data); err != nil {
		return err
	}
	step("written")
	if keep != "" {
		if _, err := os.Stat(path); err == nil {
			if err := keepCopy(path, keep); err != nil {
				os.Remove(tmp)
				return err
			}
		}
	}
	step("kept")
	var locked *os.File
	if lk != nil {
		var err error
		if locked, err = lk.lockNew(tmp); err != nil {
			os.Remove(tmp)
			return err
		}
	}
	if err := os.Rename(tmp, path); err != nil {
		if locked != nil {
			locked.Close()
		}
		os.Remove(tmp)
		return fmt.Errorf("store: could not rename %s over %s: %w", tmp, path, err)
	}
	if lk != nil {
		lk.adopt(locked)
	}
	step("renamed")
	if err := syncDir(filepath.Dir(path)); err != nil {
		return err
	}
	step("synced")
	return nil
}
