package prefs

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSnapshotRoundTrip(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	p, err := LoadSnapshot()
	if err != nil || p != (Snapshot{}) {
		t.Fatalf("first load = %+v, %v; want zero and no error", p, err)
	}
	for _, caveat := range []string{"SECRET // TRAINING", ""} {
		if err := SaveSnapshot(Snapshot{Caveat: caveat}); err != nil {
			t.Fatal(err)
		}
		got, err := LoadSnapshot()
		if err != nil || got.Caveat != caveat {
			t.Errorf("after saving %q: load = %+v, %v", caveat, got, err)
		}
	}
}

func TestLoadSnapshotBroken(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	path := filepath.Join(dir, "sahelatlas", "snapshot.json")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := LoadSnapshot()
	if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "fix or delete") {
		t.Errorf("load of broken file = %v; want an error naming %s and what to do", err, path)
	}
}

func TestSaveSnapshotFails(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	// The settings folder's place is taken by a file.
	if err := os.WriteFile(filepath.Join(dir, "sahelatlas"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := SaveSnapshot(Snapshot{Caveat: "x"}); err == nil {
		t.Error("save succeeded with the settings folder taken by a file")
	}
}

// The remembered caveat is the user's alone: 0600, even when the file was
// 0644 before.
func TestSaveSnapshotPrivate(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	path := filepath.Join(dir, "sahelatlas", "snapshot.json")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := SaveSnapshot(Snapshot{Caveat: "SECRET"}); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("settings file mode %v (%v), want 0600", st.Mode().Perm(), err)
	}
}
