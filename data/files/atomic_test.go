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
