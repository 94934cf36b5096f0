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

// wrapMeasured is wrap measuring with c: each line takes the most words
// that, set on one line, fit (at least one). In the Go fonts a line grows
// with every word added (the fonts kern no pairs, so a text's width is
// the sum of its letters' advances): the words left are set on one line
// when they fit, and otherwise the words a line takes are found by
// halving, a few measures of a line rather than one per word. Text with
// letters draw sets in another font (Arabic, shaped and reordered) is
// wrapped a word at a time.
func wrapMeasured(c draw.Canvas, s string, st draw.TextStyle, width float64) []string {
	words := strings.Fields(s)
	if needsOtherFont(s) {
		return wrapWords(c, words, st, width)
	}
	var lines []string
	for i := 0; i < len(words); {
		if rest := strings.Join(words[i:], " "); fits(c, rest, st, width) {
			return append(lines, rest)
		}
		// words[i:lo] is a line (a first word always is); words[i:hi+1]
		// does not fit.
		lo, hi := i+1, len(words)-1
		for lo < hi {
			mid := (lo + hi + 1) / 2
			if fits(c, strings.Join(words[i:mid], " "), st, width) {
				lo = mid
			} else {
				hi = mid - 1
			}
		}
		lines = append(lines, strings.Join(words[i:lo], " "))
		i = lo
	}
	return lines
}

// wrapWords is wrapMeasured adding the words to a line one by one.
func wrapWords(c draw.Canvas, words []string, st draw.TextStyle, width float64) []string {
	var lines []string
	line := ""
	for _, word := range words {
		switch {
		case line == "":
			line = word
		case fits(c, line+" "+word, st, width):
			line += " " + word
		default:
			lines = append(lines, line)
			line = word
		}
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
