//go:build linux

package store

import (
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// diskFullChild saves one annotation, then limits the size of files it may
// write (RLIMIT_FSIZE) to just above the store's size, as a full disk
// would, and tries to save a large one: the write fails part way.
func diskFullChild(s *Store) {
	a, err := s.Add(sample(1))
	if err != nil {
		fmt.Println("first add failed:", err)
		return
	}
	fmt.Println("saved", a.ID)
	fi, err := os.Stat(s.Path())
	if err != nil {
		fmt.Println("stat failed:", err)
		return
	}
	signal.Ignore(syscall.SIGXFSZ)
	var lim syscall.Rlimit
	syscall.Getrlimit(syscall.RLIMIT_FSIZE, &lim)
	lim.Cur = uint64(fi.Size()) + 200
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
		fmt.Println("setrlimit failed:", err)
		return
	}
	big := sample(2)
	big.Text = strings.Repeat("a long note ", 1000)
	b, err := s.Add(big)
	if err == nil {
		fmt.Println("big saved", b.ID)
		return
	}
	fmt.Println("refused", strings.ReplaceAll(err.Error(), "\n", " "))
}

// TestDiskFull: a write that fails part way (file size limit, as on a full
// disk) is reported as an error, never as saved, and the store still opens
// with everything saved before it and no trace of the failed save.
func TestDiskFull(t *testing.T) {
	path := filepath.Join(t.TempDir(), "workspace.db")
	cmd, out := helper(t, "full", path)
	first, _ := out.ReadString('\n')
	second, _ := out.ReadString('\n')
	cmd.Wait()
	saved, ok := strings.CutPrefix(strings.TrimSpace(first), "saved ")
	if !ok {
		t.Fatalf("child: %q", first)
	}
	if !strings.HasPrefix(second, "refused ") || !strings.Contains(second, "NOT saved") {
		t.Fatalf("the save over the limit was not refused: %q", second)
	}
	t.Logf("child: %s", strings.TrimSpace(second))
	s, rec, err := openWithin(t, path, 10e9)
	if err != nil || rec != nil {
		t.Fatalf("Open after the failed save: %v, recovery %v", err, rec)
	}
	defer s.Close()
	list, err := s.List()
	if err != nil || len(list) != 1 || list[0].ID != saved {
		t.Fatalf("after the failed save: %v %v, want only %s", ids(list), err, saved)
	}
}
