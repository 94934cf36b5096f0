package article

import (
	"fmt"
	"strings"
	"time"

	"github.com/sahelatlas/sahelatlas/data"
)

// when is a date a sentence gives, at the precision it gives it.
type when struct {
	at, to     int    // the tokens it spans, [at, to)
	span       [2]int // and their bytes in the text
	start, end data.Date
	prec       data.Precision
	noYear     *data.MonthDay
	ongoing    bool
	relative   string // the words of a relative date, resolved against the publication date
	note       string // how vague the words are ("end of January")
}

var months = map[string]time.Month{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
	"oct": 10, "nov": 11, "dec": 12,
	"janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
	"aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
	"janv": 1, "fevr": 2, "avr": 4, "juil": 7,
}

// ambiguousMonths are month names that are also common words: they are a
// month only next to a number.
var ambiguousMonths = map[string]bool{"may": true, "mar": true, "mars": true, "jan": true, "dec": true, "sep": true, "nov": true, "oct": true, "jun": true, "jul": true, "aug": true, "apr": true, "feb": true}

var weekdays = map[string]time.Weekday{
	"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday, "thursday": time.Thursday,
	"friday": time.Friday, "saturday": time.Saturday, "sunday": time.Sunday,
	"lundi": time.Monday, "mardi": time.Tuesday, "mercredi": time.Wednesday, "jeudi": time.Thursday,
	"vendredi": time.Friday, "samedi": time.Saturday, "dimanche": time.Sunday,
}

// vagueMonth are the words before a month that make it vaguer without
// changing its precision ("end of January", "mi-septembre").
var vagueMonth = map[string]string{
	"end": "end of", "fin": "fin", "late": "late", "early": "early", "debut": "début", "mi": "mi-",
	"mid": "mid-", "beginning": "beginning of", "start": "start of", "middle": "middle of",
}

// monthContext are words that make a lone month a date ("in August", "en août").
var monthContext = map[string]bool{
	"in": true, "en": true, "since": true, "depuis": true, "of": true, "de": true, "during": true,
	"until": true, "by": true, "from": true, "au": true, "mois": true, "fin": true, "debut": true,
	"mi": true, "end": true, "late": true, "early": true, "mid": true, "last": true, "this": true, "next": true,
}

// dater finds dates in a sentence's tokens.
type dater struct {
	toks      []token
	published data.Date // zero when unknown
	lastYear  int       // the last year the article gave, for "that year"
	future    bool      // the sentence speaks of a plan: a weekday is the next one
}

func (d *dater) key(i int) string {
	if i < 0 || i >= len(d.toks) {
		return ""
	}
	return d.toks[i].key
}

func (d *dater) num(i int) int {
	if i < 0 || i >= len(d.toks) || !d.toks[i].word() {
		return -1
	}
	return d.toks[i].num
}

func (d *dater) punct(i int) byte {
	if i < 0 || i >= len(d.toks) {
		return 0
	}
	return d.toks[i].punct
}

func (d *dater) month(i int, loose bool) time.Month {
	if i < 0 || i >= len(d.toks) || !d.toks[i].word() {
		return 0
	}
	m := months[d.toks[i].key]
	if m != 0 && ambiguousMonths[d.toks[i].key] && !loose {
		return 0
	}
	if m != 0 && d.toks[i].key == "may" && !d.toks[i].upper {
		return 0
	}
	return m
}

func isYear(n, digits int) bool { return digits == 4 && n >= 1900 && n <= 2100 }

func (d *dater) year(i int) int {
	if i < 0 || i >= len(d.toks) || !d.toks[i].word() || !isYear(d.toks[i].num, d.toks[i].digits) {
		return 0
	}
	return d.toks[i].num
}

func isDay(n int) bool { return n >= 1 && n <= 31 }

// dayAt reads a day number at i ("9", "1er", "1st"), returning it and the
// next token.
func (d *dater) dayAt(i int) (int, int) {
	if i >= len(d.toks) || !d.toks[i].word() {
		return 0, i
	}
	k := d.toks[i].key
	if n := d.toks[i].num; isDay(n) && d.toks[i].digits <= 2 {
		return n, i + 1
	}
	for _, suf := range []string{"er", "st", "nd", "rd", "th"} {
		if len(k) > len(suf) && k[len(k)-len(suf):] == suf {
			if n, ok := digitsValue(k[:len(k)-len(suf)]); ok && isDay(n) {
				return n, i + 1
			}
		}
	}
	return 0, i
}

// all returns every date of the sentence, in order.
func (d *dater) all() []when {
	var out []when
	for i := 0; i < len(d.toks); {
		w, ok := d.at(i)
		if !ok {
			i++
			continue
		}
		if w.start.Year() != 0 {
			d.lastYear = w.end.Year()
		}
		w.span = [2]int{d.toks[w.at].start, d.toks[w.to-1].end}
		out = append(out, w)
		i = w.to
	}
	return out
}

