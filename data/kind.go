package data

import "fmt"

// Kind is what sort of thing an event is, in the analyst's words. It is
// written (JSON, CSV, the catalogs' keys) as its name, "visit" or
// "armed_conflict"; in memory it takes one byte, since a window may hold
// a million events. The zero Kind is no kind, written "".
type Kind uint8

// The kinds of event, diplomacy first, then conflict.
const (
	KindVisit         Kind = iota + 1 // someone travels to meet a host (CAMEO 042/043)
	KindMeeting                       // officials meet; no one is said to visit (CAMEO 040)
	KindTalks                         // negotiation or formal talks (CAMEO 046)
	KindStatement                     // a public statement, speech, interview or press conference (CAMEO 010)
	KindAgreement                     // an agreement is signed or reached (CAMEO 057)
	KindAccusation                    // one side accuses another (CAMEO 112)
	KindExpulsion                     // diplomats or forces are expelled or withdrawn (CAMEO 166)
	KindDeportation                   // individuals are expelled or deported (CAMEO 174)
	KindArrest                        // arrest or detention (CAMEO 173)
	KindSuspension                    // cooperation is suspended or relations reduced (CAMEO 161)
	KindProtest                       // demonstrations (CAMEO 140)
	KindCoup                          // a government is overthrown by force (no CAMEO code)
	KindOperation                     // a military operation (CAMEO 190)
	KindDeployment                    // forces or contractors deployed or present (CAMEO 154)
	KindAttack                        // an attack or armed clash (CAMEO 180)
	KindArmedConflict                 // a war or armed conflict breaks out (CAMEO 190)
	KindReport                        // a report is published (no CAMEO code)
	KindElection                      // an election (no CAMEO code)
)

var kindNames = names{
	"", "visit", "meeting", "talks", "statement", "agreement", "accusation", "expulsion", "deportation",
	"arrest", "suspension", "protest", "coup", "operation", "deployment", "attack", "armed_conflict",
	"report", "election",
}

// ParseKind returns the kind named s ("visit", "armed_conflict"), and
// false when no kind has that name.
func ParseKind(s string) (Kind, bool) {
	k, ok := kindNames.parse(s)
	return Kind(k), ok && k != 0
}

// String returns k's name, "" for the zero Kind.
func (k Kind) String() string { return kindNames.name(uint8(k), "Kind") }

// MarshalText writes k's name.
func (k Kind) MarshalText() ([]byte, error) {
	if k != 0 && !k.Valid() {
		return nil, fmt.Errorf("data: kind %d has no name", uint8(k))
	}
	return []byte(k.String()), nil
}

// UnmarshalText reads a kind's name ("" for none).
func (k *Kind) UnmarshalText(b []byte) error {
	return kindNames.unmarshal(b, (*uint8)(k), "kind", "a known kind (see data.Kinds)")
}

// Kinds lists every kind in a stable order, for legends and menus.
var Kinds = []Kind{
	KindVisit, KindMeeting, KindTalks, KindStatement, KindAgreement,
	KindAccusation, KindExpulsion, KindDeportation, KindArrest, KindSuspension,
	KindProtest, KindCoup, KindOperation, KindDeployment, KindAttack,
	KindArmedConflict, KindReport, KindElection,
}

var cameo = [...]string{
	KindVisit:         "042",
	KindMeeting:       "040",
	KindTalks:         "046",
	KindStatement:     "010",
	KindAgreement:     "057",
	KindAccusation:    "112",
	KindExpulsion:     "166",
	KindDeportation:   "174",
	KindArrest:        "173",
	KindSuspension:    "161",
	KindProtest:       "140",
	KindCoup:          "",
	KindOperation:     "190",
	KindDeployment:    "154",
	KindAttack:        "180",
	KindArmedConflict: "190",
	KindReport:        "",
	KindElection:      "",
}

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool { return k >= KindVisit && k <= KindElection }

// CAMEO returns the CAMEO event code that matches k, so the data lines up
// with GDELT, or "" where CAMEO has none (coups, reports, elections). A visit
// is coded from the visitor's side (042 make a visit); the host's side is
// CAMEOHost.
func (k Kind) CAMEO() string {
	if !k.Valid() {
		return ""
	}
	return cameo[k]
}

// CAMEOHost is the code for hosting a visit (043), the other side of 042.
const CAMEOHost = "043"
