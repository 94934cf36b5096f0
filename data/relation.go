package data

// Status is the state of a relation between two countries.
type Status string

// The statuses a relation goes through.
const (
	StatusUnknown     Status = "" // the sources say nothing for that date
	StatusCooperating Status = "cooperating"
	StatusAllied      Status = "allied"
	StatusThawing     Status = "thawing"
	StatusStrained    Status = "strained"
	StatusSuspended   Status = "suspended" // cooperation formally suspended
	StatusRuptured    Status = "ruptured"  // diplomatic ties broken
)

// Valid reports whether s is one of the known statuses (StatusUnknown is not).
func (s Status) Valid() bool {
	switch s {
	case StatusCooperating, StatusAllied, StatusThawing, StatusStrained, StatusSuspended, StatusRuptured:
		return true
	}
	return false
}

// Relation is how two countries stand with each other over time.
type Relation struct {
	ID        string           `json:"id"`
	Countries [2]string        `json:"countries"`       // ISO 3166 alpha-3
	Topic     string           `json:"topic,omitempty"` // what the relation is about, e.g. "security cooperation"
	Changes   []RelationChange `json:"changes"`         // in date order
}

// RelationChange is a change of status, from a date on, with the events
// that caused it.
type RelationChange struct {
	From      Date      `json:"from"`      // first day of the new status
	Precision Precision `json:"precision"` // how exactly From is known
	Status    Status    `json:"status"`
	Note      string    `json:"note"`   // in our own words: what changed and why
	Events    []string  `json:"events"` // ids of the events that caused it
}

// Involves reports whether the relation is between countries a and b, in
// either order.
func (r *Relation) Involves(a, b string) bool {
	return (r.Countries[0] == a && r.Countries[1] == b) || (r.Countries[0] == b && r.Countries[1] == a)
}

// StatusOn returns the status of the relation on day and the change that set
// it, or StatusUnknown and nil before the first change.
func (r *Relation) StatusOn(day Date) (Status, *RelationChange) {
	// Changes are few and in date order: find the last one not after day.
	lo, hi := 0, len(r.Changes)
	for lo < hi {
		m := (lo + hi) / 2
		if r.Changes[m].From.Compare(day) <= 0 {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == 0 {
		return StatusUnknown, nil
	}
	c := &r.Changes[lo-1]
	return c.Status, c
}
