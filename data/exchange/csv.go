package exchange

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/sahelatlas/sahelatlas/data"
)

func readCSVFile(in io.Reader, name string, f Format, opts Options, res *Result) error {
	t, err := newCSVRows(in, name, res)
	if err != nil {
		return err
	}
	return readTable(t, name, f, opts, res)
}

// readTable reads a table as an ACLED export when it has ACLED's columns
// (unless opts.Format says csv), and as a generic table otherwise, so that
// a trimmed copy of an export is read by its column names like any table,
// even when it is said to be ACLED's (a note says so).
func readTable(t *rows, name string, f Format, opts Options, res *Result) error {
	c, err := acledColumnsOf(t, name)
	acled := opts.Format != FormatCSV && err == nil
	if opts.Format == FormatACLED && err != nil {
		res.Notes = append(res.Notes, "read as a table of its own columns: "+strings.TrimPrefix(err.Error(), "exchange: "))
	}
	if f == FormatACLED || f == FormatCSV {
		res.Format = FormatCSV
		if acled {
			res.Format = FormatACLED
		}
	}
	if acled {
		return readACLED(t, c, name, opts, res)
	}
	gerr := readGenericRows(t, name, opts, res)
	if gerr != nil && t.index("event_id_cnty") >= 0 {
		return fmt.Errorf("%v (as an ACLED export: %s)", gerr, strings.TrimPrefix(err.Error(), "exchange: "+name+" is not an ACLED export: "))
	}
	return gerr
}

// genericRow is a row of a generic table with its dates read.
type genericRow struct {
	rec   []string
	at    int
	dates [3]dateReading // date, start, end
	err   error          // a date that cannot be read
}

// readGenericRows reads a table whose columns are named by opts.Columns or
// found by DetectColumns. Every row is read first, so that the order of
// day and month in numeric dates is the whole file's (see fileDates); then
// each row becomes a record. With opts.Stream the rows are passed as they
// are read instead (see readGenericStream).
func readGenericRows(t *rows, name string, opts Options, res *Result) error {
	x, fields, err := genericColumns(t, name, opts)
	if err != nil {
		return err
	}
	if opts.Stream != nil {
		return readGenericStream(t, name, &x, fields, opts, res)
	}
	dates, err := newFileDates(opts.DateFormat)
	if err != nil {
		return fmt.Errorf("exchange: %s: %v", name, err)
	}
	var all []genericRow
	for {
		rec, at, ok, err := t.next()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		all = append(all, readRowDates(dates, t, &x, slices.Clone(rec), at))
	}
	dates.decide()
	b := newBuilder(name, opts.Countries)
	b.dates = dates
	g := &gazetteerOnce{g: opts.Gazetteer}
	ids := map[string]bool{}
	for _, row := range all {
		r, err := b.csvRow(&row, &x, fields, t, g)
		if err == nil && ids[r.Event.ID] {
			err = fmt.Errorf("id %q is used by an earlier row", r.Event.ID)
		}
		if err != nil {
			t.rej.add(t.problem(row.at, err))
			continue
		}
		ids[r.Event.ID] = true
		if t.records {
			r.From = data.Provenance{File: r.From.File, Feature: row.at}
		}
		res.Records = append(res.Records, r)
	}
	res.Notes = append(res.Notes, dates.notes()...)
	return nil
}

// readRowDates reads the date cells of a row of a generic table.
func readRowDates(dates *fileDates, t *rows, x *csvIndexes, rec []string, at int) genericRow {
	g := genericRow{rec: rec, at: at}
	year := ""
	if x.year >= 0 {
		year = g.rec[x.year]
	}
	for k, i := range []int{x.date, x.start, x.end} {
		if i < 0 || g.err != nil {
			continue
		}
		if s := cleanValue(g.rec[i]); s != "" {
			if g.dates[k], g.err = dates.read(s, year, at); g.err != nil {
				g.err = fmt.Errorf("%s: %w", t.header[i], g.err)
			}
		}
	}
	return g
}

