package store

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/sahelatlas/sahelatlas/data"
)

// EncodeGeoJSON returns the annotations as a GeoJSON FeatureCollection. Each
// feature's id is the annotation's id and its properties hold every other
// field (title, text, tags, colour, event, from and to as YYYY-MM-DD,
// author, created, updated, and "schema"), so DecodeGeoJSON gives the annotations back
// unchanged.
func EncodeGeoJSON(as []data.Annotation) ([]byte, error) {
	fc := geojson.NewFeatureCollection()
	for _, a := range as {
		f := geojson.NewFeature(a.Geometry)
		f.ID = a.ID
		p := f.Properties
		p["schema"] = SchemaVersion
		p["title"] = a.Title
		p["text"] = a.Text
		tags := a.Tags
		if tags == nil {
			tags = []string{}
		}
		p["tags"] = tags
		p["colour"] = a.Colour
		p["event"] = a.EventID
		p["from"] = a.From.String()
		p["to"] = a.To.String()
		p["author"] = a.Author
		p["created"] = timeProperty(a.Created)
		p["updated"] = timeProperty(a.Updated)
		fc.Append(f)
	}
	b, err := json.MarshalIndent(fc, "", " ")
	if err != nil {
		return nil, fmt.Errorf("store: could not encode annotations as GeoJSON: %w", err)
	}
	return b, nil
}

func timeProperty(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// ImportError lists every feature DecodeGeoJSON rejected; when it is
// returned, nothing was taken from the file.
type ImportError struct {
	Features int      // features in the file
	Problems []string // "feature N: reason", one per rejected feature
}

// Error is one line: how many features were rejected and the first reasons.
func (e *ImportError) Error() string {
	shown := e.Problems
	more := ""
	if len(shown) > 5 {
		shown, more = shown[:5], fmt.Sprintf("; and %d more", len(e.Problems)-5)
	}
	return fmt.Sprintf("store: %d of %d features rejected, nothing imported: %s%s",
		len(e.Problems), e.Features, strings.Join(shown, "; "), more)
}

// DecodeGeoJSON reads a FeatureCollection written by EncodeGeoJSON or by
// another tool. A feature without a valid annotation id gets a new one; a
// feature without "title" takes "name"; polygon rings are turned to the
// RFC 7946 winding. Every feature is checked (Annotation.Validate) and any
// rejected feature makes the whole file rejected with an *ImportError.
func DecodeGeoJSON(file []byte) ([]data.Annotation, error) {
	fc, err := geojson.UnmarshalFeatureCollection(file)
	if err != nil {
		return nil, fmt.Errorf("store: not a GeoJSON FeatureCollection: %v", err)
	}
	ie := &ImportError{Features: len(fc.Features)}
	out := make([]data.Annotation, 0, len(fc.Features))
	now := time.Now().UTC()
	for i, f := range fc.Features {
		a, err := featureAnnotation(f, now)
		if err == nil {
			err = a.Validate()
		}
		if err != nil {
			ie.Problems = append(ie.Problems, fmt.Sprintf("feature %d: %s", i+1, strings.TrimPrefix(err.Error(), "data: ")))
			continue
		}
		out = append(out, a)
	}
	if len(ie.Problems) > 0 {
		return nil, ie
	}
	return out, nil
}

func featureAnnotation(f *geojson.Feature, now time.Time) (data.Annotation, error) {
	var a data.Annotation
	if id, ok := f.ID.(string); ok && data.ValidAnnotationID(id) {
		a.ID = id
	} else {
		a.ID = data.NewAnnotationID()
	}
	a.Geometry = f.Geometry
	if pg, ok := a.Geometry.(orb.Polygon); ok {
		a.Geometry = rewind(pg)
	}
	p := f.Properties
	a.Title = p.MustString("title", p.MustString("name", ""))
	a.Text = p.MustString("text", p.MustString("description", ""))
	a.Colour = p.MustString("colour", "")
	a.EventID = p.MustString("event", "")
	a.Author = p.MustString("author", "")
	switch tags := p["tags"].(type) {
	case nil:
	case string:
		a.Tags = data.SplitList(tags)
	case []any:
		for _, t := range tags {
			s, ok := t.(string)
			if !ok {
				return a, fmt.Errorf("tags must be strings, got %v", t)
			}
			a.Tags = append(a.Tags, s)
		}
	default:
		return a, fmt.Errorf("tags must be a list of strings")
	}
	var from, to time.Time
	for _, t := range []struct {
		name string
		dst  *time.Time
	}{{"from", &from}, {"to", &to}, {"created", &a.Created}, {"updated", &a.Updated}} {
		v, err := parseTimeProperty(p[t.name])
		if err != nil {
			return a, fmt.Errorf("%s: %v", t.name, err)
		}
		*t.dst = v
	}
	a.From, a.To = timeDay(from), timeDay(to)
	if a.Created.IsZero() {
		a.Created = now
	}
	if a.Updated.IsZero() {
		a.Updated = a.Created
	}
	if !a.From.IsZero() && a.To.IsZero() {
		a.To = a.From
	}
	return a, nil
}

// parseTimeProperty reads an RFC 3339 time or a YYYY-MM-DD date.
func parseTimeProperty(v any) (time.Time, error) {
	s, ok := v.(string)
	if v == nil || ok && s == "" {
		return time.Time{}, nil
	}
	if !ok {
		return time.Time{}, fmt.Errorf("%v is not a date", v)
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t.UTC(), nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is neither YYYY-MM-DD nor an RFC 3339 time", s)
	}
	return t, nil
}

// rewind turns a polygon's outer ring counter-clockwise and its holes
// clockwise (RFC 7946 §3.1.6), in a copy.
func rewind(pg orb.Polygon) orb.Polygon {
	pg = pg.Clone()
	for i, r := range pg {
		want := orb.CCW
		if i > 0 {
			want = orb.CW
		}
		if len(r) >= 4 && r.Orientation() != want && r.Orientation() != 0 {
			r.Reverse()
		}
	}
	return pg
}
