package draw

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"image/color"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	"golang.org/x/image/font/sfnt"
)

// SVG is the Canvas that writes a true vector SVG document: <path> for
// shapes, one <defs> entry per distinct Marker placed with <use>, and text
// as the Go font's glyph outlines, so it looks the same in any renderer
// (SetTextMode(TextEditable) writes <text> with the font embedded
// instead). Coordinates are rounded to 0.1 px. Call Close to finish
// the document; the first write error is kept and returned by Close.
type SVG struct {
	w             *bufio.Writer
	width, height int
	faces         faces
	markers       map[Marker]string
	groups        int
	frames        [][2]int // the sizes of the open frames, innermost last
	clips         int      // clip paths written, for their ids
	b             []byte   // scratch for building one element
	text          TextMode
	fontsWritten  bool        // the @font-face rules of editable text are written
	glyphs        sfnt.Buffer // scratch for loading glyph outlines
}

// NewSVG starts an SVG document width×height pixels on w.
func NewSVG(w io.Writer, width, height int) *SVG {
	s := &SVG{w: bufio.NewWriterSize(w, 64<<10), width: width, height: height, faces: faces{}, markers: map[Marker]string{}}
	fmt.Fprintf(s.w, `<?xml version="1.0" encoding="UTF-8"?>`+"\n"+
		`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="%d" height="%d" viewBox="0 0 %d %d">`+"\n",
		width, height, width, height)
	return s
}

// Size is the document's size in pixels, or the innermost frame's.
func (s *SVG) Size() (w, h int) {
	if n := len(s.frames); n > 0 {
		return s.frames[n-1][0], s.frames[n-1][1]
	}
	return s.width, s.height
}

// Close closes any open group and the document, flushes, and returns the
// first error met while writing.
func (s *SVG) Close() error {
	for ; s.groups > 0; s.groups-- {
		s.w.WriteString("</g>\n")
	}
	for range s.frames {
		s.w.WriteString("</g></g>\n")
	}
	s.frames = nil
	s.w.WriteString("</svg>\n")
	if err := s.w.Flush(); err != nil {
		return fmt.Errorf("draw: writing SVG: %w", err)
	}
	return nil
}

// BeginGroup opens <g id="name">.
func (s *SVG) BeginGroup(name string) {
	s.b = append(s.b[:0], `<g id="`...)
	s.b = appendEscaped(s.b, name)
	s.b = append(s.b, "\">\n"...)
	s.w.Write(s.b)
	s.groups++
}

// EndGroup closes the group opened last.
func (s *SVG) EndGroup() {
	if s.groups > 0 {
		s.w.WriteString("</g>\n")
		s.groups--
	}
}

// FillPath writes p as one <path> filled with the nonzero rule.
func (s *SVG) FillPath(p Path, fill color.RGBA) {
	if fill.A == 0 || p.empty() {
		return
	}
	s.b = append(s.b[:0], `<path d="`...)
	s.b = appendPathData(s.b, p, true)
	s.b = append(s.b, `" fill="`...)
	s.b = appendColour(s.b, fill, "fill-opacity")
	s.b = append(s.b, "/>\n"...)
	s.w.Write(s.b)
}

// StrokePath writes p as one unfilled <path> with round joins.
func (s *SVG) StrokePath(p Path, width float64, c color.RGBA) {
	if c.A == 0 || width <= 0 || p.empty() {
		return
	}
	s.b = append(s.b[:0], `<path d="`...)
	s.b = appendPathData(s.b, p, false)
	s.b = append(s.b, `" fill="none" stroke-width="`...)
	s.b = appendNum(s.b, width, 100)
	s.b = append(s.b, `" stroke-linejoin="round" stroke="`...)
	s.b = appendColour(s.b, c, "stroke-opacity")
	s.b = append(s.b, "/>\n"...)
	s.w.Write(s.b)
}

// Marker writes <use> of the marker's definition, defining it first time.
func (s *SVG) Marker(x, y float64, m Marker) {
	id, ok := s.markers[m]
	if !ok {
		id = "m" + strconv.Itoa(len(s.markers))
		s.markers[m] = id
		s.defineMarker(id, m)
	}
	s.b = append(s.b[:0], `<use xlink:href="#`...)
	s.b = append(s.b, id...)
	s.b = append(s.b, `" x="`...)
	s.b = appendNum(s.b, x, 10)
	s.b = append(s.b, `" y="`...)
	s.b = appendNum(s.b, y, 10)
	s.b = append(s.b, "\"/>\n"...)
	s.w.Write(s.b)
}

// defineMarker writes m centred on 0,0 into <defs> under id.
func (s *SVG) defineMarker(id string, m Marker) {
	b := append(s.b[:0], `<defs><g id="`...)
	b = append(b, id...)
	b = append(b, `"><`...)
	if m.Shape == Circle {
		b = append(b, `circle r="`...)
		b = appendNum(b, m.Size/2, 100)
	} else {
		b = append(b, `path d="`...)
		b = appendPathData(b, Path{orb.LineString(m.Shape.ring(0, 0, m.Size))}, true)
	}
	b = append(b, `" fill="`...)
	if m.Fill.A == 0 {
		b = append(b, `none"`...)
	} else {
		b = appendColour(b, m.Fill, "fill-opacity")
	}
	if ow := m.outlineWidth(); ow > 0 {
		b = append(b, ` stroke-width="`...)
		b = appendNum(b, ow, 100)
		b = append(b, `" stroke="`...)
		b = appendColour(b, m.Outline, "stroke-opacity")
		if m.Dashed {
			b = append(b, ` stroke-dasharray="`...)
			b = appendNum(b, math.Pi*m.Size/float64(2*m.dashes()), 100)
			b = append(b, '"')
		}
	}
	b = append(b, "/></g></defs>\n"...)
	s.w.Write(b)
	s.b = b
}

