package scene

import (
	"context"
	"image/color"
	"image/gif"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/geo/layout"
	"github.com/sahelatlas/sahelatlas/geo/overlay"
	"github.com/sahelatlas/sahelatlas/geo/render"
)

// gifFrames draws one GIF frame a window, with a palette made from the
// first frame and the map's symbol and line colours. It stops with
// context.Cause(ctx) before each frame once ctx is done.
func gifFrames(ctx context.Context, f *framer, o Snapshot, windows [][2]data.Date) (*gif.GIF, error) {
	anim := &gif.GIF{LoopCount: 0}
	var palette color.Palette
	delay := gifDelay(o.Every)
	for i, w := range windows {
		if err := stopped(ctx); err != nil {
			return nil, err
		}
		img, _, _ := f.raster(w[0], w[1])
		if palette == nil {
			palette = layout.Palette(img, mapColours())
		}
		anim.Image = append(anim.Image, layout.Paletted(img, palette))
		anim.Delay = append(anim.Delay, delay)
		if i+1 < len(windows) {
			report(o.Progress, i+1, len(windows))
		}
	}
	if n := len(anim.Delay); n > 1 {
		anim.Delay[n-1] = 3 * delay // hold the last frame
	}
	return anim, nil
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
