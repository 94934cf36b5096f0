package data

// ActorKind says what sort of actor an Actor is.
type ActorKind string

// The kinds of actor.
const (
	ActorPerson       ActorKind = "person"
	ActorState        ActorKind = "state"
	ActorGovernment   ActorKind = "government_body" // a ministry, council, agency or office
	ActorArmedGroup   ActorKind = "armed_group"     // rebels, jihadists, paramilitaries
	ActorMilitary     ActorKind = "military"        // a state's armed forces
	ActorOrganisation ActorKind = "international_organisation"
	ActorCompany      ActorKind = "company" // including private military companies and media
)

// Valid reports whether k is one of the actor kinds.
func (k ActorKind) Valid() bool {
	switch k {
	case ActorPerson, ActorState, ActorGovernment, ActorArmedGroup, ActorMilitary, ActorOrganisation, ActorCompany:
		return true
	}
	return false
}

// Actor is a person, state, body, armed group, organisation or company that
// takes part in events.
type Actor struct {
	ID      string    `json:"id"`
	Name    string    `json:"name"`
	Aliases []string  `json:"aliases,omitempty"` // other spellings, with and without diacritics (Goïta, Goita)
	Kind    ActorKind `json:"kind"`
	Country string    `json:"country,omitempty"` // ISO 3166 alpha-3; "" for international actors
	Roles   []Role    `json:"roles,omitempty"`
	Note    string    `json:"note,omitempty"`
}

// Role is a position an actor held, with its dates where the sources give
// them. Source names the seed document the role comes from.
type Role struct {
	Title  string `json:"title"`
	From   Date   `json:"from,omitzero"`
	To     Date   `json:"to,omitzero"`
	Source string `json:"source,omitempty"`
	Note   string `json:"note,omitempty"`
}

// Names returns the actor's name followed by its aliases.
func (a *Actor) Names() []string {
	return append([]string{a.Name}, a.Aliases...)
}
