package article

import (
	"strings"
	"sync"

	"github.com/sahelatlas/sahelatlas/data"
)

// trigger is a word or phrase that says what kind of event a sentence
// tells.
type trigger struct {
	kind data.Kind
}

// triggerWords are the triggers keyed by their words as keys ("persona
// non grata"), made on first use (New) rather than when every process
// starts. Verbs are listed in the forms articles use; French participles
// cover their feminine and plural.
var triggerWords = sync.OnceValue(makeTriggers)

// weakKinds give way to any other kind in the same sentence: "met" in a
// sentence that tells a visit, "accused of" beside an arrest.
var weakKinds = map[data.Kind]bool{
	data.KindMeeting: true, data.KindTalks: true, data.KindStatement: true,
	data.KindAccusation: true, data.KindReport: true, data.KindDeployment: true,
	data.KindArmedConflict: true, data.KindProtest: true,
}

// makeTriggers is the table triggerWords holds.
func makeTriggers() map[string]trigger {
	triggers := map[string]trigger{}
	add := func(k data.Kind, words string) {
		for _, w := range strings.Split(words, "|") {
			triggers[keyOf(w)] = trigger{kind: k}
		}
	}
	add(data.KindVisit, "visit|visits|visited|visiting|traveled to|travelled to|travels to|travel to|trip to|"+
		"arrived in|arrived at|arrives in|arrive in|arrival in|landed in|flew to|went to|toured|official visit|"+
		"visite|visites|visiter|visitera|a visite|s'est rendu|est rendu|est rendue|se rend|se rendra|se rendre|rendu visite|"+
		"est arrive|est arrivee|arrive a|arrivee a|arrives a|arrivees a|arrive au|arrivee au|arrives au|arrivees au|"+
		"sont arrives|sont arrivees|arrivera|arriveront|mission to")
	for _, w := range strings.Split("received|receives|welcomed|welcomes|hosted|hosts|a recu|recoit|recevra|a accueilli|accueille|accueillera", "|") {
		triggers[keyOf(w)] = trigger{kind: data.KindVisit} // seen from the host's side
	}
	add(data.KindMeeting, "met|meet|meets|meeting|meetings|had a meeting|held a meeting|audience|"+
		"rencontre|rencontre avec|a rencontre|rencontrera|entretien|entretiens|s'est entretenu|reunion|a reuni")
	add(data.KindTalks, "talks|negotiations|negotiated|discussions|held talks|pourparlers|negociations|consultations")
	add(data.KindStatement, "delivered remarks|remarks|speech|press conference|interview|addressed|"+
		"discours|conference de presse|declaration|a declare|communique")
	add(data.KindAgreement, "signed|agreement|accord|accords|deal|a signe|signe un|protocole d'accord")
	add(data.KindAccusation, "accused|accuses|accuse|accusing|accusations|accusation|accusent|a accuse|ont accuse")
	add(data.KindExpulsion, "expelled|expels|expel|expelling|expulsion|persona non grata|ordered to leave|"+
		"to leave the country|to leave french territory|leave the country|quitter le territoire|prie de quitter|pries de quitter|"+
		"priee de quitter|sommes de quitter|somme de quitter|expulse|expulses|expulsee|expulsees|a expulse|expulser|expulsera")
	for _, w := range strings.Split("deported|deports|deportation|deportations|reconduit a la frontiere|reconduits a la frontiere", "|") {
		triggers[keyOf(w)] = trigger{kind: data.KindDeportation}
	}
	add(data.KindArrest, "detained|detains|detain|arrested|arrests|arrest|detention|taken into custody|"+
		"arrete|arretes|arretee|interpelle|interpelles|detenu|detenus|arrestation|interpellation|a arrete|ont arrete")
	add(data.KindSuspension, "suspended|suspends|suspend|suspension|paused|halted|froze|severed|cut off|"+
		"suspendu|suspendue|suspend|a suspendu|suspendre|rompu|gele|gel")
	add(data.KindProtest, "protest|protests|protested|protesters|demonstration|demonstrations|demonstrators|"+
		"manifestation|manifestations|manifestants|ont manifeste")
	add(data.KindCoup, "coup|coups|overthrown|overthrew|overthrow|ousted|toppled|seized power|"+
		"coup d'etat|renverse|renversee|putsch|a renverse|pris le pouvoir")
	add(data.KindOperation, "launched operation|launched an operation|offensive|a lance l'operation|operation militaire")
	add(data.KindDeployment, "deployed|deploys|deployment|stationed|active in|se deploie|deploye|deployes|deploiement")
	add(data.KindAttack, "attack|attacked|attacks|ambush|ambushed|clashes|clashed|attaque|attaques|embuscade|affrontements")
	add(data.KindArmedConflict, "outbreak of conflict|outbreak of war|war broke out|la guerre a eclate")
	add(data.KindReport, "released a report|published a report|report released|monthly report|reports indicate|multiple reports|several reports|"+
		"a publie un rapport|rapport")
	add(data.KindElection, "election|elections|presidential election|vote|voting|polls|election presidentielle|scrutin|presidentielle|legislatives")
	return triggers
}

// plannedCues before a trigger make a proposal planned.
var plannedCues = map[string]bool{
	"will": true, "would": false, "is expected to": true, "are expected to": true, "expected to": true,
	"plans to": true, "planned to": true, "is due to": true, "due to": false, "scheduled to": true,
	"is to": true, "set to": true, "to": false, "intends to": true, "prevu": true, "prevue": true,
	"doit": true, "devrait": true, "devraient": true, "va": true, "vont": true, "est attendu": true,
	"est attendue": true, "prevoit de": true, "compte": false, "next week": true, "la semaine prochaine": true,
	"effectuera": true, "effectueront": true, "doit effectuer": true, "is set to": true, "is scheduled to": true,
}

// deniedCues anywhere in the sentence make a proposal denied.
var deniedCues = map[string]bool{
	"denied": true, "denies": true, "deny": true, "refused": true, "refuses": true, "rejected reports": true,
	"did not": true, "didnt": true, "never": true, "dementi": true, "a dementi": true, "dement": true,
	"nie": true, "a nie": true, "a refuse": true, "refute": true, "n'a pas": true, "na pas": true,
	"false reports": true, "rumours": true, "rumors": true, "aucune": true, "aucun": true, "jamais": true,
	"no meeting": true, "no visit": true, "did not take place": true, "never took place": true,
}

// futureTense tells a French verb in the future (visitera, se rendra).
func futureTense(key string) bool {
	for _, s := range []string{"era", "ira", "ra", "eront", "ront"} {
		if strings.HasSuffix(key, s) && len(key) > len(s)+3 {
			return true
		}
	}
	return false
}
