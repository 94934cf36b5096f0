package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// snapshot --store draws the events of the store's imported layers,
// merged with the bundled ones as the window merges them: on a day with no
// bundled event the legend gains the imported kinds and the credits the
// imported file; without --store it shows neither.
func TestSnapshotDrawsImportedEvents(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "ws.db")
	acled := writeFile(t, dir, "acled.csv", acledSample)
	if status, out, errs := runCLI(t, "import", acled, "--store", db); status != ExitOK {
		t.Fatalf("import: %d %q %q", status, out, errs)
	}
	day := []string{"--from", "2025-05-16", "--to", "2025-05-16", "--size", "800x450", "--svg-text", "editable"}
	with := filepath.Join(dir, "with.svg")
	if status, _, errs := runSnapshotCLI(t, append([]string{"-o", with, "--store", db}, day...)...); status != ExitOK {
		t.Fatalf("snapshot --store: %d %q", status, errs)
	}
	without := filepath.Join(dir, "without.svg")
	if status, _, errs := runSnapshotCLI(t, append([]string{"-o", without}, day...)...); status != ExitOK {
		t.Fatalf("snapshot: %d %q", status, errs)
	}
	withSVG, _ := os.ReadFile(with)
	withoutSVG, _ := os.ReadFile(without)
	for _, want := range []string{">attack</text>", ">protest</text>", ">agreement</text>", "imported file acled.csv"} {
		if !strings.Contains(string(withSVG), want) {
			t.Errorf("snapshot --store lacks %q", want)
		}
		if strings.Contains(string(withoutSVG), want) {
			t.Errorf("snapshot without --store shows %q", want)
		}
	}
	// The default date window is the merged data's span, as in the window.
	if status, out, errs := runSnapshotCLI(t, "-o", filepath.Join(dir, "all.svg"), "--store", db, "--size", "80x45"); status != ExitOK || !strings.Contains(out, "to 2025-") {
		t.Errorf("snapshot --store with the default window: %d %q %q", status, out, errs)
	}
}

// snapshot --store on a store that does not exist says so, with status 2,
// and makes no store.
func TestSnapshotStoreMissing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "none.db")
	status, out, errs := runSnapshotCLI(t, "-o", filepath.Join(dir, "m.svg"), "--store", db)
	if status != ExitUsage || out != "" || !strings.Contains(errs, "no store at") {
		t.Errorf("snapshot --store on no store: %d %q %q", status, out, errs)
	}
	if entries := dirEntries(t, dir); len(entries) != 0 {
		t.Errorf("left %v", entries)
	}
}
