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
		t.Errorf("timeline row ends %s (want %d) with display date %q", rows[1][4], last.Year(), rows[1][8])
	}

	m, err := Merge(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !m.Event(e.ID).Ongoing {
		t.Error("Merge drops ongoing")
	}
}

// A CSV or GeoJSON export read back keeps whether an event goes on and
// how surely its place is known (an inferred place stays inferred).
func TestExportsKeepOngoingAndPlacePrecision(t *testing.T) {
	d, err := data.LoadBundled()
	if err != nil {
		t.Fatal(err)
	}
	e := d.Event("2021-russian-pmcs-in-mali")
	if e == nil || !e.Ongoing || e.PlacePrecision != data.PlaceInferred {
		t.Fatalf("the bundled ongoing event is missing or not inferred: %+v", e)
	}
	for _, c := range []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"events.csv", func(b *bytes.Buffer) error { return WriteCSV(b, []*data.Event{e}, d) }},
		{"events.geojson", func(b *bytes.Buffer) error { return WriteGeoJSON(b, []*data.Event{e}, d) }},
	} {
		var buf bytes.Buffer
		if err := c.write(&buf); err != nil {
			t.Fatal(err)
		}
		res, err := Import(&buf, c.name, Options{})
		if err != nil || len(res.Records) != 1 {
			t.Fatalf("%s: %v, %d records", c.name, err, len(res.Records))
		}
		got := res.Records[0].Event
		if !got.Ongoing || got.PlacePrecision != data.PlaceInferred {
			t.Errorf("%s read back: ongoing %v, place precision %q; want true, inferred", c.name, got.Ongoing, got.PlacePrecision)
		}
	}
}
