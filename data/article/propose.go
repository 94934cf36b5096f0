package article

import (
	"fmt"

	"github.com/sahelatlas/sahelatlas/data"
)

// propose turns a sentence's triggers into proposals: one per kind, weak
// kinds giving way to others, each with the date nearest its trigger.
// A sentence with no date of its own takes the date (and the place, when
// it names none) of the sentence before in its paragraph, ctx, for kinds
// that are not weak ("Some staff were expelled under that pretext").
func (x *Extractor) propose(r, prev, ctx *reading, res *Result) []Proposal {
	sub := r.subordinate()
	all := r.triggers
	r.triggers = nil
	for _, t := range all { // a scene-setting clause without a date of its own tells no event
		dated := false
		for _, d := range r.dates {
			dated = dated || sameSpan(sub, t.at, d.span)
		}
		if !inside(sub, t.at) || dated {
			r.triggers = append(r.triggers, t)
		}
	}
	ts := r.kinds()
	if len(ts) == 0 {
		return nil
	}
	var out []Proposal
	for _, t := range ts {
		dates := r.dates
		inherited := false
		if len(dates) == 0 {
			if ctx == nil || len(ctx.dates) == 0 || weakKinds[t.t.kind] {
				continue
			}
			dates, inherited = ctx.dates[len(ctx.dates)-1:], true
		}
		inSub := inside(sub, t.at)
		var usable []when
		for _, d := range dates {
			if inherited || !inSub || sameSpan(sub, t.at, d.span) {
				usable = append(usable, d)
			}
		}
		if !inSub && !inherited { // a main clause's date before a scene-setting clause's
			var main []when
			for _, d := range usable {
				if !inside(sub, d.span) {
					main = append(main, d)
				}
			}
			if len(main) > 0 {
				usable = main
			}
		}
		if len(usable) == 0 {
			continue
		}
		p, ok := x.proposal(r, prev, ctx, res, t, usable, inherited)
		if ok {
			out = append(out, p)
		}
	}
	return out
}

// kinds returns one trigger per kind, weak ones only when there is no
// other; an expulsion of individuals (staff, nationals) rather than
// diplomats or forces is a deportation.
func (r *reading) kinds() []triggerMention {
	var strong, weak []triggerMention
	seen := map[data.Kind]bool{}
	for _, t := range r.triggers {
		if t.t.kind == data.KindExpulsion && r.persons && !r.diplomats {
			t.t.kind = data.KindDeportation
		}
		if seen[t.t.kind] {
			continue
		}
		seen[t.t.kind] = true
		if weakKinds[t.t.kind] {
			weak = append(weak, t)
		} else {
			strong = append(strong, t)
		}
	}
	if len(strong) > 0 {
		return strong
	}
	if len(weak) > 1 { // a statement about talks is the talks; a meeting at a press conference a meeting
		for _, k := range []data.Kind{data.KindTalks, data.KindMeeting, data.KindReport, data.KindAccusation, data.KindStatement} {
			for _, t := range weak {
				if t.t.kind == k {
					return []triggerMention{t}
				}
			}
		}
	}
	return weak
}

func distance(a, b [2]int) int {
	switch {
	case a[1] <= b[0]:
		return b[0] - a[1]
	case b[1] <= a[0]:
		return a[0] - b[1]
	}
	return 0
}

