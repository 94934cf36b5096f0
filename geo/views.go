package geo

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
)

// fixedViews are the named views that do not depend on the atlas.
var fixedViews = map[string]orb.Bound{
	// Mali, Sudan and France together; the Mapnik peer's Sahel frame.
	"sahel": {Min: orb.Point{-25, -5}, Max: orb.Point{50, 50}},
	"world": {Min: orb.Point{-180, -60}, Max: orb.Point{180, 80}},
	// Metropolitan France: the 10m geometry also holds the overseas
	// departments, from Guiana to Réunion.
	"france": {Min: orb.Point{-5.5, 41}, Max: orb.Point{10, 51.5}},
}

// countryViews are the named views framing one country's bound.
var countryViews = map[string]string{"mali": "MLI", "sudan": "SDN"}

// viewPadding is the share of a country's extent added on each side when a
// named view frames it.
const viewPadding = 0.1

// ViewBound returns the lon/lat bound of a named view: "sahel" (lon −25..50,
// lat −5..50), "world" (lon −180..180, lat −60..80), "mali" or "sudan" (the
// country's bound with 10 % padding), "france" (metropolitan France, lon
// −5.5..10, lat 41..51.5), or "W,S,E,N" in degrees. Names are
// case-insensitive. Every number must be finite (NaN and ±Inf are
// refused, as are degrees out of range). The atlas is needed only for the
// country views.
func ViewBound(name string, a *Atlas) (orb.Bound, error) {
	key := strings.ToLower(strings.TrimSpace(name))
	if b, ok := fixedViews[key]; ok {
		return b, nil
	}
	if code, ok := countryViews[key]; ok {
		var c *Country
		if a != nil {
			c = a.Country(code)
		}
		if c == nil {
			return orb.Bound{}, fmt.Errorf("geo: view %q needs the atlas's country %s, and there is none", name, code)
		}
		dx, dy := viewPadding*(c.Bound.Max[0]-c.Bound.Min[0]), viewPadding*(c.Bound.Max[1]-c.Bound.Min[1])
		return orb.Bound{Min: orb.Point{c.Bound.Min[0] - dx, c.Bound.Min[1] - dy}, Max: orb.Point{c.Bound.Max[0] + dx, c.Bound.Max[1] + dy}}, nil
	}
	if strings.Contains(key, ",") {
		return parseBound(name)
	}
	return orb.Bound{}, fmt.Errorf("geo: unknown view %q: use sahel, mali, sudan, france, world or W,S,E,N in degrees", name)
}

// CheckView reports what is wrong with name as a view, without the atlas:
// nil for a named view or a valid W,S,E,N, the error ViewBound would give
// otherwise. Flags are checked with it before the atlas is loaded.
func CheckView(name string) error {
	key := strings.ToLower(strings.TrimSpace(name))
	if _, ok := countryViews[key]; ok {
		return nil
	}
	_, err := ViewBound(name, nil)
	return err
}

// parseBound reads "W,S,E,N" in degrees.
func parseBound(s string) (orb.Bound, error) {
	parts := strings.Split(s, ",")
	if len(parts) != 4 {
		return orb.Bound{}, fmt.Errorf("geo: view %q has %d numbers, want 4: W,S,E,N in degrees", s, len(parts))
	}
	var v [4]float64
	for i, p := range parts {
		f, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return orb.Bound{}, fmt.Errorf("geo: view %q: %q is not a number of degrees", s, strings.TrimSpace(p))
		}
		v[i] = f
	}
	w, south, e, n := v[0], v[1], v[2], v[3]
	switch {
	case w < -180 || w > 180 || e < -180 || e > 180:
		return orb.Bound{}, fmt.Errorf("geo: view %q: longitudes %g and %g must be within −180..180", s, w, e)
	case south < -90 || south > 90 || n < -90 || n > 90:
		return orb.Bound{}, fmt.Errorf("geo: view %q: latitudes %g and %g must be within −90..90", s, south, n)
	case w >= e:
		return orb.Bound{}, fmt.Errorf("geo: view %q: west %g must be less than east %g", s, w, e)
	case south >= n:
		return orb.Bound{}, fmt.Errorf("geo: view %q: south %g must be less than north %g", s, south, n)
	}
	return orb.Bound{Min: orb.Point{w, south}, Max: orb.Point{e, n}}, nil
}
