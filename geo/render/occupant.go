package render

import (
	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/geo"
)

// Occupant is an overlay layer that takes room on the map. RenderTo asks
// every overlay that is one, after drawing it, what it covers, and places
// the map's names (countries, capitals, towns) and the names the overlays
// ask for clear of it: no name is drawn over a symbol, a cluster or a pin,
// and a name that must cross a line is drawn over it, on its halo.
type Occupant interface {
	// Occupied is what the layer drew, or will draw, for v, in device
	// pixels. It must agree with Draw for the same v and be safe to call
	// concurrently, as Draw is.
	Occupied(v geo.Viewport) Occupancy
}

// Occupancy is what one overlay covers in one viewport, in device pixels.
type Occupancy struct {
	// Boxes are the bounds of symbols, clusters, pins and arrowheads: no
	// name may overlap one.
	Boxes []orb.Bound
	// Lines are polylines (relations, visits, annotations): a name avoids
	// them where it can and otherwise crosses them over a wider halo.
	Lines []orb.LineString
	// Names are names the layer asks the map to place with its own: the
	// places of the events shown, the far ends of lines leaving the frame.
	Names []PlaceName
}

// PlaceName is a name an overlay asks the map to place beside something it
// drew.
type PlaceName struct {
	Text string
	// At is the box of what is named (a symbol, a cluster), which the name
	// goes beside; for an Edge name, a small box where the line meets the
	// frame's edge.
	At orb.Bound
	// Edge marks the far end of a line that leaves the frame ("Moscow"):
	// the name is set inside the frame beside At, with an arrow pointing
	// out of the frame, and placed before the base map's capitals.
	Edge bool
	// Rank orders names of the same kind, lowest first (an event site's
	// rank is minus its count of events, so busy places are named first).
	Rank int
}

// occupants collects the Occupancy of every overlay that is an Occupant.
func occupants(v geo.Viewport, overlays []Layer) []Occupancy {
	var out []Occupancy
	for _, l := range overlays {
		if o, ok := l.(Occupant); ok {
			out = append(out, o.Occupied(v))
		}
	}
	return out
}
