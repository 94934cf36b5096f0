package data

import (
	"strings"
	"sync/atomic"
)

// holds reports whether the event's own text (its id, title, summary,
// date note and fields' values) or, once it is in a dataset, its shared
// search text and its actors' names hold w, a folded word, ignoring case
// and diacritics. The event's own text is matched where it is, not
// copied folded: a million imported events would keep hundreds of
// megabytes of folded copies otherwise. Text in plain ASCII is matched
// without a copy.
func (e *Event) holds(w string) bool {
	if s := e.searchText(); s != nil {
		s.index.ready()
		s = e.searchText() // the event's own, now made
		if strings.Contains(s.text, w) {
			return true
		}
		for _, id := range e.Actors {
			if strings.Contains(s.index.actorText[id], w) {
				return true
			}
		}
	}
	if containsFolded(e.ID, w) || containsFolded(e.Title, w) || containsFolded(e.Summary, w) || containsFolded(e.DateNote, w) {
		return true
	}
	for _, f := range e.Fields {
		if containsFolded(f.Value, w) {
			return true
		}
	}
	return false
}

// searchText is e's search text: nil, its dataset's stand-in or its own.
func (e *Event) searchText() *searchText {
	return (*searchText)(atomic.LoadPointer(&e.search))
}

// containsFolded reports whether Fold(s) contains w, where w is folded.
func containsFolded(s, w string) bool {
	if isASCII(s) {
		return containsLowerASCII(s, w) // Fold(s) is strings.ToLower(s)
	}
	return strings.Contains(Fold(s), w)
}

// containsLowerASCII reports whether strings.ToLower(s) contains w, for s
// in ASCII: w's letters must be lower case to match.
func containsLowerASCII(s, w string) bool {
	n := len(w)
	if n == 0 {
		return true
	}
	c := w[0]
	u := c
	if 'a' <= c && c <= 'z' {
		u = c - 'a' + 'A'
	}
	// Candidates start with c or u: found with strings.IndexByte (vector
	// instructions), each case remembered until passed.
	last := len(s) - n // the last start that leaves room for w
	nc, nu := -1, -1   // the next start with c, with u, from i (-2: none left)
	for i := 0; i <= last; {
		if nc != -2 && nc < i {
			nc = next(s, c, i, last)
		}
		if c == u {
			nu = nc
		} else if nu != -2 && nu < i {
			nu = next(s, u, i, last)
		}
		j := nc
		if j == -2 || (nu != -2 && nu < j) {
			j = nu
		}
		if j == -2 {
			return false
		}
		if equalLowerASCII(s[j+1:j+n], w[1:]) {
			return true
		}
		i = j + 1
	}
	return false
}

// next returns the first index from i to last where s holds b, or -2.
func next(s string, b byte, i, last int) int {
	k := strings.IndexByte(s[i:last+1], b)
	if k < 0 {
		return -2
	}
	return i + k
}

// equalLowerASCII reports whether the lower case of s, in ASCII, is w.
func equalLowerASCII(s, w string) bool {
	for i := 0; i < len(w); i++ {
		b := s[i]
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		if b != w[i] {
			return false
		}
	}
	return true
}