// proposal builds the proposal of one trigger.
func (x *Extractor) proposal(r, prev, ctx *reading, res *Result, t triggerMention, dates []when, inherited bool) (Proposal, bool) {
	var notes []string
	p := Proposal{Kind: t.t.kind, Status: Happened}
	for _, at := range r.planned {
		if at < t.at[0] && t.at[0]-at <= 40 {
			p.Status = Planned
		}
	}
	if futureTense(lastWord(t.key)) || r.futureBefore(t.at) {
		p.Status = Planned
	}
	if r.hasDenial {
		p.Status = Denied
	}
	// the date nearest the trigger
	best := -1
	for i, d := range dates {
		if best < 0 || distance(d.span, t.at) < distance(dates[best].span, t.at) {
			best = i
		}
	}
	d := dates[best]
	if inherited {
		notes = append(notes, "the sentence gives no date: that of the sentence before")
	}
	if p.Status == Planned && !inherited && d.relative != "" && d.start.Compare(res.Published) <= 0 && !res.Published.IsZero() {
		dt := &dater{published: res.Published, future: true, toks: r.s.toks}
		if w, ok := dt.at(d.at); ok {
			w.span = d.span
			d = w
		}
	}
	p.Start, p.End, p.Precision, p.Ongoing = d.start, d.end, d.prec, d.ongoing
	if d.noYear != nil {
		md := *d.noYear
		p.NoYear = &md
		notes = append(notes, "the text gives no year")
		if !res.Published.IsZero() {
			p.YearHint = res.Published.Year()
			after := md.Month > res.Published.Month() || md.Month == res.Published.Month() && md.Day > res.Published.Day()
			p.YearHintReason = fmt.Sprintf("the last %s before the publication date %s", md, res.Published)
			switch {
			case p.Status == Planned && !after: // a plan is for the next one
				p.YearHint++
				p.YearHintReason = fmt.Sprintf("the next %s after the publication date %s, for a plan", md, res.Published)
			case p.Status == Planned:
				p.YearHintReason = fmt.Sprintf("the next %s after the publication date %s, for a plan", md, res.Published)
			case after:
				p.YearHint--
			}
			notes = append(notes, fmt.Sprintf("the year is probably %d (%s)", p.YearHint, p.YearHintReason))
		}
	}
	if d.relative != "" {
		notes = append(notes, fmt.Sprintf("%q counted from the publication date %s", d.relative, res.Published))
	}
	if d.note != "" {
		notes = append(notes, "the text says "+d.note+" the month")
	}
	p.Marks = append(p.Marks, t.at, r.span(d))

	actors := r.actors
	var countryActors []actorMention
	for _, c := range r.countries {
		if c.locative || c.origin {
			continue
		}
		countryActors = append(countryActors, actorMention{at: c.at, actor: x.known.state(c.w.c), agent: c.agent})
	}
	for _, pl := range r.places { // a capital named as one side ("with Bamako") is its state
		if pl.side {
			for i := range countries {
				if countries[i].code == pl.place.Country {
					countryActors = append(countryActors, actorMention{at: pl.at, actor: x.known.state(&countries[i])})
				}
			}
		}
	}
	if len(res.Countries) > 0 {
		actors = append(actors[:len(actors):len(actors)], x.bodiesOf(r, res.Countries[0])...)
	}
	all := append(append([]actorMention(nil), actors...), countryActors...)
	sortMentions(all)
	if len(all) == 0 && prev != nil {
		for _, c := range prev.countries {
			all = append(all, actorMention{at: c.at, actor: x.known.state(c.w.c)})
		}
		all = append(all, prev.actors...)
		sortMentions(all)
		if len(all) > 0 {
			notes = append(notes, "the actors are those of the sentence before")
		}
		for i := range all {
			all[i].at = [2]int{-1, -1}
		}
	}
	if len(all) == 0 {
		return p, false
	}
	subject := all[0]
	for _, a := range all {
		if a.agent {
			subject = a
			break
		}
	}

	// the place: where the sentence puts it, else the subject's country
	place := nearestPlace(r.places, t.at, func(pl *placeMention) bool { return pl.locative && !pl.origin })
	named := place != nil
	if place == nil && inherited && ctx != nil {
		place = nearestPlace(ctx.places, t.at, func(pl *placeMention) bool { return pl.locative && !pl.origin })
		if place != nil {
			notes = append(notes, "the sentence names no place: that of the sentence before")
		}
	}
	if place == nil { // "attacked El Fasher", "visited Bamako": the place the verb takes
		place = nearestPlace(r.places, t.at, func(pl *placeMention) bool { return !pl.origin && pl.at[0] > t.at[1] && pl.at[0]-t.at[1] <= 1 })
		named = place != nil
	}
	mentioned := false
	if place == nil {
		place = nearestPlace(r.places, t.at, func(pl *placeMention) bool { return !pl.origin && !pl.side })
		mentioned = place != nil
	}
	switch {
	case place != nil:
		p.Place, p.PlacePrecision = *place.place, place.precision
		if mentioned {
			p.PlacePrecision = data.PlaceInferred
			notes = append(notes, "the sentence names "+place.place.Name+" without saying it happened there")
		}
		if place.note != "" {
			notes = append(notes, place.note)
		}
		if place.at[0] >= r.s.start {
			p.Marks = append(p.Marks, place.at)
		}
	default:
		code := subject.actor.Country
		why := "the country of " + subject.actor.Name
		if code == "" && len(res.Countries) > 0 {
			code, why = res.Countries[0], "the country the article names most"
		}
		c := x.capitals[code]
		if c == nil {
			return p, false
		}
		p.Place, p.PlacePrecision = *c, data.PlaceInferred
		notes = append(notes, "the sentence names no place: drawn at "+c.Name+", capital of "+why)
	}

	// the actors and their roles
	seen := map[string]bool{}
	for _, a := range all {
		if seen[a.actor.Name] {
			continue
		}
		seen[a.actor.Name] = true
		role := data.RoleParty
		if p.Kind == data.KindVisit || p.Kind == data.KindMeeting {
			role = data.RoleHost
			if a.actor.Country != "" && a.actor.Country != p.Place.Country {
				role = data.RoleVisitor
			}
		}
		p.Actors = append(p.Actors, data.Participant{Actor: a.actor, Role: role})
		if a.at[0] >= 0 {
			p.Marks = append(p.Marks, a.at)
		}
	}
	x.visitOf(r, &p, &notes, named)
	p.Countries = countriesOf(&p)
	p.Evidence = res.Text[r.s.start:r.s.end]
	p.EvidenceAt = [2]int{r.s.start, r.s.end}
	switch p.Status {
	case Planned:
		notes = append(notes, "planned, not yet happened")
	case Denied:
		notes = append(notes, "the article reports it denied")
	}
	p.Confidence = describe(notes)
	return p, true
}

