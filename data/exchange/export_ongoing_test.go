package exchange

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/sahelatlas/sahelatlas/data"
)

// An ongoing event ("since 2021") says so in every export: GeoJSON's
// ongoing property, KML's ongoing data (its TimeSpan is the span it began
// in, which KML import reads back), and a timeline span that runs to the
// dataset's last day; and Merge keeps it ongoing.
func TestExportsSayOngoing(t *testing.T) {
	d, err := data.LoadBundled()
	if err != nil {
		t.Fatal(err)
	}
	e := d.Event("2021-russian-pmcs-in-mali")
	if e == nil || !e.Ongoing {
		t.Fatal("the bundled ongoing event is missing")
	}
	events := []*data.Event{e}

	var gj bytes.Buffer
	if err := WriteGeoJSON(&gj, events, d); err != nil {
		t.Fatal(err)
	}
	var fc struct {
		Features []struct {
			Properties map[string]any `json:"properties"`
		} `json:"features"`
	}
	if err := json.Unmarshal(gj.Bytes(), &fc); err != nil || len(fc.Features) != 1 || fc.Features[0].Properties["ongoing"] != true {
		t.Errorf("GeoJSON does not mark the event ongoing: %v %s", err, gj.String())
	}

	var kml bytes.Buffer
	if err := WriteKML(&kml, events, d); err != nil {
		t.Fatal(err)
	}
	if k := kml.String(); !strings.Contains(k, "<begin>2021-01-01</begin>") || !strings.Contains(k, `<Data name="ongoing">`) {
		t.Errorf("KML does not say the event is ongoing:\n%s", k)
	}

	var tl bytes.Buffer
	if err := WriteTimeline(&tl, events, d); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&tl).ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatalf("timeline: %v, %d rows", err, len(rows))
	}
	_, last := d.Span()
	if rows[1][4] != last.String()[:4] || !strings.HasPrefix(rows[1][8], "from 2021, ongoing") {
		t.Errorf("timeline row ends %s (want %d) with display date %q", rows[1][4], last.Year, rows[1][8])
	}

	m, err := Merge(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !m.Event(e.ID).Ongoing {
		t.Error("Merge drops ongoing")
	}
}
