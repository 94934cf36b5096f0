package files

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteAtomic(t *testing.T) {
	boom := errors.New("boom")
	cases := []struct {
		name    string
		old     string // the file before; "" for none
		write   string
		fail    error
		want    string // the file after
		wantErr string
	}{
		{name: "new file", write: "hello", want: "hello"},
		{name: "replace", old: "old", write: "new", want: "new"},
		{name: "failed write keeps the old file", old: "old", write: "partial", fail: boom, want: "old", wantErr: "boom"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "out.txt")
			if tc.old != "" {
				if err := os.WriteFile(path, []byte(tc.old), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			err := WriteAtomic(path, func(w io.Writer) error {
				io.WriteString(w, tc.write)
				return tc.fail
			})
			if tc.wantErr == "" && err != nil {
				t.Fatal(err)
			}
			if tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr) || !strings.Contains(err.Error(), path)) {
				t.Fatalf("error %v, want one naming %s and %q", err, path, tc.wantErr)
			}
			b, _ := os.ReadFile(path)
			if string(b) != tc.want {
				t.Errorf("file holds %q, want %q", b, tc.want)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 && tc.want != "" {
				t.Errorf("folder holds %d entries, want only out.txt (no temporary file left)", len(entries))
			}
		})
	}
}

func TestWriteAtomicMode(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out")
	if err := WriteAtomic(path, func(w io.Writer) error { return nil }); err != nil {
		t.Fatal(err)
	}
	ref := filepath.Join(dir, "ref")
	f, err := os.Create(ref)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	got, _ := os.Stat(path)
	want, _ := os.Stat(ref)
	if got.Mode().Perm() != want.Mode().Perm() {
		t.Errorf("mode %v, want %v as os.Create gives", got.Mode().Perm(), want.Mode().Perm())
	}
}

func TestWriteAtomicNoFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "missing", "out")
	err := WriteAtomic(path, func(w io.Writer) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "folder exists") {
		t.Errorf("error %v, want one saying to check the folder", err)
	}
}

// writeString writes s to path with WriteAtomic.
func writeString(path, s string) error {
	return WriteAtomic(path, func(w io.Writer) error {
		_, err := io.WriteString(w, s)
		return err
	})
}

// A symbolic link at the path stays a link, and the file it leads to gets
// the new content, through a chain of links, relative or absolute, and
// through a link to a file not yet made.
func TestWriteAtomicFollowsLinks(t *testing.T) {
	cases := []struct {
		name  string
		setup func(t *testing.T, dir string) (path, target string)
	}{
		{"relative link", func(t *testing.T, dir string) (string, string) {
			mustWrite(t, filepath.Join(dir, "real.svg"), "old")
			mustLink(t, "real.svg", filepath.Join(dir, "map.svg"))
			return filepath.Join(dir, "map.svg"), filepath.Join(dir, "real.svg")
		}},
		{"absolute link into another folder", func(t *testing.T, dir string) (string, string) {
			other := filepath.Join(dir, "other")
			os.Mkdir(other, 0o755)
			mustWrite(t, filepath.Join(other, "real.svg"), "old")
			mustLink(t, filepath.Join(other, "real.svg"), filepath.Join(dir, "map.svg"))
			return filepath.Join(dir, "map.svg"), filepath.Join(other, "real.svg")
		}},
		{"chain of links", func(t *testing.T, dir string) (string, string) {
			mustWrite(t, filepath.Join(dir, "real.svg"), "old")
			mustLink(t, "real.svg", filepath.Join(dir, "b.svg"))
			mustLink(t, "b.svg", filepath.Join(dir, "map.svg"))
			return filepath.Join(dir, "map.svg"), filepath.Join(dir, "real.svg")
		}},
		{"link to a file not yet made", func(t *testing.T, dir string) (string, string) {
			mustLink(t, "real.svg", filepath.Join(dir, "map.svg"))
			return filepath.Join(dir, "map.svg"), filepath.Join(dir, "real.svg")
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path, target := tc.setup(t, dir)
			if err := writeString(path, "new"); err != nil {
				t.Fatal(err)
			}
			if fi, err := os.Lstat(path); err != nil || fi.Mode()&os.ModeSymlink == 0 {
				t.Fatalf("%s is no longer a symbolic link: %v %v", path, fi.Mode(), err)
			}
			if b, err := os.ReadFile(target); err != nil || string(b) != "new" {
				t.Errorf("the link's target holds %q (%v), want the new content", b, err)
			}
			if b, _ := os.ReadFile(path); string(b) != "new" {
				t.Errorf("read through the link: %q", b)
			}
			filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
				if err == nil && strings.HasSuffix(p, ".tmp") {
					t.Errorf("temporary file left: %s", p)
				}
				return nil
			})
		})
	}
}

// A file replaced keeps its permissions.
func TestWriteAtomicKeepsMode(t *testing.T) {
	for _, perm := range []os.FileMode{0o600, 0o640, 0o444, 0o755} {
		t.Run(perm.String(), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "out")
			mustWrite(t, path, "old")
			if err := os.Chmod(path, perm); err != nil {
				t.Fatal(err)
			}
			if err := writeString(path, "new"); err != nil {
				t.Fatal(err)
			}
			fi, err := os.Stat(path)
			if err != nil || fi.Mode().Perm() != perm {
				t.Errorf("mode %v (%v), want %v kept", fi.Mode().Perm(), err, perm)
			}
			if b, _ := os.ReadFile(path); string(b) != "new" {
				t.Errorf("file holds %q", b)
			}
		})
	}
}

// An error of write is wrapped, so the caller can tell a cancellation.
func TestWriteAtomicWrapsWriteError(t *testing.T) {
	stop := errors.New("interrupted")
	err := WriteAtomic(filepath.Join(t.TempDir(), "out"), func(w io.Writer) error { return stop })
	if !errors.Is(err, stop) {
		t.Errorf("error %v does not wrap the write's error", err)
	}
}

func mustWrite(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mustLink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}
