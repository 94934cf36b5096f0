package article

import "strings"

// keyed returns m with its keys written as keyOf writes them, and the
// most words a key has.
func keyed[V any](m map[string]V) (map[string]V, int) {
	out := make(map[string]V, len(m))
	longest := 1
	for k, v := range m {
		k = keyOf(k)
		out[k] = v
		longest = max(longest, strings.Count(k, " ")+1)
	}
	return out, longest
}

// phrase is a run of words of a sentence, by word index [w0, w1).
type phrase struct{ w0, w1 int }

// words is a sentence seen as its words: the index of each word token,
// and whether the next word may continue a name (only blanks, a hyphen,
// a dot or an apostrophe between them).
type words struct {
	text string
	toks []token
	idx  []int
	join []bool
}

func wordsOf(toks []token) words {
	w := words{toks: toks}
	for i := range toks {
		if toks[i].word() {
			w.idx = append(w.idx, i)
		}
	}
	w.join = make([]bool, len(w.idx))
	for k := 0; k+1 < len(w.idx); k++ {
		ok := true
		for i := w.idx[k] + 1; i < w.idx[k+1]; i++ {
			if p := toks[i].punct; p != '-' && p != '.' && p != '\'' {
				ok = false
			}
		}
		w.join[k] = ok
	}
	return w
}

func (w *words) n() int { return len(w.idx) }

func (w *words) tok(k int) *token { return &w.toks[w.idx[k]] }

func (w *words) key(k int) string {
	if k < 0 || k >= len(w.idx) {
		return ""
	}
	return w.toks[w.idx[k]].key
}

// gram returns the key of words [k, k+n), or "" when they do not join.
func (w *words) gram(k, n int, b *strings.Builder) string {
	if k+n > len(w.idx) {
		return ""
	}
	b.Reset()
	for j := k; j < k+n; j++ {
		if j > k {
			if !w.join[j-1] && n > 1 {
				return ""
			}
			b.WriteByte(' ')
		}
		b.WriteString(w.toks[w.idx[j]].key)
	}
	return b.String()
}

// longestAt returns the longest phrase at word k, of at most maxN words,
// whose key ok accepts.
func (w *words) longestAt(k, maxN int, b *strings.Builder, ok func(key string, p phrase) bool) (phrase, bool) {
	for n := min(maxN, len(w.idx)-k); n >= 1; n-- {
		g := w.gram(k, n, b)
		if g != "" && ok(g, phrase{k, k + n}) {
			return phrase{k, k + n}, true
		}
	}
	return phrase{}, false
}

// span returns the byte span of a phrase in the text.
func (w *words) span(p phrase) [2]int {
	return [2]int{w.tok(p.w0).start, w.tok(p.w1 - 1).end}
}
