package data

// PlacePrecision is how surely and how exactly an event's place is known.
// The bundled events say only whether their sources give it (the zero
// value), approximately, or not at all (inferred); an analyst recording
// an event says how exact it is, from the spot itself to only the
// country.
type PlacePrecision string

// The place precisions.
const (
	PlaceGiven       PlacePrecision = ""            // the sources name the place
	PlaceApproximate PlacePrecision = "approximate" // the sources say near or around it
	PlaceInferred    PlacePrecision = "inferred"    // the sources give no place: drawn where Confidence says
	PlaceExact       PlacePrecision = "exact"       // the spot itself
	PlaceTown        PlacePrecision = "town"        // the town or city
	PlaceRegion      PlacePrecision = "region"      // a region or province
	PlaceCountry     PlacePrecision = "country"     // only the country: drawn at its capital
)

// Valid reports whether p is one of the known place precisions.
func (p PlacePrecision) Valid() bool {
	switch p {
	case PlaceGiven, PlaceApproximate, PlaceInferred, PlaceExact, PlaceTown, PlaceRegion, PlaceCountry:
		return true
	}
	return false
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
