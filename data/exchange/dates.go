package exchange

import (
	"fmt"
	"strings"
	"time"

	"github.com/sahelatlas/sahelatlas/data"
)

// The dates analysts' files hold, as readDate sees them.
type dateShape uint8

const (
	shapeISO     dateShape = iota + 1 // 2025-05-16, 2025/05/16, with or without a time
	shapeNamed                        // a month by name: 16 May 2025, 16-May-25, 12-September-22, May 16, 2025, 16 avril 2024
	shapeNumeric                      // day and month as numbers, year last: 16-05-2025, 16/05/2025, 5/16/2025, 16.05.25
	shapeSerial                       // a spreadsheet's day number: 45793
	shapeMonth                        // a month: 2025-05, May 2025, mai 2025
	shapeYear                         // a year: 2025
)

// dateReading is one date value read without the rest of its column: a
// numeric date keeps both of its first fields until the column says which
// is the day.
type dateReading struct {
	shape dateShape
	a, b  int        // numeric: the first and second fields as written
	year  int        // four digits (a two-digit year is resolved by readDate's caller)
	month time.Month // ISO, named and month shapes
	day   int        // ISO and named shapes
	yy    bool       // the year was written with two digits
}

// dateOrder is the order of day and month in a column's numeric dates.
type dateOrder uint8

const (
	orderUnknown dateOrder = iota
	orderDMY               // 16/05/2025: day first, as in most of the world and older ACLED files
	orderMDY               // 5/16/2025: month first, as Excel writes in the United States
)

func (o dateOrder) String() string {
	switch o {
	case orderDMY:
		return "day/month"
	case orderMDY:
		return "month/day"
	}
	return "unknown"
}

// fits tells which orders give a real day for a numeric reading.
func (r dateReading) fits() (dmy, mdy bool) {
	return data.D(r.year, time.Month(r.b), r.a).Valid(), data.D(r.year, time.Month(r.a), r.b).Valid()
}

// date returns the day r names, its numeric fields read in order o.
func (r dateReading) date(o dateOrder) data.Date {
	switch r.shape {
	case shapeNumeric:
		if o == orderMDY {
			return data.D(r.year, time.Month(r.a), r.b)
		}
		return data.D(r.year, time.Month(r.b), r.a)
	case shapeSerial:
		return data.D(1899, 12, 30).AddDays(r.day)
	}
	return data.D(r.year, r.month, r.day)
}

// readDate reads the form of one date. A two-digit year is left in
// r.year as written (0–99), with r.yy set. err says why s is no date.
func readDate(s string) (r dateReading, err error) {
	t := trimTime(strings.TrimSpace(s))
	var tok [4]dateToken
	n := tokenize(t, tok[:])
	if n > 0 && tok[0].num < 0 && weekday(tok[0].text) {
		copy(tok[:], tok[1:n])
		n--
	}
	bad := func() (dateReading, error) {
		return dateReading{}, fmt.Errorf("date %q is not written as a date Sahel Atlas reads (2025-05-16, 16 May 2025, 16-May-25, 16/05/2025, 5/16/2025)", s)
	}
	year := func(x dateToken) (int, bool, bool) {
		switch x.digits {
		case 4:
			return x.num, false, x.num >= 1
		case 2:
			return x.num, true, true
		}
		return 0, false, false
	}
	switch n {
	case 1:
		switch {
		case tok[0].digits == 4:
			r = dateReading{shape: shapeYear, year: tok[0].num}
		case tok[0].digits == 5 && tok[0].num >= 10000 && tok[0].num < 100000:
			r = dateReading{shape: shapeSerial, day: tok[0].num}
		default:
			return bad()
		}
	case 2:
		m := monthNamed(tok[0].text)
		y, yy, ok := year(tok[1])
		switch {
		case tok[0].digits == 4 && tok[1].digits > 0 && tok[1].digits <= 2:
			r = dateReading{shape: shapeMonth, year: tok[0].num, month: time.Month(tok[1].num)}
		case tok[1].digits == 4 && tok[0].digits > 0 && tok[0].digits <= 2:
			r = dateReading{shape: shapeMonth, year: tok[1].num, month: time.Month(tok[0].num)}
		case m != 0 && ok:
			r = dateReading{shape: shapeMonth, year: y, month: m, yy: yy}
		default:
			return bad()
		}
		if r.month < 1 || r.month > 12 {
			return dateReading{}, fmt.Errorf("date %q names no month", s)
		}
	case 3:
		m0, m1 := monthNamed(tok[0].text), monthNamed(tok[1].text)
		switch {
		case tok[0].digits == 4 && tok[1].digits > 0 && tok[2].digits > 0 && tok[1].digits <= 2 && tok[2].digits <= 2:
			r = dateReading{shape: shapeISO, year: tok[0].num, month: time.Month(tok[1].num), day: tok[2].num}
		case tok[0].digits > 0 && tok[0].digits <= 2 && m1 != 0:
			y, yy, ok := year(tok[2])
			if !ok {
				return bad()
			}
			r = dateReading{shape: shapeNamed, year: y, yy: yy, month: m1, day: tok[0].num}
		case m0 != 0 && tok[1].digits > 0 && tok[1].digits <= 2:
			y, yy, ok := year(tok[2])
			if !ok {
				return bad()
			}
			r = dateReading{shape: shapeNamed, year: y, yy: yy, month: m0, day: tok[1].num}
		case tok[0].digits > 0 && tok[0].digits <= 2 && tok[1].digits > 0 && tok[1].digits <= 2:
			y, yy, ok := year(tok[2])
			if !ok {
				return bad()
			}
			r = dateReading{shape: shapeNumeric, a: tok[0].num, b: tok[1].num, year: y, yy: yy}
		default:
			return bad()
		}
	default:
		return bad()
	}
	return r, nil
}

