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

// ErrNotRegular is returned by WriteAtomic when something other than a
// regular file is at the path: a folder, a device such as /dev/null, a
// named pipe or a socket. errors.Is(err, ErrNotRegular) reports it.
var ErrNotRegular = errors.New("files: not a regular file")

// notRegularError is ErrNotRegular with the path and what is there.
type notRegularError struct {
	path string
	mode fs.FileMode
}

func (e *notRegularError) Error() string {
	return fmt.Sprintf("cannot write %s: it is %s, not a regular file; name a file to write", e.path, kindOf(e.mode))
}

func (e *notRegularError) Is(target error) bool { return target == ErrNotRegular }

// maxLinks bounds the symbolic links WriteAtomic follows, as the system
// does (Linux's limit is 40).
const maxLinks = 40

// WriteAtomic writes path through write without ever leaving a partial
// file: it writes a temporary file beside the file, syncs it, renames it
// over the file and syncs the folder. On failure the temporary file is
// removed and the file is untouched. The error names path and says what
// failed; an error of write is wrapped, so errors.Is sees it.
//
// What is at path is replaced as a file, never as something else:
//   - a symbolic link (even one to a file not yet made) is followed, so
//     the file it leads to is replaced and the link stays a link to it;
//   - a file replaced keeps its permissions (a 0600 file stays 0600); a
//     new file gets the mode os.Create gives. Its owner becomes the
//     writer, as with any rename;
//   - a folder, a device (/dev/null, a terminal), a named pipe or a socket
//     is refused with ErrNotRegular before write is called, rather than
//     replaced by a file: a caller that means to write to a stream (the
//     commands' "-o -" for standard output) writes to it itself.
func WriteAtomic(path string, write func(io.Writer) error) error {
	return writeAtomic(path, 0, write)
}

// WritePrivate is WriteAtomic for a file only its owner may read, such as
// a settings file: the file is 0600 whatever it was before.
func WritePrivate(path string, write func(io.Writer) error) error {
	return writeAtomic(path, 0o600, write)
}

// writeAtomic is WriteAtomic giving the file the mode perm, or when perm
// is 0 the mode of the file it replaces.
func writeAtomic(path string, perm fs.FileMode, write func(io.Writer) error) (err error) {
	file, mode, exists, err := resolve(path)
	if err != nil {
		return err
	}
	if perm != 0 {
		mode, exists = perm, true
	}
	dir := filepath.Dir(file)
	tmp, err := createTemp(dir, filepath.Base(file))
	if err != nil {
		return fmt.Errorf("cannot write %s: %v (check that the folder exists and is writable)", path, Cause(err))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if exists {
		if err := tmp.Chmod(mode); err != nil {
			return fmt.Errorf("cannot write %s: cannot give the new file the mode %v of the old: %v", path, mode, Cause(err))
		}
	}
	bw := bufio.NewWriterSize(tmp, 1<<20)
	if err := write(bw); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
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
	if err := os.Rename(tmp.Name(), file); err != nil {
		return fmt.Errorf("cannot write %s: %v", path, Cause(err))
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync() // the rename is durable once the folder is synced; not all systems allow it
		d.Close()
	}
	return nil
}

// resolve returns the file that path names, its symbolic links followed,
// and whether a file is there with its permissions. It refuses anything
// there but a regular file.
func resolve(path string) (file string, perm fs.FileMode, exists bool, err error) {
	fi, err := os.Stat(path)
	switch {
	case err == nil && !fi.Mode().IsRegular():
		return "", 0, false, &notRegularError{path: path, mode: fi.Mode()}
	case err == nil:
		file, err = filepath.EvalSymlinks(path)
		if err != nil {
			return "", 0, false, fmt.Errorf("cannot write %s: cannot follow its links: %v", path, Cause(err))
		}
		return file, fi.Mode().Perm(), true, nil
	case !errors.Is(err, fs.ErrNotExist):
		return "", 0, false, fmt.Errorf("cannot write %s: %v", path, Cause(err))
	}
	// Nothing there, or a link to nothing yet: the file is made where the
	// last link leads.
	p := path
	for range maxLinks {
		fi, err := os.Lstat(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return p, 0, false, nil
		case err != nil:
			return "", 0, false, fmt.Errorf("cannot write %s: %v", path, Cause(err))
		case fi.Mode()&fs.ModeSymlink == 0:
			return p, 0, false, nil // made since the Stat above
		}
		link, err := os.Readlink(p)
		if err != nil {
			return "", 0, false, fmt.Errorf("cannot write %s: cannot read the link %s: %v", path, p, Cause(err))
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(p), link)
		}
		p = link
	}
	return "", 0, false, fmt.Errorf("cannot write %s: more than %d symbolic links in a row", path, maxLinks)
}

// kindOf names what a file of mode m is, for a message.
func kindOf(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	}
	return "a special file"
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
