package store

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/sahelatlas/sahelatlas/data"
)

// killEvents is how many events each import of the kill tests holds.
const killEvents = 800

// killFiles are the files the import child imports in turn.
var killFiles = []string{"a.csv", "b.csv", "c.csv"}

// genRecords are the n events of file in generation gen: every summary
// says the generation, so a reader tells a whole import from a mixed one.
// Versioned files (b.csv) keep events of earlier generations, as
// re-imported ACLED exports do; the others are replaced whole.
func genRecords(file string, gen, n int) []data.Record {
	rs := make([]data.Record, n)
	for i := range rs {
		day := data.D(2000+i%20, time.Month(1+i%12), 1+i%28)
		rs[i] = data.Record{
			Event: data.Event{ID: fmt.Sprintf("%s-%d", file[:1], i), Start: day, End: day, Precision: data.PrecisionDay,
				Kind: data.KindAttack, Title: "t", Summary: fmt.Sprintf("gen %d", gen)},
			Place: data.Place{ID: "p", Name: "P", Point: [2]float64{-1, 14}},
			From:  data.Provenance{File: file, Line: i + 2},
		}
		if file == "b.csv" {
			rs[i].Version = int64(gen)
		}
	}
	return rs
}

// importLoopChild imports the files in turn, a generation each, in
// batches, as fast as it can, printing "imported FILE GEN" once Commit
// returned, and removes one now and then ("removing", then "removed").
func importLoopChild(s *Store) {
	for gen := 1; ; gen++ {
		file := killFiles[gen%len(killFiles)]
		if gen%7 == 0 {
			fmt.Println("removing", file)
			if _, err := s.RemoveImport(ImportID(file)); err != nil && !strings.Contains(err.Error(), "no layer") {
				fmt.Println("remove failed:", err)
				os.Exit(1)
			}
			fmt.Println("removed", file)
			continue
		}
		w, err := s.NewImport(Import{Name: file})
		if err != nil {
			fmt.Println("import failed:", err)
			os.Exit(1)
		}
		rs := genRecords(file, gen, killEvents)
		for len(rs) > 0 {
			n := min(len(rs), killEvents/4)
			if err := w.Add(rs[:n]); err != nil {
				fmt.Println("add failed:", err)
				os.Exit(1)
			}
			rs = rs[n:]
		}
		if _, err := w.Commit(nil); err != nil {
			fmt.Println("commit failed:", err)
			os.Exit(1)
		}
		fmt.Println("imported", file, gen)
	}
}

// importState checks every import of the store at path is whole (one
// generation for a replaced file, every event for a versioned one) and
// returns the generation each holds, 0 for none; and that the events
// folder holds only files a record names.
func importState(t *testing.T, path string) map[string]int {
	t.Helper()
	s, rec, err := openWithin(t, path, 10*time.Second)
	if err != nil {
		t.Fatalf("the store did not open: %v", err)
	}
	defer s.Close()
	if rec != nil {
		t.Logf("report: %s", rec)
	}
	layers, err := s.Imports()
	if err != nil {
		t.Fatal(err)
	}
	state := map[string]int{}
	named := map[string]bool{}
	for _, l := range layers {
		if l.Problem != "" {
			t.Fatalf("import %s has a problem after a kill: %s", l.ID, l.Problem)
		}
		rs, err := s.ImportEvents(l.ID)
		if err != nil || len(rs) != killEvents {
			t.Fatalf("import %s: %d events, %v", l.ID, len(rs), err)
		}
		gens := map[string]bool{}
		top := 0
		for _, r := range rs {
			gens[r.Event.Summary] = true
			g, _ := strconv.Atoi(strings.TrimPrefix(r.Event.Summary, "gen "))
			top = max(top, g)
		}
		if len(gens) != 1 {
			t.Fatalf("import %s mixes generations: %v", l.ID, gens)
		}
		state[l.Name] = top
		m, _ := filepath.Glob(filepath.Join(eventsDir(s.Path()), l.ID+".*"))
		for _, f := range m {
			named[filepath.Base(f)] = true
		}
		if len(m) != 1 {
			t.Fatalf("import %s: events files %v, want its one", l.ID, m)
		}
	}
	all, _ := os.ReadDir(eventsDir(s.Path()))
	for _, e := range all {
		if !named[e.Name()] {
			t.Fatalf("%s is left in the events folder", e.Name())
		}
	}
	return state
}

