package data

import (
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/paulmach/orb"
)

// Annotation is an analyst's note placed on the map: a point, a line or an
// area with a title, free text, tags and a colour. It may comment on an
// event and may carry a date or a date range so it follows the timeline.
type Annotation struct {
	ID       string       // sortable unique id, see NewAnnotationID; set by the store when empty
	Geometry orb.Geometry // orb.Point, orb.LineString or orb.Polygon, in lon/lat
	Title    string       // one line
	Text     string       // several lines
	Tags     []string     // free words, no commas
	Colour   string       // "#rrggbb", empty for the default colour
	EventID  string       // the event it comments on, empty for none
	From     Date         // first day of the date or date range, zero for none
	To       Date         // last day of the date range; equal to From for a single date
	Author   string       // the name set in the app's preferences
	Created  time.Time    // set by the store when the annotation is added
	Updated  time.Time    // set by the store on every save
}

// Bound returns the bounding box of the annotation's geometry.
func (a Annotation) Bound() orb.Bound {
	if a.Geometry == nil {
		return orb.Bound{}
	}
	return a.Geometry.Bound()
}

// Position returns one point that stands for the annotation in a list: the
// point itself, or the centre of a line's or an area's bounding box.
func (a Annotation) Position() orb.Point {
	if p, ok := a.Geometry.(orb.Point); ok {
		return p
	}
	return a.Bound().Center()
}

// Validate reports the first thing that makes the annotation unfit to be
// saved: an id that NewAnnotationID would not make, a missing title, a
// geometry that is not a point, line or area in lon/lat, a bad colour or
// date range.
func (a Annotation) Validate() error {
	if !ValidAnnotationID(a.ID) {
		return fmt.Errorf("data: annotation id %q is not a valid id (24 lowercase hex digits)", a.ID)
	}
	if strings.TrimSpace(a.Title) == "" {
		return fmt.Errorf("data: annotation %s has no title", a.ID)
	}
	if strings.IndexFunc(a.Title, unicode.IsControl) >= 0 {
		return fmt.Errorf("data: annotation %s: the title must be one line without control characters", a.ID)
	}
	for _, t := range a.Tags {
		if strings.TrimSpace(t) == "" || strings.ContainsRune(t, ',') || strings.IndexFunc(t, unicode.IsControl) >= 0 {
			return fmt.Errorf("data: annotation %s: tag %q must be a non-empty word without commas", a.ID, t)
		}
	}
	if a.Colour != "" && !validColour(a.Colour) {
		return fmt.Errorf("data: annotation %s: colour %q is not of the form #rrggbb", a.ID, a.Colour)
	}
	if err := a.validDates(); err != nil {
		return err
	}
	return validAnnotationGeometry(a.ID, a.Geometry)
}

// validDates checks the date or date range.
func (a Annotation) validDates() error {
	for _, d := range [...]struct {
		name string
		date Date
	}{{"start", a.From}, {"end", a.To}} {
		if !d.date.IsZero() && !d.date.Valid() {
			return fmt.Errorf("data: annotation %s: the %s date %04d-%02d-%02d does not exist", a.ID, d.name, d.date.Year(), int(d.date.Month()), d.date.Day())
		}
	}
	if a.From.IsZero() && !a.To.IsZero() {
		return fmt.Errorf("data: annotation %s: the date range has an end but no start", a.ID)
	}
	if !a.To.IsZero() && a.To.Before(a.From) {
		return fmt.Errorf("data: annotation %s: the date range ends (%s) before it starts (%s)", a.ID, a.To, a.From)
	}
	return nil
}

// validColour reports whether c is written #rrggbb in hex digits.
func validColour(c string) bool {
	if len(c) != 7 || c[0] != '#' {
		return false
	}
	_, err := hex.DecodeString(c[1:])
	return err == nil
}

func validAnnotationGeometry(id string, g orb.Geometry) error {
	switch g := g.(type) {
	case orb.Point:
		return validAnnotationPoint(id, g)
	case orb.LineString:
		if len(g) < 2 {
			return fmt.Errorf("data: annotation %s: a line needs at least 2 points, it has %d", id, len(g))
		}
		for _, p := range g {
			if err := validAnnotationPoint(id, p); err != nil {
				return err
			}
		}
		return nil
	case orb.Polygon:
		if len(g) == 0 {
			return fmt.Errorf("data: annotation %s: an area needs an outer ring", id)
		}
		for i, r := range g {
			if len(r) < 4 || !r.Closed() {
				return fmt.Errorf("data: annotation %s: ring %d of the area needs at least 4 points and must be closed", id, i)
			}
			for _, p := range r {
				if err := validAnnotationPoint(id, p); err != nil {
					return err
				}
			}
		}
		return nil
	case nil:
		return fmt.Errorf("data: annotation %s has no geometry", id)
	default:
		return fmt.Errorf("data: annotation %s: geometry %s is not a point, a line or an area", id, g.GeoJSONType())
	}
}

func validAnnotationPoint(id string, p orb.Point) error {
	lon, lat := p[0], p[1]
	if math.IsNaN(lon) || math.IsNaN(lat) || lon < -180 || lon > 180 || lat < -90 || lat > 90 {
		return fmt.Errorf("data: annotation %s: position (%g, %g) is outside lon -180..180, lat -90..90", id, lon, lat)
	}
	return nil
}

// annotationIDs keeps NewAnnotationID monotonic within the process.
var annotationIDs struct {
	sync.Mutex
	ms   uint64
	rand uint64
}

// NewAnnotationID returns a new annotation id: 24 lowercase hex digits,
// the first 12 the creation time in milliseconds and the last 12 random.
// Ids sort by creation time, and ids made in one process never repeat.
func NewAnnotationID() string {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic("data: no randomness: " + err.Error()) // crypto/rand never fails on supported systems
	}
	ms := uint64(time.Now().UnixMilli())
	r := binary.BigEndian.Uint64(b[:]) & (1<<48 - 1)
	annotationIDs.Lock()
	if ms <= annotationIDs.ms {
		ms = annotationIDs.ms
		r = annotationIDs.rand + 1
		if r >= 1<<48 {
			ms, r = ms+1, 0
		}
	}
	annotationIDs.ms, annotationIDs.rand = ms, r
	annotationIDs.Unlock()
	return fmt.Sprintf("%012x%012x", ms&(1<<48-1), r)
}

// ValidAnnotationID reports whether id has the form NewAnnotationID makes.
func ValidAnnotationID(id string) bool {
	if len(id) != 24 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}
