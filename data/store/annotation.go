package store

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
	ID       string       // sortable unique id, see NewID; set by Store.Add when empty
	Geometry orb.Geometry // orb.Point, orb.LineString or orb.Polygon, in lon/lat
	Title    string       // one line
	Text     string       // several lines
	Tags     []string     // free words, no commas
	Colour   string       // "#rrggbb", empty for the default colour
	EventID  string       // the event it comments on, empty for none
	From     time.Time    // start of the date or date range, zero for none
	To       time.Time    // end of the date range; equal to From for a single date
	Author   string       // the name set in the app's preferences
	Created  time.Time    // set by Store.Add
	Updated  time.Time    // set by Store.Add and Store.Put
}

// Key returns the store key of the annotation, "annotation:<id>".
func (a Annotation) Key() string { return annotationPrefix + a.ID }

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
// saved: an id that NewID would not make, a missing title, a geometry that
// is not a point, line or area in lon/lat, a bad colour or date range.
func (a Annotation) Validate() error {
	if !ValidID(a.ID) {
		return fmt.Errorf("store: annotation id %q is not a valid id (24 lowercase hex digits)", a.ID)
	}
	if strings.TrimSpace(a.Title) == "" {
		return fmt.Errorf("store: annotation %s has no title", a.ID)
	}
	if strings.IndexFunc(a.Title, unicode.IsControl) >= 0 {
		return fmt.Errorf("store: annotation %s: the title must be one line without control characters", a.ID)
	}
	for _, t := range a.Tags {
		if strings.TrimSpace(t) == "" || strings.ContainsRune(t, ',') || strings.IndexFunc(t, unicode.IsControl) >= 0 {
			return fmt.Errorf("store: annotation %s: tag %q must be a non-empty word without commas", a.ID, t)
		}
	}
	if a.Colour != "" && !validColour(a.Colour) {
		return fmt.Errorf("store: annotation %s: colour %q is not of the form #rrggbb", a.ID, a.Colour)
	}
	if !a.From.IsZero() && !a.To.IsZero() && a.To.Before(a.From) {
		return fmt.Errorf("store: annotation %s: the date range ends (%s) before it starts (%s)", a.ID, a.To.Format(time.DateOnly), a.From.Format(time.DateOnly))
	}
	if a.From.IsZero() && !a.To.IsZero() {
		return fmt.Errorf("store: annotation %s: the date range has an end but no start", a.ID)
	}
	return validGeometry(a.ID, a.Geometry)
}

func validColour(c string) bool {
	if len(c) != 7 || c[0] != '#' {
		return false
	}
	_, err := hex.DecodeString(c[1:])
	return err == nil
}

func validGeometry(id string, g orb.Geometry) error {
	switch g := g.(type) {
	case orb.Point:
		return validPoint(id, g)
	case orb.LineString:
		if len(g) < 2 {
			return fmt.Errorf("store: annotation %s: a line needs at least 2 points, it has %d", id, len(g))
		}
		for _, p := range g {
			if err := validPoint(id, p); err != nil {
				return err
			}
		}
		return nil
	case orb.Polygon:
		if len(g) == 0 {
			return fmt.Errorf("store: annotation %s: an area needs an outer ring", id)
		}
		for i, r := range g {
			if len(r) < 4 || !r.Closed() {
				return fmt.Errorf("store: annotation %s: ring %d of the area needs at least 4 points and must be closed", id, i)
			}
			for _, p := range r {
				if err := validPoint(id, p); err != nil {
					return err
				}
			}
		}
		return nil
	case nil:
		return fmt.Errorf("store: annotation %s has no geometry", id)
	default:
		return fmt.Errorf("store: annotation %s: geometry %s is not a point, a line or an area", id, g.GeoJSONType())
	}
}

func validPoint(id string, p orb.Point) error {
	lon, lat := p[0], p[1]
	if math.IsNaN(lon) || math.IsNaN(lat) || lon < -180 || lon > 180 || lat < -90 || lat > 90 {
		return fmt.Errorf("store: annotation %s: position (%g, %g) is outside lon -180..180, lat -90..90", id, lon, lat)
	}
	return nil
}

// idState keeps NewID monotonic within the process.
var idState struct {
	sync.Mutex
	ms   uint64
	rand uint64
}

// NewID returns a new annotation id: 24 lowercase hex digits, the first 12
// the creation time in milliseconds and the last 12 random. Ids sort by
// creation time, and ids made in one process never repeat.
func NewID() string {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic("store: no randomness: " + err.Error()) // crypto/rand never fails on supported systems
	}
	ms := uint64(time.Now().UnixMilli())
	r := binary.BigEndian.Uint64(b[:]) & (1<<48 - 1)
	idState.Lock()
	if ms <= idState.ms {
		ms = idState.ms
		r = idState.rand + 1
		if r >= 1<<48 {
			ms, r = ms+1, 0
		}
	}
	idState.ms, idState.rand = ms, r
	idState.Unlock()
	return fmt.Sprintf("%012x%012x", ms&(1<<48-1), r)
}

// ValidID reports whether id has the form NewID makes.
func ValidID(id string) bool {
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
