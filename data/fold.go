package data

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s in lower case with diacritics removed, for matching names
// however they are typed: Fold("Goïta") == Fold("Goita") == "goita",
// Fold("Koné") == "kone". Letters that do not decompose (ø, ß, æ, œ, ł, đ)
// are spelled in plain Latin, and typographic apostrophes become '.
func Fold(s string) string {
	if isASCII(s) {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if sub, ok := foldSpecial[r]; ok {
			b.WriteString(sub)
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

var foldSpecial = map[rune]string{
	'ø': "o", 'Ø': "o", 'ß': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe",
	'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ı': "i", 'ð': "d", 'þ': "th",
	'’': "'", '‘': "'", 'ʼ': "'", '`': "'",
}

// isASCII reports whether s is plain ASCII, which folds by lower case
// alone.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
