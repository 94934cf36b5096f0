package store

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The tests in this file re-run the test binary as a child process that
// plays another Sahel Atlas: envHelper names the role, envPath the store.
const (
	envHelper = "SAHELATLAS_STORE_TEST_HELPER"
	envPath   = "SAHELATLAS_STORE_TEST_PATH"
	envStep   = "SAHELATLAS_STORE_TEST_STEP" // where a "crash" child stops
)

// envKillSeed, when set, is the seed of the random moments at which the
// SIGKILL tests kill their child, to repeat a failing run's.
const envKillSeed = "SAHELATLAS_KILL_SEED"

// killSeed returns the seed of a SIGKILL test's kill times: envKillSeed's
// value when set, else a new one. It logs the seed, so that a failing run
// can be repeated with the same kill times (the child's own pace still
// varies with the machine's load).
func killSeed(t *testing.T) uint64 {
	t.Helper()
	seed := uint64(time.Now().UnixNano())
	if v := os.Getenv(envKillSeed); v != "" {
		n, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			t.Fatalf("%s=%q is not a seed (a whole number): %v", envKillSeed, v, err)
		}
		seed = n
	}
	t.Logf("kill times from seed %d; %s=%d go test -run '^%s$' ./data/store/ repeats them", seed, envKillSeed, seed, t.Name())
	return seed
}

// helper starts the test binary as a child running TestHelperProcess in
// the given role, with stdout piped to the returned reader; env adds
// "NAME=value" settings.
func helper(t *testing.T, role, path string, env ...string) (*exec.Cmd, *bufio.Reader) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), envHelper+"="+role, envPath+"="+path)
	cmd.Env = append(cmd.Env, env...)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, bufio.NewReader(out)
}

// TestHelperProcess is not a test: it is the child process of the tests
// below, and returns at once unless run as one.
func TestHelperProcess(t *testing.T) {
	role := os.Getenv(envHelper)
	if role == "" {
		return
	}
	path := os.Getenv(envPath)
	switch role {
	case "add-loop", "add-compact-loop":
		addLoopChild(path, role == "add-compact-loop")
		os.Exit(0)
	case "open-crash", "import-crash":
		stopAt(os.Getenv(envStep))
	}
	s, _, err := Open(path)
	if err != nil {
		fmt.Println("open failed:", err)
		os.Exit(1)
	}
	switch role {
	case "hold":
		// Hold the store until killed.
		fmt.Println("ready")
		time.Sleep(time.Minute)
	case "write":
		// Save annotations (and delete every fifth) as fast as possible,
		// printing each id only once the store said it is saved, and
		// announcing a delete before it starts.
		var last string
		for i := 0; ; i++ {
			if i%5 == 4 && last != "" {
				fmt.Println("deleting", last) // from here it may be gone
				if _, err := s.Delete(last); err != nil {
					fmt.Println("delete failed:", err)
					os.Exit(1)
				}
				fmt.Println("del", last)
				last = ""
				continue
			}
			a, err := s.Add(sample(i))
			if err != nil {
				fmt.Println("add failed:", err)
				os.Exit(1)
			}
			fmt.Println("add", a.ID)
			last = a.ID
		}
	case "write-events":
		writeEventsChild(s)
	case "import-loop":
		importLoopChild(s)
	case "import-crash":
		w, err := s.NewImport(Import{Name: "a.csv"})
		if err == nil {
			err = w.Add(genRecords("a.csv", 2, killEvents))
		}
		if err == nil {
			_, err = w.Commit(nil)
		}
		fmt.Println("not stopped:", err)
	case "full":
		diskFullChild(s)
	case "compact-crash":
		compactCrashChild(s)
	case "compact-loop":
		compactLoopChild(s)
	}
	s.Close()
	os.Exit(0)
}

