package lang

import (
	"strconv"
	"strings"
)

// nbsp is the no-break space French puts between thousands and before a
// unit. (CLDR prefers the narrow one, U+202F, which the pages' embedded Go
// fonts lack.)
const nbsp = "\u00a0"

// Int writes n with the language's thousands separator: "12,345" in
// English, "12 345" (no-break spaces) in French.
func (t Tag) Int(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	sep := ","
	if t == French {
		sep = nbsp
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Float writes x as %g does in English ("2.5", "1000", as the pages
// always have), and in French with a decimal comma and, for whole numbers,
// the thousands separator: "2,5", "1 000".
func (t Tag) Float(x float64) string {
	if t == French && x == float64(int(x)) && x < 1e15 && x > -1e15 {
		return t.Int(int(x))
	}
	s := strconv.FormatFloat(x, 'g', -1, 64)
	if t == French {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// Unit writes a number and its unit: "1000 km", "1 000 km" (no-break
// spaces in French, a plain one in English).
func (t Tag) Unit(x float64, unit string) string {
	if t == French {
		return t.Float(x) + nbsp + unit
	}
	return t.Float(x) + " " + unit
}
