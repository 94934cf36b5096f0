package layout

import (
	"image"
	"io"

	"github.com/sahelatlas/sahelatlas/geo/draw"
)

// EncodePNG writes img with draw.EncodePNG and records its resolution,
// dpi dots per inch, in the PNG (see draw.PNGEncoder), so that print and
// layout programs size the page right. dpi ≤ 0 records none.
func EncodePNG(w io.Writer, img *image.RGBA, dpi float64) error {
	return draw.PNGEncoder{DPI: dpi}.Encode(w, img)
}
