package store

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// syncDir fsyncs a folder so that files created or renamed in it survive
// a power cut.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("store: could not open folder %s to sync it: %w", dir, err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("store: could not sync folder %s: %w", dir, err)
	}
	return nil
}

// writeSynced writes data to a new 0600 file at path and fsyncs it.
func writeSynced(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("store: could not create %s: %w", path, err)
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

// keepCopy makes dst a durable copy of src without ever leaving src's path
// empty: a hard link when the file system allows it, a copy otherwise. An
// existing dst is replaced only once the new copy is complete.
func keepCopy(src, dst string) error {
	tmp := dst + ".tmp"
	os.Remove(tmp)
	if err := os.Link(src, tmp); err != nil {
		if err := copyFile(src, tmp); err != nil {
			return err
		}
	}
	if err := os.Rename(tmp, dst); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("store: could not keep a copy of %s as %s: %w", src, dst, err)
	}
	return nil
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("store: could not read %s: %w", src, err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("store: could not create %s: %w", dst, err)
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
// the current file as keep (if keep is not empty and path exists), renames
// the new file over path and fsyncs the folder. At every moment path holds
// either the old file or the new one.
func replaceFile(path string, data []byte, keep string) error {
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
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("store: could not rename %s over %s: %w", tmp, path, err)
	}
	step("renamed")
	if err := syncDir(filepath.Dir(path)); err != nil {
		return err
	}
	step("synced")
	return nil
}
