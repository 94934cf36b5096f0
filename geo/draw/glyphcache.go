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
// size, see glyphSet) each glyph's outline. The values are the opentype face's own, so text
// set or measured through it is the same to the pixel. Measuring a word
// costs a map look-up a rune instead of three cmap searches and a kern
// table search. Like the face it wraps, it is not safe for concurrent
// use; its shared glyphSet is.
type cachedFace struct {
	face  font.Face  // the opentype face, for what is not cached
	font  *sfnt.Font // its font
	set   *glyphSet  // outlines, shared
	buf   sfnt.Buffer
	rast  vector.Rasterizer
	mask  image.Alpha    // what Glyph returns
	ascii *[128]runeInfo // runes below 128, once looked up (nil until one is)
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
		if cf.ascii != nil && cf.ascii[r].known {
			return cf.ascii[r]
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
		if cf.ascii == nil {
			cf.ascii = new([128]runeInfo)
		}
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

// Kern is the wrapped face's, looked up once a pair: kerning is in font
// units whatever the size (as opentype's Face.Kern has it), so pairs are
// shared by every face of the font (see kernSet).
func (cf *cachedFace) Kern(r0, r1 rune) fixed.Int26_6 {
	k := [2]rune{r0, r1}
	if v, ok := cf.kerns[k]; ok {
		return v
	}
	v := cf.set.kerns.kern(cf.info(r0).index, cf.info(r1).index)
	if cf.kerns == nil || len(cf.kerns) >= maxFaceKerns {
		cf.kerns = map[[2]rune]fixed.Int26_6{}
	}
	cf.kerns[k] = v
	return v
}

// Glyph is the wrapped face's Glyph: r's mask at dot, rasterised from
// the glyph's outline, loaded once for the process (see glyphSet). The
// mask is the face's own buffer, valid until the next call, as the
// opentype face's is.
func (cf *cachedFace) Glyph(dot fixed.Point26_6, r rune) (image.Rectangle, image.Image, image.Point, fixed.Int26_6, bool) {
	ri := cf.info(r)
	if ri.indexErr || ri.advErr {
		return image.Rectangle{}, nil, image.Point{}, 0, false
	}
	o := cf.set.outline(ri.index)
	if o.failed {
		return image.Rectangle{}, nil, image.Point{}, 0, false
	}
	dr, ok := cf.rasterise(o, dot)
	if !ok {
		return image.Rectangle{}, nil, image.Point{}, 0, false
	}
	return dr, &cf.mask, image.Point{}, ri.advance, ri.index != 0
}

// rasterise draws o at dot into cf.mask as opentype's Face.Glyph does,
// step for step, so that the mask is the same to the bit: the bounds
// quantised to whole pixels, the outline biased into them and converted
// to float32 the same way. It returns where the mask goes, or false for
// an outline with inverted bounds.
func (cf *cachedFace) rasterise(o glyphOutline, dot fixed.Point26_6) (image.Rectangle, bool) {
	b := o.bounds.Add(dot)
	// Not image.Rect, which would swap an inverted rectangle's corners.
	dr := image.Rectangle{
		Min: image.Pt(b.Min.X.Floor(), b.Min.Y.Floor()),
		Max: image.Pt(b.Max.X.Ceil(), b.Max.Y.Ceil()),
	}
	w, h := dr.Dx(), dr.Dy()
	if w < 0 || h < 0 {
		return image.Rectangle{}, false
	}
	biasX := dot.X - fixed.Int26_6(dr.Min.X<<6)
	biasY := dot.Y - fixed.Int26_6(dr.Min.Y<<6)
	n := w * h
	if cap(cf.mask.Pix) < n {
		cf.mask.Pix = make([]uint8, 2*n)
	}
	cf.mask.Pix = cf.mask.Pix[:n]
	cf.mask.Stride = w
	cf.mask.Rect = image.Rect(0, 0, w, h)
	cf.rast.Reset(w, h)
	cf.rast.DrawOp = stddraw.Src
	a := o.pts
	for _, op := range o.ops {
		switch op {
		case sfnt.SegmentOpMoveTo:
			cf.rast.MoveTo(float32(a[0].X+biasX)/64, float32(a[0].Y+biasY)/64)
		case sfnt.SegmentOpLineTo:
			cf.rast.LineTo(float32(a[0].X+biasX)/64, float32(a[0].Y+biasY)/64)
		case sfnt.SegmentOpQuadTo:
			cf.rast.QuadTo(float32(a[0].X+biasX)/64, float32(a[0].Y+biasY)/64,
				float32(a[1].X+biasX)/64, float32(a[1].Y+biasY)/64)
		case sfnt.SegmentOpCubeTo:
			cf.rast.CubeTo(float32(a[0].X+biasX)/64, float32(a[0].Y+biasY)/64,
				float32(a[1].X+biasX)/64, float32(a[1].Y+biasY)/64,
				float32(a[2].X+biasX)/64, float32(a[2].Y+biasY)/64)
		}
		a = a[segmentPoints(op):]
	}
	cf.rast.Draw(&cf.mask, cf.mask.Bounds(), image.Opaque, image.Point{})
	return dr, true
}

// glyphSet holds the outlines of one font's glyphs at one size, for
// every face of that font and size in the process (every Raster's, every
// frame's). It is safe for concurrent use. The outlines are packed into
// slabs, a few allocations for a page's glyphs rather than one a glyph,
// and half the bytes of sfnt.Segments: a cold process pays for every
// new heap page it touches.
type glyphSet struct {
	font  *sfnt.Font
	scale fixed.Int26_6

	kerns *kernSet // the font's, shared with its other sizes

	mu       sync.Mutex
	buf      sfnt.Buffer
	outlines map[sfnt.GlyphIndex]glyphOutline
	ops      []sfnt.SegmentOp  // slab of the outlines' segment ops
	pts      []fixed.Point26_6 // slab of their points
}

// glyphOutline is a glyph's outline at the set's size, segment by
// segment: each op takes its points (1, 2 or 3) in turn from pts. failed
// says the font would not give it.
type glyphOutline struct {
	ops    []sfnt.SegmentOp
	pts    []fixed.Point26_6
	bounds fixed.Rectangle26_6
	failed bool
}

// The bounds of the shared caches: past one, it is emptied and filled
// again as needed.
const (
	maxGlyphOutlines = 2048
	maxGlyphSets     = 64
)

// slabPoints is the size of the outline slabs, in segments and points.
const slabPoints = 512

type setKey struct {
	font  *sfnt.Font
	scale fixed.Int26_6
}

var (
	glyphSetsMu sync.Mutex
	glyphSets   = map[setKey]*glyphSet{}
)

// kernSet is the kerning of one font's glyph pairs as opentype's
// Face.Kern gives it, for every face of the font in the process. It is
// safe for concurrent use.
type kernSet struct {
	font  *sfnt.Font
	mu    sync.Mutex
	buf   sfnt.Buffer
	pairs map[[2]sfnt.GlyphIndex]fixed.Int26_6
}

// kernSets are the process's kernSets by font (three fonts).
var kernSets = map[*sfnt.Font]*kernSet{}

// kern is the kerning between glyphs x0 and x1, looked up once.
func (ks *kernSet) kern(x0, x1 sfnt.GlyphIndex) fixed.Int26_6 {
	k := [2]sfnt.GlyphIndex{x0, x1}
	ks.mu.Lock()
	defer ks.mu.Unlock()
	if v, ok := ks.pairs[k]; ok {
		return v
	}
	v, err := ks.font.Kern(&ks.buf, x0, x1, fixed.Int26_6(ks.font.UnitsPerEm()), font.HintingNone)
	if err != nil {
		v = 0
	}
	if ks.pairs == nil || len(ks.pairs) >= maxFaceKerns {
		ks.pairs = map[[2]sfnt.GlyphIndex]fixed.Int26_6{}
	}
	ks.pairs[k] = v
	return v
}

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
	ks := kernSets[f]
	if ks == nil {
		ks = &kernSet{font: f}
		kernSets[f] = ks
	}
	s := &glyphSet{font: f, scale: scale, kerns: ks}
	glyphSets[k] = s
	return s
}

// segmentPoints is how many points a segment of op has.
func segmentPoints(op sfnt.SegmentOp) int {
	switch op {
	case sfnt.SegmentOpQuadTo:
		return 2
	case sfnt.SegmentOpCubeTo:
		return 3
	}
	return 1
}

// outline is glyph x's outline, loaded once. What it returns is not
// changed afterwards, so it may be read without the lock.
func (s *glyphSet) outline(x sfnt.GlyphIndex) glyphOutline {
	s.mu.Lock()
	defer s.mu.Unlock()
	if o, ok := s.outlines[x]; ok {
		return o
	}
	var o glyphOutline
	segs, err := s.font.LoadGlyph(&s.buf, x, s.scale, nil)
	if err != nil {
		o.failed = true
	} else {
		// LoadGlyph's segments live in s.buf until its next use: copy
		// them, packed, into the slabs.
		o.bounds = segs.Bounds()
		n := 0
		for _, seg := range segs {
			n += segmentPoints(seg.Op)
		}
		if cap(s.pts)-len(s.pts) < n {
			s.pts = make([]fixed.Point26_6, 0, max(slabPoints, n))
		}
		if cap(s.ops)-len(s.ops) < len(segs) {
			s.ops = make([]sfnt.SegmentOp, 0, max(slabPoints, len(segs)))
		}
		p0, o0 := len(s.pts), len(s.ops)
		for _, seg := range segs {
			s.ops = append(s.ops, seg.Op)
			s.pts = append(s.pts, seg.Args[:segmentPoints(seg.Op)]...)
		}
		o.ops = s.ops[o0:len(s.ops):len(s.ops)]
		o.pts = s.pts[p0:len(s.pts):len(s.pts)]
	}
	if s.outlines == nil || len(s.outlines) >= maxGlyphOutlines {
		s.outlines = map[sfnt.GlyphIndex]glyphOutline{}
	}
	s.outlines[x] = o
	return o
}
