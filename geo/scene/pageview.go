package scene

import (
	"fmt"
	"image"
	"io"

	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
)

// PageView is the viewport of the map on the page o draws (the first page
// of a series), in o's device pixels, without drawing it: what the page
// will show of the world, for a caller that wants to show or check the
// extent. o must be Complete.
func PageView(s *Scene, o Snapshot) (geo.Viewport, error) {
	v, _, err := PageFrame(s, o)
	return v, err
}

// PageFrame is PageView with the map's frame on the page, in device
// pixels: where a point the viewport projects to x, y lies on the page is
// x, y moved by the frame's top left corner.
func PageFrame(s *Scene, o Snapshot) (geo.Viewport, image.Rectangle, error) {
	f, err := newFramer(s, o)
	if err != nil {
		return geo.Viewport{}, image.Rectangle{}, err
	}
	windows, err := o.windows()
	if err != nil {
		return geo.Viewport{}, image.Rectangle{}, err
	}
	if len(windows) == 0 {
		return geo.Viewport{}, image.Rectangle{}, fmt.Errorf("%w: a series from %s to %s has no step", ErrBadSnapshot, o.From, o.To)
	}
	// Every backend measures text alike: an SVG canvas writing nowhere
	// lays the page out without a raster's pixels.
	page, v := f.page(draw.NewSVG(io.Discard, o.Width, o.Height), windows[0][0], windows[0][1])
	return v, page.Map, nil
}
