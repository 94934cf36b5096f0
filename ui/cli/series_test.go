package cli

import (
	"image/gif"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/sahelatlas/sahelatlas/data"
)

func TestSeriesWindows(t *testing.T) {
	d := data.D
	cases := []struct {
		name     string
		from, to data.Date
		every    Step
		n        int
		first    [2]data.Date
		last     [2]data.Date
	}{
		{"months of 2025", d(2025, 1, 1), d(2025, 12, 31), StepMonth, 12,
			[2]data.Date{d(2025, 1, 1), d(2025, 1, 31)}, [2]data.Date{d(2025, 12, 1), d(2025, 12, 31)}},
		{"February of a leap year", d(2024, 2, 1), d(2024, 3, 10), StepMonth, 2,
			[2]data.Date{d(2024, 2, 1), d(2024, 2, 29)}, [2]data.Date{d(2024, 3, 1), d(2024, 3, 10)}},
		{"weeks, last one short", d(2025, 9, 1), d(2025, 9, 30), StepWeek, 5,
			[2]data.Date{d(2025, 9, 1), d(2025, 9, 7)}, [2]data.Date{d(2025, 9, 29), d(2025, 9, 30)}},
		{"days", d(2025, 2, 27), d(2025, 3, 2), StepDay, 4,
			[2]data.Date{d(2025, 2, 27), d(2025, 2, 27)}, [2]data.Date{d(2025, 3, 2), d(2025, 3, 2)}},
		{"one day", d(2025, 5, 5), d(2025, 5, 5), StepMonth, 1,
			[2]data.Date{d(2025, 5, 5), d(2025, 5, 5)}, [2]data.Date{d(2025, 5, 5), d(2025, 5, 5)}},
	}
	for _, tc := range cases {
		got, err := SeriesWindows(tc.from, tc.to, tc.every)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if len(got) != tc.n || got[0] != tc.first || got[len(got)-1] != tc.last {
			t.Errorf("%s: %d windows %v … %v, want %d %v … %v", tc.name, len(got), got[0], got[len(got)-1], tc.n, tc.first, tc.last)
		}
		for i := 1; i < len(got); i++ {
			if got[i][0] != got[i-1][1].AddDays(1) {
				t.Errorf("%s: window %d starts %s, not the day after %s", tc.name, i, got[i][0], got[i-1][1])
			}
		}
	}
	for _, bad := range []struct {
		from, to data.Date
		every    Step
		want     string
	}{
		{d(2025, 2, 1), d(2025, 1, 1), StepDay, "before"},
		{d(2025, 1, 1), d(2025, 12, 31), "year", "no step"},
		{d(2000, 1, 1), d(2025, 12, 31), StepDay, "more than"},
	} {
		if _, err := SeriesWindows(bad.from, bad.to, bad.every); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("SeriesWindows(%s, %s, %s) = %v, want an error about %q", bad.from, bad.to, bad.every, err, bad.want)
		}
	}
}

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
		if g.Delay[0] != gifDelay(StepMonth) {
			t.Errorf("delay %d, want %d", g.Delay[0], gifDelay(StepMonth))
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

// The progress callback hears of every frame, in order.
func TestWriteSnapshotProgress(t *testing.T) {
	s := testScene(t)
	var done []int
	o := Snapshot{Width: 160, Height: 90, From: data.D(2025, 1, 1), To: data.D(2025, 3, 31), Every: StepMonth,
		Progress: func(d, total int) {
			if total != 3 {
				t.Errorf("total %d, want 3", total)
			}
			done = append(done, d)
		}}
	if err := WriteSnapshot(s, filepath.Join(t.TempDir(), "q1.gif"), o); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(done, []int{1, 2, 3}) {
		t.Errorf("progress %v, want [1 2 3]", done)
	}
}
