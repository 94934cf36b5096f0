package article

import (
	"strings"

	"github.com/sahelatlas/sahelatlas/data"
)

// institutions are words that, after a country ("Mali's junta", "l'armée
// malienne"), name one of its bodies: military ones are the armed forces.
var institutions = map[string]bool{
	"junta": false, "government": false, "authorities": false, "regime": false, "junte": false,
	"gouvernement": false, "autorites": false, "ministry": false, "ministere": false,
	"army": true, "military": true, "armed forces": true, "troops": true, "soldiers": true, "forces": true,
	"armee": true, "militaires": true, "soldats": true, "forces armees": true, "troupes": true,
}

// titles are positions that name a person with or without their name,
// and how a new actor made from them is called.
var titles = map[string]string{
	"president": "President", "prime minister": "Prime minister", "foreign minister": "Foreign minister",
	"foreign affairs minister": "Foreign minister", "minister of foreign affairs": "Foreign minister",
	"defence minister": "Defence minister", "defense minister": "Defence minister", "minister": "Minister",
	"army chief": "Army chief", "head of state": "Head of state", "leader": "Leader", "ambassador": "Ambassador",
	"envoy": "Envoy", "general": "General", "colonel": "Colonel", "captain": "Captain",
	"intelligence chief": "Intelligence chief", "spy chief": "Intelligence chief",
	"president de la transition": "President", "premier ministre": "Prime minister",
	"ministre des affaires etrangeres": "Foreign minister", "chef de la diplomatie": "Foreign minister",
	"ministre de la defense": "Defence minister", "ministre": "Minister", "chef de l'armee": "Army chief",
	"chef d'etat-major": "Army chief", "chef de l'etat": "Head of state", "ambassadeur": "Ambassador",
	"envoye special": "Envoy", "general de division": "General", "chef de la junte": "Junta leader",
}

// known indexes the known actors by the keys of their names and aliases.
type known struct {
	byKey   map[string]*data.Actor
	longest int
	states  map[string]*data.Actor // a country's state actor by alpha-3
	bodies  map[string]*data.Actor // a country's government or junta
	armies  map[string]*data.Actor // a country's armed forces
}

func newKnown(actors []*data.Actor) *known {
	k := &known{byKey: map[string]*data.Actor{}, longest: 1, states: map[string]*data.Actor{}, bodies: map[string]*data.Actor{}, armies: map[string]*data.Actor{}}
	for _, a := range actors {
		for _, n := range a.Names() {
			key := keyOf(n)
			if key == "" {
				continue
			}
			if _, dup := k.byKey[key]; !dup {
				k.byKey[key] = a
			}
			k.longest = max(k.longest, strings.Count(key, " ")+1)
		}
		switch {
		case a.Kind == data.ActorState && a.Country != "":
			k.states[a.Country] = a
		case a.Kind == data.ActorMilitary && a.Country != "" && k.armies[a.Country] == nil:
			k.armies[a.Country] = a
		case a.Kind == data.ActorGovernment && a.Country != "" && (strings.Contains(a.ID, "government") || strings.Contains(a.ID, "junta")):
			k.bodies[a.Country] = a
		}
	}
	return k
}

// keyOf writes a name as the tokens' keys joined by spaces, as the
// matcher reads the text: "U.S." is "u s", "Mali's" is "mali".
func keyOf(name string) string {
	toks := tokenize(name, 0, len(name), nil)
	var b strings.Builder
	for _, t := range toks {
		if !t.word() {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.key)
	}
	return b.String()
}

// state returns the state actor of a country: the known one, or a new one.
func (k *known) state(c *country) data.Actor {
	if a := k.states[c.code]; a != nil {
		return *a
	}
	return data.Actor{Name: c.name, Kind: data.ActorState, Country: c.code}
}

// institution returns a country's body named by word: the known one, or
// a new one ("Junta of Niger").
func (k *known) institution(c *country, word string) data.Actor {
	military := institutions[word]
	if military {
		if a := k.armies[c.code]; a != nil {
			return *a
		}
		return data.Actor{Name: "Armed forces of " + c.name, Kind: data.ActorMilitary, Country: c.code}
	}
	if a := k.bodies[c.code]; a != nil {
		return *a
	}
	name := map[string]string{"junta": "Junta", "junte": "Junta", "regime": "Government", "ministry": "Ministry", "ministere": "Ministry"}[word]
	if name == "" {
		name = "Government"
	}
	return data.Actor{Name: name + " of " + c.name, Kind: data.ActorGovernment, Country: c.code}
}