// dateToken is a run of digits (num ≥ 0) or of letters (num < 0).
type dateToken struct {
	text   string
	num    int
	digits int
}

// atoi reads a short run of ASCII digits.
func atoi(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// tokenize splits a date into at most len(out) runs of digits or letters,
// separated by spaces, '-', '/', '.' or ','; "1er", "16th" and the like are
// their number. It returns 0 when s has more runs or other characters.
func tokenize(s string, out []dateToken) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '-' || c == '/' || c == '.' || c == ',' || c == '\t':
			i++
			continue
		case n == len(out):
			return 0
		}
		j := i
		if c >= '0' && c <= '9' {
			v := 0
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				if j-i < 9 {
					v = v*10 + int(s[j]-'0')
				}
				j++
			}
			d := j - i
			// An ordinal suffix: 1st, 2nd, 3rd, 16th, 1er, 1re.
			k := j
			for k < len(s) && isLetter(s[k]) {
				k++
			}
			if suf := strings.ToLower(s[j:k]); k > j {
				switch suf {
				case "st", "nd", "rd", "th", "er", "re", "e":
					j = k
				default:
					return 0
				}
			}
			out[n] = dateToken{text: s[i:j], num: v, digits: d}
		} else {
			for j < len(s) && !strings.ContainsRune(" -/.,\t0123456789", rune(s[j])) {
				j++
			}
			if j == i {
				return 0
			}
			out[n] = dateToken{text: s[i:j], num: -1}
		}
		n++
		i = j
	}
	return n
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// trimTime drops a time of day after a date: "2025-05-16T10:00:00Z",
// "5/16/2025 0:00", "16/05/2025 14:30:00 PM".
func trimTime(s string) string {
	if len(s) > 10 && s[4] == '-' && s[10] == 'T' {
		return s[:10]
	}
	for {
		i := strings.LastIndexByte(s, ' ')
		if i < 0 {
			return s
		}
		last := s[i+1:]
		if !strings.Contains(last, ":") && !strings.EqualFold(last, "AM") && !strings.EqualFold(last, "PM") && !strings.EqualFold(last, "UTC") {
			return s
		}
		s = strings.TrimSpace(s[:i])
	}
}

// months names each month in English and French, full and abbreviated,
// folded to lower-case ASCII.
var months = map[string]time.Month{
	"jan": 1, "january": 1, "janv": 1, "janvier": 1,
	"feb": 2, "february": 2, "fev": 2, "fevr": 2, "fevrier": 2,
	"mar": 3, "march": 3, "mars": 3,
	"apr": 4, "april": 4, "avr": 4, "avril": 4,
	"may": 5, "mai": 5,
	"jun": 6, "june": 6, "juin": 6,
	"jul": 7, "july": 7, "juil": 7, "juillet": 7,
	"aug": 8, "august": 8, "aou": 8, "aout": 8,
	"sep": 9, "sept": 9, "september": 9, "septembre": 9,
	"oct": 10, "october": 10, "octobre": 10,
	"nov": 11, "november": 11, "novembre": 11,
	"dec": 12, "december": 12, "decembre": 12,
}

// monthNamed reads a month name in English or French, full or
// abbreviated, in any case, with or without accents; 0 when s is none.
func monthNamed(s string) time.Month {
	s = strings.TrimSuffix(s, ".")
	if len(s) < 3 || len(s) > 12 {
		return 0
	}
	var low [12]byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return months[data.Fold(s)]
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		low[i] = c
	}
	return months[string(low[:len(s)])]
}

var weekdays = map[string]bool{
	"mon": true, "monday": true, "tue": true, "tues": true, "tuesday": true, "wed": true, "wednesday": true,
	"thu": true, "thur": true, "thurs": true, "thursday": true, "fri": true, "friday": true, "sat": true,
	"saturday": true, "sun": true, "sunday": true, "lundi": true, "mardi": true, "mercredi": true,
	"jeudi": true, "vendredi": true, "samedi": true, "dimanche": true,
}

func weekday(s string) bool { return len(s) >= 3 && len(s) <= 9 && weekdays[data.Fold(s)] }

