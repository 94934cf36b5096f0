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
//
// Each distinct text, style and quarter-pixel offset is set once and kept
// as a stamp (its glyph mask and halo), so the many repeated labels of a
// frame — cluster counts, say — cost a blend each, as markers do.
func (r *Raster) Text(x, y float64, s string, st TextStyle) {
	if s == "" || st.Size <= 0 {
		return
	}
	s = visual(s) // Arabic joined and right to left
	tb := r.faces.layout(x, y, s, st)
	ox, oy := math.Floor(tb.left), math.Floor(tb.baseline)
	key := textKey{s: s, st: st,
		fx: uint8(math.Floor((tb.left - ox) * 4)), fy: uint8(math.Floor((tb.baseline - oy) * 4))}
	ts := r.texts[key]
	if ts == nil {
		ts = r.setText(key, tb, ox, oy)
	}
	box := ts.mask.Rect.Add(image.Pt(int(ox), int(oy)))
	visible := box.Intersect(r.img.Bounds())
	if visible.Empty() {
		return
	}
	src := visible.Min.Sub(image.Pt(int(ox), int(oy)))
	if ts.halo != nil {
		stddraw.DrawMask(r.img, visible, image.NewUniform(st.Halo), image.Point{}, ts.halo, src, stddraw.Over)
	}
	stddraw.DrawMask(r.img, visible, image.NewUniform(st.Colour), image.Point{}, ts.mask, src, stddraw.Over)
}

// textKey identifies a text stamp: the text, its style, and where it sits
// within its first pixel, in quarters.
type textKey struct {
	s      string
	st     TextStyle
	fx, fy uint8
}

// textStamp is a set text: its glyph mask and halo (nil for none), with
// rectangles relative to the whole pixel the text is placed at.
type textStamp struct {
	mask, halo *image.Alpha
}

// maxTextStamps bounds the text stamps a Raster keeps; past it they are
// dropped and set again as needed.
const maxTextStamps = 4096

// setText sets the text of key, laid out as tb at whole pixel ox, oy, and
// keeps the stamp.
func (r *Raster) setText(key textKey, tb textBox, ox, oy float64) *textStamp {
	st := key.st
	hw := st.haloWidth()
	pad := math.Ceil(hw) + 1
	left, base := float64(key.fx)/4, float64(key.fy)/4 // within the first pixel, quantised
	box := image.Rect(
		int(math.Floor(left-pad)), int(math.Floor(base-tb.ascent-pad)),
		int(math.Ceil(left+tb.width+pad)), int(math.Ceil(base+tb.descent+pad)),
	)
	mask := image.NewAlpha(box)
	d := font.Drawer{
		Dst:  mask,
		Src:  image.Opaque,
		Face: r.faces.faceFor(st, key.s),
		Dot:  fixed.Point26_6{X: fixed.Int26_6(math.Round(left * 64)), Y: fixed.Int26_6(math.Round(base * 64))},
	}
	d.DrawString(key.s)
	ts := &textStamp{mask: mask}
	if hw > 0 {
		ts.halo = image.NewAlpha(box)
		dilate(ts.halo, mask, int(math.Ceil(hw)))
	}
	if r.texts == nil || len(r.texts) >= maxTextStamps {
		r.texts = map[textKey]*textStamp{}
	}
	r.texts[key] = ts
	return ts
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
