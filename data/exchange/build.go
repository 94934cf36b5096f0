package exchange

import (
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/data"
)

// NoCountry is the country code of an event at sea or outside every
// country of the atlas: ISO 3166's "unspecified" user-assigned code.
const NoCountry = "XXX"

// builder makes records for one file: it shares places and actors met
// more than once, gives them stable ids and finds countries.
type builder struct {
	file    string // base name, for provenance and as the source document
	source  []data.Source
	actors  map[string]*data.Actor // by name as written
	slugs   map[string]string
	places  map[placeKey]data.Place
	lists   map[string][]string     // one-country lists, shared (read-only)
	kinds   map[[2]string]data.Kind // ACLED event type and sub-event type → kind
	numeric map[string]string       // ISO numeric as written → alpha-3
	// countries finds the country at a point (Options.Countries), called
	// under countriesMu: importers may ask from more than one goroutine.
	countries   CountryFinder
	countriesMu sync.Mutex
	// actorSets shares the actor lists of ACLED rows naming the same actors.
	actorSets map[actorSetKey]actorSet
	// dates reads the file's dates (the order of day and month, two-digit years).
	dates *fileDates
}

type placeKey struct {
	name     string
	lon, lat float64
}

func newBuilder(name string, countries CountryFinder) *builder {
	file := filepath.Base(strings.ReplaceAll(name, "\\", "/"))
	if file == "." || file == "/" || file == "" {
		file = "import"
	}
	return &builder{
		file:    file,
		source:  []data.Source{data.ImportSource(file)},
		actors:  map[string]*data.Actor{},
		lists:   map[string][]string{},
		kinds:   map[[2]string]data.Kind{},
		numeric: map[string]string{},
		slugs:   map[string]string{},
		places:  map[placeKey]data.Place{},

		countries: countries,
		actorSets: map[actorSetKey]actorSet{},
		dates:     &fileDates{},
	}
}

// provenanceRef cites the imported file, with the line or feature.
func (b *builder) provenanceRef(p data.Provenance) []data.SourceRef {
	return []data.SourceRef{{Document: b.file, Note: p.Note()}}
}

// actor returns the actor named name, of kind k the first time it is met.
func (b *builder) actor(name string, k data.ActorKind, country string) *data.Actor {
	if a, ok := b.actors[name]; ok {
		return a
	}
	a := &data.Actor{ID: data.ImportedActorID(b.slug(name)), Name: name, Kind: k, Country: country}
	b.actors[name] = a
	return a
}

// countryList returns a shared one-element list holding code.
func (b *builder) countryList(code string) []string {
	l, ok := b.lists[code]
	if !ok {
		l = []string{code}
		b.lists[code] = l
	}
	return l
}

// slug returns name folded to lower-case ASCII words joined by '-'.
func (b *builder) slug(name string) string {
	if s, ok := b.slugs[name]; ok {
		return s
	}
	s := data.Slug(name)
	b.slugs[name] = s
	return s
}

// place returns the place named name at (lon, lat) in country.
func (b *builder) place(name string, lon, lat float64, country string) data.Place {
	k := placeKey{name, lon, lat}
	if p, ok := b.places[k]; ok {
		return p
	}
	p := data.Place{
		ID:      data.ImportedPlaceID(b.slug(name), name, lon, lat),
		Name:    name,
		Point:   orb.Point{lon, lat},
		Country: country,
	}
	b.places[k] = p
	return p
}

// origin sets the record's origin, where a visitor came from, to the place
// named name at (lon, lat): named by its coordinates when name is empty.
func (b *builder) origin(r *data.Record, name string, lon, lat float64) error {
	if err := checkPoint(lon, lat); err != nil {
		return fmt.Errorf("origin: %v", err)
	}
	if name == "" {
		name = fmt.Sprintf("%.4f, %.4f", lat, lon)
	}
	o := b.place(name, lon, lat, b.countryAt(lon, lat))
	r.OriginPlace = &o
	r.Event.Origin = o.ID
	return nil
}

// originText is origin for coordinates given as text (a CSV cell, a KML
// field); with neither given the record has no origin.
func (b *builder) originText(r *data.Record, name, lonS, latS string) error {
	if lonS == "" && latS == "" {
		return nil
	}
	lon, err1 := parseCoord(lonS)
	lat, err2 := parseCoord(latS)
	if err := cmpErr(err1, err2); err != nil {
		return fmt.Errorf("origin: %v", err)
	}
	return b.origin(r, name, lon, lat)
}

// checkPoint reports coordinates that are not numbers in range.
func checkPoint(lon, lat float64) error {
	switch {
	case math.IsNaN(lon) || math.IsInf(lon, 0) || lon < -180 || lon > 180:
		return fmt.Errorf("longitude %v is outside -180..180", lon)
	case math.IsNaN(lat) || math.IsInf(lat, 0) || lat < -90 || lat > 90:
		return fmt.Errorf("latitude %v is outside -90..90", lat)
	}
	return nil
}

