package exchange

import "github.com/sahelatlas/sahelatlas/data"

// cameoCode is what a CAMEO event code means here: the kind it becomes and
// the words of the CAMEO codebook, shortened, for the event's title.
type cameoCode struct {
	kind  data.Kind
	label string
}

// cameoKinds maps CAMEO event codes onto kinds. A code is looked up whole
// ("1661"), then by its first three digits ("166"), then by its root ("16");
// a root is listed only where every code under it has the same kind.
var cameoKinds = map[string]cameoCode{
	"01":  {data.KindStatement, "Make a public statement"},
	"040": {data.KindMeeting, "Consult"},
	"041": {data.KindTalks, "Discuss by telephone"},
	"042": {data.KindVisit, "Make a visit"},
	"043": {data.KindVisit, "Host a visit"},
	"044": {data.KindMeeting, "Meet at a third location"},
	"045": {data.KindTalks, "Mediate"},
	"046": {data.KindTalks, "Engage in negotiation"},
	"057": {data.KindAgreement, "Sign a formal agreement"},
	"112": {data.KindAccusation, "Accuse"},
	"14":  {data.KindProtest, "Protest"},
	"150": {data.KindDeployment, "Demonstrate military or police power"},
	"154": {data.KindDeployment, "Mobilize or increase armed forces"},
	"160": {data.KindSuspension, "Reduce relations"},
	"161": {data.KindSuspension, "Reduce or break diplomatic relations"},
	"162": {data.KindSuspension, "Reduce or stop material aid"},
	"163": {data.KindSuspension, "Impose an embargo, boycott or sanctions"},
	"164": {data.KindSuspension, "Halt negotiations"},
	"165": {data.KindSuspension, "Halt mediation"},
	"166": {data.KindExpulsion, "Expel or withdraw"},
	"173": {data.KindArrest, "Arrest, detain or charge"},
	"174": {data.KindDeportation, "Expel or deport individuals"},
	"18":  {data.KindAttack, "Assault"},
	"181": {data.KindArrest, "Abduct, hijack or take hostage"},
	"190": {data.KindOperation, "Use conventional military force"},
	"191": {data.KindOperation, "Impose a blockade"},
	"192": {data.KindOperation, "Occupy territory"},
	"193": {data.KindAttack, "Fight with small arms and light weapons"},
	"194": {data.KindAttack, "Fight with artillery and tanks"},
	"195": {data.KindAttack, "Employ aerial weapons"},
	"196": {data.KindAttack, "Violate a ceasefire"},
	"20":  {data.KindAttack, "Use unconventional mass violence"},
	"201": {data.KindDeportation, "Engage in mass expulsion"},
}

// cameoRoots names the twenty CAMEO root codes, for titles and for the
// report of the codes that have no kind.
var cameoRoots = map[string]string{
	"01": "make a public statement", "02": "appeal", "03": "express intent to cooperate",
	"04": "consult", "05": "engage in diplomatic cooperation", "06": "engage in material cooperation",
	"07": "provide aid", "08": "yield", "09": "investigate", "10": "demand", "11": "disapprove",
	"12": "reject", "13": "threaten", "14": "protest", "15": "exhibit force posture",
	"16": "reduce relations", "17": "coerce", "18": "assault", "19": "fight",
	"20": "use unconventional mass violence",
}

// GDELTKind returns the kind of a CAMEO event code as GDELT writes it
// ("042", "1661"), and the codebook's words for it; ok is false when the
// code has no kind here, and the GDELT importer then leaves the event out
// and counts it in Result.Skipped.
//
// The mapping, most specific code first:
//
//	01x   make a public statement                  statement
//	040   consult                                  meeting
//	041   discuss by telephone                     talks
//	042   make a visit, 043 host a visit           visit
//	044   meet at a third location                 meeting
//	045   mediate, 046 engage in negotiation       talks
//	057   sign a formal agreement                  agreement
//	112x  accuse                                   accusation
//	14x   protest                                  protest
//	150   demonstrate military power, 154 mobilize armed forces  deployment
//	160–165 reduce relations, break relations, stop aid, sanctions, halt talks  suspension
//	166x  expel or withdraw (peacekeepers, inspectors, aid agencies)  expulsion
//	173   arrest, detain or charge                 arrest
//	174   expel or deport individuals              deportation
//	18x   assault                                  attack
//	181   abduct, hijack or take hostage           arrest (as for ACLED's abductions)
//	190–192 military force, blockade, occupation   operation
//	193–196 fighting, aerial weapons, ceasefire violations  attack
//	20x   unconventional mass violence             attack
//	201   engage in mass expulsion                 deportation
//
// Everything else (appeals, intents, material cooperation, aid, demands,
// threats, rejections, most coercion) has no kind: GDELT codes millions of
// such events a year, and a generic kind would bury the diplomacy the map
// is for. The filters (Options.GDELT) choose among the mapped codes.
func GDELTKind(code string) (k data.Kind, label string, ok bool) {
	for _, n := range []int{len(code), 3, 2} {
		if n > len(code) || n < 2 {
			continue
		}
		if c, found := cameoKinds[code[:n]]; found {
			return c.kind, c.label, true
		}
	}
	return 0, "", false
}

// cameoRootName returns "04 consult" for a code under root 04, or the code.
func cameoRootName(code string) string {
	if len(code) >= 2 {
		if n, ok := cameoRoots[code[:2]]; ok {
			return code[:2] + " " + n
		}
	}
	return code
}
