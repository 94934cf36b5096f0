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
// the line, measured whole (kerning across words included), fits.
func wrapMeasured(c draw.Canvas, s string, st draw.TextStyle, width float64) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		try := word
		if line != "" {
			try = line + " " + word
		}
		if w, _ := c.MeasureText(try, st); w > width && line != "" {
			lines = append(lines, line)
			line = word
			continue
		}
		line = try
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}