// layoutOf describes how s writes a date, for messages: "d-Mon-yy",
// "d Month yyyy", "yyyy-mm-dd", "d/m/yyyy" (o orders a numeric date; with
// orderUnknown it is written "d/m/yyyy or m/d/yyyy").
func layoutOf(s string, o dateOrder) string {
	r, err := readDate(s)
	if err != nil {
		return "unknown"
	}
	sep := "-"
	for _, c := range []string{"/", "-", ".", " "} {
		if strings.Contains(strings.TrimSpace(trimTime(s)), c) {
			sep = c
			break
		}
	}
	y := "yyyy"
	if r.yy {
		y = "yy"
	}
	switch r.shape {
	case shapeISO:
		return "yyyy" + sep + "mm" + sep + "dd"
	case shapeYear:
		return "yyyy"
	case shapeSerial:
		return "a spreadsheet day number"
	case shapeMonth:
		return "a month"
	case shapeNumeric:
		switch o {
		case orderDMY:
			return "d" + sep + "m" + sep + y
		case orderMDY:
			return "m" + sep + "d" + sep + y
		}
		return "d" + sep + "m" + sep + y + " or m" + sep + "d" + sep + y
	}
	var tok [4]dateToken
	n := tokenize(trimTime(strings.TrimSpace(s)), tok[:])
	mon := "Month"
	for _, t := range tok[:n] {
		if t.num < 0 && monthNamed(t.text) != 0 && (len(t.text) == 3 || strings.HasSuffix(t.text, ".") || strings.EqualFold(t.text, "sept")) {
			mon = "Mon"
		}
	}
	if tok[0].num < 0 && monthNamed(tok[0].text) != 0 {
		return mon + " d, " + y
	}
	return "d" + sep + mon + sep + y
}

// ParseDay reads one day written in any layout readDate knows whose day
// and month cannot be mistaken for each other: 2025-05-16 (ISO, or an ISO
// date-time whose date is kept), 16 May 2025, 16-May-25, 12-September-22,
// 16 avril 2024, May 16, 2025, and numeric dates such as 16-05-2025 or
// 5/16/2025 when one field is over 12 (or both are the same). A numeric
// date that could be either way is refused: a whole column tells which
// (see Options.DateFormat). Two-digit years are read as the latest such
// year not after next year. It refuses days that do not exist.
func ParseDay(s string) (data.Date, error) {
	r, err := readDate(s)
	if err != nil {
		return data.Date{}, err
	}
	if r.yy {
		r.year = pivotYear(r.year)
	}
	if r.shape == shapeYear || r.shape == shapeMonth {
		return data.Date{}, fmt.Errorf("date %q is not a day", s)
	}
	d, _, _, err := periodOf(r, orderUnknown, s)
	return d, err
}

// pivotYear reads a two-digit year as the latest year ending in those
// digits that is not after next year: in 2025, 26 is 2026 and 27 is 1927.
func pivotYear(yy int) int {
	last := lastPivotYear()
	y := last/100*100 + yy
	if y > last {
		y -= 100
	}
	return y
}

// lastPivotYear is the latest year a two-digit year is read as: next year.
func lastPivotYear() int { return time.Now().Year() + 1 }

// ParsePeriod reads a KML or ISO 8601 time, which may be a year (2025), a
// month (2025-05), a day (2025-05-16) or a date-time (whose date is kept),
// and returns the first and last day it covers with its precision. Days in
// the other layouts ParseDay reads are read too.
func ParsePeriod(s string) (start, end data.Date, p data.Precision, err error) {
	r, err := readDate(s)
	if err != nil {
		return data.Date{}, data.Date{}, 0, fmt.Errorf("time %q is not a year, YYYY-MM, a date or a date-time", strings.TrimSpace(s))
	}
	if r.yy {
		r.year = pivotYear(r.year)
	}
	return periodOf(r, orderUnknown, s)
}

// periodOf returns the days a reading covers and its precision; a numeric
// date is read in order o, or on its own when o is orderUnknown.
func periodOf(r dateReading, o dateOrder, s string) (start, end data.Date, p data.Precision, err error) {
	switch r.shape {
	case shapeYear:
		if r.year < 1 || r.year > 9999 {
			return data.Date{}, data.Date{}, 0, fmt.Errorf("year %q is outside 1–9999", s)
		}
		return data.D(r.year, 1, 1), data.D(r.year, 12, 31), data.PrecisionYear, nil
	case shapeMonth:
		first := data.D(r.year, r.month, 1)
		if !first.Valid() {
			return data.Date{}, data.Date{}, 0, fmt.Errorf("month %q does not exist", s)
		}
		return first, data.D(r.year, r.month+1, 1).AddDays(-1), data.PrecisionMonth, nil
	case shapeNumeric:
		if o == orderUnknown {
			switch dmy, mdy := r.fits(); {
			case dmy && mdy && r.a != r.b:
				return data.Date{}, data.Date{}, 0, fmt.Errorf("date %q could be day/month or month/day; write it 2006-01-02", s)
			case mdy && !dmy:
				o = orderMDY
			default:
				o = orderDMY
			}
		}
	}
	d := r.date(o)
	if !d.Valid() {
		return data.Date{}, data.Date{}, 0, fmt.Errorf("date %q does not exist", s)
	}
	return d, d, data.PrecisionDay, nil
}
