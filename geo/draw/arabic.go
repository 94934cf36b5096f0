package draw

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
)

// Arabic names (الفاشر) are drawn right to left and joined: visual turns
// a text into the order and the letter forms to draw, and the pages set
// what the Go fonts lack in Noto Sans Arabic (SIL Open Font License 1.1,
// fonts/OFL.txt), embedded.

// arabicTTF is Noto Sans Arabic Regular, from the npm package
// @expo-google-fonts/noto-sans-arabic 0.4.3.
//
//go:embed fonts/NotoSansArabic-Regular.ttf
var arabicTTF []byte

// ArabicFont returns the TrueType bytes of the embedded Noto Sans Arabic.
func ArabicFont() []byte { return arabicTTF }

var (
	arabicOnce sync.Once
	arabicFont *sfnt.Font
)

// parsedArabic returns the parsed Noto Sans Arabic; it is compiled in, so
// one that does not parse is a programming error.
func parsedArabic() *sfnt.Font {
	arabicOnce.Do(func() {
		var err error
		if arabicFont, err = opentype.Parse(arabicTTF); err != nil {
			panic("draw: embedded Noto Sans Arabic does not parse: " + err.Error())
		}
	})
	return arabicFont
}

// hasArabic reports whether s holds a letter of the Arabic block
// (U+0600–U+06FF), which visual must shape: a quick look at the UTF-8
// lead bytes 0xD8–0xDB.
func hasArabic(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0xD8 && c <= 0xDB {
			return true
		}
	}
	return false
}

// visual is s as it is drawn, glyph after glyph from left to right: its
// Arabic letters in their joined forms (Arabic Presentation Forms-B) and
// its right-to-left runs reversed, by a simplified Unicode bidirectional
// algorithm (the paragraph takes the direction of its first strong
// letter; numbers keep their order). Text with no Arabic letter is
// returned as it is, and visual(visual(s)) is visual(s).
func visual(s string) string {
	if !hasArabic(s) {
		return s
	}
	return reorder([]rune(shapeArabic(s)))
}

// arabicForm is how a letter of U+0621–U+064A is drawn: the first of its
// forms in Presentation Forms-B (isolated, then final, initial, medial)
// and how many it has: 1 joins nothing, 2 joins the letter before it
// only, 4 joins both sides.
type arabicForm struct {
	first rune
	forms int
}

// arabicForms are the forms by letter, from U+0621.
var arabicForms = [...]arabicForm{
	{0xFE80, 1}, {0xFE81, 2}, {0xFE83, 2}, {0xFE85, 2}, {0xFE87, 2}, {0xFE89, 4}, {0xFE8D, 2}, {0xFE8F, 4}, // ء آ أ ؤ إ ئ ا ب
	{0xFE93, 2}, {0xFE95, 4}, {0xFE99, 4}, {0xFE9D, 4}, {0xFEA1, 4}, {0xFEA5, 4}, {0xFEA9, 2}, {0xFEAB, 2}, // ة ت ث ج ح خ د ذ
	{0xFEAD, 2}, {0xFEAF, 2}, {0xFEB1, 4}, {0xFEB5, 4}, {0xFEB9, 4}, {0xFEBD, 4}, {0xFEC1, 4}, {0xFEC5, 4}, // ر ز س ش ص ض ط ظ
	{0xFEC9, 4}, {0xFECD, 4}, // ع غ
	{}, {}, {}, {}, {}, // U+063B–U+063F: not in Presentation Forms-B
	{0x0640, 0},                                                                                            // tatweel joins both sides, drawn as it is
	{0xFED1, 4}, {0xFED5, 4}, {0xFED9, 4}, {0xFEDD, 4}, {0xFEE1, 4}, {0xFEE5, 4}, {0xFEE9, 4}, {0xFEED, 2}, // ف ق ك ل م ن ه و
	{0xFEEF, 2}, {0xFEF1, 4}, // ى ي
}

// formOf is r's entry in arabicForms, or false when r is not a letter it
// lists.
func formOf(r rune) (arabicForm, bool) {
	if r < 0x0621 || r > 0x064A {
		return arabicForm{}, false
	}
	f := arabicForms[r-0x0621]
	return f, f.first != 0
}

// transparent reports whether r, a vowel sign or other mark, is skipped
// when letters look for their neighbours.
func transparent(r rune) bool {
	return unicode.Is(unicode.Mn, r)
}

// joinsAfter reports whether r joins the letter after it (dual-joining
// letters and tatweel); joinsBefore whether it joins the one before.
func joinsAfter(r rune) bool  { f, ok := formOf(r); return ok && (f.forms == 4 || f.forms == 0) }
func joinsBefore(r rune) bool { f, ok := formOf(r); return ok && f.forms != 1 }

// lamAlef are the lam–alef ligatures (isolated; final is the next code)
// by the alef that follows lam.
var lamAlef = map[rune]rune{0x0622: 0xFEF5, 0x0623: 0xFEF7, 0x0625: 0xFEF9, 0x0627: 0xFEFB}

