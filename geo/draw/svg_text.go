package draw

import (
	"encoding/base64"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// TextMode is how an SVG writes text.
type TextMode uint8

// The ways an SVG writes text.
const (
	// TextOutlines writes each text as the glyph outlines of the Go font,
	// one <path>: the document looks the same in every renderer, with or
	// without the font, but its text cannot be edited or searched.
	TextOutlines TextMode = iota
	// TextEditable writes <text> elements, with the Go fonts embedded as
	// @font-face data so that renderers that read it set the text as the
	// PNG and PDF do.
	TextEditable
)

// SetTextMode sets how the texts written from now on are written
// (TextOutlines until it is called).
func (s *SVG) SetTextMode(m TextMode) { s.text = m }

// outlineText writes str, laid out as tb, as one filled <path> of its
// glyph outlines, placed glyph by glyph as the raster backend places them
// (advances and kerning of the same face), over its halo when st has one.
func (s *SVG) outlineText(tb textBox, str string, st TextStyle) {
	f := parsedFont(st.Bold)
	face := s.faces.face(st)
	ppem := fixed.Int26_6(math.Round(st.Size * 64))
	b := append(s.b[:0], `<path d="`...)
	start := len(b)
	dot := fixed.Int26_6(math.Round(tb.left * 64))
	base := tb.baseline
	prev := rune(-1)
	for _, r := range str {
		if prev >= 0 {
			dot += face.Kern(prev, r)
		}
		prev = r
		b = s.appendGlyph(b, f, face, r, ppem, fixedToFloat(dot), base)
		adv, _ := face.GlyphAdvance(r)
		dot += adv
	}
	if len(b) == start {
		return // only spaces
	}
	b = append(b, `" fill="`...)
	b = appendColour(b, st.Colour, "fill-opacity")
	if hw := st.haloWidth(); hw > 0 {
		b = append(b, ` stroke-width="`...)
		b = appendNum(b, 2*hw, 10)
		b = append(b, `" stroke-linejoin="round" paint-order="stroke" stroke="`...)
		b = appendColour(b, st.Halo, "stroke-opacity")
	}
	b = append(b, "/>\n"...)
	s.w.Write(b)
	s.b = b
}

// appendGlyph appends the path data of r's outline in f at ppem, its
// origin at x on the baseline y. A rune the font lacks is drawn as the
// face draws it (its replacement glyph); one that fails to load draws
// nothing.
func (s *SVG) appendGlyph(b []byte, f *sfnt.Font, face font.Face, r rune, ppem fixed.Int26_6, x, y float64) []byte {
	idx, err := f.GlyphIndex(&s.glyphs, r)
	if err != nil {
		return b
	}
	if idx == 0 {
		if idx, err = f.GlyphIndex(&s.glyphs, '\ufffd'); err != nil || idx == 0 {
			return b
		}
	}
	segs, err := f.LoadGlyph(&s.glyphs, idx, ppem, nil)
	if err != nil {
		return b
	}
	pt := func(b []byte, p fixed.Point26_6) []byte {
		b = appendNum(b, x+fixedToFloat(p.X), 100)
		b = append(b, ' ')
		return appendNum(b, y+fixedToFloat(p.Y), 100)
	}
	open := false
	for _, sg := range segs {
		switch sg.Op {
		case sfnt.SegmentOpMoveTo:
			if open {
				b = append(b, 'Z')
			}
			b = append(b, 'M')
			b = pt(b, sg.Args[0])
			open = true
		case sfnt.SegmentOpLineTo:
			b = append(b, 'L')
			b = pt(b, sg.Args[0])
		case sfnt.SegmentOpQuadTo:
			b = append(b, 'Q')
			b = pt(b, sg.Args[0])
			b = append(b, ' ')
			b = pt(b, sg.Args[1])
		case sfnt.SegmentOpCubeTo:
			b = append(b, 'C')
			b = pt(b, sg.Args[0])
			b = append(b, ' ')
			b = pt(b, sg.Args[1])
			b = append(b, ' ')
			b = pt(b, sg.Args[2])
		}
	}
	if open {
		b = append(b, 'Z')
	}
	return b
}

// writeFonts writes, once, the @font-face rules that embed the Go fonts
// as data for the <text> elements of TextEditable mode.
func (s *SVG) writeFonts() {
	if s.fontsWritten {
		return
	}
	s.fontsWritten = true
	regular, bold := Fonts()
	s.w.WriteString("<defs><style type=\"text/css\"><![CDATA[\n")
	for _, f := range []struct {
		weight string
		ttf    []byte
	}{{"normal", regular}, {"bold", bold}} {
		s.w.WriteString(`@font-face { font-family: "Go"; font-weight: ` + f.weight +
			`; src: url("data:font/ttf;base64,`)
		enc := base64.NewEncoder(base64.StdEncoding, s.w)
		enc.Write(f.ttf)
		enc.Close()
		s.w.WriteString("\") format(\"truetype\"); }\n")
	}
	s.w.WriteString("]]></style></defs>\n")
}
