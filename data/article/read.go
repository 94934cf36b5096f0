package article

import (
	"strings"

	"github.com/sahelatlas/sahelatlas/data"
)

// reading is what one sentence mentions.
type reading struct {
	s         *sentence
	w         words
	actors    []actorMention
	countries []countryMention
	names     []phrase // capitalised runs that may be places, resolved by placesOf
	places    []placeMention
	triggers  []triggerMention
	dates     []when
	planned   []int // byte offsets of the cues of a plan
	denied    [2]int
	hasDenial bool
	persons   bool       // the sentence speaks of individuals (staff, nationals)
	diplomats bool       // or of diplomats or forces
	bare      []bareBody // "the junta": the article's main country's
}

type actorMention struct {
	at    [2]int
	actor data.Actor
	agent bool // after "by" or "par": the one who acts in a passive sentence
}

type countryMention struct {
	at        [2]int
	w         countryWord
	agent     bool
	locative  bool
	precision data.PlacePrecision
	origin    bool
}

type placeMention struct {
	at        [2]int
	place     *data.Place
	precision data.PlacePrecision
	locative  bool
	origin    bool
	side      bool // a capital named as one side ("with Bamako", "backed by Washington"): its state
	note      string
}

type triggerMention struct {
	at  [2]int
	t   trigger
	key string
}

// locatives are the words before a place that put an event there, and the
// precision they give.
var locatives = map[string]data.PlacePrecision{
	"in": data.PlaceTown, "at": data.PlaceTown, "to": data.PlaceTown, "a": data.PlaceTown, "au": data.PlaceTown,
	"aux": data.PlaceTown, "en": data.PlaceTown, "dans": data.PlaceTown, "into": data.PlaceTown, "inside": data.PlaceTown,
	"near": data.PlaceRegion, "around": data.PlaceRegion, "outside": data.PlaceRegion, "pres": data.PlaceRegion,
	"autour": data.PlaceRegion, "vers": data.PlaceRegion, "toward": data.PlaceRegion, "towards": data.PlaceRegion,
	"visited": data.PlaceTown, "visit": data.PlaceTown, "visite": data.PlaceTown, "visiting": data.PlaceTown,
}

// fillers may stand between a locative and its place ("in downtown
// Bamako", "in northern Mali", "dans le nord du Mali").
var fillers = map[string]bool{
	"the": true, "downtown": true, "northern": true, "southern": true, "eastern": true, "western": true,
	"central": true, "le": true, "la": true, "les": true, "nord": true, "sud": true, "est": false,
	"ouest": true, "centre": true, "du": true, "de": true, "city": true, "ville": true, "capital": true,
	"north": true, "south": true, "east": true, "west": true, "of": true, "region": true,
}

// origins are the words before a place a visitor came from.
var origins = map[string]bool{"from": true, "de": true, "depuis": true, "d": true}

// sides are the words before a capital that make it one side of a
// relation rather than a place ("with Bamako", "backed by Washington").
var sides = map[string]bool{"with": true, "by": true, "avec": true, "par": true, "and": true, "et": true, "between": true, "entre": true, "against": true, "contre": true}

// capitalWords name a capital after or before a country ("the Malian
// capital", "la capitale malienne").
var capitalWords = map[string]bool{"capital": true, "capitale": true}

