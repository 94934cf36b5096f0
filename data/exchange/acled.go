package exchange

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/sahelatlas/sahelatlas/data"
)

// acledRequired are the ACLED columns an import cannot do without.
var acledRequired = []string{"event_id_cnty", "event_date", "event_type", "actor1", "latitude", "longitude"}

// acledColumns are the columns read by name (current and older exports).
type acledColumns struct {
	id, date, timePrec, disorder, etype, subtype, actor1, assoc1, inter1, actor2, assoc2, inter2,
	iso, iso3, country, admin1, admin2, admin3, location, lat, lon, geoPrec, source, sourceScale,
	notes, fatalities, tags, timestamp int
}

// acledKinds maps ACLED event types and sub-event types (lower case) onto
// kinds; sub-event types are looked up first. See the package doc.
var acledKinds = map[string]data.Kind{
	"battles":                             data.KindAttack,
	"explosions/remote violence":          data.KindAttack,
	"violence against civilians":          data.KindAttack,
	"protests":                            data.KindProtest,
	"riots":                               data.KindProtest,
	"strategic developments":              data.KindReport,
	"government regains territory":        data.KindOperation,
	"abduction/forced disappearance":      data.KindArrest,
	"agreement":                           data.KindAgreement,
	"arrests":                             data.KindArrest,
	"headquarters or base established":    data.KindDeployment,
	"non-violent transfer of territory":   data.KindDeployment,
	"disrupted weapons use":               data.KindOperation,
	"looting/property destruction":        data.KindAttack,
	"change to group/activity":            data.KindReport,
	"other":                               data.KindReport,
	"non-state actor overtakes territory": data.KindAttack,
}

// ACLEDKind returns the kind for an ACLED event type and sub-event type.
func ACLEDKind(eventType, subEventType string) data.Kind {
	if k, ok := acledKinds[strings.ToLower(strings.TrimSpace(subEventType))]; ok {
		return k
	}
	if k, ok := acledKinds[strings.ToLower(strings.TrimSpace(eventType))]; ok {
		return k
	}
	return data.KindReport
}

// acledActorKind reads inter1/inter2, written as a code (1–8) or a name.
func acledActorKind(s string) data.ActorKind {
	switch s { // the usual spellings, without folding case
	case "1", "8", "State forces", "External/Other forces":
		return data.ActorMilitary
	case "2", "3", "4", "Rebel group", "Political militia", "Identity militia":
		return data.ActorArmedGroup
	case "", "5", "6", "7", "Rioters", "Protesters", "Civilians":
		return data.ActorPerson
	}
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "1", "8", "state forces", "external/other forces":
		return data.ActorMilitary
	case "2", "3", "4", "rebel group", "political militia", "identity militia", "rebel groups", "political militias", "identity militias":
		return data.ActorArmedGroup
	}
	return data.ActorPerson
}