// parseCoord reads a decimal degree, with a comma accepted as the decimal
// separator.
func parseCoord(s string) (float64, error) {
	s = strings.TrimSpace(s)
	if strings.Count(s, ",") == 1 && !strings.Contains(s, ".") {
		s = strings.Replace(s, ",", ".", 1)
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, fmt.Errorf("%q is not a number", s)
	}
	return f, nil
}

// countryAt returns the alpha-3 code of the country at (lon, lat) that
// Options.Countries finds, or NoCountry at sea or without one.
func (b *builder) countryAt(lon, lat float64) string {
	if b.countries == nil {
		return NoCountry
	}
	b.countriesMu.Lock()
	defer b.countriesMu.Unlock()
	if c := b.countries.CountryCodeAt(orb.Point{lon, lat}); isAlpha3(c) {
		return c
	}
	return NoCountry
}

func isAlpha3(c string) bool {
	return len(c) == 3 && strings.Trim(c, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == ""
}

// cleanText checks a text field: valid UTF-8, no NUL or other control
// characters than tab and newlines, at most MaxFieldSize bytes. It returns
// the text trimmed.
func cleanText(what, s string) (string, error) {
	if textOK(s) {
		return strings.TrimSpace(s), nil
	}
	if len(s) > MaxFieldSize {
		return "", fmt.Errorf("%s is %d bytes long, more than the %d allowed", what, len(s), MaxFieldSize)
	}
	if !utf8.ValidString(s) {
		return "", fmt.Errorf("%s is not valid UTF-8 (save the file as UTF-8 and import it again)", what)
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return "", fmt.Errorf("%s holds the control character %#02x", what, c)
		}
	}
	return strings.TrimSpace(s), nil
}

// textOK reports quickly whether cleanText has nothing to say about s.
func textOK(s string) bool {
	if len(s) > MaxFieldSize {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= utf8.RuneSelf {
			return utf8.ValidString(s) && noControl(s[i:])
		}
	}
	return true
}

func noControl(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}

// checkID checks an event id from a file: not empty, at most 128 bytes,
// printable.
func checkID(id string) error {
	switch {
	case id == "":
		return fmt.Errorf("has no id")
	case len(id) > 128:
		return fmt.Errorf("id is %d bytes long, more than 128", len(id))
	}
	for _, r := range id {
		if r < 0x21 || r == 0x7f || r == utf8.RuneError {
			return fmt.Errorf("id %q holds a space or control character", id)
		}
	}
	return nil
}

// kindOf reads the kind a file gives (see kindNamed); an empty one is a
// report.
func kindOf(s string) (data.Kind, error) {
	if s == "" {
		return data.KindReport, nil
	}
	k, ok := kindNamed(s)
	if !ok {
		return 0, fmt.Errorf("kind %q is not a Sahel Atlas kind, a CAMEO code or an ACLED event type", s)
	}
	return k, nil
}

// addActors adds the actors a file names to r, each once, as people
// (files other than ACLED's say nothing of an actor's kind).
func (b *builder) addActors(r *data.Record, names []string) {
	for _, n := range names {
		a := b.actor(n, data.ActorPerson, "")
		if !slices.Contains(r.Event.Actors, a.ID) {
			r.Actors = append(r.Actors, a)
			r.Event.Actors = append(r.Event.Actors, a.ID)
		}
	}
}

// kindNamed reads a kind written as a data.Kind ("visit"), a CAMEO code
// ("042") or an ACLED event type ("Protests"); ok is false when it is none.
func kindNamed(s string) (data.Kind, bool) {
	s = strings.TrimSpace(s)
	if k, ok := data.ParseKind(strings.ToLower(s)); ok {
		return k, true
	}
	for _, k := range data.Kinds {
		if c := k.CAMEO(); c != "" && c == s {
			return k, true
		}
	}
	if s == data.CAMEOHost {
		return data.KindVisit, true
	}
	if k, ok := acledKinds[strings.ToLower(s)]; ok {
		return k, true
	}
	return 0, false
}

// citeSources makes the record cite the documents a file names (as the
// exports write them), or else the imported file itself, at the record's
// line or feature.
func (b *builder) citeSources(r *data.Record, docs []string) {
	if len(docs) == 0 {
		r.Event.Sources = b.provenanceRef(r.From)
		r.Sources = b.source
		return
	}
	for _, d := range docs {
		if !citesDocument(r.Event.Sources, d) {
			r.Event.Sources = append(r.Event.Sources, data.SourceRef{Document: d})
			r.Sources = append(r.Sources, data.Source{Document: d})
		}
	}
}

func citesDocument(refs []data.SourceRef, doc string) bool {
	for _, r := range refs {
		if r.Document == doc {
			return true
		}
	}
	return false
}
