package draw

import (
	"image"
	stddraw "image/draw"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// cachedFace is an opentype face of one font at one size that keeps what
// it has looked up: each rune's glyph index and advance, its bounds, each
// kerning pair, and (shared by every cachedFace of the same font and
// size, see glyphSet) each glyph's outline and its masks at each 26.6
// sub-pixel position. The values are the opentype face's own, so text
// set or measured through it is the same to the pixel. Measuring a word
// costs a map look-up a rune instead of three cmap searches and a kern
// table search. Like the face it wraps, it is not safe for concurrent
// use; its shared glyphSet is.
type cachedFace struct {
	face  font.Face  // the opentype face, for what is not cached
	font  *sfnt.Font // its font
	set   *glyphSet  // outlines and masks, shared
	buf   sfnt.Buffer
	ascii [128]runeInfo // runes below 128, once looked up
	runes map[rune]runeInfo
	kerns map[[2]rune]fixed.Int26_6
	bound map[rune]glyphBounds
}

// runeInfo is what a face knows of a rune: its glyph index and its
// advance, or that looking them up failed.
type runeInfo struct {
	known    bool
	indexErr bool
	index    sfnt.GlyphIndex
	advance  fixed.Int26_6
	advErr   bool
}

// glyphBounds is GlyphBounds's answer for a rune.
type glyphBounds struct {
	bounds  fixed.Rectangle26_6
	advance fixed.Int26_6
	ok      bool
}

// The bounds of a cachedFace's maps: past one, the map is emptied and
// filled again as needed.
const (
	maxFaceRunes = 4096
	maxFaceKerns = 16384
)

// newCachedFace wraps face, an opentype face of f at scale (the face's
// size in 26.6 pixels a em, as opentype.NewFace rounds it).
func newCachedFace(face font.Face, f *sfnt.Font, scale fixed.Int26_6) *cachedFace {
	return &cachedFace{face: face, font: f, set: sharedGlyphSet(f, scale)}
}

// info is r's glyph index and advance, looked up once.
func (cf *cachedFace) info(r rune) runeInfo {
	if r >= 0 && r < 128 {
		if ri := cf.ascii[r]; ri.known {
			return ri
		}
	} else if ri, ok := cf.runes[r]; ok {
		return ri
	}
	ri := runeInfo{known: true}
	var err error
	ri.index, err = cf.font.GlyphIndex(&cf.buf, r)
	ri.indexErr = err != nil
	adv, err := cf.font.GlyphAdvance(&cf.buf, ri.index, cf.set.scale, font.HintingNone)
	ri.advance, ri.advErr = adv, err != nil
	if r >= 0 && r < 128 {
		cf.ascii[r] = ri
		return ri
	}
	if cf.runes == nil || len(cf.runes) >= maxFaceRunes {
		cf.runes = map[rune]runeInfo{}
	}
	cf.runes[r] = ri
	return ri
}

// Close closes the wrapped face.
func (cf *cachedFace) Close() error { return cf.face.Close() }

// Metrics are the wrapped face's (it keeps them itself).
func (cf *cachedFace) Metrics() font.Metrics { return cf.face.Metrics() }

// GlyphAdvance is the wrapped face's, looked up once a rune.
func (cf *cachedFace) GlyphAdvance(r rune) (fixed.Int26_6, bool) {
	ri := cf.info(r)
	return ri.advance, !ri.advErr && ri.index != 0
}

// GlyphBounds is the wrapped face's, looked up once a rune.
func (cf *cachedFace) GlyphBounds(r rune) (fixed.Rectangle26_6, fixed.Int26_6, bool) {
	if gb, ok := cf.bound[r]; ok {
		return gb.bounds, gb.advance, gb.ok
	}
	var gb glyphBounds
	gb.bounds, gb.advance, gb.ok = cf.face.GlyphBounds(r)
	if cf.bound == nil || len(cf.bound) >= maxFaceRunes {
		cf.bound = map[rune]glyphBounds{}
	}
	cf.bound[r] = gb
	return gb.bounds, gb.advance, gb.ok
}

// Kern is the wrapped face's, looked up once a pair.
func (cf *cachedFace) Kern(r0, r1 rune) fixed.Int26_6 {
	k := [2]rune{r0, r1}
	if v, ok := cf.kerns[k]; ok {
		return v
	}
	v := cf.face.Kern(r0, r1)
	if cf.kerns == nil || len(cf.kerns) >= maxFaceKerns {
		cf.kerns = map[[2]rune]fixed.Int26_6{}
	}
	cf.kerns[k] = v
	return v
}

// Glyph is the wrapped face's Glyph: r's mask at dot. The mask depends
// only on the glyph and on where dot falls within its pixel (its 26.6
// fraction), so it is rasterised once for each and kept; the mask
// returned is shared and must not be changed.
func (cf *cachedFace) Glyph(dot fixed.Point26_6, r rune) (image.Rectangle, image.Image, image.Point, fixed.Int26_6, bool) {
	ri := cf.info(r)
	if ri.indexErr || ri.advErr {
		return image.Rectangle{}, nil, image.Point{}, 0, false
	}
	gm := cf.set.mask(ri.index, uint8(dot.X&63), uint8(dot.Y&63))
	if gm == nil {
		return image.Rectangle{}, nil, image.Point{}, 0, false
	}
	dr := gm.rect.Add(image.Pt(int(dot.X>>6), int(dot.Y>>6)))
	return dr, gm.mask, image.Point{}, ri.advance, ri.index != 0
}

// glyphSet holds the outlines and sub-pixel masks of one font's glyphs
// at one size, for every face of that font and size in the process
// (every Raster's, every frame's). It is safe for concurrent use.
type glyphSet struct {
	font  *sfnt.Font
	scale fixed.Int26_6

	mu       sync.Mutex
	buf      sfnt.Buffer
	rast     vector.Rasterizer
	outlines map[sfnt.GlyphIndex]*glyphOutline
	masks    map[maskKey]*glyphMask
}

// glyphOutline is a glyph's outline at the set's size, or nil segments
// with failed set when the font would not give it.
type glyphOutline struct {
	segs   sfnt.Segments
	bounds fixed.Rectangle26_6
	failed bool
}

// maskKey is a glyph at a 26.6 sub-pixel position (0–63 each way).
type maskKey struct {
	index  sfnt.GlyphIndex
	fx, fy uint8
}

// glyphMask is a rasterised glyph: its mask and where the mask goes,
// relative to the whole pixel the dot is in.
type glyphMask struct {
	mask *image.Alpha
	rect image.Rectangle
}

// The bounds of the shared caches: past one, it is emptied and filled
// again as needed.
const (
	maxGlyphOutlines = 2048
	maxGlyphMasks    = 8192
	maxGlyphSets     = 64
)

type setKey struct {
	font  *sfnt.Font
	scale fixed.Int26_6
}

var (
	glyphSetsMu sync.Mutex
	glyphSets   = map[setKey]*glyphSet{}
)

// sharedGlyphSet is the process's glyphSet of f at scale.
func sharedGlyphSet(f *sfnt.Font, scale fixed.Int26_6) *glyphSet {
	glyphSetsMu.Lock()
	defer glyphSetsMu.Unlock()
	k := setKey{f, scale}
	if s := glyphSets[k]; s != nil {
		return s
	}
	if len(glyphSets) >= maxGlyphSets {
		// Faces already made keep their sets; new ones start afresh.
		glyphSets = map[setKey]*glyphSet{}
	}
	s := &glyphSet{font: f, scale: scale}
	glyphSets[k] = s
	return s
}

// outline is glyph x's outline, loaded once; call with s.mu held.
func (s *glyphSet) outline(x sfnt.GlyphIndex) *glyphOutline {
	if o := s.outlines[x]; o != nil {
		return o
	}
	o := &glyphOutline{}
	segs, err := s.font.LoadGlyph(&s.buf, x, s.scale, nil)
	if err != nil {
		o.failed = true
	} else {
		// LoadGlyph's segments live in s.buf until its next use.
		o.segs = append(sfnt.Segments(nil), segs...)
		o.bounds = o.segs.Bounds()
	}
	if s.outlines == nil || len(s.outlines) >= maxGlyphOutlines {
		s.outlines = map[sfnt.GlyphIndex]*glyphOutline{}
	}
	s.outlines[x] = o
	return o
}

// mask is glyph x rasterised with its origin at (fx, fy)/64 within a
// pixel, or nil when the font would not give the glyph.
func (s *glyphSet) mask(x sfnt.GlyphIndex, fx, fy uint8) *glyphMask {
	k := maskKey{x, fx, fy}
	s.mu.Lock()
	defer s.mu.Unlock()
	if gm, ok := s.masks[k]; ok {
		return gm
	}
	gm := s.rasterise(s.outline(x), fixed.Point26_6{X: fixed.Int26_6(fx), Y: fixed.Int26_6(fy)})
	if s.masks == nil || len(s.masks) >= maxGlyphMasks {
		s.masks = map[maskKey]*glyphMask{}
	}
	s.masks[k] = gm
	return gm
}

// rasterise draws o at dot (within the first pixel) as opentype's
// Face.Glyph does, step for step, so that the mask is the same to the
// bit: the bounds quantised to whole pixels, the outline biased into
// them and converted to float32 the same way.
func (s *glyphSet) rasterise(o *glyphOutline, dot fixed.Point26_6) *glyphMask {
	if o.failed {
		return nil
	}
	b := o.bounds.Add(dot)
	// Not image.Rect, which would swap an inverted rectangle's corners.
	dr := image.Rectangle{
		Min: image.Pt(b.Min.X.Floor(), b.Min.Y.Floor()),
		Max: image.Pt(b.Max.X.Ceil(), b.Max.Y.Ceil()),
	}
	w, h := dr.Dx(), dr.Dy()
	if w < 0 || h < 0 {
		return nil
	}
	biasX := dot.X - fixed.Int26_6(dr.Min.X<<6)
	biasY := dot.Y - fixed.Int26_6(dr.Min.Y<<6)
	mask := image.NewAlpha(image.Rect(0, 0, w, h))
	s.rast.Reset(w, h)
	s.rast.DrawOp = stddraw.Src
	for _, seg := range o.segs {
		a := seg.Args
		switch seg.Op {
		case sfnt.SegmentOpMoveTo:
			s.rast.MoveTo(float32(a[0].X+biasX)/64, float32(a[0].Y+biasY)/64)
		case sfnt.SegmentOpLineTo:
			s.rast.LineTo(float32(a[0].X+biasX)/64, float32(a[0].Y+biasY)/64)
		case sfnt.SegmentOpQuadTo:
			s.rast.QuadTo(float32(a[0].X+biasX)/64, float32(a[0].Y+biasY)/64,
				float32(a[1].X+biasX)/64, float32(a[1].Y+biasY)/64)
		case sfnt.SegmentOpCubeTo:
			s.rast.CubeTo(float32(a[0].X+biasX)/64, float32(a[0].Y+biasY)/64,
				float32(a[1].X+biasX)/64, float32(a[1].Y+biasY)/64,
				float32(a[2].X+biasX)/64, float32(a[2].Y+biasY)/64)
		}
	}
	s.rast.Draw(mask, mask.Bounds(), image.Opaque, image.Point{})
	return &glyphMask{mask: mask, rect: dr}
}