// read finds what a sentence mentions, except places, which need the
// article's countries.
func (x *Extractor) read(text string, s *sentence) *reading {
	r := &reading{s: s, w: wordsOf(s.toks)}
	r.w.text = text
	w := &r.w
	var b strings.Builder
	taken := make([]bool, w.n()) // words that name an actor or a country
	for k := 0; k < w.n(); k++ {
		if p, ok := w.longestAt(k, x.triggerMax, &b, func(key string, _ phrase) bool { _, ok := x.triggers[key]; return ok }); ok {
			key := w.gram(p.w0, p.w1-p.w0, &b)
			r.triggers = append(r.triggers, triggerMention{at: w.span(p), t: x.triggers[key], key: key})
		}
		if p, ok := w.longestAt(k, x.plannedMax, &b, func(key string, _ phrase) bool { return x.planned[key] }); ok {
			r.planned = append(r.planned, w.span(p)[0])
		}
		if p, ok := w.longestAt(k, x.deniedMax, &b, func(key string, _ phrase) bool { return x.denied[key] }); ok && !r.hasDenial {
			r.denied, r.hasDenial = w.span(p), true
		}
		switch w.key(k) {
		case "staff", "nationals", "national", "journalists", "journalist", "workers", "citizens", "individuals", "ressortissants", "ressortissant", "journalistes", "employes", "ngos", "ong":
			r.persons = true
		case "diplomats", "diplomat", "diplomates", "diplomate", "forces", "troops", "ambassador", "ambassadeur", "troupes", "soldiers", "soldats":
			r.diplomats = true
		}
	}
	for k := 0; k < w.n(); k++ { // places of several words first: Port Sudan is not Sudan
		if taken[k] || !w.tok(k).upper {
			continue
		}
		if p, ok := w.longestAt(k, 4, &b, func(key string, p phrase) bool {
			if p.w1-p.w0 < 2 || !capitalised(w, phrase{p.w1 - 1, p.w1}, false) {
				return false
			}
			for j := p.w0; j < p.w1; j++ {
				if taken[j] {
					return false
				}
			}
			_, isCountry := x.countries[key]
			return !isCountry && x.placeFor(key, nil) != nil
		}); ok {
			r.names = append(r.names, p)
			for j := p.w0; j < p.w1; j++ {
				taken[j] = true
			}
			k = p.w1 - 1
		}
	}
	for k := 0; k < w.n(); {
		if p, ok := w.longestAt(k, x.known.longest, &b, func(key string, p phrase) bool {
			return x.known.byKey[key] != nil && capitalised(w, p, len(key) <= 4 && !strings.Contains(key, " ")) && !x.isCapital(key)
		}); ok {
			a := x.known.byKey[w.gram(p.w0, p.w1-p.w0, &b)]
			r.actors = append(r.actors, actorMention{at: w.span(p), actor: *a, agent: agentBefore(w, p.w0)})
			for j := p.w0; j < p.w1; j++ {
				taken[j] = true
			}
			k = p.w1
			continue
		}
		k++
	}
	for k := 0; k < w.n(); {
		p, ok := w.longestAt(k, x.countryMax, &b, func(key string, p phrase) bool {
			cw, found := x.countries[key]
			if !found {
				return false
			}
			return cw.adj || capitalised(w, p, len(key) <= 3)
		})
		if !ok {
			k++
			continue
		}
		cw := x.countries[w.gram(p.w0, p.w1-p.w0, &b)]
		cm := countryMention{at: w.span(p), w: cw, agent: agentBefore(w, p.w0)}
		if !cw.adj {
			cm.precision, cm.locative = locativeBefore(w, p.w0)
			cm.origin = origins[w.key(p.w0-1)] || w.tok(p.w0).elided == "d"
		}
		r.countries = append(r.countries, cm)
		x.bodyOf(r, p, cw, taken)
		x.capitalOf(r, p, cw)
		for j := p.w0; j < p.w1; j++ {
			taken[j] = true
		}
		k = p.w1
	}
	x.titled(r, taken)
	x.organisationsOf(r, taken)
	x.bareBodiesOf(r, taken)
	for k := 0; k < w.n(); {
		if taken[k] || !w.tok(k).upper || w.tok(k).num >= 0 {
			k++
			continue
		}
		j := k + 1
		for j < w.n() && j-k < 4 && w.join[j-1] && !taken[j] && (w.tok(j).upper || w.key(j) == "al" || w.key(j) == "el") {
			j++
		}
		r.names = append(r.names, phrase{k, j})
		k = j
	}
	return r
}

// capitalised reports whether a phrase starts with a capital letter, or,
// for an acronym (allCaps), has two capitals or more a word (US, FAMa,
// not "Un").
func capitalised(w *words, p phrase, allCaps bool) bool {
	if !w.tok(p.w0).upper {
		return false
	}
	if !allCaps {
		return true
	}
	for j := p.w0; j < p.w1; j++ {
		if !w.tok(j).acronym {
			return false
		}
	}
	return true
}

// agentBefore reports whether the phrase at word k follows "by" or "par"
// (with "the", "la", "le" between).
func agentBefore(w *words, k int) bool {
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		switch w.key(j) {
		case "by", "par":
			return true
		case "the", "le", "la", "les", "l":
			continue
		}
		return false
	}
	return false
}

// locativeBefore reports whether the phrase at word k is where something
// happens ("in Bamako", "in northern Mali", "près de Gao"), and how
// precisely.
func locativeBefore(w *words, k int) (data.PlacePrecision, bool) {
	if t := w.tok(k); t.elided == "l" { // à l'Élysée
		if p, ok := locatives[w.key(k-1)]; ok {
			return p, true
		}
	}
	for j, skipped := k-1, 0; j >= 0 && skipped <= 3; j-- {
		key := w.key(j)
		if p, ok := locatives[key]; ok {
			if key == "de" || key == "du" {
				continue
			}
			return p, true
		}
		if !fillers[key] {
			return 0, false
		}
		skipped++
	}
	return 0, false
}

