package exchange

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/sahelatlas/sahelatlas/data"
)

// readGeoJSON reads an RFC 7946 FeatureCollection (or one Feature) as a
// stream, one feature at a time. Point features become events; their
// properties are read as WriteGeoJSON writes them (id, start, end,
// precision, kind, title, summary, place, actors, countries, sources,
// date_note, no_year, year_inferred, confidence, origin), with the usual
// other names accepted (name or headline for title, description for
// summary, date or time for start). Other properties are kept in Extra.
// "crs" is ignored, as RFC 7946 says.
//
// With Options.Stream the events are passed as the features are read, so
// memory holds a feature and a batch of events, not the file; a feature
// may then be at most MaxFeatureSize.
func readGeoJSON(in io.Reader, name string, opts Options, res *Result) error {
	vc := &valueCap{r: in, max: MaxFeatureSize, what: "a feature"}
	vc.reset()
	if opts.Stream != nil {
		in = vc
	}
	sink := newRecordSink(res, opts)
	dec := json.NewDecoder(in)
	dec.UseNumber()
	bad := func(format string, a ...any) error {
		return fmt.Errorf("exchange: %s is not GeoJSON: %s (at byte %d)", name, fmt.Sprintf(format, a...), dec.InputOffset())
	}
	tok, err := dec.Token()
	if err != nil {
		return bad("%v", err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return bad("it does not start with an object")
	}
	b := newBuilder(name, opts.Countries)
	rej := rejecter{res}
	ids := map[string]bool{}
	var typ string
	n := 0
	var single map[string]json.RawMessage // a lone Feature's members
	for dec.More() {
		kt, err := dec.Token()
		if err != nil {
			return bad("%v", err)
		}
		key, _ := kt.(string)
		switch key {
		case "type":
			if err := dec.Decode(&typ); err != nil {
				return bad("type: %v", err)
			}
		case "features":
			t, err := dec.Token()
			if err != nil {
				return bad("%v", err)
			}
			if d, ok := t.(json.Delim); !ok || d != '[' {
				return bad("features is not an array")
			}
			for dec.More() {
				var raw json.RawMessage
				if err := dec.Decode(&raw); err != nil {
					return bad("feature %d: %v", n+1, err)
				}
				n++
				vc.reset()
				b.geojsonFeature(raw, n, sink, rej, ids)
				if sink.err != nil {
					return sink.err
				}
			}
			if _, err := dec.Token(); err != nil {
				return bad("%v", err)
			}
		default:
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return bad("%s: %v", key, err)
			}
			vc.reset()
			if key == "geometry" || key == "properties" || key == "id" {
				if single == nil {
					single = map[string]json.RawMessage{}
				}
				single[key] = raw
			}
		}
	}
	if _, err := dec.Token(); err != nil {
		return bad("%v", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return bad("there is more after the top-level object")
	}
	switch typ {
	case "FeatureCollection":
	case "Feature":
		if single == nil {
			single = map[string]json.RawMessage{}
		}
		single["type"] = json.RawMessage(`"Feature"`)
		raw, _ := json.Marshal(single)
		b.geojsonFeature(raw, 1, sink, rej, ids)
	default:
		return bad("type %q is not FeatureCollection or Feature", typ)
	}
	if sink.stream != nil {
		return sink.flush()
	}
	return nil
}

// depthOf returns how deeply raw JSON nests arrays and objects.
func depthOf(raw []byte) int {
	depth, most, inStr := 0, 0, false
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case inStr && c == '\\':
			i++
		case c == '"':
			inStr = !inStr
		case inStr:
		case c == '[' || c == '{':
			depth++
			most = max(most, depth)
		case c == ']' || c == '}':
			depth--
		}
	}
	return most
}

type gjGeometry struct {
	Type        string          `json:"type"`
	Coordinates json.RawMessage `json:"coordinates"`
}

type gjFeature struct {
	Type       string                     `json:"type"`
	ID         json.RawMessage            `json:"id"`
	Geometry   *gjGeometry                `json:"geometry"`
	Properties map[string]json.RawMessage `json:"properties"`
}

// gjSource is a source as WriteGeoJSON writes it.
type gjSource struct {
	Document  string `json:"document"`
	Outlet    string `json:"outlet,omitempty"`
	Author    string `json:"author,omitempty"`
	Headline  string `json:"headline,omitempty"`
	Published string `json:"published,omitempty"`
	Note      string `json:"note,omitempty"`
}

// gjOrigin is the place a visitor came from.
type gjOrigin struct {
	Name string  `json:"name"`
	Lon  float64 `json:"lon"`
	Lat  float64 `json:"lat"`
}

func (b *builder) geojsonFeature(raw []byte, n int, sink *recordSink, rej rejecter, ids map[string]bool) {
	r, err := b.geojsonRecord(raw, n)
	if err == nil && ids[r.Event.ID] {
		err = fmt.Errorf("id %q is used by an earlier feature", r.Event.ID)
	}
	if err != nil {
		rej.add(Problem{Feature: n, Reason: err.Error()})
		return
	}
	ids[r.Event.ID] = true
	sink.add(r)
}

