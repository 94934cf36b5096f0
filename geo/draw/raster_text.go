package draw

import (
	"image"
	stddraw "image/draw"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// MeasureText is the width and height of s set in st, in pixels.
func (r *Raster) MeasureText(s string, st TextStyle) (w, h float64) {
	return r.faces.measure(s, st)
}

// Text draws s anti-aliased with the Go font, over a halo when st has one.
func (r *Raster) Text(x, y float64, s string, st TextStyle) {
	if s == "" || st.Size <= 0 {
		return
	}
	tb := r.faces.layout(x, y, s, st)
	hw := st.haloWidth()
	pad := math.Ceil(hw) + 1
	box := image.Rect(
		int(math.Floor(tb.left-pad)), int(math.Floor(tb.baseline-tb.ascent-pad)),
		int(math.Ceil(tb.left+tb.width+pad)), int(math.Ceil(tb.baseline+tb.descent+pad)),
	)
	visible := box.Intersect(r.img.Bounds())
	if visible.Empty() {
		return
	}
	mask := r.alpha(&r.mask, box)
	d := font.Drawer{
		Dst:  mask,
		Src:  image.Opaque,
		Face: r.faces.face(st),
		Dot:  fixed.Point26_6{X: fixed.Int26_6(math.Round(tb.left * 64)), Y: fixed.Int26_6(math.Round(tb.baseline * 64))},
	}
	d.DrawString(s)
	if hw > 0 {
		halo := r.alpha(&r.halo, box)
		dilate(halo, mask, int(math.Ceil(hw)))
		stddraw.DrawMask(r.img, visible, image.NewUniform(st.Halo), image.Point{}, halo, visible.Min, stddraw.Over)
	}
	stddraw.DrawMask(r.img, visible, image.NewUniform(st.Colour), image.Point{}, mask, visible.Min, stddraw.Over)
}

// alpha returns a cleared *image.Alpha covering box, backed by *buf.
func (r *Raster) alpha(buf *[]uint8, box image.Rectangle) *image.Alpha {
	n := box.Dx() * box.Dy()
	if cap(*buf) < n {
		*buf = make([]uint8, n)
	}
	pix := (*buf)[:n]
	clear(pix)
	return &image.Alpha{Pix: pix, Stride: box.Dx(), Rect: box}
}

// dilate sets dst to the greatest value of src within rad pixels
// (a square), a cheap halo: one pass along rows, one along columns.
func dilate(dst, src *image.Alpha, rad int) {
	w, h := src.Rect.Dx(), src.Rect.Dy()
	row := make([]uint8, w*h)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			var m uint8
			for k := max(0, x-rad); k <= min(w-1, x+rad); k++ {
				m = max(m, src.Pix[y*src.Stride+k])
			}
			row[y*w+x] = m
		}
	}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			var m uint8
			for k := max(0, y-rad); k <= min(h-1, y+rad); k++ {
				m = max(m, row[k*w+x])
			}
			dst.Pix[y*dst.Stride+x] = m
		}
	}
}
