package cli

import (
	"bytes"
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// -o - writes the snapshot, or the events, to standard output and nothing
// else there.
func TestOutputToStdout(t *testing.T) {
	status, out, errs := runSnapshotCLI(t, "-o", "-", "--size", "64x36")
	if status != ExitOK || strings.TrimSpace(strings.ReplaceAll(errs, "note: 10 events have no date and are not drawn\n", "")) != "" {
		t.Fatalf("snapshot -o -: %d %q", status, errs)
	}
	img, err := png.Decode(strings.NewReader(out))
	if err != nil || img.Bounds().Dx() != 64 || img.Bounds().Dy() != 36 {
		t.Errorf("snapshot -o - wrote no 64x36 PNG: %v", err)
	}
	status, out, errs = runSnapshotCLI(t, "-o", "-", "--format", "svg", "--size", "64x36")
	if status != ExitOK || !strings.HasPrefix(out, "<?xml") || !strings.HasSuffix(strings.TrimSpace(out), "</svg>") {
		t.Errorf("snapshot -o - --format svg: %d %q %.60q", status, errs, out)
	}
	status, out, errs = runSnapshotCLI(t, "-o", "-", "--format", "pdf", "--size", "64x36", "--every", "month", "--from", "2025-01-01", "--to", "2025-02-28")
	if status != ExitOK || !strings.HasPrefix(out, "%PDF") {
		t.Errorf("snapshot -o - PDF series: %d %q", status, errs)
	}
	for _, bad := range [][]string{
		{"--every", "month", "--from", "2025-01-01", "--to", "2025-02-28"}, // PNG frames need a folder
		{"--world-file"},
	} {
		status, out, errs = runSnapshotCLI(t, append([]string{"-o", "-", "--size", "64x36"}, bad...)...)
		if status != ExitUsage || out != "" || strings.Count(errs, "\n") != 1 {
			t.Errorf("snapshot -o - %v: %d %q %q", bad, status, out, errs)
		}
	}
	status, out, errs = runCLI(t, "events", "-o", "-", "--from", "2025-09-01", "--to", "2025-09-30")
	var fc featureCollection
	if status != ExitOK || errs != "" || json.Unmarshal([]byte(out), &fc) != nil || len(fc.Features) == 0 {
		t.Errorf("events -o -: %d %q %.60q", status, errs, out)
	}
}

// -o through a symbolic link replaces the file it leads to, keeping the
// link and the file's mode; -o on a device or a named pipe is refused.
func TestOutputReplacesOnlyFiles(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.svg")
	if err := os.WriteFile(real, []byte("stale"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "map.svg")
	if err := os.Symlink("real.svg", link); err != nil {
		t.Fatal(err)
	}
	if status, _, errs := runSnapshotCLI(t, "-o", link, "--size", "64x36"); status != ExitOK {
		t.Fatalf("snapshot -o LINK: %d %q", status, errs)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", fi.Mode(), err)
	}
	b, _ := os.ReadFile(real)
	if !bytes.HasPrefix(b, []byte("<?xml")) {
		t.Errorf("the link's target is stale: %.20q", b)
	}
	if fi, _ := os.Stat(real); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600 kept", fi.Mode().Perm())
	}
	for _, args := range [][]string{
		{"snapshot", "-o", os.DevNull, "--format", "png", "--size", "64x36"},
		{"events", "-o", os.DevNull},
		{"annotations", "export", "-o", os.DevNull, "--store", filepath.Join(dir, "ws.db")},
	} {
		status, out, errs := runCLI(t, args...)
		if status != ExitUsage || out != "" || !strings.Contains(errs, "a device, not a regular file") {
			t.Errorf("%v: %d %q %q", args, status, out, errs)
		}
	}
	if fi, err := os.Stat(os.DevNull); err != nil || fi.Mode().IsRegular() {
		t.Fatalf("%s is no longer a device: %v", os.DevNull, err)
	}
}
