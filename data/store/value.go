package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"strconv"
	"strings"
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/tidwall/buntdb"

	"github.com/sahelatlas/sahelatlas/data"
)

// SchemaVersion is the version of the values this build writes. Every
// value starts with it, and "meta:schema" holds it for the whole store.
const SchemaVersion = 1

const (
	annotationPrefix = "annotation:"
	metaSchemaKey    = "meta:schema"
	// valueHeader is how every version-1 value starts; a CRC-32 (IEEE) of
	// everything after the header's 8 hex digits and `",` follows it.
	valueHeader    = `{"v":1,"crc":"`
	valueHeaderLen = len(valueHeader) + 8 + 2
	bboxPrefix     = `"bbox":[`
)

// annotationKey returns the store key of the annotation with id,
// "annotation:<id>".
func annotationKey(id string) string { return annotationPrefix + id }

// record is the JSON form of an annotation inside a value. Its date bounds
// are times (midnight UTC of the day), as the first stores wrote them, so
// stores written before and after annotations took data.Date open in both.
type record struct {
	ID       string            `json:"id"`
	Geometry *geojson.Geometry `json:"geometry"`
	Title    string            `json:"title"`
	Text     string            `json:"text,omitempty"`
	Tags     []string          `json:"tags,omitempty"`
	Colour   string            `json:"colour,omitempty"`
	EventID  string            `json:"event,omitempty"`
	From     time.Time         `json:"from,omitzero"`
	To       time.Time         `json:"to,omitzero"`
	Author   string            `json:"author,omitempty"`
	Created  time.Time         `json:"created"`
	Updated  time.Time         `json:"updated"`
}

// encodeValue returns the stored form of a:
//
//	{"v":1,"crc":"1a2b3c4d","bbox":[minLon,minLat,maxLon,maxLat],"a":{...}}
//
// The CRC covers every byte after `"crc":"…",`, so a byte changed in place
// anywhere in the bound or the annotation is caught when the store opens.
func encodeValue(a data.Annotation) (string, error) {
	rec := record{
		ID: a.ID, Geometry: geojson.NewGeometry(a.Geometry), Title: a.Title, Text: a.Text,
		Tags: a.Tags, Colour: a.Colour, EventID: a.EventID,
		From: dayTime(a.From), To: dayTime(a.To), Author: a.Author,
		Created: a.Created.UTC(), Updated: a.Updated.UTC(),
	}
	body, err := json.Marshal(rec)
	if err != nil {
		return "", fmt.Errorf("store: annotation %s could not be encoded: %w", a.ID, err)
	}
	b := a.Bound()
	var rest strings.Builder
	rest.Grow(len(body) + 96)
	rest.WriteString(bboxPrefix)
	for i, f := range []float64{b.Min[0], b.Min[1], b.Max[0], b.Max[1]} {
		if i > 0 {
			rest.WriteByte(',')
		}
		rest.WriteString(strconv.FormatFloat(f, 'g', -1, 64))
	}
	rest.WriteString(`],"a":`)
	rest.Write(body)
	rest.WriteByte('}')
	return seal([]byte(rest.String())), nil
}

// dayTime returns midnight UTC at the start of d, or the zero time for the
// zero Date: how a value stores an annotation's date bound.
func dayTime(d data.Date) time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	return d.Time()
}

// timeDay is the inverse of dayTime. Values written before annotations
// took data.Date may hold any time of day (a GeoJSON import kept the time
// it read): the bound is the UTC day of that time, the day the map showed.
func timeDay(t time.Time) data.Date {
	if t.IsZero() {
		return data.Date{}
	}
	return data.DateOf(t.UTC())
}

// errNewerSchema marks a value written by a newer Sahel Atlas.
var errNewerSchema = errors.New("written by a newer Sahel Atlas")

// checkValue verifies a value's schema version and CRC without decoding it.
func checkValue(v string) error {
	if !strings.HasPrefix(v, valueHeader) {
		if n, ok := leadingVersion(v); ok && n > SchemaVersion {
			return fmt.Errorf("schema version %d: %w", n, errNewerSchema)
		}
		return errors.New("the value does not start with a schema version this build reads")
	}
	if len(v) < valueHeaderLen || v[valueHeaderLen-2:valueHeaderLen] != `",` {
		return errors.New("the value's checksum field is damaged")
	}
	want, err := strconv.ParseUint(v[len(valueHeader):len(valueHeader)+8], 16, 32)
	if err != nil {
		return errors.New("the value's checksum field is damaged")
	}
	if got := crc32.ChecksumIEEE([]byte(v[valueHeaderLen:])); uint32(want) != got {
		return fmt.Errorf("checksum mismatch (stored %08x, computed %08x): bytes were changed", want, got)
	}
	return nil
}

// leadingVersion reads n from a value starting with {"v":n.
func leadingVersion(v string) (int, bool) {
	const p = `{"v":`
	if !strings.HasPrefix(v, p) {
		return 0, false
	}
	i := len(p)
	for i < len(v) && i < len(p)+9 && v[i] >= '0' && v[i] <= '9' {
		i++
	}
	n, err := strconv.Atoi(v[len(p):i])
	return n, err == nil
}

// decodeValue checks and decodes a stored value.
func decodeValue(v string) (data.Annotation, error) {
	if err := checkValue(v); err != nil {
		return data.Annotation{}, err
	}
	var doc struct {
		V    int        `json:"v"`
		BBox [4]float64 `json:"bbox"`
		A    record     `json:"a"`
	}
	if err := json.Unmarshal([]byte(v), &doc); err != nil {
		return data.Annotation{}, fmt.Errorf("the value is not valid JSON: %w", err)
	}
	if doc.A.Geometry == nil {
		return data.Annotation{}, errors.New("the value has no geometry")
	}
	r := doc.A
	a := data.Annotation{
		ID: r.ID, Geometry: r.Geometry.Geometry(), Title: r.Title, Text: r.Text, Tags: r.Tags,
		Colour: r.Colour, EventID: r.EventID, From: timeDay(r.From), To: timeDay(r.To), Author: r.Author,
		Created: r.Created, Updated: r.Updated,
	}
	if err := a.Validate(); err != nil {
		return data.Annotation{}, err
	}
	if b := a.Bound(); doc.BBox != [4]float64{b.Min[0], b.Min[1], b.Max[0], b.Max[1]} {
		return data.Annotation{}, errors.New("the stored bounding box does not match the geometry")
	}
	return a, nil
}

// valueRect is the spatial index's rect function. It reads the bound of a
// stored value from its fixed layout without decoding JSON, and reads a
// query written with buntdb.Rect through buntdb.IndexRect.
func valueRect(item string) (min, max []float64) {
	if !strings.HasPrefix(item, "{") {
		return buntdb.IndexRect(item)
	}
	if len(item) < valueHeaderLen || !strings.HasPrefix(item[valueHeaderLen:], bboxPrefix) {
		return nil, nil
	}
	s := item[valueHeaderLen+len(bboxPrefix):]
	var f [4]float64
	for i := range f {
		end := strings.IndexAny(s, ",]")
		if end < 0 {
			return nil, nil
		}
		x, err := strconv.ParseFloat(s[:end], 64)
		if err != nil {
			return nil, nil
		}
		f[i], s = x, s[end+1:]
	}
	return []float64{f[0], f[1]}, []float64{f[2], f[3]}
}

// queryRect is the buntdb.Rect string of a bound, for Intersects.
func queryRect(b orb.Bound) string {
	return buntdb.Rect([]float64{b.Min[0], b.Min[1]}, []float64{b.Max[0], b.Max[1]})
}
