package data

import "strings"

// Strings keeps one copy of each string it is given, so that a million
// imported events naming the same few kinds, places, countries, actors
// and field values share them instead of each holding its own. The
// copies it returns never share memory with what was given: a string cut
// from a large decoded buffer no longer keeps the whole buffer alive.
// The zero value is ready to use; it is not safe for concurrent use.
type Strings struct {
	m map[string]string
}

// stringsMax bounds a Strings table: past it, strings are copied but no
// longer remembered, so that unique values (ids, notes) cannot grow the
// table without end.
const stringsMax = 1 << 16

// Intern returns the table's copy of s, making one the first time.
func (t *Strings) Intern(s string) string {
	if s == "" {
		return ""
	}
	if c, ok := t.m[s]; ok {
		return c
	}
	c := strings.Clone(s)
	if t.m == nil {
		t.m = map[string]string{}
	}
	if len(t.m) < stringsMax {
		t.m[c] = c
	}
	return c
}

// InternAll returns ss with every string interned, in a new slice (nil
// for an empty one).
func (t *Strings) InternAll(ss []string) []string {
	if len(ss) == 0 {
		return nil
	}
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = t.Intern(s)
	}
	return out
}
