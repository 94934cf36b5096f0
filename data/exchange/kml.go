package exchange

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/data"
)

// placemark is what readKML gathers from one Placemark.
type placemark struct {
	name, description string
	when, begin, end  string
	geometry          string // Point, LineString, Polygon
	coords            []orb.Point
	coordText         strings.Builder
	data              map[string]string // ExtendedData Data name → value
	names             []string          // the Data names in the order written
	dataName          string
	tooLong           string // the first field over MaxFieldSize
}

// readKML reads KML placemarks as a stream of XML tokens. encoding/xml
// expands no entities but the five predefined ones (a DOCTYPE's are
// refused as unknown), never fetches anything, and is held here to
// MaxXMLDepth levels. NetworkLink and every href are ignored, never
// followed; descriptions are kept as plain text.
//
// With Options.Stream the events are passed as the placemarks are read, so
// memory holds a placemark and a batch of events, not the file; one XML
// token (a run of text) may then be at most MaxFeatureSize.
func readKML(in io.Reader, name string, opts Options, res *Result) error {
	vc := &valueCap{r: in, max: MaxFeatureSize, what: "a run of text"}
	vc.reset()
	if opts.Stream != nil {
		in = vc
	}
	sink := newRecordSink(res, opts)
	dec := xml.NewDecoder(in)
	dec.Strict = true
	dec.CharsetReader = func(charset string, r io.Reader) (io.Reader, error) {
		return nil, fmt.Errorf("the encoding %q is not UTF-8; save the file as UTF-8", charset)
	}
	b := newBuilder(name, opts.Countries)
	rej := rejecter{res}
	ids := map[string]bool{}
	var stack []string
	var pm *placemark
	n := 0
	field := "" // the element whose text is being read
	var text strings.Builder
	sawKML := false
	for {
		tok, err := dec.Token()
		vc.reset()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line, _ := dec.InputPos()
			return fmt.Errorf("exchange: %s line %d: not well-formed XML (%v); nothing imported", name, line, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) >= MaxXMLDepth {
				line, _ := dec.InputPos()
				return fmt.Errorf("exchange: %s line %d: elements nest more than %d deep; nothing imported", name, line, MaxXMLDepth)
			}
			local := t.Name.Local
			stack = append(stack, local)
			if local == "kml" {
				sawKML = true
			}
			switch {
			case local == "Placemark":
				if pm != nil {
					line, _ := dec.InputPos()
					return fmt.Errorf("exchange: %s line %d: a Placemark inside a Placemark", name, line)
				}
				n++
				pm = &placemark{data: map[string]string{}}
			case pm == nil:
			case local == "Point" || local == "LineString" || local == "Polygon":
				if pm.geometry == "" {
					pm.geometry = local
				}
			case local == "Data":
				pm.dataName = attr(t, "name")
			case local == "SimpleData":
				pm.dataName = attr(t, "name")
				field, text = "SimpleData", strings.Builder{}
			case local == "name" || local == "description" || local == "when" || local == "begin" ||
				local == "end" || local == "coordinates" || local == "value":
				field, text = local, strings.Builder{}
			}
		case xml.CharData:
			if field != "" && pm != nil {
				if text.Len()+len(t) > MaxFieldSize {
					if pm.tooLong == "" {
						pm.tooLong = field
					}
				} else {
					text.Write(t)
				}
			}
		case xml.EndElement:
			local := t.Name.Local
			if pm != nil && local == field {
				pm.set(field, text.String(), stack)
				field = ""
			}
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			if local == "Placemark" && pm != nil {
				r, err := b.kmlRecord(pm, n)
				if err == nil && ids[r.Event.ID] {
					err = fmt.Errorf("id %q is used by an earlier placemark", r.Event.ID)
				}
				if err != nil {
					rej.add(Problem{Feature: n, Reason: err.Error()})
				} else {
					ids[r.Event.ID] = true
					sink.add(r)
					if sink.err != nil {
						return sink.err
					}
				}
				pm = nil
			}
		}
	}
	if !sawKML {
		return fmt.Errorf("exchange: %s is not KML: it has no <kml> element", name)
	}
	if sink.stream != nil {
		return sink.flush()
	}
	return nil
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// set records the text of a field that ended, by where it sits.
func (pm *placemark) set(field, s string, stack []string) {
	parent := ""
	if len(stack) >= 2 {
		parent = stack[len(stack)-2]
	}
	switch field {
	case "name":
		if parent == "Placemark" {
			pm.name = s
		}
	case "description":
		if parent == "Placemark" {
			pm.description = s
		}
	case "when":
		if parent == "TimeStamp" {
			pm.when = s
		}
	case "begin":
		pm.begin = s
	case "end":
		if parent == "TimeSpan" {
			pm.end = s
		}
	case "coordinates":
		if pm.coords == nil {
			pm.coordText.WriteString(s)
			pm.coords = []orb.Point{}
		}
	case "value", "SimpleData":
		if pm.dataName != "" {
			if _, seen := pm.data[pm.dataName]; !seen {
				pm.names = append(pm.names, pm.dataName)
			}
			pm.data[pm.dataName] = s
		}
	}
}