// genericColumns finds the columns of a generic table: those opts.Columns
// names or DetectColumns finds, and the others, kept as they are (fields).
func genericColumns(t *rows, name string, opts Options) (csvIndexes, []int, error) {
	cols := DetectColumns(t.header, opts.Columns)
	var unknown []string
	taken := map[int]bool{}
	idx := func(flag, col string) int {
		if col == "" {
			return -1
		}
		i := t.index(col)
		if i < 0 {
			i = slices.IndexFunc(t.header, func(h string) bool { return foldHeader(h) == foldHeader(col) })
		}
		if i < 0 {
			unknown = append(unknown, fmt.Sprintf("%s %q", flag, col))
		}
		taken[i] = true
		return i
	}
	x := csvIndexes{
		lat: idx("--lat-col", cols.Lat), lon: idx("--lon-col", cols.Lon), place: idx("--place-col", cols.Place),
		date: idx("--date-col", cols.Date), start: idx("--start-col", cols.Start), end: idx("--end-col", cols.End),
		title: idx("--title-col", cols.Title), summary: idx("summary", cols.Summary), kind: idx("kind", cols.Kind),
		actors: idx("actors", cols.Actors), countries: idx("countries", cols.Countries), id: idx("id", cols.ID),
		precision: idx("precision", cols.Precision), sources: idx("sources", cols.Sources),
		origin: idx("origin", cols.Origin), originLon: idx("origin_lon", cols.OriginLon), originLat: idx("origin_lat", cols.OriginLat),
		dateNote: idx("date_note", cols.DateNote), yearInferred: idx("year_inferred", cols.YearInferred), confidence: idx("confidence", cols.Confidence),
		noYear: idx("no_year", cols.NoYear), sourceNotes: idx("source_notes", cols.SourceNotes),
		ongoing: idx("ongoing", cols.Ongoing), placePrecision: idx("place_precision", cols.PlacePrecision),
	}
	if len(unknown) > 0 {
		return x, nil, fmt.Errorf("exchange: %s: the header (%s) has no column %s", name, headerExcerpt(t.header), headerExcerpt(unknown))
	}
	if i := t.index("cameo"); i >= 0 && x.kind >= 0 && x.kind != i {
		taken[i] = true // the exports write the kind's CAMEO code beside it
	}
	fields := make([]int, 0, len(t.header))
	for i := range t.header {
		if !taken[i] && normHeader(t.header[i]) != "" {
			fields = append(fields, i)
		}
	}
	x.extraIndexes(t, maps.Clone(taken))
	var missing []string
	if x.date < 0 && x.start < 0 {
		missing = append(missing, "a date (--date-col, or --start-col and --end-col)")
	}
	if (x.lat < 0 || x.lon < 0) && x.place < 0 {
		missing = append(missing, "a point (--lat-col and --lon-col, or --place-col)")
	}
	if len(missing) > 0 {
		return x, nil, fmt.Errorf("exchange: %s: cannot tell which columns hold %s; the header is %s; name them with the flags", name, strings.Join(missing, ", "), headerExcerpt(t.header))
	}
	return x, fields, nil
}

// cleanValue trims a cell and reads R's NA as empty.
func cleanValue(s string) string {
	s = strings.TrimSpace(s)
	if s == "NA" {
		return ""
	}
	return s
}

// gazetteerOnce is the gazetteer a generic CSV's place names are found in:
// the one given in Options, else the embedded one, built once per process.
type gazetteerOnce struct {
	g   *data.Gazetteer
	err error
}

func (g *gazetteerOnce) get() (*data.Gazetteer, error) {
	if g.g == nil && g.err == nil {
		g.g, g.err = data.BundledGazetteer()
	}
	return g.g, g.err
}