// TestKillWhileSaving kills a child saving annotations with SIGKILL at
// random moments, many times: the store always opens, every annotation the
// child reported saved is there, and every one it reported deleted is not.
func TestKillWhileSaving(t *testing.T) {
	if testing.Short() {
		t.Skip("starts 30 processes")
	}
	path := filepath.Join(t.TempDir(), "ws", "workspace.db")
	saved, deleted := map[string]bool{}, map[string]bool{}
	rng := rand.New(rand.NewPCG(1, killSeed(t)))
	repairs, printed := 0, 0
	for cycle := 0; cycle < 30; cycle++ {
		cmd, out := helper(t, "write", path)
		// The kill lands at a random moment after the child's first
		// confirmed save: on a loaded machine the child can take longer
		// to start than any fixed delay.
		first, firstErr := out.ReadString('\n')
		time.Sleep(time.Duration(rng.IntN(150)) * time.Millisecond)
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		for {
			line, err := first, firstErr
			if first == "" && firstErr == nil {
				line, err = out.ReadString('\n')
			}
			first, firstErr = "", nil
			if err != nil {
				break // a line cut by the kill was never complete: not counted
			}
			f := strings.Fields(line)
			switch {
			case len(f) == 2 && f[0] == "add":
				saved[f[1]] = true
				printed++
			case len(f) == 2 && f[0] == "deleting":
				delete(saved, f[1])
			case len(f) == 2 && f[0] == "del":
				deleted[f[1]] = true
			default:
				t.Fatalf("child: %s", line)
			}
		}
		cmd.Wait()
		s, rec, err := openWithin(t, path, 10*time.Second)
		if err != nil {
			t.Fatalf("cycle %d: the store did not open after SIGKILL: %v", cycle, err)
		}
		if rec != nil {
			repairs++
			t.Logf("cycle %d: repaired: %s", cycle, rec)
		}
		list, err := s.List()
		if err != nil {
			t.Fatalf("cycle %d: List: %v", cycle, err)
		}
		have := map[string]bool{}
		for _, a := range list {
			have[a.ID] = true
		}
		for id := range saved {
			if !have[id] {
				t.Fatalf("cycle %d: annotation %s was reported saved and is gone", cycle, id)
			}
		}
		for id := range deleted {
			if have[id] {
				t.Fatalf("cycle %d: annotation %s was reported deleted and is back", cycle, id)
			}
		}
		s.Close()
	}
	if printed == 0 {
		t.Fatal("the child never saved an annotation before being killed")
	}
	t.Logf("30 kills, %d annotations reported saved, %d repairs", printed, repairs)
}

// TestSecondInstanceRefused: while a child process holds the store, Open
// is refused (after a second of retries) with ErrLocked naming the store,
// and the folder is left exactly as it was. How long the retries take is
// not checked: a loaded machine stretches it.
func TestSecondInstanceRefused(t *testing.T) {
	s, path := openTest(t)
	if _, err := s.Add(sample(1)); err != nil {
		t.Fatal(err)
	}
	s.Close()

	cmd, out := helper(t, "hold", path)
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	if line, _ := out.ReadString('\n'); line != "ready\n" {
		t.Fatalf("holder: %q", line)
	}
	before := snapshotDir(t, filepath.Dir(path))
	_, _, err := Open(path)
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), path) {
		t.Fatalf("second Open: %v, want ErrLocked naming %s", err, path)
	}
	if after := snapshotDir(t, filepath.Dir(path)); after != before {
		t.Errorf("the refused Open changed the folder:\nbefore %s\nafter  %s", before, after)
	}

	// In the same process too: a second Store on a held store is refused.
	cmd.Process.Kill()
	cmd.Wait()
	s1, _, err := Open(path)
	if err != nil {
		t.Fatalf("Open once the holder is gone: %v", err)
	}
	defer s1.Close()
	if _, _, err := Open(path, WithLockWait(100*time.Millisecond)); !errors.Is(err, ErrLocked) {
		t.Errorf("second Open in one process: %v, want ErrLocked", err)
	}
}

// snapshotDir describes every file in dir: name, size, mode, time, bytes.
func snapshotDir(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, e := range entries {
		fi, _ := e.Info()
		f, _ := os.Open(filepath.Join(dir, e.Name()))
		data, _ := io.ReadAll(f)
		f.Close()
		fmt.Fprintf(&b, "%s %d %v %v %x; ", e.Name(), fi.Size(), fi.Mode(), fi.ModTime().UnixNano(), data)
	}
	return b.String()
}
