package article

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sahelatlas/sahelatlas/data"
)

// token is a word, a number or a punctuation mark of the text.
type token struct {
	start, end int    // byte offsets in the text
	key        string // folded, apostrophes dropped, a possessive 's and a French elision (l', d', qu') removed
	punct      byte   // the mark for punctuation, 0 for a word
	upper      bool   // the word starts with a capital letter
	allCaps    bool   // every letter of the word is a capital
	acronym    bool   // it has two capitals or more (US, FAMa), or is one capital letter
	poss       bool   // the word was a possessive (Mali's)
	elided     string // the French elision removed (l, d, qu...), if any
	num        int    // the value of an all-digit word, else -1
	digits     int    // how many digits an all-digit word has
}

func (t *token) word() bool { return t.punct == 0 }

// elisions are the French words that lose their vowel before another.
var elisions = map[string]bool{"l": true, "d": true, "qu": true, "j": true, "s": true, "c": true, "m": true, "t": true, "jusqu": true, "lorsqu": true, "puisqu": true}

// tokenize splits text[from:to] into tokens.
func tokenize(text string, from, to int, out []token) []token {
	i := from
	for i < to {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i + n
			for j < to {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) || unicode.Is(unicode.Mn, r2) {
					j += n2
					continue
				}
				if isApostrophe(r2) && j+n2 < to {
					r3, _ := utf8.DecodeRuneInString(text[j+n2:])
					if unicode.IsLetter(r3) {
						j += n2
						continue
					}
				}
				break
			}
			out = append(out, wordToken(text, i, j, r))
			i = j
		case unicode.IsSpace(r):
			i += n
		default:
			p := byte('?')
			switch {
			case r < utf8.RuneSelf:
				p = byte(r)
			case isApostrophe(r):
				p = '\''
			case r == '–' || r == '—' || r == '‐':
				p = '-'
			case r == '“' || r == '”' || r == '«' || r == '»':
				p = '"'
			}
			out = append(out, token{start: i, end: i + n, punct: p, num: -1})
			i += n
		}
	}
	return out
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' || r == '‘' }

func wordToken(text string, i, j int, first rune) token {
	// A letter without case (Arabic) counts as a capital: names in that script are names.
	t := token{start: i, end: j, upper: unicode.IsUpper(first) || unicode.IsLetter(first) && !unicode.IsLower(first), num: -1}
	f := data.Fold(text[i:j])
	if strings.IndexByte(f, '\'') >= 0 {
		if head, rest, ok := strings.Cut(f, "'"); ok && elisions[head] && rest != "" {
			t.elided, f = head, rest
			r, _ := utf8.DecodeRuneInString(text[i+len(head)+apostropheLen(text, i+len(head)):])
			t.upper = unicode.IsUpper(r)
		}
		if s, ok := strings.CutSuffix(f, "'s"); ok {
			f, t.poss = s, true
		}
		f = strings.ReplaceAll(f, "'", "")
	}
	t.key = f
	t.allCaps = strings.ToUpper(text[i:j]) == text[i:j]
	caps := 0
	for _, r := range text[i:j] {
		if unicode.IsUpper(r) {
			caps++
		}
	}
	t.acronym = caps >= 2 || caps == 1 && utf8.RuneCountInString(text[i:j]) == 1
	if n, ok := digitsValue(f); ok {
		t.num, t.digits = n, len(f)
	}
	return t
}

func apostropheLen(text string, at int) int {
	if at >= len(text) {
		return 0
	}
	_, n := utf8.DecodeRuneInString(text[at:])
	return n
}

func digitsValue(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// sentence is a span of the text with its tokens.
type sentence struct {
	start, end int
	toks       []token
}

// abbreviations end with a dot that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "gen": true, "col": true, "lt": true,
	"sgt": true, "st": true, "mme": true, "mm": true, "no": true, "vs": true, "etc": false,
	"jan": true, "feb": true, "aug": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"capt": true, "maj": true, "prof": true, "rev": true, "sen": true, "rep": true, "gov": true,
}

// sentences splits text into sentences: at . ! ? followed by a space and
// a capital, a digit or a quote, and at line ends, but not after an
// abbreviation or an initial (U.S., Gen.).
func sentences(text string) []sentence {
	toks := tokenize(text, 0, len(text), nil)
	var out []sentence
	begin := 0
	flush := func(end int) {
		if end > begin {
			s := sentence{start: toks[begin].start, end: toks[end-1].end, toks: toks[begin:end:end]}
			out = append(out, s)
		}
		begin = end
	}
	for i := range toks {
		if i > begin && lineBreakBetween(text, toks[i-1].end, toks[i].start) && !abbreviationBefore(toks, i-1) {
			flush(i)
		}
		t := &toks[i]
		if t.punct == '.' || t.punct == '!' || t.punct == '?' {
			if t.punct == '.' && abbreviationBefore(toks, i) {
				continue
			}
			if i+1 < len(toks) {
				n := &toks[i+1]
				if n.start == t.end && n.punct != '"' && n.punct != ')' && !glued(toks, i) {
					continue // 1.5, a.m.
				}
				if n.word() && !n.upper && n.num < 0 {
					continue
				}
			}
			j := i + 1
			for j < len(toks) && (toks[j].punct == '"' || toks[j].punct == ')') && toks[j].start == toks[j-1].end {
				j++
			}
			flush(j)
		}
	}
	flush(len(toks))
	return out
}

// abbreviationBefore reports whether the dot at toks[i] closes an
// abbreviation or an initial.
func abbreviationBefore(toks []token, i int) bool {
	if i < 1 || toks[i].punct != '.' {
		return false
	}
	w := &toks[i-1]
	if !w.word() || w.end != toks[i].start {
		return false
	}
	if abbreviations[w.key] {
		return true
	}
	return utf8.RuneCountInString(w.key) == 1 && w.upper && w.num < 0
}

func lineBreakBetween(text string, a, b int) bool {
	return strings.IndexByte(text[a:b], '\n') >= 0
}

// glued reports whether the dot at toks[i] ends a sentence though no space
// follows it ("Diop.Burkina Faso's junta", text pasted without its line
// ends): a word of two letters or more before it, a capitalised one after.
func glued(toks []token, i int) bool {
	if i < 1 || i+1 >= len(toks) {
		return false
	}
	a, b := &toks[i-1], &toks[i+1]
	return a.word() && b.word() && a.num < 0 && !a.allCaps && len(a.key) > 2 && b.upper && !b.allCaps && len(b.key) > 1
}
