package data

import "fmt"

// The kinds and precisions of an event are small numbers in memory (a
// window may hold a million events) and names everywhere else: JSON, CSV,
// the store's records, the catalogs' keys. names is such a type's table
// of names, by value.
type names []string

// parse returns the value named s, and false when none is.
func (ns names) parse(s string) (uint8, bool) {
	for i, n := range ns {
		if n == s {
			return uint8(i), true
		}
	}
	return 0, false
}

// name returns the name of value v; what is a type's name, for a value
// that has none.
func (ns names) name(v uint8, what string) string {
	if int(v) < len(ns) {
		return ns[v]
	}
	return fmt.Sprintf("%s(%d)", what, v)
}

// unmarshal reads the name b into *v: "" is the zero value; a name not
// in ns is an error that says what is expected.
func (ns names) unmarshal(b []byte, v *uint8, what, expected string) error {
	if len(b) == 0 {
		*v = 0
		return nil
	}
	x, ok := ns.parse(string(b))
	if !ok {
		return fmt.Errorf("data: %s %q is not %s", what, b, expected)
	}
	*v = x
	return nil
}
