package store

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestWasteful(t *testing.T) {
	cases := []struct {
		size, live int64
		want       bool
	}{
		{0, 0, false},
		{compactMinDead - 1, 0, false},                  // too little dead data
		{compactMinDead, 0, true},                       // all dead
		{3 * compactMinDead, 2 * compactMinDead, false}, // exactly a third dead
		{3*compactMinDead + 3, 2 * compactMinDead, true},
		{10 << 20, 9 << 20, false}, // a tenth dead
		{10 << 20, 5 << 20, true},  // half dead
	}
	for _, c := range cases {
		if got := wasteful(c.size, c.live); got != c.want {
			t.Errorf("wasteful(%d, %d) = %v, want %v", c.size, c.live, got, c.want)
		}
	}
}

// TestLiveBytes: the measure of live data is the size Compact writes.
func TestLiveBytes(t *testing.T) {
	s, path := openTest(t)
	for i := 0; i < 30; i++ {
		a, err := s.Add(sample(i))
		if err != nil {
			t.Fatal(err)
		}
		a.Text += "\nchanged"
		if _, err := s.Update(a); err != nil {
			t.Fatal(err)
		}
	}
	live, err := s.liveBytes()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Compact(); err != nil {
		t.Fatal(err)
	}
	if size := fileSize(t, path); size != live {
		t.Errorf("compacted file %d bytes, measured live data %d", size, live)
	}
}

// bigLayer returns n ACLED rows without timestamps: importing them again
// replaces the layer's events, leaving the old ones dead in the file.
func bigLayer(n int) [][3]string {
	rows := make([][3]string, n)
	for i := range rows {
		rows[i] = [3]string{fmt.Sprintf("MLI%d", i), fmt.Sprintf("clash %d near Boni; two groups; notes as ACLED writes them", i), ""}
	}
	return rows
}

// TestReimportStaysBounded imports the same file again and again: each
// import replaces the events file of the one before, so the store and its
// events folder never grow past twice their size after the first import,
// and keep every event.
func TestReimportStaysBounded(t *testing.T) {
	s, path := openTest(t)
	records := acledRecords(t, "acled.csv", bigLayer(800)...)
	if _, err := s.PutImport(Import{Name: "acled.csv", Format: "acled"}, records); err != nil {
		t.Fatal(err)
	}
	first := fileSize(t, path) + dirSize(t, eventsDir(path))
	for i := 0; i < 8; i++ {
		ch, err := s.PutImport(Import{Name: "acled.csv", Format: "acled"}, records)
		if err != nil {
			t.Fatal(err)
		}
		if ch.Updated != len(records) {
			t.Fatalf("re-import %d: %+v, want every event updated", i+1, ch)
		}
		if size := fileSize(t, path) + dirSize(t, eventsDir(path)); size >= 2*first {
			t.Fatalf("after %d re-imports the store is %d bytes, first import %d", i+1, size, first)
		}
		if got, err := s.ImportEvents("acled-csv"); err != nil || len(got) != len(records) {
			t.Fatalf("re-import %d: %d events, %v", i+1, len(got), err)
		}
	}
	if _, err := s.RemoveImport("acled-csv"); err != nil {
		t.Fatal(err)
	}
	if size := dirSize(t, eventsDir(path)); size != 0 {
		t.Errorf("after removing the only layer the events folder holds %d bytes", size)
	}
	s.Close()
	s2, rec, err := Open(path)
	if err != nil || rec != nil {
		t.Fatalf("reopen: %v %v", err, rec)
	}
	defer s2.Close()
	if layers, err := s2.Imports(); err != nil || len(layers) != 0 {
		t.Errorf("layers after removal: %+v %v", layers, err)
	}
}

// dirSize is the bytes of the files in dir.
func dirSize(t testing.TB, dir string) int64 {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	var n int64
	for _, e := range es {
		if fi, err := e.Info(); err == nil {
			n += fi.Size()
		}
	}
	return n
}

