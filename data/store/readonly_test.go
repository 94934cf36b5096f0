package store

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/data"
)

// TestModeTightened: a store others can read or write loses their
// permissions (never gaining the owner's write bit), and the open report
// says so once.
func TestModeTightened(t *testing.T) {
	cases := []struct {
		mode, want fs.FileMode
		note       string // in the report, "" for no report
	}{
		{0o644, 0o600, "could be read by others (mode 0644); it is now 0600"},
		{0o640, 0o600, "could be read by others (mode 0640); it is now 0600"},
		{0o666, 0o600, "could be read and changed by others (mode 0666); it is now 0600"},
		{0o700, 0o600, ""},
		{0o600, 0o600, ""},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%04o", c.mode), func(t *testing.T) {
			s, path := openTest(t)
			a, err := s.Add(sample(1))
			if err != nil {
				t.Fatal(err)
			}
			s.Close()
			if err := os.Chmod(path, c.mode); err != nil {
				t.Fatal(err)
			}
			s, rec, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			if c.note == "" && rec != nil {
				t.Errorf("report %q, want none", rec)
			}
			if c.note != "" && (rec == nil || rec.Damaged() || len(rec.Notes) != 1 || !strings.Contains(rec.Notes[0], c.note) || !strings.Contains(rec.String(), path)) {
				t.Errorf("report %v, want one note %q naming the store", rec, c.note)
			}
			if fi, _ := os.Stat(path); fi.Mode().Perm() != c.want {
				t.Errorf("mode %04o, want %04o", fi.Mode().Perm(), c.want)
			}
			if s.ReadOnly() {
				t.Error("opened read-only")
			}
			if _, err := s.Update(a); err != nil {
				t.Errorf("Update: %v", err)
			}
			s.Close()
			s, rec, err = Open(path)
			if err != nil || rec != nil {
				t.Errorf("second open: %v, report %v: said more than once", err, rec)
			}
			s.Close()
		})
	}
}

// readOnlyStore returns a closed store holding an annotation and a layer,
// the annotation, and the store's bytes, its file made mode.
func readOnlyStore(t *testing.T, mode fs.FileMode) (string, data.Annotation, []byte) {
	t.Helper()
	s, path := openTest(t)
	a, err := s.Add(sample(2))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutImport(Import{Name: "may.csv"}, acledRecords(t, "may.csv", [3]string{"MLI1", "first", "100"})); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return path, a, raw
}

// TestReadOnlyStore: a store its owner made read-only opens read-only,
// even for a user (root) who could write it: it is read, never written
// (not even made writable), the report says so, and every write returns
// ErrReadOnly naming the store.
func TestReadOnlyStore(t *testing.T) {
	for _, mode := range []fs.FileMode{0o400, 0o444, 0o500} {
		t.Run(fmt.Sprintf("%04o", mode), func(t *testing.T) {
			path, a, raw := readOnlyStore(t, mode)
			before := dirNames(t, filepath.Dir(path))
			s, rec, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if !s.ReadOnly() {
				t.Fatal("ReadOnly() is false")
			}
			if rec == nil || rec.Damaged() || !strings.Contains(rec.String(), "is read-only") || !strings.Contains(rec.String(), "make it writable or open a copy") {
				t.Errorf("report %v, want a read-only note", rec)
			}
			// Reads work.
			if got, err := s.Get(a.ID); err != nil || got.Title != a.Title {
				t.Errorf("Get: %v %v", got.Title, err)
			}
			if in, err := s.InView(orb.Bound{Min: orb.Point{-180, -90}, Max: orb.Point{180, 90}}); err != nil || len(in) != 1 {
				t.Errorf("InView: %d, %v", len(in), err)
			}
			if got := summaries(t, s, "may-csv"); got["MLI1"] != "first" {
				t.Errorf("layer events: %v", got)
			}
			// Writes are refused.
			b := sample(3)
			b.ID = data.NewAnnotationID()
			writes := map[string]func() error{
				"Add":    func() error { _, err := s.Add(sample(3)); return err },
				"Put":    func() error { return s.Put(b) },
				"PutAll": func() error { return s.PutAll([]data.Annotation{b}) },
				"Update": func() error { _, err := s.Update(a); return err },
				"Delete": func() error { _, err := s.Delete(a.ID); return err },
				"PutImport": func() error {
					_, err := s.PutImport(Import{Name: "june.csv"}, acledRecords(t, "june.csv", [3]string{"MLI2", "x", "1"}))
					return err
				},
				"RemoveImport": func() error { _, err := s.RemoveImport("may-csv"); return err },
				"Compact":      s.Compact,
			}
			for name, write := range writes {
				err := write()
				if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "make it writable or open a copy") {
					t.Errorf("%s: %v, want ErrReadOnly naming %s", name, err, path)
				}
			}
			if got, _ := os.ReadFile(path); !bytes.Equal(got, raw) {
				t.Error("the read-only store was changed")
			}
			if fi, _ := os.Stat(path); fi.Mode().Perm()&0o200 != 0 || fi.Mode().Perm() != mode&0o600 {
				t.Errorf("mode %04o after open, want %04o", fi.Mode().Perm(), mode&0o600)
			}
			if after := dirNames(t, filepath.Dir(path)); after != before {
				t.Errorf("files were made beside the read-only store: %s, was %s", after, before)
			}
		})
	}
}

