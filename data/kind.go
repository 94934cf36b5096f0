package data

// Kind is what sort of thing an event is, in the analyst's words.
type Kind string

// The kinds of event, diplomacy first, then conflict.
const (
	KindVisit         Kind = "visit"          // someone travels to meet a host (CAMEO 042/043)
	KindMeeting       Kind = "meeting"        // officials meet; no one is said to visit (CAMEO 040)
	KindTalks         Kind = "talks"          // negotiation or formal talks (CAMEO 046)
	KindStatement     Kind = "statement"      // a public statement, speech, interview or press conference (CAMEO 010)
	KindAgreement     Kind = "agreement"      // an agreement is signed or reached (CAMEO 057)
	KindAccusation    Kind = "accusation"     // one side accuses another (CAMEO 112)
	KindExpulsion     Kind = "expulsion"      // diplomats or forces are expelled or withdrawn (CAMEO 166)
	KindDeportation   Kind = "deportation"    // individuals are expelled or deported (CAMEO 174)
	KindArrest        Kind = "arrest"         // arrest or detention (CAMEO 173)
	KindSuspension    Kind = "suspension"     // cooperation is suspended or relations reduced (CAMEO 161)
	KindProtest       Kind = "protest"        // demonstrations (CAMEO 140)
	KindCoup          Kind = "coup"           // a government is overthrown by force (no CAMEO code)
	KindOperation     Kind = "operation"      // a military operation (CAMEO 190)
	KindDeployment    Kind = "deployment"     // forces or contractors deployed or present (CAMEO 154)
	KindAttack        Kind = "attack"         // an attack or armed clash (CAMEO 180)
	KindArmedConflict Kind = "armed_conflict" // a war or armed conflict breaks out (CAMEO 190)
	KindReport        Kind = "report"         // a report is published (no CAMEO code)
	KindElection      Kind = "election"       // an election (no CAMEO code)
)

// Kinds lists every kind in a stable order, for legends and menus.
var Kinds = []Kind{
	KindVisit, KindMeeting, KindTalks, KindStatement, KindAgreement,
	KindAccusation, KindExpulsion, KindDeportation, KindArrest, KindSuspension,
	KindProtest, KindCoup, KindOperation, KindDeployment, KindAttack,
	KindArmedConflict, KindReport, KindElection,
}

var cameo = map[Kind]string{
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
func (k Kind) Valid() bool {
	_, ok := cameo[k]
	return ok
}

// CAMEO returns the CAMEO event code that matches k, so the data lines up
// with GDELT, or "" where CAMEO has none (coups, reports, elections). A visit
// is coded from the visitor's side (042 make a visit); the host's side is
// CAMEOHost.
func (k Kind) CAMEO() string { return cameo[k] }

// CAMEOHost is the code for hosting a visit (043), the other side of 042.
const CAMEOHost = "043"
