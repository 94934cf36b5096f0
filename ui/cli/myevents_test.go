package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/store"
)

// events add records an event of the analyst's: its id is printed once it
// is in the store, events --store writes it with the bundled ones, and
// snapshot --store draws it.
func TestEventsAddEditDelete(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "ws", "workspace.db")
	status, out, errs := runCLI(t, "events", "add", "--store", db, "--title", "Diop votes in Niamey", "--kind", "election",
		"--date", "2025-05-16", "--place", "Niamey", "--origin", "Bamako", "--actor", "visitor:Abdoulaye Diop", "--actor", "host:Niger",
		"--summary", "read in a wire story", "--source-outlet", "Wire Daily", "--source-headline", "Diop in Niamey",
		"--source-date", "2025-05-17")
	id := strings.TrimSpace(out)
	if status != ExitOK || errs != "" || !data.ValidAnnotationID(id) {
		t.Fatalf("events add: %d %q %q", status, out, errs)
	}
	// Durable: another open of the store finds it whole.
	s, _, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	m, err := s.Event(id)
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	if m.Place.Name != "Niamey" || m.Origin == nil || m.Origin.Name != "Bamako" || m.PlacePrecision != data.PlaceTown ||
		len(m.Actors) != 2 || m.Actors[0].Actor.ID != "diop" || m.Actors[0].Role != data.RoleVisitor || m.Actors[1].Role != data.RoleHost ||
		m.Event.Precision != data.PrecisionDay || m.Sources[0].Outlet != "Wire Daily" {
		t.Errorf("stored event: %+v", m)
	}

	status, out, errs = runCLI(t, "events", "--store", db, "--from", "2025-05-16", "--to", "2025-05-16")
	var fc featureCollection
	if status != ExitOK || json.Unmarshal([]byte(out), &fc) != nil {
		t.Fatalf("events --store: %d %q", status, errs)
	}
	found := false
	for _, f := range fc.Features {
		if f.Properties.ID == id {
			found = true
			if f.Properties.Title != "Diop votes in Niamey" || f.Properties.Place != "Niamey" || f.Properties.Origin == nil {
				t.Errorf("events --store writes %+v", f.Properties)
			}
		}
	}
	if !found {
		t.Errorf("events --store does not write the event %s", id)
	}

	svg := filepath.Join(dir, "s.svg")
	if status, _, errs := runSnapshotCLI(t, "-o", svg, "--store", db, "--from", "2025-05-16", "--to", "2025-05-16", "--size", "800x450", "--svg-text", "editable"); status != ExitOK {
		t.Fatalf("snapshot --store: %d %q", status, errs)
	}
	b, _ := os.ReadFile(svg)
	for _, want := range []string{">election</text>", "Wire Daily"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("snapshot --store lacks %q", want)
		}
	}

	if status, _, errs := runCLI(t, "events", "edit", id, "--store", db, "--title", "Diop in Niamey", "--date", "2025-05"); status != ExitOK {
		t.Fatalf("events edit: %d %q", status, errs)
	}
	s, _, err = store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	m, err = s.Event(id)
	s.Close()
	if err != nil || m.Event.Title != "Diop in Niamey" || m.Event.Precision != data.PrecisionMonth || m.Place.Name != "Niamey" {
		t.Errorf("after edit: %v %+v", err, m.Event)
	}

	if status, out, errs := runCLI(t, "events", "delete", id, "--store", db); status != ExitOK || !strings.Contains(out, id) {
		t.Fatalf("events delete: %d %q %q", status, out, errs)
	}
	if status, _, errs := runCLI(t, "events", "delete", id, "--store", db); status != ExitFailed || !strings.Contains(errs, "no event of yours") {
		t.Errorf("second delete: %d %q", status, errs)
	}
}

// Bad input is one line on stderr, status 2, and nothing stored.
func TestEventsAddRejects(t *testing.T) {
	base := []string{"--title", "T", "--kind", "visit", "--date", "2025-04-09", "--place", "Niamey", "--actor", "Mali"}
	with := func(flag, value string) []string {
		out := append([]string(nil), base...)
		for i := 0; i < len(out); i += 2 {
			if out[i] == flag {
				out[i+1] = value
				return out
			}
		}
		return append(out, flag, value)
	}
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"bad kind", with("--kind", "picnic"), `--kind "picnic"`},
		{"bad date", with("--date", "2025-13"), `date "2025-13" is not written`},
		{"unreal day", with("--date", "2025-02-30"), "does not exist"},
		{"end before start", with("--end", "2025-04-01"), "before it starts"},
		{"mixed precision", with("--end", "2025-05"), "mixes"},
		{"no title", with("--title", " "), "has no title"},
		{"unknown place", with("--place", "Qwxzyv"), "no place of that name"},
		{"colon in a name", with("--actor", "guest:Mali"), ""},
		{"place and point", with("--lon", "2"), "not both"},
		{"bad source date", with("--source-date", "2025"), "--source-date"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "ws.db")
			status, out, errs := runCLI(t, append([]string{"events", "add", "--store", db}, c.args...)...)
			if c.name == "colon in a name" { // "guest:Mali" is an actor's name, not a role
				if status != ExitOK {
					t.Errorf("an actor named with a colon: %d %q", status, errs)
				}
				return
			}
			if status != ExitUsage || out != "" || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, c.want) {
				t.Errorf("status %d, stdout %q, stderr %q; want 2 and one line with %q", status, out, errs, c.want)
			}
			if _, err := os.Stat(db); err == nil {
				t.Errorf("a store was made at %s", db)
			}
		})
	}
	// A year-less day is accepted.
	db := filepath.Join(t.TempDir(), "ws.db")
	if status, _, errs := runCLI(t, append([]string{"events", "add", "--store", db}, with("--date", "--02-07")...)...); status != ExitOK {
		t.Errorf("--date --02-07: %d %q", status, errs)
	}
}
