package article

import (
	"fmt"
	"slices"
	"strings"

	"github.com/sahelatlas/sahelatlas/data"
)

// Options are what the analyst tells the extractor about an article.
type Options struct {
	// Published is the publication date; when zero it is read from a
	// dateline in the text, if any. Relative dates need it.
	Published data.Date
	// Lang is "en", "fr", or "" or "auto" to tell from the text.
	Lang string
}

// Result is what Extract found in an article.
type Result struct {
	Text      string    // the text the spans refer to
	Lang      string    // en or fr
	Published data.Date // the publication date used, zero when unknown
	// PublishedFrom says where Published came from: "given", the dateline
	// ("dateline: Report date: 01/10/2025"), or "" when unknown.
	PublishedFrom string
	Countries     []string // the article's countries, most mentioned first
	Proposals     []Proposal
}

// Extractor proposes events from articles with a gazetteer and the known
// actors. It is read-only once built and safe for concurrent use.
type Extractor struct {
	gaz        *data.Gazetteer
	known      *known
	countries  map[string]countryWord
	countryMax int
	capitals   map[string]*data.Place // by alpha-3
	triggers   map[string]trigger
	triggerMax int
	titles     map[string]string
	titleMax   int
	insts      map[string]bool
	instMax    int
	planned    map[string]bool
	plannedMax int
	orgs       map[string]string
	orgMax     int
	denied     map[string]bool
	deniedMax  int
}

// New returns an extractor that finds places in gaz and known actors
// among actors (the bundled dataset's, say).
func New(gaz *data.Gazetteer, actors []*data.Actor) *Extractor {
	x := &Extractor{gaz: gaz, known: newKnown(actors), capitals: map[string]*data.Place{}}
	x.countries, x.countryMax = countryIndex()
	x.triggers = triggerWords()
	for k := range x.triggers {
		x.triggerMax = max(x.triggerMax, strings.Count(k, " ")+1)
	}
	x.titles, x.titleMax = keyed(titles)
	x.insts, x.instMax = keyed(institutions)
	x.planned, x.plannedMax = keyed(plannedCues)
	x.orgs, x.orgMax = keyed(organisations)
	x.denied, x.deniedMax = keyed(deniedCues)
	for _, p := range gaz.Places() {
		if p.Feature != "PPLC" {
			continue
		}
		if c := x.capitals[p.Country]; c == nil || p.Population > c.Population {
			x.capitals[p.Country] = p
		}
	}
	return x
}

// Extract proposes the events of an article's text (plain text: see Text
// for HTML and Markdown). Only sentences that tell a kind of event and
// give a date make a proposal.
func (x *Extractor) Extract(text string, opts Options) *Result {
	res := &Result{Text: text, Lang: opts.Lang}
	ss := sentences(text)
	if res.Lang == "" || res.Lang == "auto" {
		res.Lang = language(ss)
	}
	res.Published, res.PublishedFrom = opts.Published, ""
	if !opts.Published.IsZero() {
		res.PublishedFrom = "given"
	} else if d, line := dateline(text, ss); !d.IsZero() {
		res.Published, res.PublishedFrom = d, "dateline: "+line
	}
	reads := make([]*reading, len(ss))
	counts, first := map[string]int{}, map[string]int{}
	count := func(c string) {
		if _, seen := first[c]; !seen {
			first[c] = len(first)
		}
		counts[c]++
	}
	for i := range ss {
		reads[i] = x.read(text, &ss[i])
		for _, c := range reads[i].countries {
			count(c.w.c.code)
		}
	actors:
		for _, a := range reads[i].actors { // known persons and bodies named without a country word
			if a.actor.Country == "" || a.actor.ID == "" {
				continue // a new actor's country is that of a country word
			}
			for _, c := range reads[i].countries {
				if c.at[0] < a.at[1] && a.at[0] < c.at[1] {
					continue actors // "French ambassador": counted as French
				}
			}
			count(a.actor.Country)
		}
	}
	res.Countries = ranked(counts, first)
	dt := &dater{published: res.Published}
	var prev, ctx *reading
	for i := range ss {
		r := reads[i]
		x.placesOf(r, res.Countries)
		dt.toks = r.s.toks
		r.dates = dt.all()
		if i > 0 && lineBreakBetween(text, ss[i-1].end, ss[i].start) {
			ctx = nil // a new paragraph
		}
		if len(r.triggers) > 0 {
			res.Proposals = append(res.Proposals, x.propose(r, prev, ctx, res)...)
		}
		if len(r.actors) > 0 || len(r.countries) > 0 {
			prev = r
		}
		if len(r.dates) > 0 {
			ctx = r
		}
	}
	res.Proposals = merged(res.Proposals)
	return res
}

