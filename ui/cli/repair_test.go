package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A store repaired on open names on stderr the annotation it lost, with
// its title, as the window's notice does (both print store.Recovery).
func TestRepairNamesTheLostAnnotation(t *testing.T) {
	db := filepath.Join(t.TempDir(), "workspace.db")
	var ids []string
	for _, title := range []string{"Niamey", "Convoy near Gao"} {
		status, out, errs := runCLI(t, "annotations", "add", "--lon", "2", "--lat", "13.5", "--title", title, "--store", db)
		if status != ExitOK {
			t.Fatalf("add %s: %d %q", title, status, errs)
		}
		ids = append(ids, strings.TrimSpace(out))
	}
	raw, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	// NULs from just after the second title to the end of the file.
	at := bytes.Index(raw, []byte(`"Convoy near Gao"`)) + len(`"Convoy near Gao"`)
	copy(raw[at:], make([]byte, len(raw)-at))
	if err := os.WriteFile(db, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	status, list, errs := runCLI(t, "annotations", "list", "--store", db)
	if status != ExitOK || !strings.Contains(list, ids[0]) || strings.Contains(list, ids[1]) {
		t.Fatalf("list of the repaired store: %d %q %q", status, list, errs)
	}
	if want := `lost: annotation ` + ids[1] + ` "Convoy near Gao"`; !strings.Contains(errs, want) {
		t.Errorf("stderr does not say %q:\n%s", want, errs)
	}
}
