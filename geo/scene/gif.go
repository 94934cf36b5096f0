package scene

import (
	"context"
	"image"
	"image/color"
	"io"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/geo/layout"
	"github.com/sahelatlas/sahelatlas/geo/overlay"
	"github.com/sahelatlas/sahelatlas/geo/render"
)

// writeGIF draws one GIF frame a window and writes each as it is made,
// so memory does not grow with the number of frames. The palette is made
// from the map's symbol and line colours and a sample of frames (the
// first, the middle and the last), drawn once more when their turn comes.
// It stops with context.Cause(ctx) before each frame once ctx is done.
func writeGIF(ctx context.Context, w io.Writer, f *framer, o Snapshot, windows [][2]data.Date) error {
	var samples []*image.RGBA
	for _, i := range sampleFrames(len(windows)) {
		if err := stopped(ctx); err != nil {
			return err
		}
		img, _, _ := f.raster(windows[i][0], windows[i][1])
		samples = append(samples, img)
	}
	g := &gifStream{w: w, palette: layout.Palette(samples, mapColours()), width: o.Width, height: o.Height}
	samples = nil
	delay := gifDelay(o.Every)
	for i, win := range windows {
		if err := stopped(ctx); err != nil {
			return err
		}
		img, _, _ := f.raster(win[0], win[1])
		d := delay
		if i == len(windows)-1 && len(windows) > 1 {
			d = 3 * delay // hold the last frame
		}
		if err := g.frame(layout.Paletted(img, g.palette), d); err != nil {
			return err
		}
		if i+1 < len(windows) {
			report(o.Progress, i+1, len(windows))
		}
	}
	return g.close()
}

// sampleFrames are the indexes of the frames a GIF's palette is made
// from: the first, the middle and the last of n, each once.
func sampleFrames(n int) []int {
	switch {
	case n <= 0:
		return nil
	case n == 1:
		return []int{0}
	case n == 2:
		return []int{0, 1}
	}
	return []int{0, n / 2, n - 1}
}

// gifDelay is how long a GIF shows each step, in hundredths of a second.
func gifDelay(every Step) int {
	switch every {
	case StepDay:
		return 25
	case StepWeek:
		return 50
	}
	return 100
}

// mapColours are the colours a map's symbols, lines and page use, so a
// GIF's palette holds them exactly whatever its first frame shows.
func mapColours() []color.RGBA {
	cs := []color.RGBA{
		layout.ColourPaper, layout.ColourInk, layout.ColourMuted, layout.ColourRule, layout.ColourBand,
		render.ColourSea, render.ColourLand, render.ColourNeighbour, render.ColourMali, render.ColourSudan,
		render.ColourFrance, render.ColourBorder, render.ColourLabel, render.ColourCapital, overlay.VisitColour, overlay.ItineraryColour, overlay.AnnotationColour,
		{0x26, 0x26, 0x26, 0xFF}, // overlay.ClusterFill, opaque
	}
	for _, k := range overlay.KindStyles {
		cs = append(cs, k.Colour)
	}
	for _, st := range overlay.Statuses {
		cs = append(cs, overlay.StatusColour[st])
	}
	return cs
}
