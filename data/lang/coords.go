package lang

import (
	"math"
	"strconv"
	"strings"
)

// Decimal writes x with digits after the decimal point, as people read
// it: "12.6392" in English, "12,6392" in French. Files and flags keep the
// point (strconv), whatever the language.
func (t Tag) Decimal(x float64, digits int) string {
	s := strconv.FormatFloat(x, 'f', digits, 64)
	if t == French {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// LonLat writes a point as degrees and hemispheres, latitude first, with
// digits after the decimal point: "12.6392° N, 8.0029° W" in English,
// "12,6392° N, 8,0029° O" in French (a decimal comma, O for ouest, and
// no-break spaces before the hemispheres).
func (t Tag) LonLat(lon, lat float64, digits int) string {
	ns, ew, space := "N", "E", " "
	if t == French {
		space = nbsp
	}
	if lat < 0 {
		ns = "S"
	}
	if lon < 0 {
		ew = "W"
		if t == French {
			ew = "O"
		}
	}
	return t.Decimal(math.Abs(lat), digits) + "°" + space + ns + ", " + t.Decimal(math.Abs(lon), digits) + "°" + space + ew
}
