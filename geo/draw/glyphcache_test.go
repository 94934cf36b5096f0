package draw

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"sync"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// plainFaces are faces as they were made before the caches: the
// opentype faces alone, behind a fallbackFace, for comparison.
func plainFaces(t testing.TB, st TextStyle) *fallbackFace {
	t.Helper()
	opts := &opentype.FaceOptions{Size: st.Size, DPI: 72, Hinting: font.HintingNone}
	goFace, err := opentype.NewFace(parsedFont(st.Bold), opts)
	if err != nil {
		t.Fatal(err)
	}
	arabic, err := opentype.NewFace(parsedArabic(), opts)
	if err != nil {
		t.Fatal(err)
	}
	return newFallbackFace(goFace, parsedFont(st.Bold), arabic)
}

// plainFace is an opentype face of f at size, and its 26.6 scale.
func plainFace(t testing.TB, f *sfnt.Font, size float64) (font.Face, fixed.Int26_6) {
	t.Helper()
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		t.Fatal(err)
	}
	return face, fixed.Int26_6(0.5 + size*64)
}

// cacheRunes are runes of the pages' scripts and of none the fonts have.
var cacheRunes = []rune("Aa Tombouctou, Niamey: 1 234 (Ségou) «Kidal» – ÉÀçœ\u0627\u0644\ufe8d\ufedf\ufe8e\ufeea\u0378\u4e00\ufffd")

// TestCachedFaceMatchesOpentype: a cachedFace answers every font.Face
// question as the opentype face it wraps does, to the bit, at sizes and
// sub-pixel positions across the pages', the first time and from its
// caches.
func TestCachedFaceMatchesOpentype(t *testing.T) {
	fonts := []struct {
		name string
		f    *sfnt.Font
	}{
		{"Go regular", parsedFont(false)},
		{"Go bold", parsedFont(true)},
		{"Noto Sans Arabic", parsedArabic()},
	}
	dots := []fixed.Point26_6{
		{X: 0, Y: 0}, {X: 17, Y: 48}, {X: 64*12 + 63, Y: 64*30 + 16},
		{X: -64*3 - 5, Y: -64 - 33}, {X: 64*200 + 32, Y: 64*100 + 1},
	}
	for _, fc := range fonts {
		for _, size := range []float64{6.5, 9, 11, 14.25, 22} {
			t.Run(fmt.Sprintf("%s %g", fc.name, size), func(t *testing.T) {
				want, scale := plainFace(t, fc.f, size)
				plain, _ := plainFace(t, fc.f, size)
				cf := newCachedFace(plain, fc.f, scale)
				if cf.Metrics() != want.Metrics() {
					t.Errorf("Metrics = %+v, want %+v", cf.Metrics(), want.Metrics())
				}
				for pass := 0; pass < 2; pass++ {
					for i, r := range cacheRunes {
						a, aok := cf.GlyphAdvance(r)
						wa, waok := want.GlyphAdvance(r)
						if a != wa || aok != waok {
							t.Errorf("GlyphAdvance(%q) = %v %v, want %v %v", r, a, aok, wa, waok)
						}
						b, ba, bok := cf.GlyphBounds(r)
						wb, wba, wbok := want.GlyphBounds(r)
						if b != wb || ba != wba || bok != wbok {
							t.Errorf("GlyphBounds(%q) = %v %v %v, want %v %v %v", r, b, ba, bok, wb, wba, wbok)
						}
						if i > 0 {
							p := cacheRunes[i-1]
							if k, wk := cf.Kern(p, r), want.Kern(p, r); k != wk {
								t.Errorf("Kern(%q, %q) = %v, want %v", p, r, k, wk)
							}
						}
						for _, dot := range dots {
							dot.X += fixed.Int26_6(i * 7) // every rune at other fractions
							compareGlyph(t, cf, want, dot, r)
						}
					}
				}
			})
		}
	}
}

// compareGlyph fails t unless got and want draw r at dot alike.
func compareGlyph(t *testing.T, got, want font.Face, dot fixed.Point26_6, r rune) {
	t.Helper()
	dr, mask, mp, adv, ok := got.Glyph(dot, r)
	wdr, wmask, wmp, wadv, wok := want.Glyph(dot, r)
	if dr != wdr || adv != wadv || ok != wok {
		t.Errorf("Glyph(%v, %q) = %v %v %v, want %v %v %v", dot, r, dr, adv, ok, wdr, wadv, wok)
		return
	}
	if (mask == nil) != (wmask == nil) {
		t.Errorf("Glyph(%v, %q): mask %v, want %v", dot, r, mask, wmask)
		return
	}
	if mask == nil {
		return
	}
	for y := 0; y < dr.Dy(); y++ {
		for x := 0; x < dr.Dx(); x++ {
			g := mask.At(mp.X+x, mp.Y+y).(color.Alpha)
			w := wmask.At(wmp.X+x, wmp.Y+y).(color.Alpha)
			if g != w {
				t.Errorf("Glyph(%v, %q): mask pixel %d,%d = %d, want %d", dot, r, x, y, g.A, w.A)
				return
			}
		}
	}
}

