package exchange

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/sahelatlas/sahelatlas/data"
)

// CSVHeader lists the columns WriteCSV always writes: the GeoJSON
// properties, with the point and the origin spread over columns, no_year
// as MM or MM-DD, source_notes as a JSON object of document → note,
// ongoing as true or false and place_precision empty when the sources give
// the place.
// The events' fields follow, a column each.
var CSVHeader = []string{
	"id", "start", "end", "precision", "kind", "cameo", "title", "summary",
	"place", "lon", "lat", "actors", "countries", "sources",
	"origin", "origin_lon", "origin_lat", "date_note", "year_inferred", "confidence",
	"no_year", "source_notes", "ongoing", "place_precision",
}

// Neutralise returns s prefixed with ' when a spreadsheet would run it as a
// formula: when it starts with =, +, -, @, a tab or a carriage return and
// is not a plain number (-5.2 stays as it is).
func Neutralise(s string) string {
	if s == "" || strings.IndexByte("=+-@\t\r", s[0]) < 0 {
		return s
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil && s[0] != '\t' && s[0] != '\r' {
		return s
	}
	return "'" + s
}

// WriteCSV writes one row per event of d under CSVHeader and a column for
// each field the events carry, lists joined with ";", every cell passed
// through Neutralise. Import reads it back without loss: undated events,
// dates without a year, each source's note, origins and fields.
func WriteCSV(w io.Writer, events []*data.Event, d *data.Dataset) error {
	cw := csv.NewWriter(w)
	fields := fieldNames(events)
	header := slices.Clone(CSVHeader)
	for _, f := range fields {
		header = append(header, fieldKey(f, func(n string) bool { return slices.Contains(CSVHeader, n) }))
	}
	cw.Write(header)
	ff := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	row := make([]string, len(header))
	for _, e := range events {
		var docs []string
		for _, s := range e.Sources {
			docs = append(docs, s.Document)
		}
		origin, olon, olat := originColumns(d, e)
		copy(row, []string{
			e.ID, e.Start.String(), e.End.String(), e.Precision.String(), e.Kind.String(), e.Kind.CAMEO(),
			e.Title, e.Summary, placeName(d, e.Place), ff(e.At()[0]), ff(e.At()[1]),
			strings.Join(actorNames(d, e), ";"), strings.Join(e.Countries, ";"), strings.Join(docs, ";"),
			origin, olon, olat, e.DateNote, e.YearInferred, e.Confidence, noYearText(e.NoYear), sourceNotes(e),
			strconv.FormatBool(e.Ongoing), e.PlacePrecision.String(),
		})
		for i, name := range fields {
			row[len(CSVHeader)+i] = fieldValue(e, name)
		}
		for i := range row {
			row[i] = Neutralise(row[i])
		}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("exchange: cannot write CSV: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("exchange: cannot write CSV: %w", err)
	}
	return nil
}

// fieldValue returns the value of e's field called name, or "".
func fieldValue(e *data.Event, name string) string {
	for _, f := range e.Fields {
		if f.Name == name {
			return f.Value
		}
	}
	return ""
}
