package exchange

import (
	"strings"

	"github.com/sahelatlas/sahelatlas/data"
)

// Columns names the columns of a generic CSV file or sheet (as written in
// its header; case, spaces and dashes do not matter). An empty field is
// found from the header by the usual names, in English and French (see
// DetectColumns). An event needs a date (Date, or Start with an optional
// End) and a point (Lat and Lon, or a Place the gazetteer knows); with no
// title the title is made from the kind and the place, or the first words
// of the summary.
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
	// Optional, as WriteCSV writes them: the place a visitor came from,
	// notes on the date and on confidence, a date with no year (MM or
	// MM-DD), what each source alone says, whether the event goes on
	// after its span ("true") and how surely its place is known.
	Origin, OriginLon, OriginLat       string
	DateNote, YearInferred, Confidence string
	NoYear, SourceNotes                string
	Ongoing, PlacePrecision            string
}

// columnAliases lists, for each field of Columns, the header names
// DetectColumns recognises, best first, folded (lower case, no accents,
// '_' for spaces and dashes).
func columnAliases() []struct {
	get   func(*Columns) *string
	names []string
} {
	return []struct {
		get   func(*Columns) *string
		names []string
	}{
		{func(c *Columns) *string { return &c.Lat }, []string{"latitude", "lat", "y", "latitude_dd"}},
		{func(c *Columns) *string { return &c.Lon }, []string{"longitude", "lon", "lng", "long", "x", "longitude_dd"}},
		{func(c *Columns) *string { return &c.Place }, []string{"place", "location", "lieu", "localite", "town", "city", "ville", "locality", "place_name", "nom_du_lieu", "ou"}},
		{func(c *Columns) *string { return &c.Date }, []string{"date", "event_date", "date_evenement", "date_de_l'evenement", "date_event", "day", "jour", "when", "quand"}},
		{func(c *Columns) *string { return &c.Start }, []string{"start", "start_date", "begin", "from", "date_start", "debut", "date_debut", "date_de_debut"}},
		{func(c *Columns) *string { return &c.End }, []string{"end", "end_date", "to", "until", "date_end", "fin", "date_fin", "date_de_fin"}},
		{func(c *Columns) *string { return &c.Title }, []string{"title", "titre", "headline", "name", "event", "label", "intitule", "nom"}},
		{func(c *Columns) *string { return &c.Summary }, []string{"summary", "description", "notes", "resume", "text", "texte", "details", "commentaire", "commentaires", "remarques"}},
		{func(c *Columns) *string { return &c.Kind }, []string{"kind", "type", "event_type", "type_evenement", "type_d'evenement", "category", "categorie", "cameo"}},
		{func(c *Columns) *string { return &c.Actors }, []string{"actors", "actor", "actor1", "acteurs", "acteur", "who"}},
		{func(c *Columns) *string { return &c.Countries }, []string{"countries", "country", "pays", "iso3"}},
		{func(c *Columns) *string { return &c.ID }, []string{"id", "event_id", "event_id_cnty", "uid", "identifiant"}},
		{func(c *Columns) *string { return &c.Precision }, []string{"precision", "date_precision"}},
		{func(c *Columns) *string { return &c.Sources }, []string{"sources", "source_documents"}},
		{func(c *Columns) *string { return &c.Origin }, []string{"origin"}},
		{func(c *Columns) *string { return &c.OriginLon }, []string{"origin_lon"}},
		{func(c *Columns) *string { return &c.OriginLat }, []string{"origin_lat"}},
		{func(c *Columns) *string { return &c.DateNote }, []string{"date_note"}},
		{func(c *Columns) *string { return &c.YearInferred }, []string{"year_inferred"}},
		{func(c *Columns) *string { return &c.Confidence }, []string{"confidence"}},
		{func(c *Columns) *string { return &c.NoYear }, []string{"no_year"}},
		{func(c *Columns) *string { return &c.SourceNotes }, []string{"source_notes"}},
		{func(c *Columns) *string { return &c.Ongoing }, []string{"ongoing"}},
		{func(c *Columns) *string { return &c.PlacePrecision }, []string{"place_precision"}},
	}
}

// foldHeader is how DetectColumns compares names: normHeader, folded.
func foldHeader(s string) string { return data.Fold(normHeader(strings.TrimPrefix(s, "\uFEFF"))) }

// DetectColumns fills the empty fields of given from header by the usual
// names in English and French ("latitude"/"lat"/"y", "date"/"event_date"/
// "date_evenement", "place"/"location"/"lieu", "title"/"titre"/"headline",
// "notes"/"description"/"résumé", "type"/"event_type", …), leaving the
// fields already set as they are. A column serves one field only.
func DetectColumns(header []string, given Columns) Columns {
	have := map[string]string{}
	for _, h := range header {
		n := foldHeader(h)
		if _, ok := have[n]; !ok && n != "" {
			have[n] = h
		}
	}
	c := given
	used := map[string]bool{}
	for _, a := range columnAliases() {
		if p := a.get(&c); *p != "" {
			used[foldHeader(*p)] = true
		}
	}
	for _, a := range columnAliases() {
		p := a.get(&c)
		if *p != "" {
			continue
		}
		for _, n := range a.names {
			if h, ok := have[n]; ok && !used[n] {
				*p = h
				used[n] = true
				break
			}
		}
	}
	return c
}

// csvIndexes are the positions of a table's columns, -1 when absent: those
// of Columns, and the ACLED columns a trimmed copy of an export keeps.
type csvIndexes struct {
	lat, lon, place, date, start, end, title, summary, kind, actors, countries, id, precision, sources int
	origin, originLon, originLat, dateNote, yearInferred, confidence, noYear, sourceNotes              int
	ongoing, placePrecision                                                                            int
	year, subtype, actor2, assoc1, assoc2, timePrec, geoPrec, admin1, admin2, admin3                   int
}

// extraIndexes finds the ACLED columns a trimmed export may keep, among
// those no field of Columns took.
func (x *csvIndexes) extraIndexes(t *rows, taken map[int]bool) {
	col := func(names ...string) int {
		for _, n := range names {
			if i := t.index(n); i >= 0 && !taken[i] {
				taken[i] = true
				return i
			}
		}
		return -1
	}
	x.year = col("year", "annee", "année")
	x.subtype = col("sub_event_type")
	x.actor2 = col("actor2")
	x.assoc1 = col("assoc_actor_1", "ally_actor_1")
	x.assoc2 = col("assoc_actor_2", "ally_actor_2")
	x.timePrec = col("time_precision")
	x.geoPrec = col("geo_precision")
	// The admin areas are kept as fields too; they place a row whose place
	// the gazetteer does not know.
	x.admin1, x.admin2, x.admin3 = t.index("admin1"), t.index("admin2"), t.index("admin3")
}