// measureCases are texts and styles as the pages set them: words, labels,
// numbers, French, Arabic and Arabic mixed with Latin.
var measureCases = []struct {
	s  string
	st TextStyle
}{
	{"Tombouctou", TextStyle{Size: 11}},
	{"Tombouctou", TextStyle{Size: 11, Bold: true}},
	{"Niamey, 12 mars 2024", TextStyle{Size: 9.5, Halo: white}},
	{"Événements du Sahel — « accord » à Ségou", TextStyle{Size: 14}},
	{"1 234", TextStyle{Size: 7}},
	{"", TextStyle{Size: 10}},
	{"الفاشر", TextStyle{Size: 12}},
	{"El Fasher الفاشر (Darfour)", TextStyle{Size: 12, Bold: true}},
	{"\u0378\u4e00 missing", TextStyle{Size: 13}},
	{"AVAWAY Tj Tô", TextStyle{Size: 22}},
}

// TestMeasureCachedEqualsUncached: a measure from the caches is what the
// plain opentype faces measure, asked once and asked again.
func TestMeasureCachedEqualsUncached(t *testing.T) {
	fs := faces{}
	for _, tc := range measureCases {
		t.Run(tc.s, func(t *testing.T) {
			plain := plainFaces(t, tc.st)
			v := visual(tc.s)
			var f font.Face = plain
			if !needsFallback(v) {
				f = plain.primary
			}
			want := fixedToFloat(font.MeasureString(f, v))
			wantH := fixedToFloat(plain.Metrics().Ascent + plain.Metrics().Descent)
			for pass := 0; pass < 2; pass++ {
				w, h := fs.measure(tc.s, tc.st)
				if w != want || h != wantH {
					t.Errorf("pass %d: measure(%q) = %v×%v, want %v×%v", pass, tc.s, w, h, want, wantH)
				}
			}
		})
	}
}

// TestRasterTextCachedEqualsUncached: texts set through the caches are
// the pixels the plain opentype faces set, at fractional positions, with
// and without halos, in Latin and Arabic.
func TestRasterTextCachedEqualsUncached(t *testing.T) {
	cached := NewRaster(image.NewRGBA(image.Rect(0, 0, 400, 60)))
	plain := NewRaster(image.NewRGBA(image.Rect(0, 0, 400, 60)))
	for i, tc := range measureCases {
		st := tc.st
		st.Colour = black
		st.Anchor = Anchor(i % 3)
		plain.faces[faceKey{st.Size, st.Bold}] = plainFaces(t, st)
		for _, x := range []float64{200, 200.3, 201.77} {
			cached.Clear(white)
			plain.Clear(white)
			cached.Text(x, 30.4, tc.s, st)
			plain.Text(x, 30.4, tc.s, st)
			if !bytes.Equal(cached.Image().Pix, plain.Image().Pix) {
				t.Errorf("Text(%v, %q) differs from the plain faces'", x, tc.s)
			}
		}
	}
}

// TestTextCachesConcurrent: Rasters on many goroutines share the glyph
// sets (run with -race) and each sets the texts as one Raster alone does.
func TestTextCachesConcurrent(t *testing.T) {
	draw := func() []byte {
		r := NewRaster(image.NewRGBA(image.Rect(0, 0, 300, 40)))
		r.Clear(white)
		for i, tc := range measureCases {
			st := tc.st
			st.Colour = black
			r.Text(150+float64(i)*0.13, 20.2, tc.s, st)
		}
		return r.Image().Pix
	}
	want := draw()
	const n = 8
	got := make([][]byte, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = draw()
		}()
	}
	wg.Wait()
	for i, g := range got {
		if !bytes.Equal(g, want) {
			t.Errorf("goroutine %d set the texts otherwise than one Raster alone", i)
		}
	}
}

// TestTextCachesBounded: every cache stays within its bound however many
// runes, pairs, texts, glyphs or sizes it is asked for.
func TestTextCachesBounded(t *testing.T) {
	face, scale := plainFace(t, parsedFont(false), 10)
	cf := newCachedFace(face, parsedFont(false), scale)
	ff := newFallbackFace(cf, parsedFont(false), cf)
	for r := rune(0x100); r < 0x100+2*maxFaceRunes+5; r++ {
		cf.GlyphAdvance(r)
		cf.GlyphBounds(r)
		cf.Kern(r, r+1)
		ff.measure(string(r) + "x")
	}
	for i := 0; i < 2*maxFaceKerns; i++ {
		cf.Kern(rune(i), 'a')
	}
	set := &glyphSet{font: parsedFont(false), scale: scale}
	for x := sfnt.GlyphIndex(0); x < maxGlyphOutlines+10; x++ {
		set.outline(x % sfnt.GlyphIndex(parsedFont(false).NumGlyphs()))
	}
	ks := &kernSet{font: parsedFont(false)}
	for i := 0; i < 2*maxFaceKerns+3; i++ {
		ks.kern(sfnt.GlyphIndex(i%500), sfnt.GlyphIndex(i/500))
	}
	for i := 0; i < maxGlyphSets+3; i++ {
		sharedGlyphSet(parsedFont(true), fixed.Int26_6(1000+i))
	}
	glyphSetsMu.Lock()
	sets := len(glyphSets)
	glyphSetsMu.Unlock()
	for _, tc := range []struct {
		name     string
		len, max int
	}{
		{"runes", len(cf.runes), maxFaceRunes},
		{"bounds", len(cf.bound), maxFaceRunes},
		{"kerns", len(cf.kerns), maxFaceKerns},
		{"kern pairs", len(ks.pairs), maxFaceKerns},
		{"widths", len(ff.widths), maxWidths},
		{"outlines", len(set.outlines), maxGlyphOutlines},
		{"glyph sets", sets, maxGlyphSets},
	} {
		if tc.len == 0 || tc.len > tc.max {
			t.Errorf("%s cache holds %d, want 1 to %d", tc.name, tc.len, tc.max)
		}
	}
}
