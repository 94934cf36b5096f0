package article

import (
	"strings"

	"github.com/sahelatlas/sahelatlas/data"
)

// organisations are the international bodies articles on the Sahel name,
// by their names and acronyms in English and French, when the known
// actors do not hold them.
var organisations = map[string]string{
	"ecowas": "ECOWAS", "cedeao": "ECOWAS", "economic community of west african states": "ECOWAS",
	"communaute economique des etats de l afrique de l ouest": "ECOWAS",
	"african union": "African Union", "union africaine": "African Union", "au": "African Union", "ua": "African Union",
	"united nations": "United Nations", "un": "United Nations", "onu": "United Nations", "nations unies": "United Nations",
	"minusma": "MINUSMA", "european union": "European Union", "eu": "European Union", "union europeenne": "European Union",
	"ue": "European Union", "nato": "NATO", "otan": "NATO", "g5 sahel": "G5 Sahel", "igad": "IGAD",
	"security council": "UN Security Council", "conseil de securite": "UN Security Council",
}

// organisation returns the actor an organisation's key names: a known
// actor of that name or alias, else a new international organisation.
func (k *known) organisation(name string) data.Actor {
	if a := k.byKey[keyOf(name)]; a != nil {
		return *a
	}
	return data.Actor{Name: name, Kind: data.ActorOrganisation}
}

// organisationsOf adds the international organisations a sentence names;
// acronyms count only in capitals ("UN", not "un").
func (x *Extractor) organisationsOf(r *reading, taken []bool) {
	w := &r.w
	var b strings.Builder
	for k := 0; k < w.n(); k++ {
		if taken[k] {
			continue
		}
		p, ok := w.longestAt(k, x.orgMax, &b, func(key string, p phrase) bool {
			_, found := x.orgs[key]
			return found && capitalised(w, p, !strings.Contains(key, " "))
		})
		if !ok {
			continue
		}
		name := x.orgs[w.gram(p.w0, p.w1-p.w0, &b)]
		r.actors = append(r.actors, actorMention{at: w.span(p), actor: x.known.organisation(name), agent: agentBefore(w, p.w0)})
		for j := p.w0; j < p.w1; j++ {
			taken[j] = true
		}
		k = p.w1 - 1
	}
}

// bareBodies are the bodies a sentence names without their country ("the
// junta", "la junte"): they are the article's main country's.
func (x *Extractor) bareBodiesOf(r *reading, taken []bool) {
	w := &r.w
	var b strings.Builder
	for k := 1; k < w.n(); k++ {
		switch w.key(k - 1) {
		case "the", "la", "le", "les":
		default:
			continue
		}
		if taken[k] {
			continue
		}
		p, ok := w.longestAt(k, x.instMax, &b, func(key string, _ phrase) bool {
			return key == "junta" || key == "junte" || key == "military junta" || key == "government" || key == "gouvernement" || key == "authorities" || key == "autorites"
		})
		if !ok || p.w1 < w.n() && taken[p.w1] {
			continue // "the junta of Niger": the country's, read already
		}
		r.bare = append(r.bare, bareBody{at: w.span(p), word: lastWord(w.gram(p.w0, p.w1-p.w0, &b)), agent: agentBefore(w, p.w0)})
		k = p.w1 - 1
	}
}

// bareBody is a body named without its country.
type bareBody struct {
	at    [2]int
	word  string
	agent bool
}

// bodiesOf returns the actors of the bare bodies of a sentence, as the
// article's main country's.
func (x *Extractor) bodiesOf(r *reading, main string) []actorMention {
	var out []actorMention
	for i := range countries {
		if countries[i].code != main {
			continue
		}
		for _, bb := range r.bare {
			out = append(out, actorMention{at: bb.at, actor: x.known.institution(&countries[i], bb.word), agent: bb.agent})
		}
	}
	return out
}
