package store

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// writeEventsChild saves events of the analyst's (and deletes every fifth)
// as fast as it can, printing each id only once the store said it is
// saved, and announcing a delete before it starts; the "write" child's
// protocol, for AddEvent and DeleteEvent.
func writeEventsChild(s *Store) {
	var last string
	for i := 0; ; i++ {
		if i%5 == 4 && last != "" {
			fmt.Println("deleting", last)
			if _, err := s.DeleteEvent(last); err != nil {
				fmt.Println("delete failed:", err)
				os.Exit(1)
			}
			fmt.Println("del", last)
			last = ""
			continue
		}
		m, err := s.AddEvent(myEvent(fmt.Sprintf("Event %d", i)))
		if err != nil {
			fmt.Println("add failed:", err)
			os.Exit(1)
		}
		fmt.Println("add", m.Event.ID)
		last = m.Event.ID
	}
}

// TestKillWhileSavingEvents kills a child saving events of the analyst's
// with SIGKILL at random moments: the store always opens, every event the
// child reported saved is there, and every one it reported deleted is not.
func TestKillWhileSavingEvents(t *testing.T) {
	if testing.Short() {
		t.Skip("starts 15 processes")
	}
	path := filepath.Join(t.TempDir(), "ws", "workspace.db")
	saved, deleted := map[string]bool{}, map[string]bool{}
	rng := rand.New(rand.NewPCG(2, killSeed(t)))
	printed := 0
	for cycle := 0; cycle < 15; cycle++ {
		cmd, out := helper(t, "write-events", path)
		// The kill comes a random time after the child's first confirmed
		// save, so that every cycle kills it at work, however slow the
		// machine.
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
		var before []string
		for len(before) == 0 || !strings.HasPrefix(before[len(before)-1], "add ") {
			line, ok := <-lines
			if !ok {
				t.Fatalf("cycle %d: the child stopped before saving an event: %q", cycle, before)
			}
			before = append(before, line)
		}
		time.Sleep(time.Duration(rng.IntN(250)) * time.Millisecond)
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		for line := range lines {
			before = append(before, line)
		}
		for _, line := range before {
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
			t.Logf("cycle %d: repaired: %s", cycle, rec)
		}
		list, err := s.Events()
		if err != nil {
			t.Fatalf("cycle %d: Events: %v", cycle, err)
		}
		have := map[string]bool{}
		for _, m := range list {
			have[m.Event.ID] = true
		}
		for id := range saved {
			if !have[id] {
				t.Fatalf("cycle %d: event %s was reported saved and is gone", cycle, id)
			}
		}
		for id := range deleted {
			if have[id] {
				t.Fatalf("cycle %d: event %s was reported deleted and is back", cycle, id)
			}
		}
		s.Close()
	}
	if printed == 0 {
		t.Fatal("the child never saved an event before being killed")
	}
	t.Logf("15 kills, %d events reported saved", printed)
}
