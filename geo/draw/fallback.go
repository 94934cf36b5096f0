package draw

import (
	"image"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// fallbackFace draws each rune with the Go font's face when the Go font
// has it, else with the second face (Noto Sans Arabic), so a label mixing
// Latin and Arabic is set in both. Metrics are the Go font's, so labels
// keep their height whatever their script.
type fallbackFace struct {
	primary, second font.Face
	font            *sfnt.Font // the primary's font, to ask for its glyphs
	buf             sfnt.Buffer
	has             map[rune]bool
	widths          map[string]fixed.Int26_6 // see measure
}

// maxWidths bounds the widths a fallbackFace keeps; past it they are
// dropped and measured again as needed.
const maxWidths = 4096

// measure is the advance width of s (in logical order) set in visual
// order by the face that sets it (see faces.faceFor), measured once a
// text: a page measures its words and labels many times over while it
// wraps and places them.
func (ff *fallbackFace) measure(s string) fixed.Int26_6 {
	if w, ok := ff.widths[s]; ok {
		return w
	}
	v := visual(s)
	var f font.Face = ff
	if !needsFallback(v) {
		f = ff.primary
	}
	w := font.MeasureString(f, v)
	if ff.widths == nil || len(ff.widths) >= maxWidths {
		ff.widths = map[string]fixed.Int26_6{}
	}
	ff.widths[s] = w
	return w
}

// newFallbackFace joins primary, made from f, and second.
func newFallbackFace(primary font.Face, f *sfnt.Font, second font.Face) *fallbackFace {
	return &fallbackFace{primary: primary, second: second, font: f, has: map[rune]bool{}}
}

// pick is the face that draws r.
func (ff *fallbackFace) pick(r rune) font.Face {
	if r < 0x0590 { // Latin, Greek, Cyrillic…: the Go font's, or its missing-glyph box as before
		return ff.primary
	}
	has, ok := ff.has[r]
	if !ok {
		g, err := ff.font.GlyphIndex(&ff.buf, r)
		has = err == nil && g != 0
		ff.has[r] = has
	}
	if has {
		return ff.primary
	}
	return ff.second
}

// Close closes both faces.
func (ff *fallbackFace) Close() error {
	err := ff.primary.Close()
	if err2 := ff.second.Close(); err == nil {
		err = err2
	}
	return err
}

// Glyph draws r with the face that has it.
func (ff *fallbackFace) Glyph(dot fixed.Point26_6, r rune) (image.Rectangle, image.Image, image.Point, fixed.Int26_6, bool) {
	return ff.pick(r).Glyph(dot, r)
}

// GlyphBounds is r's bounds in the face that has it.
func (ff *fallbackFace) GlyphBounds(r rune) (fixed.Rectangle26_6, fixed.Int26_6, bool) {
	return ff.pick(r).GlyphBounds(r)
}

// GlyphAdvance is r's advance in the face that has it.
func (ff *fallbackFace) GlyphAdvance(r rune) (fixed.Int26_6, bool) {
	return ff.pick(r).GlyphAdvance(r)
}

// Kern kerns two runes of the same face; none across faces.
func (ff *fallbackFace) Kern(r0, r1 rune) fixed.Int26_6 {
	f0, f1 := ff.pick(r0), ff.pick(r1)
	if f0 != f1 {
		return 0
	}
	return f0.Kern(r0, r1)
}

// Metrics are the Go font's.
func (ff *fallbackFace) Metrics() font.Metrics { return ff.primary.Metrics() }
