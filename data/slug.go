package data

import (
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Slug returns s folded (no case, no diacritics) with every run of other
// characters than a–z and 0–9 turned into one '-', at most 80 bytes; ""
// becomes "x". Letters and digits it cannot spell in a–z and 0–9 (Arabic,
// Ge'ez, Chinese…) add a hash of s, so "الجيش" and "الدعم السريع" get
// different slugs. It makes ids and file names that stay inside a folder.
func Slug(s string) string {
	f := Fold(s)
	var out strings.Builder
	out.Grow(min(len(f), 90))
	dash, other := false, false
	for _, r := range f {
		switch {
		case (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9'):
			if out.Len() >= 80 {
				continue
			}
			if dash && out.Len() > 0 {
				out.WriteByte('-')
			}
			out.WriteRune(r)
			dash = false
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			other, dash = true, true
		default:
			dash = true
		}
	}
	if other {
		h := fnv.New32a()
		h.Write([]byte(s))
		if out.Len() > 0 {
			out.WriteByte('-')
		}
		fmt.Fprintf(&out, "u%08x", h.Sum32())
	}
	if out.Len() == 0 {
		return "x"
	}
	return out.String()
}

// ImportedPlaceID is the id an importer gives a place that the file names
// without an id: "x-", the slug of its name, and a hash of its name and
// coordinates. slug is Slug(name), passed in so that callers can cache it.
//
// The store leaves these ids out of the events it keeps and derives them
// again when it reads them: changing ImportedPlaceID or ImportedActorID
// changes the ids of the events already stored.
func ImportedPlaceID(slug, name string, lon, lat float64) string {
	var buf [80]byte
	b := append(buf[:0], name...)
	b = append(b, '|')
	b = strconv.AppendFloat(b, lon, 'g', -1, 64)
	b = append(b, '|')
	b = strconv.AppendFloat(b, lat, 'g', -1, 64)
	h := fnv.New64a()
	h.Write(b)
	sum := uint32(h.Sum64())
	id := make([]byte, 0, len(slug)+11)
	id = append(id, "x-"...)
	id = append(id, slug...)
	id = append(id, '-')
	const hexdigits = "0123456789abcdef"
	for i := 28; i >= 0; i -= 4 {
		id = append(id, hexdigits[sum>>i&0xf])
	}
	return string(id)
}

// ImportedActorID is the id an importer gives an actor the file names
// without an id: "x-" and slug, the Slug of its name.
func ImportedActorID(slug string) string { return "x-" + slug }
