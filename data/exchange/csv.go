package exchange

import (
	"fmt"
	"io"
	"strings"

	"github.com/sahelatlas/sahelatlas/data"
)

// Columns names the columns of a generic CSV file (as written in its
// header; case, spaces and dashes do not matter). An empty field is found
// from the header by the usual names (see DetectColumns). An event needs a
// title, a date (Date, or Start with an optional End) and a point
// (Lat and Lon, or a Place the gazetteer knows).
type Columns struct {
	Lat, Lon  string
	Place     string // a place name; used for the point when there are no coordinates
	Date      string // one day (or a year, a month, a date-time)
	Start     string
	End       string
	Title     string
	Summary   string // optional
	Kind      string // optional: a kind, a CAMEO code or an ACLED event type
	Actors    string // optional: names separated by ';'
	Countries string // optional: alpha-3 codes or names separated by ';'
	ID        string // optional: a stable id; the line number otherwise
	Precision string // optional: day, month, year
	Sources   string // optional: documents separated by ';' (the imported file otherwise)
	// Optional, as WriteCSV writes them: the place a visitor came from and
	// notes on the date and on confidence.
	Origin, OriginLon, OriginLat       string
	DateNote, YearInferred, Confidence string
}

// columnAliases lists, for each field of Columns, the header names
// DetectColumns recognises, best first.
func columnAliases() []struct {
	get   func(*Columns) *string
	names []string
} {
	return []struct {
		get   func(*Columns) *string
		names []string
	}{
		{func(c *Columns) *string { return &c.Lat }, []string{"latitude", "lat", "y"}},
		{func(c *Columns) *string { return &c.Lon }, []string{"longitude", "lon", "lng", "long", "x"}},
		{func(c *Columns) *string { return &c.Place }, []string{"place", "location", "town", "city", "locality", "place_name"}},
		{func(c *Columns) *string { return &c.Date }, []string{"date", "event_date", "day", "when"}},
		{func(c *Columns) *string { return &c.Start }, []string{"start", "start_date", "begin", "from", "date_start"}},
		{func(c *Columns) *string { return &c.End }, []string{"end", "end_date", "to", "until", "date_end"}},
		{func(c *Columns) *string { return &c.Title }, []string{"title", "headline", "name", "event", "label"}},
		{func(c *Columns) *string { return &c.Summary }, []string{"summary", "description", "notes", "text", "details"}},
		{func(c *Columns) *string { return &c.Kind }, []string{"kind", "type", "event_type", "category", "cameo"}},
		{func(c *Columns) *string { return &c.Actors }, []string{"actors", "actor", "actor1", "who"}},
		{func(c *Columns) *string { return &c.Countries }, []string{"countries", "country", "iso3"}},
		{func(c *Columns) *string { return &c.ID }, []string{"id", "event_id", "uid"}},
		{func(c *Columns) *string { return &c.Precision }, []string{"precision", "date_precision"}},
		{func(c *Columns) *string { return &c.Sources }, []string{"sources", "source_documents"}},
		{func(c *Columns) *string { return &c.Origin }, []string{"origin"}},
		{func(c *Columns) *string { return &c.OriginLon }, []string{"origin_lon"}},
		{func(c *Columns) *string { return &c.OriginLat }, []string{"origin_lat"}},
		{func(c *Columns) *string { return &c.DateNote }, []string{"date_note"}},
		{func(c *Columns) *string { return &c.YearInferred }, []string{"year_inferred"}},
		{func(c *Columns) *string { return &c.Confidence }, []string{"confidence"}},
	}
}

// DetectColumns fills the empty fields of given from header by the usual
// names ("latitude"/"lat", "date", "start"/"end", "title"/"headline"/"name",
// …), leaving the fields already set as they are.
func DetectColumns(header []string, given Columns) Columns {
	have := map[string]string{}
	for _, h := range header {
		n := normHeader(strings.TrimPrefix(h, "\uFEFF"))
		if _, ok := have[n]; !ok {
			have[n] = h
		}
	}
	c := given
	for _, a := range columnAliases() {
		p := a.get(&c)
		if *p != "" {
			continue
		}
		for _, n := range a.names {
			if h, ok := have[n]; ok {
				*p = h
				break
			}
		}
	}
	return c
}

// csvIndexes are the positions of Columns in a header, -1 when absent.
type csvIndexes struct {
	lat, lon, place, date, start, end, title, summary, kind, actors, countries, id, precision, sources int
	origin, originLon, originLat, dateNote, yearInferred, confidence                                   int
}

func readCSVFile(in io.Reader, name string, f Format, opts Options, res *Result) error {
	if f == FormatACLED {
		return readACLED(in, name, opts, res)
	}
	return readGenericCSV(in, name, opts, res)
}