// kmlRecord maps a placemark onto a record.
func (b *builder) kmlRecord(pm *placemark, n int) (data.Record, error) {
	r := data.Record{From: data.Provenance{File: b.file, Feature: n}}
	if pm.tooLong != "" {
		return r, fmt.Errorf("%s is longer than %d bytes", pm.tooLong, MaxFieldSize)
	}
	var err error
	clean := func(what, s string) string {
		if err != nil {
			return ""
		}
		s, err = cleanText(what, s)
		return s
	}
	e := &r.Event
	e.Title = clean("name", pm.name)
	e.Summary = clean("description", pm.description)
	get := func(k string) string { return clean(k, pm.data[k]) }
	e.ID = get("id")
	kindS, precS, placeName := get("kind"), get("precision"), get("place")
	e.DateNote, e.Confidence, e.YearInferred = get("date_note"), get("confidence"), get("year_inferred")
	e.Ongoing = get("ongoing") == "true"
	actors, countries, docs := splitList(get("actors")), splitList(get("countries")), splitList(get("sources"))
	noYear, notes := get("no_year"), get("source_notes")
	originName, originLon, originLat := get("origin"), get("origin_lon"), get("origin_lat")
	for _, n := range pm.names {
		if !kmlOwn[n] {
			r.Extra = appendField(r.Extra, n, get(n))
		}
	}
	if err != nil {
		return r, err
	}
	if e.ID == "" {
		e.ID = fmt.Sprintf("%s-placemark-%d", data.Slug(b.file), n)
	}
	if err := checkID(e.ID); err != nil {
		return r, err
	}
	if e.Title == "" {
		return r, fmt.Errorf("has no name")
	}
	// Coordinates: "lon,lat[,alt]" tuples separated by white space.
	for _, tuple := range strings.Fields(pm.coordText.String()) {
		parts := strings.Split(tuple, ",")
		if len(parts) < 2 || len(parts) > 3 {
			return r, fmt.Errorf("coordinates %q are not lon,lat[,alt]", tuple)
		}
		lon, err1 := strconv.ParseFloat(parts[0], 64)
		lat, err2 := strconv.ParseFloat(parts[1], 64)
		if err1 != nil || err2 != nil {
			return r, fmt.Errorf("coordinates %q are not numbers", tuple)
		}
		if err := checkPoint(lon, lat); err != nil {
			return r, err
		}
		pm.coords = append(pm.coords, orb.Point{lon, lat})
	}
	if len(pm.coords) == 0 {
		return r, fmt.Errorf("has no Point (or LineString, Polygon) with coordinates")
	}
	at := pm.coords[0]
	if pm.geometry != "Point" && len(pm.coords) > 1 {
		at = orb.MultiPoint(pm.coords).Bound().Center()
		r.Extra = appendField(r.Extra, "geometry", pm.geometry+" (placed at the centre of its bounds)")
	}
	switch {
	case pm.when != "":
		if err := datesOf(e, pm.when, "", "", ""); err != nil {
			return r, fmt.Errorf("TimeStamp: %v", err)
		}
	case pm.begin != "":
		if err := datesOf(e, "", pm.begin, pm.end, ""); err != nil {
			return r, fmt.Errorf("TimeSpan: %v", err)
		}
	case pm.end != "":
		return r, fmt.Errorf("TimeSpan has an end but no begin")
	case noYear != "" || e.DateNote != "":
		e.Precision = data.PrecisionUnknown
	default:
		return r, fmt.Errorf("has no TimeStamp or TimeSpan")
	}
	if precS != "" {
		var ok bool
		if e.Precision, ok = data.ParsePrecision(precS); !ok {
			return r, fmt.Errorf("precision %q is not day, month, year or unknown", precS)
		}
	}
	if noYear != "" {
		if e.NoYear, err = parseNoYear(noYear); err != nil {
			return r, err
		}
	}
	if e.Kind, err = kindOf(kindS); err != nil {
		return r, err
	}
	for _, c := range countries {
		code := countryNamed(c)
		if code == "" && isAlpha3(c) {
			code = c
		}
		if code == "" {
			return r, fmt.Errorf("country %q is neither an alpha-3 code nor a country name", c)
		}
		e.Countries = append(e.Countries, code)
	}
	if len(e.Countries) == 0 {
		e.Countries = []string{b.countryAt(at[0], at[1])}
	}
	if placeName == "" {
		placeName = fmt.Sprintf("%.4f, %.4f", at[1], at[0])
	}
	r.Place = b.place(placeName, at[0], at[1], e.Countries[0])
	e.Place = r.Place.ID
	b.addActors(&r, actors)
	if err := b.originText(&r, originName, originLon, originLat); err != nil {
		return r, err
	}
	b.citeSources(&r, docs)
	if err := citeNotes(&r, notes); err != nil {
		return r, err
	}
	if err := checkRecord(&r); err != nil {
		return r, err
	}
	return r, nil
}

