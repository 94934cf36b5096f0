package draw

import (
	"image/color"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Anchor says which point of a text's box lies at the x, y given to Text.
// Vertically the point is always the middle of the box.
type Anchor uint8

// The anchors.
const (
	AnchorCentre Anchor = iota // x is the middle of the text
	AnchorLeft                 // x is where the text starts
	AnchorRight                // x is where the text ends
)

// TextStyle is how a piece of text is set.
type TextStyle struct {
	// Size is the font size in device pixels (the em height).
	Size float64
	// Bold selects Go Bold instead of Go Regular.
	Bold   bool
	Colour color.RGBA
	// Halo is drawn around the glyphs to keep them legible over the map; a
	// zero colour draws none.
	Halo color.RGBA
	// HaloWidth is in device pixels; 0 means 1.5 when Halo is set.
	HaloWidth float64
	Anchor    Anchor
}

// haloWidth is the effective halo width: 0 when there is none.
func (st TextStyle) haloWidth() float64 {
	if st.Halo.A == 0 {
		return 0
	}
	if st.HaloWidth <= 0 {
		return 1.5
	}
	return st.HaloWidth
}

// Fonts returns the TrueType bytes of the embedded Go fonts, regular and
// bold, for backends that embed them (PDF).
func Fonts() (regular, bold []byte) {
	return goregular.TTF, gobold.TTF
}

var (
	fontsOnce             sync.Once
	fontRegular, fontBold *sfnt.Font
	fontsErr              error
)

// parsedFont returns the parsed Go font; sfnt.Font is safe to share.
func parsedFont(bold bool) *sfnt.Font {
	fontsOnce.Do(func() {
		fontRegular, fontsErr = opentype.Parse(goregular.TTF)
		if fontsErr == nil {
			fontBold, fontsErr = opentype.Parse(gobold.TTF)
		}
	})
	if fontsErr != nil {
		// The fonts are compiled into the binary: failing to parse them
		// is a programming error, not a run-time condition.
		panic("draw: embedded Go font does not parse: " + fontsErr.Error())
	}
	if bold {
		return fontBold
	}
	return fontRegular
}

type faceKey struct {
	size float64
	bold bool
}

// faces caches font faces by size and weight. A face is not safe for
// concurrent use, so every backend holds its own faces.
type faces map[faceKey]font.Face

// face returns the face for st, making it on first use.
func (fs faces) face(st TextStyle) font.Face {
	k := faceKey{st.Size, st.Bold}
	if f, ok := fs[k]; ok {
		return f
	}
	opts := &opentype.FaceOptions{Size: st.Size, DPI: 72, Hinting: font.HintingNone}
	goFace, err := opentype.NewFace(parsedFont(st.Bold), opts)
	if err != nil {
		panic("draw: cannot make a face of the Go font: " + err.Error())
	}
	arabic, err := opentype.NewFace(parsedArabic(), opts)
	if err != nil {
		panic("draw: cannot make a face of Noto Sans Arabic: " + err.Error())
	}
	// The size in 26.6 pixels a em, rounded as opentype.NewFace does.
	scale := fixed.Int26_6(0.5 + (opts.Size * opts.DPI * 64 / 72))
	f := newFallbackFace(newCachedFace(goFace, parsedFont(st.Bold), scale), parsedFont(st.Bold),
		newCachedFace(arabic, parsedArabic(), scale))
	fs[k] = f
	return f
}

// faceFor is the face that sets s: the Go font's alone unless s may have
// right-to-left letters, which the fallback face sets in Noto Sans Arabic.
func (fs faces) faceFor(st TextStyle, s string) font.Face {
	f := fs.face(st)
	if ff, ok := f.(*fallbackFace); ok && !needsFallback(s) {
		return ff.primary
	}
	return f
}

// textBox is where a text goes: its box's left edge, baseline, width and
// the ascent and descent of the face, all in device pixels.
type textBox struct {
	left, baseline  float64
	width           float64
	ascent, descent float64
}

// layout places s set in st at x, y according to st.Anchor.
func (fs faces) layout(x, y float64, s string, st TextStyle) textBox {
	ff := fs.face(st).(*fallbackFace)
	m := ff.Metrics()
	tb := textBox{
		width:   fixedToFloat(ff.measure(s)),
		ascent:  fixedToFloat(m.Ascent),
		descent: fixedToFloat(m.Descent),
	}
	switch st.Anchor {
	case AnchorLeft:
		tb.left = x
	case AnchorRight:
		tb.left = x - tb.width
	default:
		tb.left = x - tb.width/2
	}
	// The box runs from baseline-ascent to baseline+descent; y is its middle.
	tb.baseline = y + (tb.ascent-tb.descent)/2
	return tb
}

// measure is MeasureText for every backend.
func (fs faces) measure(s string, st TextStyle) (w, h float64) {
	tb := fs.layout(0, 0, s, st)
	return tb.width, tb.ascent + tb.descent
}

func fixedToFloat(v fixed.Int26_6) float64 { return float64(v) / 64 }