// ranked returns the countries by count, most first, then in the order
// the article first names them.
func ranked(counts, first map[string]int) []string {
	out := make([]string, 0, len(counts))
	for c := range counts {
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b string) int {
		if counts[a] != counts[b] {
			return counts[b] - counts[a]
		}
		return first[a] - first[b]
	})
	return out
}

// language tells English from French by their commonest words.
func language(ss []sentence) string {
	en, fr := 0, 0
	for _, s := range ss {
		for _, t := range s.toks {
			switch t.key {
			case "the", "of", "and", "to", "in", "was", "with", "is", "on", "has":
				en++
			case "le", "la", "les", "des", "du", "et", "est", "dans", "une", "avec", "au", "sur", "pour":
				fr++
			}
			if t.elided != "" {
				fr++
			}
		}
	}
	if fr > en {
		return "fr"
	}
	return "en"
}

// dateline returns the publication date found near the start of the
// text: a full date on a short line, after "published", "report date" or
// "publié le", or after an uppercase place at the start of a line
// ("BAMAKO, 16 avril 2024 (AFP)").
func dateline(text string, ss []sentence) (data.Date, string) {
	for _, s := range ss {
		if s.start > 800 {
			break
		}
		d := &dater{toks: s.toks}
		for _, w := range d.all() {
			if w.prec != data.PrecisionDay || w.start.IsZero() || w.start != w.end || w.relative != "" {
				continue
			}
			line := text[s.start:s.end]
			words := 0
			cue := false
			for _, t := range s.toks[:w.at] {
				if t.word() {
					words++
					switch t.key {
					case "published", "publie", "report", "updated", "date", "posted", "mis", "dated":
						cue = true
					}
				}
			}
			upperStart := len(s.toks) > 1 && s.toks[0].word() && strings.ToUpper(text[s.toks[0].start:s.toks[0].end]) == text[s.toks[0].start:s.toks[0].end] && s.toks[0].num < 0 && s.toks[1].punct == ','
			if cue || upperStart || words <= 2 && len(s.toks)-w.to <= 3 {
				if len(line) > 80 {
					line = line[:80]
				}
				return w.start, line
			}
		}
	}
	return data.Date{}, ""
}

// merged drops a proposal that repeats an earlier one (same kind, date
// and place), adding its actors to the first.
func merged(ps []Proposal) []Proposal {
	out := ps[:0]
next:
	for _, p := range ps {
		for i := range out {
			q := &out[i]
			if q.Kind == p.Kind && q.DateString() == p.DateString() && q.Place.Name == p.Place.Name && q.Status == p.Status {
				for _, a := range p.Actors {
					if !hasActor(q.Actors, a.Actor.Name) {
						q.Actors = append(q.Actors, a)
					}
				}
				continue next
			}
		}
		out = append(out, p)
	}
	return out
}

func hasActor(ps []data.Participant, name string) bool {
	for _, p := range ps {
		if p.Actor.Name == name {
			return true
		}
	}
	return false
}

// describe lists a proposal's guesses for its Confidence.
func describe(notes []string) string {
	if len(notes) == 0 {
		return "Proposed from the article."
	}
	return "Proposed from the article: " + strings.Join(notes, "; ") + "."
}

var _ = fmt.Sprint
