//go:build unix

package files

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A folder, a named pipe or a device at the path is refused, left as it
// is, and write is not called.
func TestWriteAtomicRefusesWhatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(dir, "folder")
	os.Mkdir(folder, 0o755)
	linkToFifo := filepath.Join(dir, "link-to-pipe")
	mustLink(t, "pipe", linkToFifo)
	cases := []struct {
		name, path, want string
	}{
		{"folder", folder, "a folder"},
		{"named pipe", fifo, "a named pipe"},
		{"link to a named pipe", linkToFifo, "a named pipe"},
		{"device", os.DevNull, "a device"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before, _ := os.Lstat(tc.path)
			called := false
			err := WriteAtomic(tc.path, func(w io.Writer) error { called = true; return nil })
			if !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), tc.path) {
				t.Errorf("error %v, want ErrNotRegular naming %s and saying %q", err, tc.path, tc.want)
			}
			if called {
				t.Error("write was called")
			}
			if after, err := os.Lstat(tc.path); err != nil || after.Mode() != before.Mode() {
				t.Errorf("%s changed from %v to %v (%v)", tc.path, before.Mode(), after.Mode(), err)
			}
		})
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 3 {
		t.Errorf("folder holds %d entries, want the pipe, the folder and the link", len(entries))
	}
}
