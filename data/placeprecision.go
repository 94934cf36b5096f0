package data

import "fmt"

// PlacePrecision is how surely and how exactly an event's place is known.
// The bundled events say only whether their sources give it (the zero
// value), approximately, or not at all (inferred); an analyst recording
// an event says how exact it is, from the spot itself to only the
// country. It is written as its name ("approximate"), the zero value as "".
type PlacePrecision uint8

// The place precisions.
const (
	PlaceGiven       PlacePrecision = iota // the sources name the place
	PlaceApproximate                       // the sources say near or around it
	PlaceInferred                          // the sources give no place: drawn where Confidence says
	PlaceExact                             // the spot itself
	PlaceTown                              // the town or city
	PlaceRegion                            // a region or province
	PlaceCountry                           // only the country: drawn at its capital
)

var placePrecisionNames = names{"", "approximate", "inferred", "exact", "town", "region", "country"}

// ParsePlacePrecision returns the place precision named s ("approximate",
// "" for given), and false when none is.
func ParsePlacePrecision(s string) (PlacePrecision, bool) {
	p, ok := placePrecisionNames.parse(s)
	return PlacePrecision(p), ok
}

// Valid reports whether p is one of the known place precisions.
func (p PlacePrecision) Valid() bool { return p <= PlaceCountry }

// String returns p's name, "" for PlaceGiven.
func (p PlacePrecision) String() string { return placePrecisionNames.name(uint8(p), "PlacePrecision") }

// MarshalText writes p's name.
func (p PlacePrecision) MarshalText() ([]byte, error) {
	if !p.Valid() {
		return nil, fmt.Errorf("data: place precision %d has no name", uint8(p))
	}
	return []byte(p.String()), nil
}

// UnmarshalText reads a place precision's name ("" for given).
func (p *PlacePrecision) UnmarshalText(b []byte) error {
	return placePrecisionNames.unmarshal(b, (*uint8)(p), "place_precision", "approximate, inferred, exact, town, region or country (or empty: given)")
}

// Map is the precision the map draws p with: given (exact, town),
// approximate (a region or only the country) or inferred.
func (p PlacePrecision) Map() PlacePrecision {
	switch p {
	case PlaceRegion, PlaceCountry, PlaceApproximate:
		return PlaceApproximate
	case PlaceInferred:
		return PlaceInferred
	}
	return PlaceGiven
}

// PlaceUncertain reports whether the event's place is not given by its
// sources: approximate or inferred.
func (e *Event) PlaceUncertain() bool { return e.PlacePrecision != PlaceGiven }