// dirNames lists the names in dir.
func dirNames(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return strings.Join(names, " ")
}

// TestReadOnlyDamaged: a damaged read-only store is reported, never
// repaired: the file stays as it is, no copy is made, and what can be
// read is served.
func TestReadOnlyDamaged(t *testing.T) {
	data, as, ends := smallStore(t, 3)
	damaged := data[:ends[as[1].ID]+7] // the third annotation cut short
	path := writeFile(t, damaged)
	if err := os.Chmod(path, 0o400); err != nil {
		t.Fatal(err)
	}
	s, rec, err := openWithin(t, path, 10e9)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if rec == nil || !rec.Damaged() || rec.Repaired() || rec.DamagedCopy != "" {
		t.Fatalf("report %+v, want damage not repaired", rec)
	}
	if msg := rec.String(); !strings.Contains(msg, "not repaired") || !strings.Contains(msg, "is read-only") {
		t.Errorf("report does not say the store was not repaired and why:\n%s", msg)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, damaged) {
		t.Error("the damaged read-only store was changed")
	}
	if names := dirNames(t, filepath.Dir(path)); names != filepath.Base(path) {
		t.Errorf("files beside the store: %s", names)
	}
	list, err := s.List()
	if err != nil || len(list) != 2 || list[0].ID != as[0].ID || list[1].ID != as[1].ID {
		t.Errorf("served %v %v, want the two whole annotations", ids(list), err)
	}
}

// TestWriteBlocked: the reasons a file cannot be opened for writing, as
// the system gives them (this test may run as root, for whom permissions
// do not block anything, and without a read-only file system to hand).
func TestWriteBlocked(t *testing.T) {
	cases := []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "open", Path: "x", Err: syscall.EROFS}, "read-only file system"},
		{&fs.PathError{Op: "open", Path: "x", Err: syscall.EACCES}, "this user may not write it"},
		{&fs.PathError{Op: "open", Path: "x", Err: syscall.EPERM}, "this user may not write it"},
		{&fs.PathError{Op: "open", Path: "x", Err: syscall.EIO}, ""},
		{&fs.PathError{Op: "open", Path: "x", Err: syscall.ETXTBSY}, ""},
	}
	for _, c := range cases {
		if got := writeBlocked(c.err); (c.want == "") != (got == "") || !strings.Contains(got, c.want) {
			t.Errorf("writeBlocked(%v) = %q, want %q", c.err, got, c.want)
		}
	}
}

// TestFolderWritableByOthers: a store in a folder others can write opens,
// with a warning in the report, every time.
func TestFolderWritableByOthers(t *testing.T) {
	for _, mode := range []fs.FileMode{0o777, 0o770, 0o777 | fs.ModeSticky, 0o755, 0o700} {
		t.Run(mode.String(), func(t *testing.T) {
			s, path := openTest(t)
			s.Close()
			dir := filepath.Dir(path)
			if err := os.Chmod(dir, mode); err != nil {
				t.Fatal(err)
			}
			warn := mode&0o022 != 0
			for i := 0; i < 2; i++ {
				s, rec, err := Open(path)
				if err != nil {
					t.Fatal(err)
				}
				s.Close()
				got := rec != nil && strings.Contains(rec.String(), "folder "+dir+" can be written by others")
				if got != warn || (rec != nil && !got) {
					t.Errorf("open %d: report %v, want a warning: %v", i+1, rec, warn)
				}
			}
		})
	}
}