// csvRow maps one row of a generic table onto a record; fields are the
// columns kept as they are (Record.Extra).
func (b *builder) csvRow(row *genericRow, x *csvIndexes, fields []int, t *rows, gaz *gazetteerOnce) (data.Record, error) {
	rec := row.rec
	var err error
	get := func(i int) string {
		if i < 0 || err != nil {
			return ""
		}
		var s string
		s, err = cleanText(fmt.Sprintf("column %q", t.header[i]), rec[i])
		return unneutralise(cleanValue(s))
	}
	r := data.Record{From: data.Provenance{File: b.file, Line: row.at}}
	e := &r.Event
	e.ID = get(x.id)
	e.Title = get(x.title)
	e.Summary = get(x.summary)
	placeName := get(x.place)
	latS, lonS := get(x.lat), get(x.lon)
	kindS, subS, countriesS, precS := get(x.kind), get(x.subtype), get(x.countries), get(x.precision)
	actors := splitList(get(x.actors))
	for _, i := range []int{x.assoc1, x.actor2, x.assoc2} {
		actors = append(actors, splitList(get(i))...)
	}
	docs, notesS := splitList(get(x.sources)), get(x.sourceNotes)
	originName, originLon, originLat := get(x.origin), get(x.originLon), get(x.originLat)
	e.DateNote, e.YearInferred, e.Confidence = get(x.dateNote), get(x.yearInferred), get(x.confidence)
	noYear, tpS, gpS := get(x.noYear), get(x.timePrec), get(x.geoPrec)
	for _, i := range fields {
		r.Extra = appendField(r.Extra, strings.TrimSpace(t.header[i]), get(i))
	}
	if err != nil {
		return r, err
	}
	if row.err != nil {
		return r, row.err
	}
	if e.ID == "" {
		e.ID = fmt.Sprintf("%s-line-%d", data.Slug(b.file), row.at)
	} else if err := checkID(e.ID); err != nil {
		return r, err
	}
	if err := b.rowDates(e, row, x, t, precS, noYear, tpS); err != nil {
		return r, err
	}
	switch s := strings.ToLower(get(x.ongoing)); s {
	case "", "false":
	case "true":
		e.Ongoing = true
	default:
		return r, fmt.Errorf("ongoing %q is not true or false", s)
	}
	if s := get(x.placePrecision); s != "" {
		if pp, ok := data.ParsePlacePrecision(s); ok {
			e.PlacePrecision = pp.Map() // an analyst's "town" or "country" as the map draws it
		} else {
			return r, fmt.Errorf("place_precision %q is not approximate, inferred, exact, town, region or country (or empty: given)", s)
		}
	}
	if x.geoPrec >= 0 && x.confidence < 0 {
		gp, ok := acledPrecision(gpS)
		if !ok {
			return r, fmt.Errorf("geo_precision %q is not 1, 2 or 3", gpS)
		}
		e.Confidence = acledGeoConfidence(gp)
	}
	if kindS != "" && acledKinds[strings.ToLower(kindS)] != 0 {
		e.Kind = ACLEDKind(kindS, subS)
	} else if e.Kind, err = kindOf(kindS); err != nil {
		return r, err
	}
	for _, c := range splitList(countriesS) {
		code := countryNamed(c)
		if code == "" {
			if isAlpha3(c) {
				code = c
			} else {
				return r, fmt.Errorf("country %q is neither an alpha-3 code nor a country name", c)
			}
		}
		e.Countries = append(e.Countries, code)
	}
	switch {
	case latS != "" || lonS != "":
		lat, err := parseCoord(latS)
		if err != nil {
			return r, fmt.Errorf("latitude: %v", err)
		}
		lon, err := parseCoord(lonS)
		if err != nil {
			return r, fmt.Errorf("longitude: %v", err)
		}
		if err := checkPoint(lon, lat); err != nil {
			return r, err
		}
		if placeName == "" {
			placeName = fmt.Sprintf("%.4f, %.4f", lat, lon)
		}
		country := NoCountry
		if len(e.Countries) > 0 {
			country = e.Countries[0]
		} else {
			country = b.countryAt(lon, lat)
		}
		r.Place = b.place(placeName, lon, lat, country)
	case placeName != "":
		p, note, err := b.lookupPlace(placeName, e.Countries, []string{get(x.admin3), get(x.admin2), get(x.admin1)}, gaz)
		if err != nil {
			return r, err
		}
		r.Place = p
		if note != "" {
			e.Confidence = strings.TrimPrefix(e.Confidence+"; "+note, "; ")
		}
	default:
		return r, fmt.Errorf("has neither latitude and longitude nor a place")
	}
	e.Place = r.Place.ID
	if len(e.Countries) == 0 {
		e.Countries = []string{r.Place.Country}
	}
	b.addActors(&r, actors)
	if e.Title == "" {
		e.Title = madeTitle(kindS, subS, r.Actors, r.Place.Name, e.Summary)
	}
	if err := b.originText(&r, originName, originLon, originLat); err != nil {
		return r, err
	}
	b.citeSources(&r, docs)
	if err := citeNotes(&r, notesS); err != nil {
		return r, err
	}
	return r, nil
}