// visitOf makes a meeting with a foreign person in a named place a visit,
// and gives a visit its origin: the place the text says the visitor came
// from, else the capital of the visitor's country.
func (x *Extractor) visitOf(r *reading, p *Proposal, notes *[]string, named bool) {
	var visitor *data.Participant
	hosts := 0
	for i := range p.Actors {
		a := &p.Actors[i]
		switch {
		case a.Role == data.RoleVisitor && visitor == nil:
			visitor = a
		case a.Role == data.RoleVisitor && visitor.Actor.Kind != data.ActorPerson && a.Actor.Kind == data.ActorPerson:
			visitor = a
		case a.Role == data.RoleHost:
			hosts++
		}
	}
	if p.Kind == data.KindMeeting {
		if !named || visitor == nil || visitor.Actor.Kind != data.ActorPerson || hosts == 0 {
			for i := range p.Actors {
				p.Actors[i].Role = data.RoleParty
			}
			return
		}
		p.Kind = data.KindVisit
		*notes = append(*notes, "a meeting in "+p.Place.Name+" with "+visitor.Actor.Name+", who came from abroad: a visit")
	}
	if p.Kind != data.KindVisit {
		return
	}
	for _, pl := range r.places {
		if pl.origin {
			o := *pl.place
			p.Origin = &o
			p.Marks = append(p.Marks, pl.at)
			return
		}
	}
	for _, c := range r.countries {
		if c.origin {
			if cp := x.capitals[c.w.c.code]; cp != nil {
				o := *cp
				p.Origin = &o
				p.Marks = append(p.Marks, c.at)
				return
			}
		}
	}
	if visitor != nil && visitor.Actor.Country != "" {
		if cp := x.capitals[visitor.Actor.Country]; cp != nil {
			o := *cp
			p.Origin = &o
			*notes = append(*notes, "the visitor's origin is the capital of their country")
		}
	}
}

// nearestPlace returns the place mention ok accepts nearest after the
// trigger at, else nearest before it.
func nearestPlace(ps []placeMention, at [2]int, ok func(*placeMention) bool) *placeMention {
	var after, before *placeMention
	for i := range ps {
		pl := &ps[i]
		if !ok(pl) {
			continue
		}
		if pl.at[0] >= at[0] {
			if after == nil || pl.at[0] < after.at[0] {
				after = pl
			}
		} else if before == nil || pl.at[0] > before.at[0] {
			before = pl
		}
	}
	if after != nil {
		return after
	}
	return before
}

// futureBefore reports whether one of the three words before the trigger
// at is a French verb in the future ("effectuera une visite").
func (r *reading) futureBefore(at [2]int) bool {
	n := 0
	for k := r.w.n() - 1; k >= 0 && n < 3; k-- {
		t := r.w.tok(k)
		if t.start >= at[0] {
			continue
		}
		n++
		if !t.upper && futureTense(t.key) {
			return true
		}
	}
	return false
}

// countriesOf lists the countries of the place, the origin and the actors.
func countriesOf(p *Proposal) []string {
	var out []string
	add := func(c string) {
		if len(c) == 3 && c != "XXX" {
			for _, o := range out {
				if o == c {
					return
				}
			}
			out = append(out, c)
		}
	}
	add(p.Place.Country)
	if p.Origin != nil {
		add(p.Origin.Country)
	}
	for _, a := range p.Actors {
		add(a.Actor.Country)
	}
	return out
}

func sortMentions(ms []actorMention) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].at[0] < ms[j-1].at[0]; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

func lastWord(key string) string {
	for i := len(key) - 1; i >= 0; i-- {
		if key[i] == ' ' {
			return key[i+1:]
		}
	}
	return key
}

// span returns the byte span of a date in the text.
func (r *reading) span(d when) [2]int { return d.span }

// subordinate returns the byte spans of the sentence's clauses that set
// the scene ("After the coup that overthrew..., ", "Following the talks,"):
// from after, following, après, before or avant at the start of the
// sentence or after a comma, to the next comma.
func (r *reading) subordinate() [][2]int {
	var out [][2]int
	toks := r.s.toks
	for i := range toks {
		if !toks[i].word() {
			continue
		}
		switch toks[i].key {
		case "after", "following", "apres", "before", "avant", "amid":
		default:
			continue
		}
		if i > 0 && toks[i-1].punct != ',' && !(i == 1 && !toks[0].word()) {
			continue
		}
		end := r.s.end
		for j := i + 1; j < len(toks); j++ {
			if toks[j].punct == ',' {
				end = toks[j].start
				break
			}
		}
		out = append(out, [2]int{toks[i].start, end})
	}
	return out
}

func inside(spans [][2]int, at [2]int) bool {
	for _, s := range spans {
		if at[0] >= s[0] && at[1] <= s[1] {
			return true
		}
	}
	return false
}

func sameSpan(spans [][2]int, a, b [2]int) bool {
	for _, s := range spans {
		if a[0] >= s[0] && a[1] <= s[1] {
			return b[0] >= s[0] && b[1] <= s[1]
		}
	}
	return false
}