// bodyOf adds the institution a country word names with the next or
// previous words ("Mali's junta", "Malian junta", "l'armée malienne").
func (x *Extractor) bodyOf(r *reading, p phrase, cw countryWord, taken []bool) {
	w := &r.w
	var b strings.Builder
	at := -1
	var q phrase
	if p.w1 < w.n() {
		if qq, ok := w.longestAt(p.w1, x.instMax, &b, func(key string, _ phrase) bool { _, ok := x.insts[key]; return ok }); ok {
			q, at = qq, p.w1
		}
	}
	if at < 0 && cw.adj {
		for n := 1; n <= x.instMax && p.w0-n >= 0; n++ {
			if _, ok := x.insts[w.gram(p.w0-n, n, &b)]; ok {
				q, at = phrase{p.w0 - n, p.w0}, p.w0-n
			}
		}
	}
	if at < 0 || taken[q.w0] {
		return
	}
	word := w.gram(q.w0, q.w1-q.w0, &b)
	a := x.known.institution(cw.c, word)
	span := w.span(phrase{min(p.w0, q.w0), max(p.w1, q.w1)})
	r.actors = append(r.actors, actorMention{at: span, actor: a, agent: agentBefore(w, min(p.w0, q.w0))})
}

// capitalOf adds the place a country word names with "capital" ("the
// Malian capital", "Mali's capital", "la capitale malienne").
func (x *Extractor) capitalOf(r *reading, p phrase, cw countryWord) {
	w := &r.w
	c := x.capitals[cw.c.code]
	if c == nil {
		return
	}
	var q phrase
	switch {
	case capitalWords[w.key(p.w1)]:
		q = phrase{p.w0, p.w1 + 1}
	case capitalWords[w.key(p.w0-1)]:
		q = phrase{p.w0 - 1, p.w1}
	case capitalWords[w.key(p.w0-2)] && (w.key(p.w0-1) == "of" || w.key(p.w0-1) == "du" || w.key(p.w0-1) == "de"):
		q = phrase{p.w0 - 2, p.w1}
	default:
		return
	}
	prec, loc := locativeBefore(w, q.w0)
	r.places = append(r.places, placeMention{at: w.span(q), place: c, precision: prec, locative: loc,
		origin: origins[w.key(q.w0-1)], note: c.Name + ", the capital the article names"})
	if !loc {
		r.places[len(r.places)-1].precision = data.PlaceTown
	}
}

// titled adds the persons a title names: a known actor after it, a name
// in capitals after it ("Foreign Minister Jean Dupont"), or, with a
// country, the office itself ("Sudan's army chief", "le chef de la
// diplomatie malienne").
func (x *Extractor) titled(r *reading, taken []bool) {
	w := &r.w
	var b strings.Builder
	for k := 0; k < w.n(); k++ {
		p, ok := w.longestAt(k, x.titleMax, &b, func(key string, _ phrase) bool { _, ok := x.titles[key]; return ok })
		if !ok {
			continue
		}
		title := x.titles[w.gram(p.w0, p.w1-p.w0, &b)]
		k = p.w1 - 1
		if p.w1 < w.n() && taken[p.w1] && !x.countries[w.key(p.w1)].adj {
			continue // a known actor or a country's name follows
		}
		j := p.w1 // a name: capitalised words, with al-, ben, ould... between ("Abdel Fattah al-Sisi")
		for j < w.n() && j-p.w1 < 5 && w.tok(j).num < 0 && !taken[j] && months[w.key(j)] == 0 && (j == p.w1 || w.join[j-1]) &&
			(w.tok(j).upper || nameLinks[w.key(j)] && j+1 < w.n() && w.tok(j+1).upper && j > p.w1) {
			j++
		}
		for j > p.w1 && !w.tok(j-1).upper {
			j--
		}
		if j-p.w1 == 1 && notNames[w.key(p.w1)] {
			j = p.w1
		}
		cc := x.countryNear(r, p)
		if j > p.w1 {
			a := data.Actor{Name: text(w, phrase{p.w1, j}), Kind: data.ActorPerson}
			if cc != nil {
				a.Country = cc.code
			}
			r.actors = append(r.actors, actorMention{at: w.span(phrase{p.w0, j}), actor: a, agent: agentBefore(w, p.w0)})
			for t := p.w1; t < j; t++ {
				taken[t] = true
			}
			k = j - 1
			continue
		}
		named := false // "le chef de la diplomatie malienne, Abdoulaye Diop": the person, not the office
		for _, a := range r.actors {
			named = named || cc != nil && a.actor.Kind == data.ActorPerson && a.actor.Country == cc.code
		}
		if cc != nil && !named && title != "General" && title != "Colonel" && title != "Captain" && title != "Leader" {
			a := data.Actor{Name: title + " of " + cc.name, Kind: data.ActorPerson, Country: cc.code}
			r.actors = append(r.actors, actorMention{at: w.span(p), actor: a, agent: agentBefore(w, p.w0)})
		}
	}
}