func readGenericCSV(in io.Reader, name string, opts Options, res *Result) error {
	rows, err := newCSVRows(in, name, res)
	if err != nil {
		return err
	}
	cols := DetectColumns(rows.header, opts.Columns)
	var unknown []string
	idx := func(flag, col string) int {
		if col == "" {
			return -1
		}
		i := rows.index(col)
		if i < 0 {
			unknown = append(unknown, fmt.Sprintf("%s %q", flag, col))
		}
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
	}
	if len(unknown) > 0 {
		return fmt.Errorf("exchange: %s: the header (%s) has no column %s", name, strings.Join(rows.header, ", "), strings.Join(unknown, ", "))
	}
	var missing []string
	if x.title < 0 {
		missing = append(missing, "a title (--title-col)")
	}
	if x.date < 0 && x.start < 0 {
		missing = append(missing, "a date (--date-col, or --start-col and --end-col)")
	}
	if (x.lat < 0 || x.lon < 0) && x.place < 0 {
		missing = append(missing, "a point (--lat-col and --lon-col, or --place-col)")
	}
	if len(missing) > 0 {
		return fmt.Errorf("exchange: %s: cannot tell which columns hold %s; the header is %s; name them with the flags", name, strings.Join(missing, ", "), strings.Join(rows.header, ", "))
	}
	b := newBuilder(name, opts.Countries)
	g := &gazetteerOnce{g: opts.Gazetteer}
	ids := map[string]bool{}
	for {
		rec, line, ok, err := rows.next()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		r, err := b.csvRow(rec, line, &x, g)
		if err == nil && ids[r.Event.ID] {
			err = fmt.Errorf("id %q is used by an earlier row", r.Event.ID)
		}
		if err != nil {
			rows.rej.add(Problem{Line: line, Reason: err.Error()})
			continue
		}
		ids[r.Event.ID] = true
		res.Records = append(res.Records, r)
	}
	return nil
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

// csvRow maps one generic CSV row onto a record.
func (b *builder) csvRow(rec []string, line int, x *csvIndexes, gaz *gazetteerOnce) (data.Record, error) {
	var err error
	get := func(i int) string {
		if i < 0 || err != nil {
			return ""
		}
		var s string
		s, err = cleanText(fmt.Sprintf("column %d", i+1), rec[i])
		return unneutralise(s)
	}
	r := data.Record{From: data.Provenance{File: b.file, Line: line}}
	e := &r.Event
	e.ID = get(x.id)
	e.Title = get(x.title)
	e.Summary = get(x.summary)
	placeName := get(x.place)
	latS, lonS := get(x.lat), get(x.lon)
	dateS, startS, endS := get(x.date), get(x.start), get(x.end)
	kindS, actorsS, countriesS, precS := get(x.kind), get(x.actors), get(x.countries), get(x.precision)
	docs := splitList(get(x.sources))
	originName, originLon, originLat := get(x.origin), get(x.originLon), get(x.originLat)
	e.DateNote, e.YearInferred, e.Confidence = get(x.dateNote), get(x.yearInferred), get(x.confidence)
	if err != nil {
		return r, err
	}
	if e.ID == "" {
		e.ID = fmt.Sprintf("%s-line-%d", data.Slug(b.file), line)
	} else if err := checkID(e.ID); err != nil {
		return r, err
	}
	if e.Title == "" {
		return r, fmt.Errorf("has no title")
	}
	if err := datesOf(e, dateS, startS, endS, precS); err != nil {
		return r, err
	}
	if e.Kind, err = kindOf(kindS); err != nil {
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
		g, err := gaz.get()
		if err != nil {
			return r, fmt.Errorf("the gazetteer cannot be read: %v", err)
		}
		found := g.Lookup(placeName)
		if len(e.Countries) > 0 {
			var in []*data.Place
			for _, p := range found {
				if p.Country == e.Countries[0] {
					in = append(in, p)
				}
			}
			found = in
		}
		if len(found) == 0 {
			return r, fmt.Errorf("place %q is not in the gazetteer and the row has no latitude and longitude", placeName)
		}
		r.Place = *found[0]
		r.Place.Aliases = nil
	default:
		return r, fmt.Errorf("has neither latitude and longitude nor a place")
	}
	e.Place = r.Place.ID
	if len(e.Countries) == 0 {
		e.Countries = []string{r.Place.Country}
	}
	b.addActors(&r, splitList(actorsS))
	if originLon != "" || originLat != "" {
		lon, err1 := parseCoord(originLon)
		lat, err2 := parseCoord(originLat)
		if err := cmpErr(err1, err2, checkPoint(lon, lat)); err != nil {
			return r, fmt.Errorf("origin: %v", err)
		}
		if originName == "" {
			originName = fmt.Sprintf("%.4f, %.4f", lat, lon)
		}
		o := b.place(originName, lon, lat, b.countryAt(lon, lat))
		r.OriginPlace = &o
		e.Origin = o.ID
	}
	b.citeSources(&r, docs)
	return r, nil
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

// datesOf sets an event's dates from a date, or a start and an end, and an
// optional precision.
func datesOf(e *data.Event, dateS, startS, endS, precS string) error {
	if dateS == "" {
		dateS = startS
	} else if startS != "" {
		return fmt.Errorf("has both a date and a start")
	}
	if dateS == "" {
		return fmt.Errorf("has no date")
	}
	start, end, p, err := ParsePeriod(dateS)
	if err != nil {
		return err
	}
	if endS != "" {
		_, e2, p2, err := ParsePeriod(endS)
		if err != nil {
			return fmt.Errorf("end: %v", err)
		}
		if e2.Before(start) {
			return fmt.Errorf("ends (%s) before it starts (%s)", e2, start)
		}
		end = e2
		if p2 != p {
			p = data.PrecisionDay
		}
	}
	if precS != "" {
		q := data.Precision(strings.ToLower(precS))
		if !q.Valid() || q == data.PrecisionUnknown {
			return fmt.Errorf("precision %q is not day, month or year", precS)
		}
		// A coarser stated precision widens the dates to whole months or years.
		switch q {
		case data.PrecisionMonth:
			start = data.D(start.Year, start.Month, 1)
			end = data.D(end.Year, end.Month+1, 1).AddDays(-1)
		case data.PrecisionYear:
			start, end = data.D(start.Year, 1, 1), data.D(end.Year, 12, 31)
		}
		p = q
	}
	e.Start, e.End, e.Precision = start, end, p
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