// geojsonRecord maps one feature onto a record.
func (b *builder) geojsonRecord(raw []byte, n int) (data.Record, error) {
	r := data.Record{From: data.Provenance{File: b.file, Feature: n}}
	if d := depthOf(raw); d > maxJSONNesting {
		return r, fmt.Errorf("nests %d levels deep, more than the %d allowed", d, maxJSONNesting)
	}
	var f gjFeature
	if err := json.Unmarshal(raw, &f); err != nil {
		return r, fmt.Errorf("is not a GeoJSON Feature: %v", err)
	}
	if f.Type != "Feature" {
		return r, fmt.Errorf("type %q is not Feature", f.Type)
	}
	if f.Geometry == nil {
		return r, fmt.Errorf("has no geometry; only points are imported")
	}
	if f.Geometry.Type != "Point" {
		return r, fmt.Errorf("is a %s; only Point features are imported", f.Geometry.Type)
	}
	var pos []float64
	if err := json.Unmarshal(f.Geometry.Coordinates, &pos); err != nil || len(pos) < 2 || len(pos) > 3 {
		return r, fmt.Errorf("point coordinates are not [longitude, latitude]")
	}
	lon, lat := pos[0], pos[1]
	if err := checkPoint(lon, lat); err != nil {
		return r, err
	}
	p := props{m: f.Properties}
	e := &r.Event
	e.ID = p.str("id")
	if e.ID == "" {
		e.ID = jsonID(f.ID)
	}
	if e.ID == "" {
		e.ID = fmt.Sprintf("%s-feature-%d", data.Slug(b.file), n)
	}
	if err := checkID(e.ID); err != nil {
		return r, err
	}
	e.Title = p.str("title", "name", "headline")
	e.Summary = p.str("summary", "description", "notes")
	if p.err == nil && e.Title == "" {
		return r, fmt.Errorf("has no title (a title, name or headline property)")
	}
	startS, endS := p.str("start", "date", "time", "begin"), p.str("end")
	if s := p.str("precision"); s != "" {
		var ok bool
		if e.Precision, ok = data.ParsePrecision(s); !ok && p.err == nil {
			return r, fmt.Errorf("precision %q is not day, month, year or unknown", s)
		}
	}
	e.DateNote = p.str("date_note")
	e.YearInferred = p.str("year_inferred")
	e.Confidence = p.str("confidence")
	if p.has("ongoing") {
		e.Ongoing = string(p.m["ongoing"]) == "true"
	}
	if s := p.str("place_precision"); s != "" {
		if pp, ok := data.ParsePlacePrecision(s); ok {
			e.PlacePrecision = pp.Map() // an analyst's "town" or "country" as the map draws it
		} else if p.err == nil {
			return r, fmt.Errorf("place_precision %q is not approximate, inferred, exact, town, region or country (or empty: given)", s)
		}
	}
	placeName := p.str("place")
	kindS := p.str("kind")
	actors := p.list("actors")
	e.Countries = p.list("countries")
	if p.has("no_year") {
		var md data.MonthDay
		if err := json.Unmarshal(p.m["no_year"], &md); err != nil {
			return r, fmt.Errorf("no_year: %v", err)
		}
		e.NoYear = &md
	}
	var origin *gjOrigin
	if p.has("origin") && string(p.m["origin"]) != "null" {
		origin = new(gjOrigin)
		if err := json.Unmarshal(p.m["origin"], origin); err != nil {
			return r, fmt.Errorf("origin is not {name, lon, lat}: %v", err)
		}
	}
	var srcs []gjSource
	if p.has("sources") {
		if err := json.Unmarshal(p.m["sources"], &srcs); err != nil {
			return r, fmt.Errorf("sources is not a list of {document, ...}: %v", err)
		}
	}
	if p.err != nil {
		return r, p.err
	}
	switch {
	case startS != "":
		prec := e.Precision
		if err := datesOf(e, "", startS, endS, ""); err != nil {
			return r, err
		}
		if prec != 0 {
			e.Precision = prec
		}
	case e.NoYear == nil && e.DateNote == "":
		return r, fmt.Errorf("has no date (a start, date or time property)")
	case e.Precision == 0:
		e.Precision = data.PrecisionUnknown
	}
	kind, err := kindOf(kindS)
	if err != nil {
		return r, err
	}
	e.Kind = kind
	for i, c := range e.Countries {
		if !isAlpha3(c) {
			code := countryNamed(c)
			if code == "" {
				return r, fmt.Errorf("country %q is neither an alpha-3 code nor a country name", c)
			}
			e.Countries[i] = code
		}
	}
	country := ""
	if len(e.Countries) > 0 {
		country = e.Countries[0]
	} else {
		country = b.countryAt(lon, lat)
		e.Countries = []string{country}
	}
	if placeName == "" {
		placeName = fmt.Sprintf("%.4f, %.4f", lat, lon)
	}
	r.Place = b.place(placeName, lon, lat, country)
	e.Place = r.Place.ID
	if origin != nil {
		if err := b.origin(&r, origin.Name, origin.Lon, origin.Lat); err != nil {
			return r, err
		}
	}
	b.addActors(&r, actors)
	for _, s := range srcs {
		if strings.TrimSpace(s.Document) == "" {
			return r, fmt.Errorf("a source has no document")
		}
		src := data.Source{Document: s.Document, Outlet: s.Outlet, Author: s.Author, Headline: s.Headline}
		if s.Published != "" {
			d, err := ParseDay(s.Published)
			if err != nil {
				return r, fmt.Errorf("source %s: published: %v", s.Document, err)
			}
			src.Published = d
		}
		r.Sources = append(r.Sources, src)
		e.Sources = append(e.Sources, data.SourceRef{Document: s.Document, Note: s.Note})
	}
	if len(e.Sources) == 0 {
		e.Sources = b.provenanceRef(r.From)
		r.Sources = b.source
	}
	for _, k := range p.rest() {
		r.Extra = appendField(r.Extra, k, p.text(k))
	}
	if err := checkRecord(&r); err != nil {
		return r, err
	}
	return r, nil
}

