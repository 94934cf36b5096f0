package data

import "fmt"

// Precision says how much of an event's date the sources give. It is
// written as its name ("day"); the zero Precision is none, written "".
type Precision uint8

// The precisions. An event of month precision spans its whole month (start
// on the 1st, end on the last day), one of year precision its whole year or
// years; an event of unknown precision has no date at all.
const (
	PrecisionDay Precision = iota + 1
	PrecisionMonth
	PrecisionYear
	PrecisionUnknown
)

var precisionNames = names{"", "day", "month", "year", "unknown"}

// ParsePrecision returns the precision named s ("day"), and false when
// none is.
func ParsePrecision(s string) (Precision, bool) {
	p, ok := precisionNames.parse(s)
	return Precision(p), ok && p != 0
}

// Valid reports whether p is one of the known precisions.
func (p Precision) Valid() bool { return p >= PrecisionDay && p <= PrecisionUnknown }

// String returns p's name, "" for none.
func (p Precision) String() string { return precisionNames.name(uint8(p), "Precision") }

// MarshalText writes p's name.
func (p Precision) MarshalText() ([]byte, error) {
	if p != 0 && !p.Valid() {
		return nil, fmt.Errorf("data: precision %d has no name", uint8(p))
	}
	return []byte(p.String()), nil
}

// UnmarshalText reads a precision's name ("" for none).
func (p *Precision) UnmarshalText(b []byte) error {
	return precisionNames.unmarshal(b, (*uint8)(p), "precision", "day, month, year or unknown")
}