// TestKillWhileImporting kills a child importing and removing files with
// SIGKILL at random moments: the store always opens, every import is
// whole (all its events from one import, none from a half one), an
// import reported done is there (or a later one of the same file), one
// reported removed is gone unless imported again since, and no file is
// left that no import names.
func TestKillWhileImporting(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ws", "workspace.db")
	rng := rand.New(rand.NewPCG(3, killSeed(t)))
	last := map[string]int{} // the last generation reported imported, -1 when reported removed
	done := 0
	for cycle := 0; cycle < 12; cycle++ {
		cmd, out := helper(t, "import-loop", path)
		// The kill comes a random time after the child's first line, so
		// that every cycle kills it at work, however slow the machine.
		lines := make(chan string)
		go func() {
			defer close(lines)
			for {
				line, err := out.ReadString('\n')
				if err != nil {
					return // a line cut by the kill was never complete: not counted
				}
				lines <- line
			}
		}()
		first, ok := <-lines
		if !ok {
			t.Fatalf("cycle %d: the child said nothing", cycle)
		}
		time.Sleep(time.Duration(rng.IntN(400)) * time.Millisecond)
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		for line := first; ok; line, ok = <-lines {
			f := strings.Fields(line)
			switch {
			case len(f) == 3 && f[0] == "imported":
				g, _ := strconv.Atoi(f[2])
				last[f[1]] = g
				done++
			case len(f) == 2 && f[0] == "removed":
				last[f[1]] = -1
			case len(f) == 2 && f[0] == "removing":
				// Removed or not, as the kill found it: the removal may
				// be durable before "removed" is printed.
				delete(last, f[1])
			default:
				t.Fatalf("child: %s", line)
			}
		}
		cmd.Wait()
		state := importState(t, path)
		for file, g := range last {
			switch {
			case g > 0 && state[file] < g:
				t.Fatalf("cycle %d: %s was reported imported (generation %d) and holds %d", cycle, file, g, state[file])
			case g < 0 && state[file] != 0:
				t.Logf("cycle %d: %s removed, then imported again before the kill (generation %d)", cycle, file, state[file])
			}
		}
	}
	if done == 0 {
		t.Fatal("the child never finished an import before being killed")
	}
	t.Logf("12 kills, %d imports reported done", done)
}

// TestImportCrashAtEveryStep stops an import at each step of its commit:
// before the step that commits, the store is as it was; after it, the
// import is whole; and no file is left that no import names.
func TestImportCrashAtEveryStep(t *testing.T) {
	for _, tc := range []struct {
		step  string
		after bool
	}{
		{"events-written", false},
		{"events-renamed", false},
		{"import-committed", true},
	} {
		t.Run(tc.step, func(t *testing.T) {
			s, path := openTest(t)
			w, err := s.NewImport(Import{Name: "a.csv"})
			if err != nil {
				t.Fatal(err)
			}
			if err := w.Add(genRecords("a.csv", 1, killEvents)); err != nil {
				t.Fatal(err)
			}
			if _, err := w.Commit(nil); err != nil {
				t.Fatal(err)
			}
			s.Close()
			cmd, out := helper(t, "import-crash", path, envStep+"="+tc.step)
			var lines []string
			for {
				line, err := out.ReadString('\n')
				if err != nil {
					break
				}
				lines = append(lines, strings.TrimSpace(line))
			}
			cmd.Wait()
			if len(lines) == 0 || lines[len(lines)-1] != "stopping at "+tc.step {
				t.Fatalf("the child did not stop at %s: %q", tc.step, lines)
			}
			want := 1
			if tc.after {
				want = 2
			}
			if got := importState(t, path)["a.csv"]; got != want {
				t.Errorf("after a crash at %s the import holds generation %d, want %d", tc.step, got, want)
			}
		})
	}
}

// TestRepairKeepsEventsFiles damages the store file where an import's
// record is: the repair drops the record, and the events file it named is
// kept beside the damaged original, not removed as a leftover.
func TestRepairKeepsEventsFiles(t *testing.T) {
	s, path := openTest(t)
	if _, err := s.PutImport(Import{Name: "a.csv"}, genRecords("a.csv", 1, 50)); err != nil {
		t.Fatal(err)
	}
	s.Close()
	f := eventsPath(t, path, "a-csv")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	i := strings.Index(string(b), "layer:a-csv")
	if i < 0 {
		t.Fatal("no import record in the store file")
	}
	if err := os.WriteFile(path, append(b[:i], "\x00\x00garbage"...), 0o600); err != nil {
		t.Fatal(err)
	}
	s2, rec, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if !rec.Damaged() {
		t.Fatalf("report %v, want a repair", rec)
	}
	if _, err := os.Stat(f); err != nil {
		t.Errorf("the events file of the lost record was removed: %v", err)
	}
}