// MeasureText is the width and height of s set in st with the Go font.
func (s *SVG) MeasureText(str string, st TextStyle) (w, h float64) {
	return s.faces.measure(str, st)
}

// Text writes s as the glyph outlines of the Go font (one <path>), or as
// a <text> element in TextEditable mode; either way its halo is a stroke
// painted under the glyphs (paint-order="stroke").
func (s *SVG) Text(x, y float64, str string, st TextStyle) {
	if str == "" || st.Size <= 0 {
		return
	}
	tb := s.faces.layout(x, y, str, st)
	if s.text == TextOutlines {
		s.outlineText(tb, str, st)
		return
	}
	s.writeFonts()
	b := append(s.b[:0], `<text x="`...)
	b = appendNum(b, x, 10)
	b = append(b, `" y="`...)
	b = appendNum(b, tb.baseline, 10)
	b = append(b, `" font-family="Go, 'DejaVu Sans', sans-serif" font-size="`...)
	b = appendNum(b, st.Size, 10)
	b = append(b, '"')
	if st.Bold {
		b = append(b, ` font-weight="bold"`...)
	}
	switch st.Anchor {
	case AnchorCentre:
		b = append(b, ` text-anchor="middle"`...)
	case AnchorRight:
		b = append(b, ` text-anchor="end"`...)
	}
	b = append(b, ` fill="`...)
	b = appendColour(b, st.Colour, "fill-opacity")
	if hw := st.haloWidth(); hw > 0 {
		b = append(b, ` stroke-width="`...)
		b = appendNum(b, 2*hw, 10)
		b = append(b, `" stroke-linejoin="round" paint-order="stroke" stroke="`...)
		b = appendColour(b, st.Halo, "stroke-opacity")
	}
	b = append(b, '>')
	b = appendEscaped(b, str)
	b = append(b, "</text>\n"...)
	s.w.Write(b)
	s.b = b
}

// appendPathData appends SVG path data for p: M, then implicit L, with
// points that round to the previous one dropped; Z closes subpaths when
// closed is set.
func appendPathData(b []byte, p Path, closed bool) []byte {
	for _, sp := range p {
		if len(sp) == 0 {
			continue
		}
		px, py := round10(sp[0][0]), round10(sp[0][1])
		b = append(b, 'M')
		b = appendNum(b, px, 10)
		b = append(b, ' ')
		b = appendNum(b, py, 10)
		first := true
		for _, pt := range sp[1:] {
			x, y := round10(pt[0]), round10(pt[1])
			if x == px && y == py {
				continue
			}
			if first {
				b = append(b, 'L')
				first = false
			} else {
				b = append(b, ' ')
			}
			b = appendNum(b, x, 10)
			b = append(b, ' ')
			b = appendNum(b, y, 10)
			px, py = x, y
		}
		if closed {
			b = append(b, 'Z')
		}
	}
	return b
}

func round10(v float64) float64 { return math.Round(v*10) / 10 }

// appendNum appends v rounded to 1/per, with no trailing zeros and no "-0".
func appendNum(b []byte, v, per float64) []byte {
	v = math.Round(v*per) / per
	if v == 0 {
		v = 0 // drops the sign of -0
	}
	return strconv.AppendFloat(b, v, 'f', -1, 64)
}

// appendColour appends c as #rrggbb and closes the attribute; when c is
// translucent it adds opacityAttr with its alpha. c is premultiplied.
func appendColour(b []byte, c color.RGBA, opacityAttr string) []byte {
	r, g, bl := unpremultiply(c)
	b = fmt.Appendf(b, "#%02x%02x%02x\"", r, g, bl)
	if c.A < 255 {
		b = append(b, ' ')
		b = append(b, opacityAttr...)
		b = append(b, `="`...)
		b = appendNum(b, float64(c.A)/255, 1000)
		b = append(b, '"')
	}
	return b
}

// unpremultiply is c's straight (not premultiplied) red, green and blue.
func unpremultiply(c color.RGBA) (r, g, b uint8) {
	if c.A == 0 || c.A == 255 {
		return c.R, c.G, c.B
	}
	f := func(v uint8) uint8 { return uint8(min(255, (uint32(v)*255+uint32(c.A)/2)/uint32(c.A))) }
	return f(c.R), f(c.G), f(c.B)
}

// appendEscaped appends s escaped for XML text and attribute values.
func appendEscaped(b []byte, s string) []byte {
	var sb strings.Builder
	xml.EscapeText(&sb, []byte(s)) // writes to a Builder: cannot fail
	return append(b, sb.String()...)
}