func readACLED(in io.Reader, name string, opts Options, res *Result) error {
	rows, err := newCSVRows(in, name, res)
	if err != nil {
		return err
	}
	col := func(n string) int { return rows.index(n) }
	c := acledColumns{
		id: col("event_id_cnty"), date: col("event_date"), timePrec: col("time_precision"),
		disorder: col("disorder_type"), etype: col("event_type"), subtype: col("sub_event_type"),
		actor1: col("actor1"), assoc1: col("assoc_actor_1"), inter1: col("inter1"),
		actor2: col("actor2"), assoc2: col("assoc_actor_2"), inter2: col("inter2"),
		iso: col("iso"), iso3: col("iso3"), country: col("country"), admin1: col("admin1"), admin2: col("admin2"), admin3: col("admin3"),
		location: col("location"), lat: col("latitude"), lon: col("longitude"), geoPrec: col("geo_precision"),
		source: col("source"), sourceScale: col("source_scale"), notes: col("notes"), fatalities: col("fatalities"),
		tags: col("tags"), timestamp: col("timestamp"),
	}
	var missing []string
	for _, n := range acledRequired {
		if col(n) < 0 {
			missing = append(missing, n)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("exchange: %s is not an ACLED export: the header lacks the column(s) %s", name, strings.Join(missing, ", "))
	}
	b := newBuilder(name, opts.Countries)
	seen := map[string]int{}
	var chunks chunked
	rej := rejecter{res}
	width := len(rows.header)
	batches, readProblems := rows.readAhead()
	var ferr error
	for batch := range batches {
		if batch.err != nil {
			ferr = batch.err
		}
		for i, line := range batch.lines {
			rec := batch.fields[i*width : (i+1)*width]
			r, err := b.acledRow(rec, line, &c)
			if err != nil {
				rej.add(Problem{Line: line, Reason: err.Error()})
				continue
			}
			if first, dup := seen[r.Event.ID]; dup {
				prev := chunks.at(first)
				if r.Version <= prev.Version {
					continue // an older or equal copy in the same file
				}
				*prev = r
				continue
			}
			seen[r.Event.ID] = chunks.n
			chunks.add(r)
		}
	}
	if ferr != nil {
		return ferr
	}
	mergeProblems(res, readProblems)
	res.Records = chunks.join(res.Records)
	return nil
}

// chunked gathers records in fixed-size chunks, so that a large file is
// not copied over and over as one slice grows; join copies them once.
type chunked struct {
	chunks [][]data.Record
	n      int
}

const chunkSize = 4096

func (c *chunked) add(r data.Record) {
	if c.n%chunkSize == 0 {
		c.chunks = append(c.chunks, make([]data.Record, 0, chunkSize))
	}
	last := &c.chunks[len(c.chunks)-1]
	*last = append(*last, r)
	c.n++
}

func (c *chunked) at(i int) *data.Record { return &c.chunks[i/chunkSize][i%chunkSize] }

// join appends every record to dst.
func (c *chunked) join(dst []data.Record) []data.Record {
	if len(c.chunks) == 1 && dst == nil {
		return c.chunks[0]
	}
	dst = slices.Grow(dst, c.n)
	for _, ch := range c.chunks {
		dst = append(dst, ch...)
	}
	return dst
}

// acledRow maps one ACLED row onto a record.
func (b *builder) acledRow(rec []string, line int, c *acledColumns) (data.Record, error) {
	get := func(i int) string {
		if i < 0 {
			return ""
		}
		return strings.TrimSpace(rec[i])
	}
	r := data.Record{From: data.Provenance{File: b.file, Line: line}}
	e := &r.Event
	e.ID = get(c.id)
	if err := checkID(e.ID); err != nil {
		return r, fmt.Errorf("event_id_cnty: %v", err)
	}
	day, err := ParseDay(get(c.date))
	if err != nil {
		return r, fmt.Errorf("event_date: %v", err)
	}
	tp := 1
	if s := get(c.timePrec); s != "" {
		n, ok := atoi(s)
		if !ok || n < 1 || n > 3 {
			return r, fmt.Errorf("time_precision %q is not 1, 2 or 3", s)
		}
		tp = n
	}
	switch tp {
	case 1:
		e.Start, e.End, e.Precision = day, day, data.PrecisionDay
	case 2:
		e.Start, e.End, e.Precision = day.AddDays(-3), day.AddDays(3), data.PrecisionDay
		e.DateNote = "ACLED time_precision 2: within the week around " + day.String()
	case 3:
		e.Start = data.D(day.Year, day.Month, 1)
		e.End = data.D(day.Year, day.Month+1, 1).AddDays(-1)
		e.Precision = data.PrecisionMonth
		e.DateNote = "ACLED time_precision 3: the month of " + day.String()
	}
	lat, err := parseCoord(get(c.lat))
	if err != nil {
		return r, fmt.Errorf("latitude: %v", err)
	}
	lon, err := parseCoord(get(c.lon))
	if err != nil {
		return r, fmt.Errorf("longitude: %v", err)
	}
	if err := checkPoint(lon, lat); err != nil {
		return r, err
	}
	gp := 0
	if s := get(c.geoPrec); s != "" {
		n, ok := atoi(s)
		if !ok || n < 1 || n > 3 {
			return r, fmt.Errorf("geo_precision %q is not 1, 2 or 3", s)
		}
		gp = n
	}
	iso := get(c.iso)
	country, ok := b.numeric[iso]
	if !ok {
		country = countryOfNumeric(iso)
		b.numeric[iso] = country
	}
	if country == "" {
		country = countryNamed(get(c.iso3))
	}
	if country == "" {
		country = countryNamed(get(c.country))
	}
	if country == "" {
		country = b.countryAt(lon, lat)
	}
	loc := get(c.location)
	if loc == "" {
		loc = fmt.Sprintf("%.4f, %.4f", lat, lon)
	}
	r.Place = b.place(loc, lon, lat, country)
	e.Place = r.Place.ID
	e.Countries = b.countryList(country)

	etype, sub := get(c.etype), get(c.subtype)
	if etype == "" {
		return r, fmt.Errorf("event_type is empty")
	}
	kk := [2]string{etype, sub}
	k, ok := b.kinds[kk]
	if !ok {
		k = ACLEDKind(etype, sub)
		b.kinds[kk] = k
	}
	e.Kind = k
	a1 := get(c.actor1)
	if a1 == "" {
		return r, fmt.Errorf("actor1 is empty")
	}
	k1, k2 := acledActorKind(get(c.inter1)), acledActorKind(get(c.inter2))
	a2 := get(c.actor2)
	// Rows naming the same actors share one list (read-only).
	key := actorSetKey{a1, get(c.assoc1), a2, get(c.assoc2), k1, k2}
	if set, ok := b.actorSets[key]; ok {
		r.Actors, e.Actors = set.actors, set.ids
	} else {
		r.Actors, e.Actors = b.acledActors(key)
		if len(b.actorSets) < maxActorSets {
			b.actorSets[key] = actorSet{r.Actors, e.Actors}
		}
	}
	what := sub
	if what == "" {
		what = etype
	}
	if a2 != "" {
		e.Title = what + ": " + a1 + " vs " + a2 + ", " + loc
	} else {
		e.Title = what + ": " + a1 + ", " + loc
	}
	e.Summary = get(c.notes)
	switch gp { // so the map's reader knows how far to trust the point
	case 2:
		e.Confidence = "ACLED geo_precision 2: placed at a nearby town, or the district's centre"
	case 3:
		e.Confidence = "ACLED geo_precision 3: placed at the centre of a larger region"
	}
	e.Sources = b.provenanceRef(r.From)
	r.Sources = b.source
	if s := get(c.timestamp); s != "" {
		v, err := strconv.ParseInt(s, 10, 64)
		if err != nil || v < 0 {
			return r, fmt.Errorf("timestamp %q is not a count of seconds", s)
		}
		r.Version = v
	}
	r.Extra = make([]data.Field, 0, 12)
	r.Extra = appendField(r.Extra, "event_type", etype)
	r.Extra = appendField(r.Extra, "sub_event_type", sub)
	r.Extra = appendField(r.Extra, "disorder_type", get(c.disorder))
	r.Extra = appendField(r.Extra, "time_precision", strconv.Itoa(tp))
	if gp > 0 {
		r.Extra = appendField(r.Extra, "geo_precision", strconv.Itoa(gp))
	}
	if s := get(c.fatalities); s != "" {
		n, ok := atoi(s)
		if !ok {
			return r, fmt.Errorf("fatalities %q is not a whole number", s)
		}
		r.Extra = appendField(r.Extra, "fatalities", strconv.Itoa(n))
	}
	r.Extra = appendField(r.Extra, "admin1", get(c.admin1))
	r.Extra = appendField(r.Extra, "admin2", get(c.admin2))
	r.Extra = appendField(r.Extra, "admin3", get(c.admin3))
	r.Extra = appendField(r.Extra, "source", get(c.source))
	r.Extra = appendField(r.Extra, "source_scale", get(c.sourceScale))
	r.Extra = appendField(r.Extra, "tags", get(c.tags))
	return r, nil
}

// maxActorSets bounds the shared actor lists kept while reading a file.
const maxActorSets = 4096

// actorSetKey is the actors a row names, with their kinds.
type actorSetKey struct {
	a1, assoc1, a2, assoc2 string
	k1, k2                 data.ActorKind
}

type actorSet struct {
	actors []*data.Actor
	ids    []string
}

// acledActors returns the actors of a row: actor1, its associated actors,
// actor2 and its associated actors, each once.
func (b *builder) acledActors(k actorSetKey) ([]*data.Actor, []string) {
	n := 2 + strings.Count(k.assoc1, ";") + strings.Count(k.assoc2, ";") + 2
	actors := make([]*data.Actor, 0, n)
	ids := make([]string, 0, n)
	add := func(name string, kind data.ActorKind) {
		name = strings.TrimSpace(name)
		if name == "" {
			return
		}
		a := b.actor(name, kind, "")
		if slices.Contains(ids, a.ID) {
			return
		}
		actors = append(actors, a)
		ids = append(ids, a.ID)
	}
	add(k.a1, k.k1)
	for s := range strings.SplitSeq(k.assoc1, ";") {
		add(s, k.k1)
	}
	add(k.a2, k.k2)
	for s := range strings.SplitSeq(k.assoc2, ";") {
		add(s, k.k2)
	}
	return actors, ids
}
