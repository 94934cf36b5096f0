package overlay

import "github.com/sahelatlas/sahelatlas/data"

// HitKind says what a hit test found.
type HitKind uint8

// What a hit test can find.
const (
	HitNone     HitKind = iota // nothing under the pixel
	HitEvent                   // one event's symbol
	HitCluster                 // a cluster of events
	HitArc                     // a visit arc (one route, all its visits), or an itinerary leg
	HitStop                    // a numbered stop of an itinerary
	HitRelation                // a relation line between two capitals
)

// Hit is what lies under a device pixel, as drawn for the viewport the hit
// test was given.
type Hit struct {
	Kind HitKind
	// Events are the event under the pixel, the events of the cluster, the
	// visits along the arc or at the stop, in the order the layer was
	// given them; nil for a relation or a miss.
	Events []*data.Event
	// X, Y is the centre of the symbol or cluster, or the point of the arc
	// or line nearest to the pixel, in device pixels.
	X, Y float64
	// Relation and Status are set for a HitRelation.
	Relation *data.Relation
	Status   data.Status
	// Stop is the number written on an itinerary stop (from 1) for a
	// HitStop, or the number of the stop a leg ends at for a HitArc of an
	// itinerary.
	Stop int
}

// OK reports whether the hit test found something.
func (h Hit) OK() bool { return h.Kind != HitNone }