func dayDate(y int, m time.Month, day int) (data.Date, bool) {
	dt := data.D(y, m, day)
	return dt, dt.Valid()
}

// at reads a date starting at token i.
func (d *dater) at(i int) (when, bool) {
	t := &d.toks[i]
	if !t.word() {
		return when{}, false
	}
	// 2025-08-15
	if isYear(t.num, t.digits) && d.punct(i+1) == '-' && d.num(i+2) > 0 && d.punct(i+3) == '-' && d.num(i+4) > 0 {
		if dt, ok := dayDate(t.num, time.Month(d.num(i+2)), d.num(i+4)); ok {
			return when{at: i, to: i + 5, start: dt, end: dt, prec: data.PrecisionDay}, true
		}
	}
	// 15/08/2025, 15.08.2025: day first unless the second cannot be a month
	if t.num > 0 && t.digits <= 2 {
		if p := d.punct(i + 1); (p == '/' || p == '.') && d.num(i+2) > 0 && d.punct(i+3) == p && d.year(i+4) > 0 {
			a, b, y := t.num, d.num(i+2), d.year(i+4)
			if b > 12 && a <= 12 {
				a, b = b, a
			}
			if dt, ok := dayDate(y, time.Month(b), a); ok {
				return when{at: i, to: i + 5, start: dt, end: dt, prec: data.PrecisionDay}, true
			}
		}
	}
	// 9 April 2025, le 16 avril 2024, 11-13 January 2025, 29 Oct 2025
	if day, j := d.dayAt(i); day > 0 {
		last, k := 0, j
		if d.punct(j) == '-' || d.key(j) == "au" || d.key(j) == "to" || d.key(j) == "and" || d.key(j) == "et" {
			if l, k2 := d.dayAt(j + 1); l > day {
				last, k = l, k2
			}
		}
		if m := d.month(k, true); m != 0 {
			return d.finishDay(i, k+1, m, day, last)
		}
	}
	// April 9, 2025; January 11-13, 2025; July 8; August 2020; in August
	if m := d.month(i, true); m != 0 {
		if day, j := d.dayAt(i + 1); day > 0 && d.year(i+1) == 0 {
			last, k := 0, j
			if d.punct(j) == '-' || d.key(j) == "to" || d.key(j) == "and" {
				if l, k2 := d.dayAt(j + 1); l > day {
					last, k = l, k2
				}
			}
			if d.punct(k) == ',' && d.year(k+1) > 0 {
				k++
			}
			return d.finishDay(i, k, m, day, last)
		}
		if y := d.year(i + 1); y > 0 {
			return monthOf(i, i+2, y, m, d.vague(i)), true
		}
		if d.punct(i+1) == ',' && d.year(i+2) > 0 {
			return monthOf(i, i+3, d.year(i+2), m, d.vague(i)), true
		}
		if d.month(i, false) != 0 && (monthContext[d.key(i-1)] || d.punct(i-1) == '-') {
			md := data.MonthDay{Month: m}
			return when{at: i, to: i + 1, prec: data.PrecisionMonth, noYear: &md, note: d.vague(i)}, true
		}
	}
	// 2013; in 2023 and 2024; 2023-2024; since 2021
	if y := d.year(i); y > 0 {
		w := when{at: i, to: i + 1, start: data.D(y, 1, 1), end: data.D(y, 12, 31), prec: data.PrecisionYear}
		if (d.key(i+1) == "and" || d.key(i+1) == "et" || d.key(i+1) == "to" || d.punct(i+1) == '-' || d.key(i+1) == "a") && d.year(i+2) > y {
			w.end, w.to = data.D(d.year(i+2), 12, 31), i+3
		}
		if k := d.key(i - 1); k == "since" || k == "depuis" {
			w.ongoing = true
		}
		return w, true
	}
	return d.relativeAt(i)
}

// vague returns the words before the month at i that make it vague.
func (d *dater) vague(i int) string {
	j := i - 1
	if d.punct(j) == '-' {
		j--
	}
	if d.key(j) == "of" || d.key(j) == "de" {
		j--
	}
	if d.key(j) == "the" {
		j--
	}
	return vagueMonth[d.key(j)]
}

func monthOf(at, to, y int, m time.Month, note string) when {
	return when{at: at, to: to, start: data.D(y, m, 1), end: data.D(y, m+1, 1).AddDays(-1), prec: data.PrecisionMonth, note: note}
}