// readKMZ reads the KML inside a KMZ archive: doc.kml, or else the first
// .kml entry at the root. Every entry must have a local name (no absolute
// path, no "..") and declare at most max bytes; the archive is refused
// otherwise.
//
// With Options.Stream, an archive whose first entry is doc.kml at its root
// (as Google Earth and most tools write a KMZ) is read as that entry
// unpacks, from the archive's first bytes on (see unzipFirst): neither the
// archive nor the KML is held, and the KML is read as a stream (readKML).
// Only doc.kml can be taken so: another .kml first may be followed by a
// doc.kml, which is the one read, and the archive's directory, at its end,
// is not read. Any other archive is read whole, within max: the zip
// format finds its entries from that directory. unbounded lifts the bound
// on what doc.kml unpacks to (a streamed import with no size cap asked
// for).
func readKMZ(in *bufio.Reader, name string, max int64, unbounded bool, opts Options, res *Result) error {
	if opts.Stream != nil {
		if entry, ok := unzipFirst(in, name, kmzDoc); ok {
			limit := max
			if unbounded {
				limit = math.MaxInt64
			}
			return entry.readCapped(limit, func(r io.Reader) error { return readKML(decodeKMZText(r), name, opts, res) })
		}
	}
	raw, err := io.ReadAll(&capReader{r: in, left: max, max: max, name: name})
	if err != nil {
		return err
	}
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return fmt.Errorf("exchange: %s is not a KMZ (zip) archive: %v", name, err)
	}
	if len(zr.File) > MaxKMZEntries {
		return fmt.Errorf("exchange: %s holds %d files, more than the %d a KMZ may", name, len(zr.File), MaxKMZEntries)
	}
	var doc *zip.File
	for _, f := range zr.File {
		n := strings.ReplaceAll(f.Name, "\\", "/")
		if !filepath.IsLocal(n) || strings.HasPrefix(n, "/") || strings.Contains(n, "\x00") {
			return fmt.Errorf("exchange: %s holds an entry named %q, outside the archive; refused", name, f.Name)
		}
		if f.UncompressedSize64 > uint64(max) {
			return fmt.Errorf("exchange: %s: entry %q unpacks to %d bytes, more than %d MiB; refused", name, f.Name, f.UncompressedSize64, max>>20)
		}
		if strings.EqualFold(path.Ext(n), ".kml") && (doc == nil || strings.EqualFold(n, "doc.kml")) && !strings.Contains(n, "/") {
			doc = f
		}
	}
	if doc == nil {
		return fmt.Errorf("exchange: %s holds no .kml file at its root", name)
	}
	rc, err := doc.Open()
	if err != nil {
		return fmt.Errorf("exchange: %s: cannot open %s: %v", name, doc.Name, err)
	}
	defer rc.Close()
	lr := &capReader{r: rc, left: max, max: max, name: name + ":" + doc.Name}
	err = readKML(decodeKMZText(lr), name, opts, res)
	if lr.err != nil && !errors.Is(lr.err, io.EOF) {
		return lr.err
	}
	return err
}

// kmzDoc reports whether an archive's entry at its root is a KMZ's
// doc.kml.
func kmzDoc(n string) bool { return strings.EqualFold(n, "doc.kml") }

// decodeKMZText strips a byte-order mark from the KML inside a KMZ.
func decodeKMZText(r io.Reader) io.Reader {
	br := newBufReader(r)
	head, _ := br.Peek(4)
	return decodeText(br, head, nil)
}