// known are the properties geojsonRecord reads itself.
var known = map[string]bool{
	"id": true, "title": true, "name": true, "headline": true, "summary": true, "description": true,
	"notes": true, "start": true, "date": true, "time": true, "begin": true, "end": true,
	"precision": true, "date_note": true, "year_inferred": true, "confidence": true, "place": true,
	"kind": true, "cameo": true, "actors": true, "countries": true, "no_year": true, "origin": true,
	"sources": true, "ongoing": true, "place_precision": true,
}

// props reads feature properties, remembering the first problem.
type props struct {
	m   map[string]json.RawMessage
	err error
}

func (p *props) has(k string) bool { _, ok := p.m[k]; return ok }

// str returns the first of keys that is a non-null string (or number).
func (p *props) str(keys ...string) string {
	for _, k := range keys {
		raw, ok := p.m[k]
		if !ok || string(raw) == "null" {
			continue
		}
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			if len(raw) > 0 && (raw[0] == '-' || (raw[0] >= '0' && raw[0] <= '9')) {
				return string(raw)
			}
			if p.err == nil {
				p.err = fmt.Errorf("property %q is not text", k)
			}
			return ""
		}
		s, err := cleanText("property "+strconv.Quote(k), s)
		if err != nil && p.err == nil {
			p.err = err
		}
		return s
	}
	return ""
}

// list reads a list of strings, or one string of items separated by ';'.
func (p *props) list(k string) []string {
	raw, ok := p.m[k]
	if !ok || string(raw) == "null" {
		return nil
	}
	var xs []string
	if err := json.Unmarshal(raw, &xs); err != nil {
		return splitList(p.str(k))
	}
	var out []string
	for _, x := range xs {
		x, err := cleanText("property "+strconv.Quote(k), x)
		if err != nil && p.err == nil {
			p.err = err
		}
		if x != "" {
			out = append(out, x)
		}
	}
	return out
}

// text returns a property as text: a string as is, anything else as JSON.
func (p *props) text(k string) string {
	raw := p.m[k]
	var s string
	if json.Unmarshal(raw, &s) == nil {
		s, _ = cleanText(k, s)
		return s
	}
	if len(raw) > MaxFieldSize {
		return ""
	}
	return string(bytes.TrimSpace(raw))
}

// rest returns the properties not in known, sorted.
func (p *props) rest() []string {
	var ks []string
	for k := range p.m {
		if !known[k] && len(k) <= 256 {
			ks = append(ks, k)
		}
	}
	slices.Sort(ks)
	return ks
}

// jsonID reads a feature id, a string or a number.
func jsonID(raw json.RawMessage) string {
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		return n.String()
	}
	return ""
}

// checkRecord checks a record as a dataset would, so a file's problems are
// reported by line or feature at import rather than later.
func checkRecord(r *data.Record) error {
	places := []*data.Place{&r.Place}
	if r.OriginPlace != nil {
		places = append(places, r.OriginPlace)
	}
	actors := slices.Clone(r.Actors)
	ev := r.Event // validated as a copy: an event without actors stands for the unattributed one
	if len(actors) == 0 {
		actors = append(actors, &unattributed)
		ev.Actors = []string{unattributed.ID}
	}
	sources := make([]*data.Source, len(r.Sources))
	for i := range r.Sources {
		sources[i] = &r.Sources[i]
	}
	err := data.Validate(sources, places, actors, []*data.Event{&ev}, nil)
	var ve *data.ValidationError
	if errors.As(err, &ve) {
		var ws []string
		for _, p := range ve.Problems {
			ws = append(ws, p.What)
		}
		return errors.New(strings.Join(ws, "; "))
	}
	return err
}
