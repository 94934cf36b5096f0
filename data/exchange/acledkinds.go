package exchange

import (
	"strings"

	"github.com/sahelatlas/sahelatlas/data"
)

// acledKinds maps ACLED event types and sub-event types (lower case) onto
// kinds; sub-event types are looked up first. See the package doc. The
// types of exports before 2019 ("Riots/Protests", "Remote violence",
// "Battle-No change of territory", "Strategic development") are here too.
var acledKinds = map[string]data.Kind{
	"battles":                             data.KindAttack,
	"explosions/remote violence":          data.KindAttack,
	"violence against civilians":          data.KindAttack,
	"protests":                            data.KindProtest,
	"riots":                               data.KindProtest,
	"strategic developments":              data.KindReport,
	"government regains territory":        data.KindOperation,
	"abduction/forced disappearance":      data.KindArrest,
	"agreement":                           data.KindAgreement,
	"arrests":                             data.KindArrest,
	"headquarters or base established":    data.KindDeployment,
	"non-violent transfer of territory":   data.KindDeployment,
	"disrupted weapons use":               data.KindOperation,
	"looting/property destruction":        data.KindAttack,
	"change to group/activity":            data.KindReport,
	"other":                               data.KindReport,
	"non-state actor overtakes territory": data.KindAttack,

	"riots/protests":                             data.KindProtest,
	"remote violence":                            data.KindAttack,
	"battle-no change of territory":              data.KindAttack,
	"battle-government regains territory":        data.KindOperation,
	"battle-non-state actor overtakes territory": data.KindAttack,
	"strategic development":                      data.KindReport,
}

// ACLEDKind returns the kind for an ACLED event type and sub-event type.
func ACLEDKind(eventType, subEventType string) data.Kind {
	if k, ok := acledKinds[strings.ToLower(strings.TrimSpace(subEventType))]; ok {
		return k
	}
	if k, ok := acledKinds[strings.ToLower(strings.TrimSpace(eventType))]; ok {
		return k
	}
	return data.KindReport
}

// acledActorKind reads inter1/inter2, written as a code (1–8) or a name.
func acledActorKind(s string) data.ActorKind {
	switch s { // the usual spellings, without folding case
	case "1", "8", "State forces", "External/Other forces":
		return data.ActorMilitary
	case "2", "3", "4", "Rebel group", "Political militia", "Identity militia":
		return data.ActorArmedGroup
	case "", "5", "6", "7", "Rioters", "Protesters", "Civilians":
		return data.ActorPerson
	}
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "1", "8", "state forces", "external/other forces":
		return data.ActorMilitary
	case "2", "3", "4", "rebel group", "political militia", "identity militia", "rebel groups", "political militias", "identity militias":
		return data.ActorArmedGroup
	}
	return data.ActorPerson
}

// acledSetDates sets an event's dates from ACLED's event_date (day) and
// time_precision (tp): 1 is the day; 2, within a week, becomes the day ± 3
// days; 3, the month, becomes month precision. Both say so in the note.
func acledSetDates(e *data.Event, day data.Date, tp int) {
	switch tp {
	case 2:
		e.Start, e.End, e.Precision = day.AddDays(-3), day.AddDays(3), data.PrecisionDay
		e.DateNote = "ACLED time_precision 2: within the week around " + day.String()
	case 3:
		e.Start = data.D(day.Year(), day.Month(), 1)
		e.End = data.D(day.Year(), day.Month()+1, 1).AddDays(-1)
		e.Precision = data.PrecisionMonth
		e.DateNote = "ACLED time_precision 3: the month of " + day.String()
	default:
		e.Start, e.End, e.Precision, e.DateNote = day, day, data.PrecisionDay, ""
	}
}

// acledGeoConfidence says how far to trust a point of ACLED's geo_precision.
func acledGeoConfidence(gp int) string {
	switch gp {
	case 2:
		return "ACLED geo_precision 2: placed at a nearby town, or the district's centre"
	case 3:
		return "ACLED geo_precision 3: placed at the centre of a larger region"
	}
	return ""
}

// acledPrecision reads time_precision or geo_precision: 1, 2 or 3, or 0
// when empty.
func acledPrecision(s string) (int, bool) {
	if s == "" {
		return 0, true
	}
	n, ok := atoi(s)
	return n, ok && n >= 1 && n <= 3
}