// shapeArabic replaces each Arabic letter of s by its isolated, final,
// initial or medial form as its neighbours ask, and lam followed by alef
// by their ligature. Other runes stay.
func shapeArabic(s string) string {
	rs := []rune(s)
	neighbour := func(i, step int) rune {
		for j := i + step; j >= 0 && j < len(rs); j += step {
			if !transparent(rs[j]) {
				return rs[j]
			}
		}
		return 0
	}
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		f, ok := formOf(r)
		if !ok || f.forms == 0 {
			b.WriteRune(r)
			continue
		}
		prev := joinsAfter(neighbour(i, -1))
		if r == 0x0644 { // lam: with the alef after it, one ligature
			if next := neighbour(i, 1); lamAlef[next] != 0 {
				lig := lamAlef[next]
				if prev {
					lig++
				}
				b.WriteRune(lig)
				for i++; i < len(rs) && rs[i] != next; i++ {
					b.WriteRune(rs[i]) // marks between lam and alef
				}
				continue
			}
		}
		next := f.forms == 4 && joinsBefore(neighbour(i, 1))
		form := 0 // isolated
		switch {
		case f.forms == 1:
		case prev && next:
			form = 3
		case prev:
			form = 1
		case next:
			form = 2
		}
		b.WriteRune(f.first + rune(form))
	}
	return b.String()
}

// class is a rune's bidirectional class, as far as reorder needs it.
type class uint8

const (
	classN class = iota // neutral: spaces, punctuation
	classL              // left to right
	classR              // right to left: Arabic, Hebrew
	classD              // digits
)

// classOf is r's class.
func classOf(r rune) class {
	switch {
	case r >= '0' && r <= '9', r >= 0x0660 && r <= 0x0669, r >= 0x06F0 && r <= 0x06F9:
		return classD
	case r >= 0x0590 && r <= 0x08FF, r >= 0xFB1D && r <= 0xFDFF, r >= 0xFE70 && r <= 0xFEFF:
		if unicode.IsLetter(r) || transparent(r) {
			return classR
		}
		return classN
	case unicode.IsLetter(r):
		return classL
	}
	return classN
}

// mirrored swaps the brackets a right-to-left run shows the other way.
var mirrored = map[rune]rune{'(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<', '«': '»', '»': '«'}

// reorder puts a line's runes in the order they are drawn: it gives each
// an embedding level (0 left to right, 1 right to left, 2 a number or
// Latin inside right-to-left text), then reverses every run at or above
// each level from the highest down, mirroring brackets at odd levels.
func reorder(rs []rune) string {
	cls := make([]class, len(rs))
	base := classL
	found := false
	for i, r := range rs {
		cls[i] = classOf(r)
		if !found && (cls[i] == classL || cls[i] == classR) {
			base, found = cls[i], true
		}
	}
	// Digits after Arabic letters read as part of the Arabic; neutrals
	// between two of the same direction take it, else the paragraph's.
	strong := make([]class, len(rs))
	last := base
	for i, c := range cls {
		switch c {
		case classL, classR:
			last = c
			strong[i] = c
		case classD:
			strong[i] = classR
			if last == classL {
				strong[i] = classL
			}
		}
	}
	for i := 0; i < len(rs); {
		if strong[i] != classN {
			i++
			continue
		}
		j := i
		for j < len(rs) && strong[j] == classN {
			j++
		}
		before, after := base, base
		if i > 0 {
			before = strong[i-1]
		}
		if j < len(rs) {
			after = strong[j]
		}
		dir := base
		if before == after {
			dir = before
		}
		for k := i; k < j; k++ {
			strong[k] = dir
		}
		i = j
	}
	levels := make([]int, len(rs))
	for i := range rs {
		rtl := strong[i] == classR
		switch {
		case base == classL && rtl && cls[i] == classD:
			levels[i] = 2
		case base == classL && rtl:
			levels[i] = 1
		case base == classR && !rtl:
			levels[i] = 2
		case base == classR && cls[i] == classD:
			levels[i] = 2
		case base == classR:
			levels[i] = 1
		}
	}
	out := append([]rune(nil), rs...)
	lv := append([]int(nil), levels...)
	for level := 2; level >= 1; level-- {
		for i := 0; i < len(out); {
			if lv[i] < level {
				i++
				continue
			}
			j := i
			for j < len(out) && lv[j] >= level {
				j++
			}
			for a, b := i, j-1; a < b; a, b = a+1, b-1 {
				out[a], out[b] = out[b], out[a]
				lv[a], lv[b] = lv[b], lv[a]
			}
			i = j
		}
	}
	var b strings.Builder
	b.Grow(len(out) * 2)
	for i, r := range out {
		if lv[i]%2 == 1 {
			if m, ok := mirrored[r]; ok {
				r = m
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}
