package exchange

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/sahelatlas/sahelatlas/data"
)

// acledRequired are the ACLED columns an import cannot do without.
var acledRequired = []string{"event_id_cnty", "event_date", "event_type", "actor1", "latitude", "longitude"}

// acledColumns are the columns read by name, in every vintage: the current
// 31 columns; the older exports with data_id, a numeric iso,
// event_id_no_cnty and iso3 but no disorder_type, civilian_targeting or
// tags; and those before 2019 with ally_actor_1 and ally_actor_2 for the
// associated actors, gwno for the country and no sub_event_type. Header
// case does not matter (EVENT_DATE is event_date).
type acledColumns struct {
	id, dataID, date, year, timePrec, disorder, etype, subtype, actor1, assoc1, inter1, actor2, assoc2, inter2,
	civilian, iso, iso3, country, admin1, admin2, admin3, location, lat, lon, geoPrec, source, sourceScale,
	notes, fatalities, tags, timestamp int
}

// acledColumnsOf finds the ACLED columns of a table, or says which of the
// required ones it lacks.
func acledColumnsOf(t *rows, name string) (acledColumns, error) {
	col := func(names ...string) int {
		for _, n := range names {
			if i := t.index(n); i >= 0 {
				return i
			}
		}
		return -1
	}
	c := acledColumns{
		id: col("event_id_cnty"), dataID: col("data_id"), date: col("event_date"), year: col("year"), timePrec: col("time_precision"),
		disorder: col("disorder_type"), etype: col("event_type"), subtype: col("sub_event_type"),
		actor1: col("actor1"), assoc1: col("assoc_actor_1", "ally_actor_1"), inter1: col("inter1"),
		actor2: col("actor2"), assoc2: col("assoc_actor_2", "ally_actor_2"), inter2: col("inter2"),
		civilian: col("civilian_targeting"), iso: col("iso"), iso3: col("iso3"), country: col("country"),
		admin1: col("admin1"), admin2: col("admin2"), admin3: col("admin3"),
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
		return c, fmt.Errorf("exchange: %s is not an ACLED export: the header lacks the column(s) %s", name, strings.Join(missing, ", "))
	}
	return c, nil
}

// acledPending is a row whose numeric event_date (16/05/2025 or
// 5/16/2025) waits for the file's order of day and month; its record holds
// the date in the order that fits meanwhile.
type acledPending struct {
	slot    int // the record's place in the chunks
	at      int // its line or record, to tell a later copy of the event
	reading dateReading
	raw     string
	tp      int
	day     data.Date // the day the record holds meanwhile
}

// readACLED reads an ACLED table (a CSV export, a sheet, API records) into
// res. Rows are mapped while the next ones are read; the order of day and
// month of numeric dates is settled over the whole file at the end, and
// the rows it changes are set then (acledPending). c are t's columns, as
// acledColumnsOf found them.
func readACLED(t *rows, c acledColumns, name string, opts Options, res *Result) error {
	if opts.Stream != nil {
		return readACLEDStream(t, c, name, opts, res)
	}
	dates, err := newFileDates(opts.DateFormat)
	if err != nil {
		return fmt.Errorf("exchange: %s: %v", name, err)
	}
	dates.acled = true
	b := newBuilder(name, opts.Countries)
	b.dates = dates
	seen := map[string]int{}
	var chunks chunked
	var pending []acledPending
	rej := rejecter{res}
	width := len(t.header)
	batches, readProblems := t.readAhead()
	var ferr error
	for batch := range batches {
		if batch.err != nil {
			ferr = batch.err
		}
		for i, at := range batch.lines {
			rec := batch.fields[i*width : (i+1)*width]
			from := data.Provenance{File: b.file, Line: at}
			if t.records {
				from = data.Provenance{File: b.file, Feature: at}
			}
			r, pend, wait, err := b.acledRow(rec, from, &c)
			if err != nil {
				rej.add(t.problem(at, err))
				continue
			}
			slot, dup := seen[r.Event.ID]
			if dup {
				prev := chunks.at(slot)
				if r.Version <= prev.Version {
					continue // an older or equal copy in the same file
				}
				*prev = r
			} else {
				slot = chunks.n
				seen[r.Event.ID] = slot
				chunks.add(r)
			}
			if wait {
				pend.slot, pend.at = slot, at
				pending = append(pending, pend)
			}
		}
	}
	if ferr != nil {
		return ferr
	}
	dates.decide()
	for _, p := range pending {
		r := chunks.at(p.slot)
		if max(r.From.Line, r.From.Feature) != p.at {
			continue // replaced by a newer copy
		}
		day, err := dates.day(p.reading, p.raw)
		if err != nil {
			chunks.drop(p.slot)
			rej.add(t.problem(p.at, fmt.Errorf("event_date: %w", err)))
			continue
		}
		if day != p.day {
			acledSetDates(&r.Event, day, p.tp)
		}
	}
	mergeProblems(res, readProblems)
	res.Records = chunks.join(res.Records)
	res.Notes = append(res.Notes, dates.notes()...)
	return nil
}

