package exchange

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sahelatlas/sahelatlas/data"
)

// fieldNames returns the names of the fields events carry, in the order
// first met, for the columns of an export.
func fieldNames(events []*data.Event) []string {
	var names []string
	seen := map[string]bool{}
	for _, e := range events {
		for _, f := range e.Fields {
			if !seen[f.Name] {
				seen[f.Name] = true
				names = append(names, f.Name)
			}
		}
	}
	return names
}

// fieldKey is the name a field is written under in an export whose own
// names are own: its name, or "field_" and its name when the export uses
// that name itself.
func fieldKey(name string, own func(string) bool) string {
	if own(name) {
		return "field_" + name
	}
	return name
}

// noYearText writes a date without a year as MM or MM-DD, "" for none.
func noYearText(md *data.MonthDay) string {
	if md == nil {
		return ""
	}
	s := fmt.Sprintf("%02d", int(md.Month))
	if md.Day > 0 {
		s += fmt.Sprintf("-%02d", md.Day)
	}
	return s
}

// sourceNotes writes what each source alone says of an event as a JSON
// object of document → note, "" when no source has a note.
func sourceNotes(e *data.Event) string {
	notes := map[string]string{}
	for _, s := range e.Sources {
		if s.Note != "" {
			notes[s.Document] = s.Note
		}
	}
	if len(notes) == 0 {
		return ""
	}
	b, _ := json.Marshal(notes)
	return string(b)
}

// originColumns writes the place a visitor came from: name, lon, lat.
func originColumns(d *data.Dataset, e *data.Event) (name, lon, lat string) {
	o := d.Place(e.Origin)
	if o == nil {
		return "", "", ""
	}
	ff := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	return o.Name, ff(o.Lon()), ff(o.Lat())
}

// FieldLabel says in words what a field an importer keeps holds, for the
// window's details: "Fatalities", "Region (admin1)", "Date precision",
// and the value with its meaning where it is a code ("2 (within a week)"
// for ACLED's time_precision). Other names are shown with spaces for '_'.
func FieldLabel(f data.Field) (label, value string) {
	value = f.Value
	switch f.Name {
	case "time_precision":
		if m := timePrecisions[f.Value]; m != "" {
			value += " (" + m + ")"
		}
		return "Date precision (ACLED)", value
	case "geo_precision":
		if m := geoPrecisions[f.Value]; m != "" {
			value += " (" + m + ")"
		}
		return "Place precision (ACLED)", value
	}
	if l, ok := fieldLabels[f.Name]; ok {
		return l, value
	}
	label = strings.ReplaceAll(strings.TrimSpace(f.Name), "_", " ")
	if label != "" {
		r, n := utf8.DecodeRuneInString(label)
		label = string(unicode.ToUpper(r)) + label[n:]
	}
	return label, value
}

var fieldLabels = map[string]string{
	"fatalities": "Fatalities", "admin1": "Region (admin1)", "admin2": "District (admin2)", "admin3": "Sub-district (admin3)",
	"source": "Reported by", "source_scale": "Source scale", "event_type": "ACLED event type",
	"sub_event_type": "ACLED sub-event type", "disorder_type": "Disorder type", "civilian_targeting": "Civilian targeting",
	"tags": "Tags", "geometry": "Geometry",
}

var timePrecisions = map[string]string{"1": "the day", "2": "within a week", "3": "the month"}

var geoPrecisions = map[string]string{"1": "the place itself", "2": "a nearby town, or the district's centre", "3": "the centre of a larger region"}
