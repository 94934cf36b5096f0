package exchange

import (
	"encoding/csv"
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"

	"github.com/sahelatlas/sahelatlas/data"
)

// TimelineHeader lists the columns of a Knight Lab TimelineJS sheet.
var TimelineHeader = []string{
	"Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
	"Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
	"Media Thumbnail", "Type", "Group", "Background",
}

// WriteTimeline writes the dated events of d as a TimelineJS sheet (CSV,
// to paste into the TimelineJS Google Sheet template): a month-precision
// event gives no day, a year-precision one neither month nor day; the
// group (TimelineJS's swim lane) is the event's kind; the text names the
// place, actors and sources. TimelineJS reads HTML, so text is escaped;
// cells are neutralised as in WriteCSV. Undated events are left out, as
// TimelineJS needs a year.
func WriteTimeline(w io.Writer, events []*data.Event, d *data.Dataset) error {
	cw := csv.NewWriter(w)
	cw.Write(TimelineHeader)
	itoa := strconv.Itoa
	for _, e := range events {
		if !e.Dated() {
			continue
		}
		row := make([]string, len(TimelineHeader))
		row[0], row[4] = itoa(e.Start.Year()), itoa(e.End.Year())
		if e.Precision != data.PrecisionYear {
			row[1], row[5] = itoa(int(e.Start.Month())), itoa(int(e.End.Month()))
		}
		if e.Precision == data.PrecisionDay {
			row[2], row[6] = itoa(e.Start.Day()), itoa(e.End.Day())
		}
		if e.Start == e.End {
			row[4], row[5], row[6] = "", "", ""
		}
		row[8] = html.EscapeString(e.DateNote)
		if e.Ongoing {
			// The span runs to the last day of the dataset's events.
			_, last := d.Span()
			last = maxDate(last, e.End)
			row[4], row[5], row[6] = itoa(last.Year()), itoa(int(last.Month())), itoa(last.Day())
			began := e.Start.String()
			switch e.Precision {
			case data.PrecisionYear:
				began = began[:4]
			case data.PrecisionMonth:
				began = began[:7]
			}
			row[8] = html.EscapeString(strings.TrimSpace("from " + began + ", ongoing. " + e.DateNote))
		}
		row[9] = html.EscapeString(e.Title)
		var text strings.Builder
		text.WriteString(html.EscapeString(e.Summary))
		if p := placeName(d, e.Place); p != "" {
			fmt.Fprintf(&text, "<p>Place: %s</p>", html.EscapeString(p))
		}
		if as := actorNames(d, e); len(as) > 0 {
			fmt.Fprintf(&text, "<p>Actors: %s</p>", html.EscapeString(strings.Join(as, "; ")))
		}
		var docs []string
		for _, s := range e.Sources {
			docs = append(docs, s.Document)
		}
		if len(docs) > 0 {
			fmt.Fprintf(&text, "<p>Sources: %s</p>", html.EscapeString(strings.Join(docs, "; ")))
		}
		row[10] = text.String()
		row[16] = e.Kind.String()
		for i := range row {
			row[i] = Neutralise(row[i])
		}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("exchange: cannot write the TimelineJS sheet: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("exchange: cannot write the TimelineJS sheet: %w", err)
	}
	return nil
}

// maxDate returns the later of a and b.
func maxDate(a, b data.Date) data.Date {
	if a.After(b) {
		return a
	}
	return b
}