// TestCompactAtOpen: a store file left mostly dead (by an older Sahel
// Atlas, or writes that never passed the threshold) is compacted by Open,
// keeping the file as it was as "<file>.bak".
func TestCompactAtOpen(t *testing.T) {
	s, path := openTest(t)
	a, err := s.Add(sample(1))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	v, err := encodeValue(a)
	if err != nil {
		t.Fatal(err)
	}
	for len(data) < 3*compactMinDead { // the same annotation saved again and again
		data = appendSet(data, annotationKey(a.ID), v, 0)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	s2, rec, err := Open(path)
	if err != nil || rec != nil {
		t.Fatalf("Open: %v %v", err, rec)
	}
	defer s2.Close()
	if size := fileSize(t, path); size >= compactMinDead {
		t.Errorf("the file was not compacted at open: %d bytes", size)
	}
	if bak, err := os.ReadFile(path + ".bak"); err != nil || !bytes.Equal(bak, data) {
		t.Errorf("the file as it was is not kept as .bak (%v)", err)
	}
	if got, err := s2.Get(a.ID); err != nil || got.Title != a.Title {
		t.Errorf("after compaction at open: %+v %v", got, err)
	}
}

// compactCrashChild saves annotations, changing each a few times (records
// that compaction drops), then compacts, and kills itself (SIGKILL) at the
// step of the file replacement named by envStep.
func compactCrashChild(s *Store) {
	for i := 0; i < 20; i++ {
		a, err := s.Add(sample(i))
		for j := 0; j < 3 && err == nil; j++ {
			a.Text += "\nmore"
			a, err = s.Update(a)
		}
		if err != nil {
			fmt.Println("save failed:", err)
			os.Exit(1)
		}
		fmt.Println("add", a.ID)
	}
	stopAt(os.Getenv(envStep))
	if err := s.Compact(); err != nil {
		fmt.Println("compact failed:", err)
		os.Exit(1)
	}
	fmt.Println("compacted")
}

// stopAt makes the process kill itself (SIGKILL) when a file replacement
// reaches the step named stop.
func stopAt(stop string) {
	testStep = func(name string) {
		if name == stop {
			fmt.Println("stopping at", name)
			if p, err := os.FindProcess(os.Getpid()); err == nil {
				p.Kill() // SIGKILL, or TerminateProcess on Windows
			}
			select {} // the signal is on its way
		}
	}
}

// compactLoopChild saves an annotation and compacts, as fast as it can,
// printing each id once it is saved.
func compactLoopChild(s *Store) {
	for i := 0; ; i++ {
		a, err := s.Add(sample(i))
		if err != nil {
			fmt.Println("add failed:", err)
			os.Exit(1)
		}
		fmt.Println("add", a.ID)
		if err := s.Compact(); err != nil {
			fmt.Println("compact failed:", err)
			os.Exit(1)
		}
	}
}

// childSaved reads a child's output to its end: the ids it reported saved
// ("add <id>") and any other lines.
func childSaved(t *testing.T, lines []string) (saved []string, other []string) {
	t.Helper()
	for _, line := range lines {
		if id, ok := strings.CutPrefix(line, "add "); ok {
			saved = append(saved, id)
		} else {
			other = append(other, line)
		}
	}
	return saved, other
}

// checkHolds opens path and checks that it holds every id in saved and
// takes a new save; when clean is set, that it opens without a repair.
func checkHolds(t *testing.T, path string, saved []string, clean bool) {
	t.Helper()
	s, rec, err := openWithin(t, path, 10*time.Second)
	if err != nil {
		t.Fatalf("the store did not open: %v", err)
	}
	defer s.Close()
	if rec != nil && clean {
		t.Errorf("the store needed a repair: %v", rec)
	}
	for _, id := range saved {
		if _, err := s.Get(id); err != nil {
			t.Errorf("annotation %s was reported saved and is gone: %v", id, err)
		}
	}
	if _, err := s.Add(sample(99)); err != nil {
		t.Errorf("Add: %v", err)
	}
}

// readLines reads a child's output until it exits.
func readLines(cmd *exec.Cmd, out *bufio.Reader) []string {
	var lines []string
	for {
		line, err := out.ReadString('\n')
		if err != nil {
			break // a line cut by a kill was never complete
		}
		lines = append(lines, strings.TrimSuffix(line, "\n"))
	}
	cmd.Wait()
	return lines
}

// TestCompactKilledAtEveryStep kills a process at each step of a
// compaction: the store's path always holds a whole store, the old file or
// the new one, with every saved annotation; the backup exists once the
// step that writes it is done.
func TestCompactKilledAtEveryStep(t *testing.T) {
	for _, stop := range []string{"written", "kept", "renamed", "synced"} {
		t.Run(stop, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "ws", "workspace.db")
			cmd, out := helper(t, "compact-crash", path, envStep+"="+stop)
			saved, other := childSaved(t, readLines(cmd, out))
			if len(saved) != 20 || len(other) != 1 || other[0] != "stopping at "+stop {
				t.Fatalf("child saved %d and said %q", len(saved), other)
			}
			if _, err := os.Stat(path + ".bak"); (err == nil) != (stop != "written") {
				t.Errorf("killed after %q: backup present %v", stop, err == nil)
			}
			checkHolds(t, path, saved, true)
		})
	}
}

// TestKillWhileCompacting kills a process that saves and compacts in a
// loop at random moments: the store always opens clean with every
// annotation the process reported saved.
func TestKillWhileCompacting(t *testing.T) {
	if testing.Short() {
		t.Skip("starts 10 processes")
	}
	path := filepath.Join(t.TempDir(), "ws", "workspace.db")
	rng := rand.New(rand.NewPCG(2, killSeed(t)))
	var all []string
	for cycle := 0; cycle < 10; cycle++ {
		cmd, out := helper(t, "compact-loop", path)
		// A random moment after the child's first confirmed save (a
		// loaded machine can take longer than any fixed delay to start it).
		var lines []string
		if first, err := out.ReadString('\n'); err == nil {
			lines = append(lines, strings.TrimSuffix(first, "\n"))
		}
		time.Sleep(time.Duration(rng.IntN(200)) * time.Millisecond)
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		saved, other := childSaved(t, append(lines, readLines(cmd, out)...))
		if len(other) > 0 {
			t.Fatalf("cycle %d: child: %q", cycle, other)
		}
		all = append(all, saved...)
		checkHolds(t, path, all, false) // a kill mid-save leaves a record cut short
		if t.Failed() {
			t.Fatalf("cycle %d", cycle)
		}
	}
	if len(all) == 0 {
		t.Fatal("the child never saved an annotation before being killed")
	}
}
