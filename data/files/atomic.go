package files

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
)

// WriteAtomic writes path through write without ever leaving a partial
// file: it writes a temporary file in the same folder, syncs it, renames
// it over path and syncs the folder. On failure the temporary file is
// removed and path is untouched. The error names path and says what
// failed.
func WriteAtomic(path string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	tmp, err := createTemp(dir, filepath.Base(path))
	if err != nil {
		return fmt.Errorf("cannot write %s: %v (check that the folder exists and is writable)", path, Cause(err))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(tmp, 1<<20)
	if err := write(bw); err != nil {
		return fmt.Errorf("cannot write %s: %v", path, err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("cannot write %s: %v", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("cannot write %s: %v", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %v", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("cannot write %s: %v", path, Cause(err))
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync() // the rename is durable once the folder is synced; not all systems allow it
		d.Close()
	}
	return nil
}

// createTemp creates a new hidden file beside name in dir, with the mode
// os.Create would give (0666 less the umask; os.CreateTemp gives 0600).
func createTemp(dir, name string) (*os.File, error) {
	for {
		tmp := filepath.Join(dir, fmt.Sprintf(".%s.%d.tmp", name, rand.Uint32()))
		f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
		if !errors.Is(err, fs.ErrExist) {
			return f, err
		}
	}
}

// Cause is the innermost error of a *os.PathError or *os.LinkError, for a
// message that already names the path; any other error is returned as it
// is.
func Cause(err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		return pe.Err
	case errors.As(err, &le):
		return le.Err
	}
	return err
}
