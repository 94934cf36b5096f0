package data

import (
	"cmp"
	"slices"
	"strings"
)

// nameKey is how the gazetteer files and finds a name: Fold (lower case,
// no diacritics), with hyphens, dots, commas and slashes read as spaces,
// apostrophes dropped, and the Arabic letters that are written several
// ways (alef with or without hamza or madda, alef maqsura, ta marbuta,
// tatweel) written one way. So "Port-Soudan" finds "Port Soudan",
// "Al Fashir" finds "Al-Fashir", "Ndjamena" finds "N'Djamena".
func nameKey(s string) string {
	f := Fold(strings.TrimSpace(s))
	var b strings.Builder
	b.Grow(len(f))
	space := false
	for _, r := range f {
		switch r {
		case '\'':
			continue
		case '-', '‐', '–', '—', '_', '.', ',', '/', ' ', '\t':
			space = b.Len() > 0
			continue
		case 'أ', 'إ', 'آ', 'ٱ':
			r = 'ا'
		case 'ى':
			r = 'ي'
		case 'ة':
			r = 'ه'
		case 'ـ':
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// PlaceMatch is a place the gazetteer found, with the name or alias that
// matched the query, as the place gives it.
type PlaceMatch struct {
	Place   *Place
	Matched string
	// How is how the name matched: MatchExact (the whole name), MatchPrefix
	// (the name starts with the query) or MatchWithin (the query is inside
	// the name).
	How MatchHow
}

// MatchHow says how a name matched a query; lower is better.
type MatchHow int

// The ways a name matches, best first.
const (
	MatchExact MatchHow = iota
	MatchPrefix
	MatchWithin
)

// Match returns up to limit places whose name or an alias matches query,
// ignoring case, diacritics and punctuation: best first, that is whole
// names before names that start with the query before names that hold it,
// and within each the more populous place first. Each place is listed
// once, with its best-matching name. country, when not "", keeps only the
// places of that country (alpha-3).
func (g *Gazetteer) Match(query, country string, limit int) []PlaceMatch {
	q := nameKey(query)
	if q == "" || limit <= 0 {
		return nil
	}
	best := map[*Place]PlaceMatch{}
	consider := func(key string, how MatchHow) {
		for _, p := range g.byName[key] {
			if country != "" && p.Country != country {
				continue
			}
			if m, ok := best[p]; ok && m.How <= how {
				continue
			}
			best[p] = PlaceMatch{Place: p, Matched: nameWithKey(p, key), How: how}
		}
	}
	i, _ := slices.BinarySearch(g.keys, q)
	for ; i < len(g.keys) && strings.HasPrefix(g.keys[i], q); i++ {
		how := MatchPrefix
		if g.keys[i] == q {
			how = MatchExact
		}
		consider(g.keys[i], how)
	}
	if len(best) < limit && len(q) >= 3 {
		for _, k := range g.keys {
			if strings.Contains(k, q) && !strings.HasPrefix(k, q) {
				consider(k, MatchWithin)
			}
		}
	}
	out := make([]PlaceMatch, 0, len(best))
	for _, m := range best {
		out = append(out, m)
	}
	slices.SortFunc(out, func(a, b PlaceMatch) int {
		if c := cmp.Compare(a.How, b.How); c != 0 {
			return c
		}
		if c := cmp.Compare(b.Place.Population, a.Place.Population); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Place.Name, b.Place.Name); c != 0 {
			return c
		}
		return cmp.Compare(a.Place.ID, b.Place.ID)
	})
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}

// nameWithKey returns the name or alias of p whose key is key.
func nameWithKey(p *Place, key string) string {
	if nameKey(p.Name) == key {
		return p.Name
	}
	for _, a := range p.Aliases {
		if nameKey(a) == key {
			return a
		}
	}
	return p.Name
}