// finishDay ends a day (or days first..last) of month m, with the year
// at k when there is one.
func (d *dater) finishDay(at, k int, m time.Month, first, last int) (when, bool) {
	if y := d.year(k); y > 0 {
		s, ok := dayDate(y, m, first)
		if !ok {
			return when{}, false
		}
		e := s
		if last > 0 {
			if e, ok = dayDate(y, m, last); !ok {
				return when{}, false
			}
		}
		return when{at: at, to: k + 1, start: s, end: e, prec: data.PrecisionDay}, true
	}
	md := data.MonthDay{Month: m, Day: first}
	if !md.Valid() {
		return when{}, false
	}
	return when{at: at, to: k, prec: data.PrecisionDay, noYear: &md}, true
}

// relativeAt reads a date relative to the publication date, or "that
// year".
func (d *dater) relativeAt(i int) (when, bool) {
	k := d.key(i)
	if (k == "that" && d.key(i+1) == "year") || (k == "cette" && d.key(i+1) == "annee" && d.key(i+2) == "la") || (k == "la" && d.key(i+1) == "meme" && d.key(i+2) == "annee") {
		if d.lastYear == 0 {
			return when{}, false
		}
		y := d.lastYear
		to := i + 2
		if k != "that" {
			to = i + 3
		}
		return when{at: i, to: to, start: data.D(y, 1, 1), end: data.D(y, 12, 31), prec: data.PrecisionYear, relative: "that year: " + fmt.Sprint(y)}, true
	}
	p := d.published
	if p.IsZero() {
		return when{}, false
	}
	day := func(to int, dt data.Date, words string) (when, bool) {
		return when{at: i, to: to, start: dt, end: dt, prec: data.PrecisionDay, relative: words}, true
	}
	switch k {
	case "yesterday", "hier":
		return day(i+1, p.AddDays(-1), k)
	case "today", "aujourdhui":
		return day(i+1, p, k)
	case "tomorrow", "demain":
		return day(i+1, p.AddDays(1), k)
	case "last", "this", "next", "on", "ce", "le", "dernier", "prochain":
		if wd, ok := weekdays[d.key(i+1)]; ok {
			to := i + 2
			mode := k
			if n := d.key(i + 2); n == "dernier" || n == "prochain" {
				mode, to = n, i+3
			}
			return day(to, d.weekday(wd, mode), d.words(i, to))
		}
		if k == "last" || k == "dernier" {
			return d.lastPeriod(i, d.key(i+1))
		}
		if k == "le" && (d.key(i+1) == "mois" || d.key(i+1) == "an" || d.key(i+1) == "annee") && (d.key(i+2) == "dernier" || d.key(i+2) == "derniere") {
			return d.lastPeriod(i, d.key(i+1))
		}
	}
	if wd, ok := weekdays[k]; ok && (weekdayFrench(k) || d.toks[i].upper) {
		mode := "on"
		to := i + 1
		if n := d.key(i + 1); n == "dernier" || n == "prochain" {
			mode, to = n, i+2
		}
		return day(to, d.weekday(wd, mode), d.words(i, to))
	}
	return when{}, false
}

// words returns the keys of tokens [i, to) joined by spaces.
func (d *dater) words(i, to int) string {
	var ks []string
	for ; i < to; i++ {
		ks = append(ks, d.key(i))
	}
	return strings.Join(ks, " ")
}

func weekdayFrench(k string) bool {
	switch k {
	case "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche":
		return true
	}
	return false
}

// lastPeriod reads "last month", "last year", "le mois dernier", "l'an dernier".
func (d *dater) lastPeriod(i int, unit string) (when, bool) {
	p := d.published
	to := i + 2
	if d.key(i) == "le" {
		to = i + 3
	}
	switch unit {
	case "month", "mois":
		s := data.D(p.Year(), p.Month(), 1).AddDays(-1)
		w := monthOf(i, to, s.Year(), s.Month(), "")
		w.relative = "last month"
		return w, true
	case "year", "an", "annee":
		y := p.Year() - 1
		return when{at: i, to: to, start: data.D(y, 1, 1), end: data.D(y, 12, 31), prec: data.PrecisionYear, relative: "last year"}, true
	}
	return when{}, false
}

// weekday resolves a weekday against the publication date: the most
// recent one on or before it ("on Friday", "ce mardi"), strictly before it
// ("last Friday", "vendredi dernier"), or the next one after it for a plan
// or "next Friday".
func (d *dater) weekday(wd time.Weekday, mode string) data.Date {
	p := d.published
	pw := p.Time().Weekday()
	switch {
	case mode == "next" || mode == "prochain" || d.future && mode != "last" && mode != "dernier":
		n := (int(wd) - int(pw) + 7) % 7
		if n == 0 {
			n = 7
		}
		return p.AddDays(n)
	case mode == "last" || mode == "dernier":
		n := (int(pw) - int(wd) + 7) % 7
		if n == 0 {
			n = 7
		}
		return p.AddDays(-n)
	}
	return p.AddDays(-((int(pw) - int(wd) + 7) % 7))
}