// nameLinks join the parts of a name: al-Sisi, ould Ghazouani, ag Ghaly.
var nameLinks = map[string]bool{"al": true, "el": true, "ben": true, "bin": true, "ould": true, "ag": true, "ibn": true, "abu": true}

// notNames are capitalised words after a title that are not a person's
// name ("General Assembly", "Minister Council").
var notNames = map[string]bool{
	"assembly": true, "council": true, "staff": true, "secretary": true, "directorate": true, "command": true,
	"office": true, "house": true, "palace": true, "conseil": true, "assemblee": true, "etat": true, "state": true,
}

// countryNear returns the country of a title: a country word just before
// it ("Malian President", "Mali's foreign minister") or just after it
// ("le président malien", "chef de la diplomatie malienne").
func (x *Extractor) countryNear(r *reading, p phrase) *country {
	lo, hi := r.w.span(p)[0], r.w.span(p)[1]
	for _, c := range r.countries {
		if c.at[1] <= lo && lo-c.at[1] <= 4 || c.at[0] >= hi && c.at[0]-hi <= 5 { // "ministre ... du Niger"
			return c.w.c
		}
	}
	return nil
}

func text(w *words, p phrase) string {
	sp := w.span(p)
	return w.text[sp[0]:sp[1]]
}

// placesOf resolves the capitalised runs of a sentence to places in the
// gazetteer, choosing among homonyms those of the article's countries.
func (x *Extractor) placesOf(r *reading, articleCountries []string) {
	w := &r.w
	var b strings.Builder
	top := articleCountries[:min(4, len(articleCountries))]
	for _, n := range r.names {
		for k := n.w0; k < n.w1; {
			p, ok := w.longestAt(k, n.w1-k, &b, func(key string, _ phrase) bool { return x.placeFor(key, top) != nil })
			if !ok {
				k++
				continue
			}
			pl := x.placeFor(w.gram(p.w0, p.w1-p.w0, &b), top)
			prec, loc := locativeBefore(w, p.w0)
			if !loc {
				prec = data.PlaceTown
			}
			r.places = append(r.places, placeMention{at: w.span(p), place: pl, precision: prec, locative: loc,
				origin: origins[w.key(p.w0-1)] || w.tok(p.w0).elided == "d",
				side:   !loc && pl.Feature == "PPLC" && sides[w.key(p.w0-1)]})
			k = p.w1
		}
	}
	for _, c := range r.countries {
		if c.w.adj || !c.locative {
			continue
		}
		if cp := x.capitals[c.w.c.code]; cp != nil {
			r.places = append(r.places, placeMention{at: c.at, place: cp, precision: data.PlaceCountry, locative: true,
				note: "the article names only the country (" + c.w.c.name + "): drawn at its capital"})
		}
	}
}

// isCapital reports whether a name is that of a national capital, which
// the place pass reads (as a place, or as its state when it is one side:
// "backed by Washington") rather than the actors' aliases.
func (x *Extractor) isCapital(key string) bool {
	for _, p := range x.gaz.Lookup(key) {
		if p.Feature == "PPLC" {
			return true
		}
	}
	return false
}

// placeStop are capitalised words that are not places however the
// gazetteer names its villages.
var placeStop = map[string]bool{
	"the": true, "on": true, "in": true, "at": true, "after": true, "this": true, "le": true, "la": true,
	"president": true, "general": true, "colonel": true, "minister": true, "ministre": true, "army": true,
	"security": true, "council": true, "mission": true, "union": true, "africa": true, "afrique": true,
	"sahel": true, "west": true, "state": true, "states": true, "national": true, "ambassador": true,
	"embassy": true, "house": true, "white": true, "operation": true, "group": true, "corps": true,
}

// placeFor returns the place a name stands for, or nil: a place of the
// dataset, else a GeoNames place that is a capital, a seat, a town of
// 5,000 people or more, or in one of the article's countries.
func (x *Extractor) placeFor(key string, top []string) *data.Place {
	if placeStop[key] || months[key] != 0 {
		return nil
	}
	if _, isWeekday := weekdays[key]; isWeekday {
		return nil
	}
	ps := x.gaz.Lookup(key)
	if len(ps) == 0 {
		return nil
	}
	ok := func(p *data.Place) bool {
		return !strings.HasPrefix(p.ID, "geonames:") || p.Feature == "PPLC" || p.Feature == "PPLA" || p.Population >= 5000 || strings.Contains(key, " ")
	}
	for _, p := range ps {
		for _, c := range top {
			if p.Country == c && (ok(p) || p.Population >= 1000) {
				return p
			}
		}
	}
	for _, p := range ps {
		if ok(p) {
			return p
		}
	}
	return nil
}
