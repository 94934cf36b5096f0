package scene

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/files"
	"github.com/sahelatlas/sahelatlas/geo/layout"
)

// maxSeriesFrames bounds a series: a daily series of 25 years would
// otherwise run for hours.
const maxSeriesFrames = 1000

// SeriesWindows cuts from–to into the date windows of a series, one a
// step: days; weeks of seven days from from; or months from from's day
// (from the 1st, calendar months). The last window ends at to.
func SeriesWindows(from, to data.Date, every Step) ([][2]data.Date, error) {
	if to.Before(from) {
		return nil, fmt.Errorf("the window ends (%s) before it starts (%s)", to, from)
	}
	var out [][2]data.Date
	for k := 0; ; k++ {
		var start, next data.Date
		switch every {
		case StepDay:
			start, next = from.AddDays(k), from.AddDays(k+1)
		case StepWeek:
			start, next = from.AddDays(7*k), from.AddDays(7*(k+1))
		case StepMonth:
			start, next = data.DateOf(from.Time().AddDate(0, k, 0)), data.DateOf(from.Time().AddDate(0, k+1, 0))
		default:
			return nil, fmt.Errorf("no step %q: use day, week or month", every)
		}
		if start.After(to) {
			return out, nil
		}
		if len(out) == maxSeriesFrames {
			return nil, fmt.Errorf("a series of more than %d frames (every %s from %s to %s): take a longer step or a shorter window", maxSeriesFrames, every, from, to)
		}
		end := next.AddDays(-1)
		if end.After(to) {
			end = to
		}
		out = append(out, [2]data.Date{start, end})
	}
}

// writePNGFrames writes frame-001-2025-01-01.png… into the folder dir,
// making it if it does not exist. On failure, or once ctx is done (checked
// before each frame), it removes the frames it wrote, and the folder if it
// made it.
func writePNGFrames(ctx context.Context, dir string, f *framer, o Snapshot, windows [][2]data.Date) (err error) {
	made := false
	if st, statErr := os.Stat(dir); errors.Is(statErr, fs.ErrNotExist) {
		if err := os.Mkdir(dir, 0o777); err != nil {
			return fmt.Errorf("cannot make the folder %s for the frames: %v", dir, files.Cause(err))
		}
		made = true
	} else if statErr != nil || !st.IsDir() {
		return fmt.Errorf("%w: -o %s must name a folder for PNG frames (or end in .pdf or .gif)", ErrBadSnapshot, dir)
	}
	var written []string
	defer func() {
		if err != nil {
			for _, name := range written {
				os.Remove(name)
			}
			if made {
				os.Remove(dir)
			}
		}
	}()
	for i, win := range windows {
		if err := stopped(ctx); err != nil {
			return err
		}
		img, _, _ := f.raster(win[0], win[1])
		name := filepath.Join(dir, fmt.Sprintf("frame-%03d-%s.png", i+1, win[0]))
		err := files.WriteAtomic(name, func(w io.Writer) error {
			if err := stopped(ctx); err != nil {
				return err
			}
			return layout.EncodePNG(w, img, o.DPI)
		})
		if err != nil {
			return err
		}
		written = append(written, name)
		report(o.Progress, i+1, len(windows))
	}
	return nil
}
