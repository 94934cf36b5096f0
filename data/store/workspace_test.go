package store

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// OpenWorkspace opens the store of --store, else of $SAHELATLAS_STORE,
// else the default, and tells the caller why it could not.
func TestOpenWorkspace(t *testing.T) {
	dir := t.TempDir()
	flagPath := filepath.Join(dir, "flag.db")
	envPath := filepath.Join(dir, "env.db")
	t.Setenv(EnvStore, envPath)
	t.Setenv("XDG_DATA_HOME", filepath.Join(dir, "xdg"))
	cases := []struct {
		name, flag, env, want string
	}{
		{"--store", flagPath, envPath, flagPath},
		{"$SAHELATLAS_STORE", "", envPath, envPath},
		{"the default", "", "", filepath.Join(dir, "xdg", "sahelatlas", "workspace.db")},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv(EnvStore, tc.env)
			s, rec, err := OpenWorkspace(tc.flag)
			if err != nil || rec != nil {
				t.Fatalf("OpenWorkspace(%q): %v %v", tc.flag, rec, err)
			}
			defer s.Close()
			if s.Path() != tc.want {
				t.Errorf("opened %s, want %s", s.Path(), tc.want)
			}
			if _, err := os.Stat(tc.want); err != nil {
				t.Error(err)
			}
		})
	}

	t.Run("locked", func(t *testing.T) {
		held, _, err := Open(flagPath)
		if err != nil {
			t.Fatal(err)
		}
		defer held.Close()
		_, _, err = OpenWorkspace(flagPath, WithLockWait(0))
		if !errors.Is(err, ErrLocked) || errors.Is(err, ErrNoPath) {
			t.Errorf("error %v, want ErrLocked", err)
		}
	})
	t.Run("no path", func(t *testing.T) {
		t.Setenv(EnvStore, "")
		t.Setenv("XDG_DATA_HOME", "")
		t.Setenv("HOME", "")
		if _, err := os.UserHomeDir(); err == nil {
			t.Fatal("a home folder with $HOME empty: this system finds it elsewhere")
		}
		_, _, err := OpenWorkspace("")
		if !errors.Is(err, ErrNoPath) || errors.Is(err, ErrLocked) || err.Error() == ErrNoPath.Error() {
			t.Errorf("error %v, want ErrNoPath saying why", err)
		}
	})
}

// ShownEvents gives the events of the layers shown: not those hidden, nor
// those with a problem.
func TestShownEvents(t *testing.T) {
	s, path := openTest(t)
	if _, err := s.PutImport(Import{Name: "may.csv", Format: "acled"}, acledRecords(t, "may.csv", [3]string{"MLI1", "a", "1"}, [3]string{"MLI2", "b", "1"})); err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutImport(Import{Name: "june.csv", Format: "acled"}, acledRecords(t, "june.csv", [3]string{"MLI3", "Clashes near Boni", "1"})); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		hidden map[string]bool
		want   []string
	}{
		{nil, []string{"MLI1", "MLI2", "MLI3"}},
		{map[string]bool{ImportID("june.csv"): true}, []string{"MLI1", "MLI2"}},
		{map[string]bool{ImportID("june.csv"): true, ImportID("may.csv"): true}, nil},
	}
	for _, tc := range cases {
		layers, records, err := s.ShownEvents(tc.hidden)
		if err != nil || len(layers) != 2 {
			t.Fatalf("ShownEvents: %d layers, %v", len(layers), err)
		}
		var ids []string
		for _, r := range records {
			ids = append(ids, r.Event.ID)
		}
		slices.Sort(ids)
		if !slices.Equal(ids, tc.want) {
			t.Errorf("hidden %v: events %v, want %v", tc.hidden, ids, tc.want)
		}
	}

	// A damaged layer is listed, with its problem, and its events left out.
	s.Close()
	f := eventsPath(t, path, ImportID("june.csv"))
	b, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	b[len(eventsHeader)+3] ^= 0x40
	if err := os.WriteFile(f, b, 0o600); err != nil {
		t.Fatal(err)
	}
	s2, _, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	layers, records, err := s2.ShownEvents(nil)
	if err != nil || len(layers) != 2 || len(records) != 2 {
		t.Fatalf("ShownEvents with a damaged layer: %d layers, %d events, %v", len(layers), len(records), err)
	}
	for _, l := range layers {
		if damaged := l.ID == ImportID("june.csv"); damaged != (l.Problem != "") {
			t.Errorf("layer %s: problem %q", l.ID, l.Problem)
		}
	}
}
