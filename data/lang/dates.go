package lang

import (
	"strconv"
	"time"
)

// monthsFR and monthsShortFR are the French months, whole and abbreviated
// as CLDR and the Imprimerie nationale write them.
var (
	monthsFR      = [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
	monthsShortFR = [12]string{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."}
)

// Month is the month of d, whole ("April", "avril").
func (t Tag) Month(m time.Month) string {
	if t == French {
		return monthsFR[m-1]
	}
	return m.String()
}

// MonthShort is the month abbreviated ("Sep", "sept.").
func (t Tag) MonthShort(m time.Month) string {
	if t == French {
		return monthsShortFR[m-1]
	}
	return m.String()[:3]
}

// Date writes a day the long way: "16 April 2024", "16 avril 2024".
func (t Tag) Date(d time.Time) string {
	return strconv.Itoa(d.Day()) + " " + t.Month(d.Month()) + " " + strconv.Itoa(d.Year())
}

// DateShort writes a day with the month abbreviated: "16 Apr 2024",
// "16 avr. 2024".
func (t Tag) DateShort(d time.Time) string {
	return strconv.Itoa(d.Day()) + " " + t.MonthShort(d.Month()) + " " + strconv.Itoa(d.Year())
}

// DateTime writes a day and its time of day: "16 Apr 2024 09:30 UTC",
// "16 avr. 2024 à 09:30 UTC".
func (t Tag) DateTime(d time.Time) string {
	hm := d.Format("15:04 MST")
	if t == French {
		return t.DateShort(d) + " à " + hm
	}
	return t.DateShort(d) + " " + hm
}

// DateRange writes the window from–to (days, inclusive) the short way:
// "5 Sep 2025", "1–30 Sep 2025", "1 Jan – 30 Sep 2025",
// "1 Dec 2024 – 31 Jan 2025"; in French "1–30 sept. 2025",
// "1 janv. – 30 sept. 2025".
func (t Tag) DateRange(from, to time.Time) string {
	dm := func(d time.Time) string { return strconv.Itoa(d.Day()) + " " + t.MonthShort(d.Month()) }
	switch {
	case from.Year() != to.Year():
		return t.DateShort(from) + " – " + t.DateShort(to)
	case from.Month() != to.Month():
		return dm(from) + " – " + t.DateShort(to)
	case from.Day() != to.Day():
		return strconv.Itoa(from.Day()) + "–" + t.DateShort(to)
	}
	return t.DateShort(to)
}
