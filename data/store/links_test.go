package store

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// linkedStore makes a store file real in one folder, a symbolic link to
// it in another folder and a hard link to it beside it, and returns the
// three paths.
func linkedStore(t *testing.T, data []byte) (real, sym, hard string) {
	t.Helper()
	base := t.TempDir()
	real = filepath.Join(base, "data", "real.db")
	sym = filepath.Join(base, "links", "alias.db")
	hard = filepath.Join(base, "data", "hard.db")
	for _, d := range []string{filepath.Dir(real), filepath.Dir(sym)} {
		if err := os.Mkdir(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(real, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(real, sym); err != nil {
		t.Fatal(err)
	}
	if hard != "" {
		if err := os.Link(real, hard); err != nil {
			t.Fatal(err)
		}
	}
	return real, sym, hard
}

// symlinkOnly makes a store file and a symbolic link to it, without a
// hard link.
func symlinkOnly(t *testing.T, data []byte) (real, sym string) {
	t.Helper()
	real, sym, hard := linkedStore(t, data)
	if err := os.Remove(hard); err != nil {
		t.Fatal(err)
	}
	return real, sym
}

// isLinkTo checks that sym is still a symbolic link to target.
func isLinkTo(t *testing.T, sym, target string) {
	t.Helper()
	fi, err := os.Lstat(sym)
	if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Fatalf("%s is no longer a symbolic link (%v, %v)", sym, fi.Mode(), err)
	}
	if to, err := os.Readlink(sym); err != nil || to != target {
		t.Errorf("%s now points at %q (%v), want %s", sym, to, err, target)
	}
}

// isOwnCopy checks that path is a regular file with one name holding want.
func isOwnCopy(t *testing.T, path string, want []byte) {
	t.Helper()
	fi, err := os.Lstat(path)
	if err != nil || !fi.Mode().IsRegular() || linkCount(fi) != 1 {
		t.Fatalf("%s is not a regular file of its own: %v, %v", path, fi, err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, want) {
		t.Errorf("%s does not hold the expected %d bytes (%d)", path, len(want), len(got))
	}
}

// TestLockSharedByEveryName: once the store is open under one name, it is
// refused under every other: a symbolic link from another folder, a hard
// link, a path with "..".
func TestLockSharedByEveryName(t *testing.T) {
	real, sym, hard := linkedStore(t, nil)
	dotdot := filepath.Join(filepath.Dir(real), "..", "data", "real.db")
	for _, first := range []string{real, sym, hard} {
		s, _, err := Open(first)
		if err != nil {
			t.Fatalf("Open(%s): %v", first, err)
		}
		for _, other := range []string{real, sym, hard, dotdot} {
			_, _, err := Open(other, WithLockWait(100*time.Millisecond))
			if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), filepath.Clean(other)) {
				t.Errorf("open as %s, then as %s: %v, want ErrLocked naming it", first, other, err)
			}
		}
		s.Close()
	}
	s, _, err := Open(sym)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Path() != real {
		t.Errorf("Path() through the link: %s, want %s", s.Path(), real)
	}
}

// addLoopChild opens the store, saves one annotation and closes it, 40
// times, as 40 "annotations add" commands would, printing each id once
// saved; with compact set it also compacts before closing.
func addLoopChild(path string, compact bool) {
	for i := 0; i < 40; i++ {
		s, _, err := Open(path, WithLockWait(time.Minute))
		if err != nil {
			fmt.Println("open failed:", err)
			os.Exit(1)
		}
		a, err := s.Add(sample(i))
		if err != nil {
			fmt.Println("add failed:", err)
			os.Exit(1)
		}
		fmt.Println("add", a.ID)
		if compact {
			if err := s.Compact(); err != nil {
				fmt.Println("compact failed:", err)
				os.Exit(1)
			}
		}
		if err := s.Close(); err != nil {
			fmt.Println("close failed:", err)
			os.Exit(1)
		}
	}
}

// runWriters runs one child per path in the given role at once, and
// returns every id they reported saved.
func runWriters(t *testing.T, roles, paths []string) []string {
	t.Helper()
	type result struct{ saved, other []string }
	done := make(chan result, len(paths))
	for i, p := range paths {
		cmd, out := helper(t, roles[i], p)
		go func() {
			saved, other := childSaved(t, readLines(cmd, out))
			done <- result{saved, other}
		}()
	}
	var all []string
	for range paths {
		r := <-done
		if len(r.other) > 0 {
			t.Errorf("child: %q", r.other)
		}
		all = append(all, r.saved...)
	}
	return all
}

// TestWritersThroughLinks runs three processes saving annotations at
// once, through the store's name, a symbolic link and a hard link: every
// annotation any of them saved is in the store, seen through every name.
func TestWritersThroughLinks(t *testing.T) {
	real, sym, hard := linkedStore(t, nil)
	paths := []string{real, sym, hard}
	saved := runWriters(t, []string{"add-loop", "add-loop", "add-loop"}, paths)
	if len(saved) != 120 {
		t.Fatalf("the writers saved %d annotations, want 120", len(saved))
	}
	for _, p := range paths {
		checkHolds(t, p, saved, true)
	}
	isLinkTo(t, sym, real)
}

// TestWritersWhileCompacting: a process that compacts after every save
// (moving the lock to each new file) and one that saves through a symbolic
// link never both hold the store: nothing is lost.
func TestWritersWhileCompacting(t *testing.T) {
	real, sym := symlinkOnly(t, nil)
	saved := runWriters(t, []string{"add-compact-loop", "add-loop"}, []string{real, sym})
	if len(saved) != 80 {
		t.Fatalf("the writers saved %d annotations, want 80", len(saved))
	}
	checkHolds(t, sym, saved, true)
	isLinkTo(t, sym, real)
}

// TestRepairThroughSymlink opens a damaged store through a symbolic link:
// the file it points at is repaired, the link is still a link to it, and
// the damaged original is a file of its own beside the store.
func TestRepairThroughSymlink(t *testing.T) {
	data, as, ends := smallStore(t, 3)
	damaged := data[:ends[as[1].ID]+7] // cut inside the third record
	real, sym := symlinkOnly(t, damaged)
	s, rec, err := Open(sym)
	if err != nil || rec == nil || !rec.Damaged() {
		t.Fatalf("Open: %v, %v", err, rec)
	}
	isLinkTo(t, sym, real)
	if rec.Path != real || filepath.Dir(rec.DamagedCopy) != filepath.Dir(real) {
		t.Errorf("repaired %s, damaged copy %s; want the file %s and a copy beside it", rec.Path, rec.DamagedCopy, real)
	}
	isOwnCopy(t, rec.DamagedCopy, damaged)
	if fi, err := os.Stat(real); err != nil || linkCount(fi) != 1 {
		t.Errorf("the repaired store has %d names (%v)", linkCount(fi), err)
	}
	for _, a := range as[:2] {
		if _, err := s.Get(a.ID); err != nil {
			t.Errorf("lost %s: %v", a.ID, err)
		}
	}
	s.Close()
	checkHolds(t, sym, ids(as[:2]), true)
}

// TestCompactThroughSymlink compacts a store opened through a symbolic
// link: the link still points at the compacted file, and the backup is a
// file of its own beside it.
func TestCompactThroughSymlink(t *testing.T) {
	real, sym := symlinkOnly(t, nil)
	s, _, err := Open(sym)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var keep []string
	for i := 0; i < 10; i++ {
		a, err := s.Add(sample(i))
		if err == nil {
			a.Text += "\nchanged"
			a, err = s.Update(a)
		}
		if err != nil {
			t.Fatal(err)
		}
		keep = append(keep, a.ID)
	}
	before, _ := os.ReadFile(real)
	if err := s.Compact(); err != nil {
		t.Fatal(err)
	}
	isLinkTo(t, sym, real)
	isOwnCopy(t, real+".bak", before)
	if after := fileSize(t, real); after >= int64(len(before)) {
		t.Errorf("compacted %d bytes to %d", len(before), after)
	}
	if _, err := os.Lstat(sym + ".bak"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a backup was made beside the link: %v", err)
	}
	s.Close()
	checkHolds(t, sym, keep, true)
}

// TestRepairKilledThroughSymlink kills a process repairing a store through
// a symbolic link at every step of the repair: the link stays a link, the
// store opens with every whole annotation, and the damaged original is
// kept as a file of its own.
func TestRepairKilledThroughSymlink(t *testing.T) {
	data, as, ends := smallStore(t, 3)
	damaged := append(append([]byte{}, data[:ends[as[0].ID]]...), append([]byte("garbage\r\n"), data[ends[as[0].ID]:]...)...)
	for _, stop := range []string{"written", "kept", "renamed", "synced"} {
		t.Run(stop, func(t *testing.T) {
			real, sym := symlinkOnly(t, damaged)
			cmd, out := helper(t, "open-crash", sym, envStep+"="+stop)
			if lines := readLines(cmd, out); len(lines) != 1 || lines[0] != "stopping at "+stop {
				t.Fatalf("child: %q", lines)
			}
			isLinkTo(t, sym, real)
			checkHolds(t, sym, ids(as), false)
			copies, _ := filepath.Glob(real + ".damaged-*")
			found := false
			for _, c := range copies {
				if got, _ := os.ReadFile(c); bytes.Equal(got, damaged) {
					isOwnCopy(t, c, damaged)
					found = true
				}
			}
			if !found {
				t.Errorf("no copy of the damaged original among %v", copies)
			}
			isLinkTo(t, sym, real)
		})
	}
}

// TestHardLinkNotReplaced: a store file with a second name (a hard link)
// is never replaced, since the other name would keep the old file: a
// damaged one is not repaired, and one that needs compacting is not
// compacted; both say why, and the file is left as it was.
func TestHardLinkNotReplaced(t *testing.T) {
	data, as, ends := smallStore(t, 3)
	t.Run("damaged", func(t *testing.T) {
		damaged := data[:ends[as[1].ID]+7]
		real, _, hard := linkedStore(t, damaged)
		_, _, err := Open(hard)
		if err == nil || !strings.Contains(err.Error(), "hard links") || !strings.Contains(err.Error(), "not repaired") {
			t.Fatalf("Open of a damaged store with two names: %v", err)
		}
		if got, _ := os.ReadFile(real); !bytes.Equal(got, damaged) {
			t.Error("the damaged store was changed")
		}
		if copies, _ := filepath.Glob(real + ".damaged-*"); len(copies) != 0 {
			t.Errorf("damaged copies made: %v", copies)
		}
	})
	t.Run("wasteful", func(t *testing.T) {
		wasteful := append([]byte{}, data...)
		r, _ := parseRecord(data, 0)
		for len(wasteful) < 3*compactMinDead { // the same record again and again
			wasteful = append(wasteful, data[:r.recordEnd]...)
		}
		real, _, hard := linkedStore(t, wasteful)
		s, rec, err := Open(hard)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if rec == nil || rec.Damaged() || !strings.Contains(rec.String(), "hard links") {
			t.Errorf("Open report: %v, want a note on the hard links", rec)
		}
		if err := s.Compact(); err == nil || !strings.Contains(err.Error(), "hard links") {
			t.Errorf("Compact: %v", err)
		}
		if got, _ := os.ReadFile(real); !bytes.Equal(got, wasteful) {
			t.Error("the store was rewritten")
		}
	})
}

// TestDanglingSymlink: a link to a store that is not there (a drive not
// mounted) is refused, and nothing is created in its place.
func TestDanglingSymlink(t *testing.T) {
	dir := t.TempDir()
	sym := filepath.Join(dir, "alias.db")
	target := filepath.Join(dir, "gone", "real.db")
	if err := os.Symlink(target, sym); err != nil {
		t.Fatal(err)
	}
	_, _, err := Open(sym)
	if err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Fatalf("Open: %v", err)
	}
	isLinkTo(t, sym, target)
	if _, err := os.Stat(filepath.Dir(target)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the link's folder was created: %v", err)
	}
}
