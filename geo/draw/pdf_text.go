package draw

import (
	"unicode/utf8"

	"golang.org/x/image/font"
)

// writeText writes s, already in visual order, with its left end at x on
// baseline y (device pixels), in the Go font set by Text; the runes the Go
// font lacks (Arabic) are written in Noto Sans Arabic, run by run.
func (p *PDF) writeText(x, y float64, s string, st TextStyle, weight string) {
	ff, ok := p.faces.face(st).(*fallbackFace)
	if !ok || !needsFallback(s) {
		p.doc.Text(p.x(x), p.y(y), s)
		return
	}
	size := st.Size * p.k
	for len(s) > 0 {
		r, _ := utf8.DecodeRuneInString(s)
		face := ff.pick(r)
		n := 0
		for n < len(s) {
			r, w := utf8.DecodeRuneInString(s[n:])
			if ff.pick(r) != face {
				break
			}
			n += w
		}
		run := s[:n]
		if face == ff.primary {
			p.doc.SetFont("go", weight, size)
		} else {
			p.doc.SetFont("arabic", "", size)
		}
		p.doc.Text(p.x(x), p.y(y), run)
		x += fixedToFloat(font.MeasureString(face, run))
		s = s[n:]
	}
	p.doc.SetFont("go", weight, size)
}

// needsFallback reports whether s may have a right-to-left letter
// (Hebrew, Arabic, their presentation forms: U+0590–U+08FF,
// U+FB1D–U+FEFF), which the Go font lacks: a look at the UTF-8 bytes.
func needsFallback(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0xD6 && c <= 0xDF:
			return true
		case c == 0xE0 && i+1 < len(s) && s[i+1] >= 0xA0 && s[i+1] <= 0xA3:
			return true
		case c == 0xEF && i+1 < len(s) && s[i+1] >= 0xAC && s[i+1] <= 0xBB:
			return true
		}
	}
	return false
}
