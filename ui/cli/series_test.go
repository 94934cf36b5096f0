package cli

import (
	"image/gif"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The briefer's monthly series for 2025: a PDF of 12 pages, each with its
// month, a GIF of 12 frames and a folder of 12 PNG frames.
func TestSnapshotSeries(t *testing.T) {
	dir := t.TempDir()
	window := []string{"--every", "month", "--from", "2025-01-01", "--to", "2025-12-31", "--caveat", "FOR TRAINING"}
	run := func(args ...string) string {
		t.Helper()
		status, stdout, stderr := runSnapshotCLI(t, append(args, window...)...)
		if status != ExitOK {
			t.Fatalf("%v: status %d, stderr %q", args, status, stderr)
		}
		return stdout
	}

	t.Run("pdf", func(t *testing.T) {
		file := filepath.Join(dir, "2025.pdf")
		run("-o", file)
		if n := pdfPages(t, file); n != 12 {
			t.Errorf("%d pages, want 12", n)
		}
		for page, want := range map[int]string{1: "1–31 Jan 2025", 4: "1–30 Apr 2025", 12: "1–31 Dec 2025"} {
			if text := pdfText(t, file, page, page); !strings.Contains(text, want) || !strings.Contains(text, "FOR TRAINING") {
				t.Errorf("page %d: pdftotext finds no %q and caveat in %q", page, want, text)
			}
		}
	})

	t.Run("gif", func(t *testing.T) {
		file := filepath.Join(dir, "2025.gif")
		run("-o", file, "--size", "320x180")
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		g, err := gif.DecodeAll(f)
		if err != nil {
			t.Fatalf("not a GIF: %v", err)
		}
		if len(g.Image) != 12 {
			t.Errorf("%d frames, want 12", len(g.Image))
		}
		if b := g.Image[0].Bounds(); b.Dx() != 320 || b.Dy() != 180 {
			t.Errorf("frame is %v, want 320x180", b)
		}
		if g.Delay[0] != 100 { // a month a second
			t.Errorf("delay %d, want 100", g.Delay[0])
		}
	})

	t.Run("png frames", func(t *testing.T) {
		folder := filepath.Join(dir, "frames")
		run("-o", folder, "--size", "320x180")
		names := dirEntries(t, folder)
		if len(names) != 12 || !slices.IsSorted(names) || names[0] != "frame-001-2025-01-01.png" || names[11] != "frame-012-2025-12-01.png" {
			t.Fatalf("frames %v", names)
		}
		f, err := os.Open(filepath.Join(folder, names[3]))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if cfg, err := png.DecodeConfig(f); err != nil || cfg.Width != 320 || cfg.Height != 180 {
			t.Errorf("frame %s: %dx%d (%v)", names[3], cfg.Width, cfg.Height, err)
		}
	})
}