// chunked gathers records in fixed-size chunks, so that a large file is
// not copied over and over as one slice grows; join copies them once.
type chunked struct {
	chunks  [][]data.Record
	n       int
	dropped map[int]bool
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

// drop leaves record i out of join.
func (c *chunked) drop(i int) {
	if c.dropped == nil {
		c.dropped = map[int]bool{}
	}
	c.dropped[i] = true
}

// join appends every record not dropped to dst.
func (c *chunked) join(dst []data.Record) []data.Record {
	if len(c.chunks) == 1 && dst == nil && len(c.dropped) == 0 {
		return c.chunks[0]
	}
	dst = slices.Grow(dst, c.n-len(c.dropped))
	for k, ch := range c.chunks {
		if len(c.dropped) == 0 {
			dst = append(dst, ch...)
			continue
		}
		for i := range ch {
			if !c.dropped[k*chunkSize+i] {
				dst = append(dst, ch[i])
			}
		}
	}
	return dst
}

// acledRow maps one ACLED row onto a record. wait is true when the row's
// event_date is numeric and its order of day and month is the file's to
// settle: pend says how, and the record holds the order that fits meanwhile.
func (b *builder) acledRow(rec []string, from data.Provenance, c *acledColumns) (r data.Record, pend acledPending, wait bool, err error) {
	get := func(i int) string {
		if i < 0 {
			return ""
		}
		s := strings.TrimSpace(rec[i])
		if s == "NA" { // R's write.csv writes NA for an empty cell
			return ""
		}
		return s
	}
	r = data.Record{From: from}
	e := &r.Event
	e.ID = get(c.id)
	if d := get(c.dataID); e.ID == "" && d != "" {
		e.ID = "data-id-" + d // older exports number every row; a few rows lack event_id_cnty
	}
	if err := checkID(e.ID); err != nil {
		return r, pend, false, fmt.Errorf("event_id_cnty: %v", err)
	}
	tp, ok := acledPrecision(get(c.timePrec))
	if !ok {
		return r, pend, false, fmt.Errorf("time_precision %q is not 1, 2 or 3", get(c.timePrec))
	}
	tp = max(tp, 1)
	dateS := get(c.date)
	rd, err := b.dates.read(dateS, get(c.year), max(from.Line, from.Feature))
	if err != nil {
		return r, pend, false, fmt.Errorf("event_date: %w", err)
	}
	if dmy, mdy := rd.fits(); rd.shape == shapeNumeric && b.dates.forced == orderUnknown && rd.a != rd.b && (dmy || mdy) {
		o := orderDMY
		if !dmy {
			o = orderMDY
		}
		acledSetDates(e, rd.date(o), tp)
		pend, wait = acledPending{reading: rd, raw: dateS, tp: tp, day: rd.date(o)}, true
	} else {
		day, err := b.dates.day(rd, dateS)
		if err != nil {
			return r, pend, false, fmt.Errorf("event_date: %w", err)
		}
		acledSetDates(e, day, tp)
	}
	lat, err := parseCoord(get(c.lat))
	if err != nil {
		return r, pend, false, fmt.Errorf("latitude: %v", err)
	}
	lon, err := parseCoord(get(c.lon))
	if err != nil {
		return r, pend, false, fmt.Errorf("longitude: %v", err)
	}
	if err := checkPoint(lon, lat); err != nil {
		return r, pend, false, err
	}
	gp, ok := acledPrecision(get(c.geoPrec))
	if !ok {
		return r, pend, false, fmt.Errorf("geo_precision %q is not 1, 2 or 3", get(c.geoPrec))
	}
	country := b.acledCountry(get(c.iso), get(c.iso3), get(c.country), lon, lat)
	loc := get(c.location)
	if loc == "" {
		loc = fmt.Sprintf("%.4f, %.4f", lat, lon)
	}
	r.Place = b.place(loc, lon, lat, country)
	e.Place = r.Place.ID
	e.Countries = b.countryList(country)

	etype, sub := get(c.etype), get(c.subtype)
	if etype == "" {
		return r, pend, false, fmt.Errorf("event_type is empty")
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
		return r, pend, false, fmt.Errorf("actor1 is empty")
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
	e.Confidence = acledGeoConfidence(gp) // so the map's reader knows how far to trust the point
	e.Sources = b.provenanceRef(r.From)
	r.Sources = b.source
	if s := get(c.timestamp); s != "" {
		v, err := strconv.ParseInt(s, 10, 64)
		if err != nil || v < 0 {
			return r, pend, false, fmt.Errorf("timestamp %q is not a count of seconds", s)
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
			return r, pend, false, fmt.Errorf("fatalities %q is not a whole number", s)
		}
		r.Extra = appendField(r.Extra, "fatalities", strconv.Itoa(n))
	}
	r.Extra = appendField(r.Extra, "civilian_targeting", get(c.civilian))
	r.Extra = appendField(r.Extra, "admin1", get(c.admin1))
	r.Extra = appendField(r.Extra, "admin2", get(c.admin2))
	r.Extra = appendField(r.Extra, "admin3", get(c.admin3))
	r.Extra = appendField(r.Extra, "source", get(c.source))
	r.Extra = appendField(r.Extra, "source_scale", get(c.sourceScale))
	r.Extra = appendField(r.Extra, "tags", get(c.tags))
	return r, pend, wait, nil
}

// acledCountry finds a row's country: the numeric iso, else iso3, else
// the country's name, else the country at the point.
func (b *builder) acledCountry(iso, iso3, name string, lon, lat float64) string {
	country, ok := b.numeric[iso]
	if !ok {
		country = countryOfNumeric(iso)
		b.numeric[iso] = country
	}
	if country == "" {
		country = countryNamed(iso3)
	}
	if country == "" {
		country = countryNamed(name)
	}
	if country == "" {
		country = b.countryAt(lon, lat)
	}
	return country
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