// madeTitle is the title of a row without one: its kind (or ACLED's
// sub-event type) with its actors and place, or the first words of its
// summary, or the place.
func madeTitle(kind, sub string, actors []*data.Actor, place, summary string) string {
	what := sub
	if what == "" {
		what = kind
	}
	switch {
	case what != "" && len(actors) >= 2:
		return what + ": " + actors[0].Name + " vs " + actors[1].Name + ", " + place
	case what != "" && len(actors) == 1:
		return what + ": " + actors[0].Name + ", " + place
	case what != "":
		return what + ", " + place
	case summary != "":
		return firstWords(summary, 12)
	}
	return "Event at " + place
}

// firstWords returns the first sentence of s, or its first n words and "…".
func firstWords(s string, n int) string {
	words := strings.Fields(s)
	for i, w := range words {
		if i > 2 && strings.HasSuffix(w, ".") && len(w) > 3 {
			return strings.Join(words[:i+1], " ")
		}
		if i == n-1 && len(words) > n {
			return strings.Join(words[:n], " ") + "…"
		}
	}
	return strings.Join(words, " ")
}

// lookupPlace finds a place name in the gazetteer, among the places of
// countries when the row names them; when the gazetteer lacks it, the
// row's admin areas (ACLED's admin3, admin2, admin1) are tried, and note
// says where the event was placed instead.
func (b *builder) lookupPlace(name string, countries, admins []string, gaz *gazetteerOnce) (data.Place, string, error) {
	g, err := gaz.get()
	if err != nil {
		return data.Place{}, "", fmt.Errorf("the gazetteer cannot be read: %v", err)
	}
	find := func(n string) *data.Place {
		found := g.Lookup(n)
		if len(countries) > 0 {
			found = slices.DeleteFunc(slices.Clone(found), func(p *data.Place) bool { return p.Country != countries[0] })
		}
		if len(found) == 0 {
			return nil
		}
		p := *found[0]
		p.Aliases = nil
		return &p
	}
	if p := find(name); p != nil {
		return *p, "", nil
	}
	for i, a := range admins {
		if a == "" {
			continue
		}
		if p := find(a); p != nil {
			return *p, fmt.Sprintf("placed at %s (admin%d): %q is not in the gazetteer", p.Name, 3-i, name), nil
		}
	}
	return data.Place{}, "", withFix(fmt.Errorf("place %q is not in the gazetteer and the row has no latitude and longitude", name),
		"give the row latitude and longitude, or import with --skip-invalid to leave it out")
}

// cmpErr returns the first error that is not nil.
func cmpErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// citeNotes gives each source a record cites the note the file gives it:
// a JSON object of document → note, as the exports write source_notes.
func citeNotes(r *data.Record, s string) error {
	if s == "" {
		return nil
	}
	var notes map[string]string
	if err := json.Unmarshal([]byte(s), &notes); err != nil {
		return fmt.Errorf("source_notes is not a JSON object of document → note: %v", err)
	}
	for i := range r.Event.Sources {
		if n, ok := notes[r.Event.Sources[i].Document]; ok {
			r.Event.Sources[i].Note = n
		}
	}
	return nil
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ";") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}
