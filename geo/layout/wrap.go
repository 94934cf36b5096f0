package layout

import (
	"strings"
	"sync"

	"github.com/sahelatlas/sahelatlas/geo/draw"
)

// wrapKey is what the lines of a wrapped text depend on: every backend
// measures text by its size and weight alone (see draw.Canvas), so the
// text's colour and anchor do not count.
type wrapKey struct {
	s     string
	size  float64
	bold  bool
	width float64
}

// wrapped keeps the lines of the texts wrapped last: a page is laid out
// several times while the scene settles its note and frame (New per try),
// each time with the same credits at the same width, and wrapping
// measures every growing prefix of a line, the most measuring a small
// page does. At most maxWrapped texts are kept; the set is emptied when
// full.
var wrapped struct {
	sync.Mutex
	lines map[wrapKey][]string
}

// maxWrapped bounds the texts wrapped kept.
const maxWrapped = 32

// wrap breaks s into lines no wider than width set in st, at spaces.
// The slice returned is the caller's own.
func wrap(c draw.Canvas, s string, st draw.TextStyle, width float64) []string {
	k := wrapKey{s: s, size: st.Size, bold: st.Bold, width: width}
	wrapped.Lock()
	lines, ok := wrapped.lines[k]
	wrapped.Unlock()
	if ok {
		return append([]string(nil), lines...)
	}
	lines = wrapMeasured(c, s, st, width)
	wrapped.Lock()
	if wrapped.lines == nil || len(wrapped.lines) >= maxWrapped {
		wrapped.lines = make(map[wrapKey][]string)
	}
	wrapped.lines[k] = lines
	wrapped.Unlock()
	return append([]string(nil), lines...)
}

// wrapMeasured is wrap measuring with c: it adds words to a line while
// the line, measured whole, fits. When the words left, set on one line,
// fit, they are that line at once: a line set in the Go fonts grows with
// every word added (the fonts kern no pairs, so a text's width is the sum
// of its letters' advances), and the words would all be added one by one.
// Text with right-to-left letters, set in another font and reordered, is
// wrapped a word at a time.
func wrapMeasured(c draw.Canvas, s string, st draw.TextStyle, width float64) []string {
	var lines []string
	words := strings.Fields(s)
	oneFont := !needsOtherFont(s)
	line := ""
	for i, word := range words {
		if line == "" || !fits(c, line+" "+word, st, width) {
			// word starts a line: the first, or the one it did not fit on.
			if line != "" {
				lines = append(lines, line)
			}
			if oneFont && i+1 < len(words) {
				if rest := strings.Join(words[i:], " "); fits(c, rest, st, width) {
					return append(lines, rest)
				}
			}
			line = word
			continue
		}
		line += " " + word
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// fits reports whether s set in st is no wider than width.
func fits(c draw.Canvas, s string, st draw.TextStyle, width float64) bool {
	w, _ := c.MeasureText(s, st)
	return w <= width
}

// needsOtherFont reports whether s has letters draw sets in Noto Sans
// Arabic rather than the Go fonts: U+0580–U+08FF (Armenian's end,
// Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan…) and U+FB00–U+FEFF
// (presentation forms).
func needsOtherFont(s string) bool {
	for _, r := range s {
		if (r >= 0x0580 && r <= 0x08FF) || (r >= 0xFB00 && r <= 0xFEFF) {
			return true
		}
	}
	return false
}
