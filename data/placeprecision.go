package data

// PlacePrecision is how surely an event's place is known: given by its
// sources (the zero value), approximate, or inferred where they give none.
type PlacePrecision string

// The place precisions.
const (
	PlaceGiven       PlacePrecision = ""            // the sources name the place
	PlaceApproximate PlacePrecision = "approximate" // the sources say near or around it
	PlaceInferred    PlacePrecision = "inferred"    // the sources give no place: drawn where Confidence says
)

// Valid reports whether p is one of the known place precisions.
func (p PlacePrecision) Valid() bool {
	switch p {
	case PlaceGiven, PlaceApproximate, PlaceInferred:
		return true
	}
	return false
}

// PlaceUncertain reports whether the event's place is not given by its
// sources: approximate or inferred.
func (e *Event) PlaceUncertain() bool { return e.PlacePrecision != PlaceGiven }
