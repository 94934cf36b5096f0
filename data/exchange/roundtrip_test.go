package exchange

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"html"
	"image/color"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/sahelatlas/sahelatlas/data"
)

func bundled(t testing.TB) *data.Dataset {
	t.Helper()
	d, err := data.LoadBundled()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// reimport writes events with write, imports the output and merges it
// into a dataset of its own.
func reimport(t *testing.T, write func(*bytes.Buffer, []*data.Event, *data.Dataset) error, events []*data.Event, d *data.Dataset, name string) (*data.Dataset, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf, events, d); err != nil {
		t.Fatal(err)
	}
	out := buf.Bytes()
	res, err := Import(bytes.NewReader(out), name, Options{})
	if err != nil {
		t.Fatalf("import of the %s export: %v", name, err)
	}
	if len(res.Records) != len(events) {
		t.Fatalf("%s: %d records read back, want %d", name, len(res.Records), len(events))
	}
	back, err := Merge(nil, res.Records)
	if err != nil {
		t.Fatalf("%s: Merge: %v", name, err)
	}
	return back, out
}

// roundTrips are the exports Import reads back without loss.
var roundTrips = []struct {
	name  string
	write func(*bytes.Buffer, []*data.Event, *data.Dataset) error
}{
	{"events.geojson", func(b *bytes.Buffer, es []*data.Event, d *data.Dataset) error { return WriteGeoJSON(b, es, d) }},
	{"events.kml", func(b *bytes.Buffer, es []*data.Event, d *data.Dataset) error { return WriteKML(b, es, d) }},
	{"events.csv", func(b *bytes.Buffer, es []*data.Event, d *data.Dataset) error { return WriteCSV(b, es, d) }},
}

// TestRoundTrip exports every bundled event (the undated ones, those with
// a day but no year, sources' notes, visits' origins) as GeoJSON, KML and
// CSV, imports each file and finds every event and field again; a second
// export is the same as the first.
func TestRoundTrip(t *testing.T) {
	d := bundled(t)
	for _, rt := range roundTrips {
		t.Run(rt.name, func(t *testing.T) {
			back, first := reimport(t, rt.write, d.Events, d, rt.name)
			sameEvents(t, d, back)
			var again bytes.Buffer
			if err := rt.write(&again, back.Events, back); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(first, again.Bytes()) {
				t.Errorf("export → import → export differs:\n%s", firstDiff(first, again.Bytes()))
			}
		})
	}
}

// sameEvents reports every event of want that back lacks or holds
// differently: dates, kind, words, place, origin, actors, countries,
// sources with their notes, fields.
func sameEvents(t *testing.T, want, back *data.Dataset) {
	t.Helper()
	if len(back.Events) != len(want.Events) {
		t.Errorf("%d events read back, want %d", len(back.Events), len(want.Events))
	}
	place := func(d *data.Dataset, id string) string {
		if p := d.Place(id); p != nil {
			return fmt.Sprintf("%s %.6f,%.6f", p.Name, p.Lon(), p.Lat())
		}
		return ""
	}
	describe := func(d *data.Dataset, e *data.Event) string {
		var b strings.Builder
		fmt.Fprintf(&b, "%s|%s|%s|%s|%v|%q|%q|%s|%q|%q|%s|%s|%v|%v|%q|%v|", e.ID, e.Start, e.End, e.Precision, noYearText(e.NoYear),
			e.DateNote, e.YearInferred, e.Kind, e.Title, e.Summary, place(d, e.Place), place(d, e.Origin), actorNames(d, e),
			e.Countries, e.Confidence, e.Sources)
		for _, f := range e.Fields {
			fmt.Fprintf(&b, "%s=%s;", f.Name, f.Value)
		}
		return b.String()
	}
	for _, e := range want.Events {
		got := back.Event(e.ID)
		if got == nil {
			t.Errorf("%s is lost", e.ID)
			continue
		}
		if w, g := describe(want, e), describe(back, got); w != g {
			t.Errorf("%s changed:\nwant %s\ngot  %s", e.ID, w, g)
		}
	}
}

func TestRoundTripTimeline(t *testing.T) {
	d := bundled(t)
	var buf bytes.Buffer
	if err := WriteTimeline(&buf, d.Events, d); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != strings.Join(TimelineHeader, ",") {
		t.Fatalf("header %v", rows[0])
	}
	dated := d.Dated()
	if len(rows)-1 != len(dated) {
		t.Fatalf("%d rows, want one per dated event (%d)", len(rows)-1, len(dated))
	}
	for i, e := range dated {
		row := rows[i+1]
		if y, _ := strconv.Atoi(row[0]); y != e.Start.Year() {
			t.Errorf("%s: Year %s, want %d", e.ID, row[0], e.Start.Year())
		}
		if got := html.UnescapeString(strings.TrimPrefix(row[9], "'")); got != e.Title {
			t.Errorf("%s: Headline %q, want %q", e.ID, got, e.Title)
		}
		if row[16] != e.Kind.String() {
			t.Errorf("%s: Group %q, want %q", e.ID, row[16], e.Kind)
		}
		wantDay := ""
		if e.Precision == data.PrecisionDay {
			wantDay = strconv.Itoa(e.Start.Day())
		}
		if row[2] != wantDay {
			t.Errorf("%s (%s): Day %q, want %q", e.ID, e.Precision, row[2], wantDay)
		}
	}
}

// TestRoundTripACLED imports an ACLED file and sends its events through
// each export and back: the same events with the same fields (fatalities,
// admin areas, source, the precisions).
func TestRoundTripACLED(t *testing.T) {
	res, err := Import(bytes.NewReader(SyntheticACLED(300, 1)), "acled.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	d, err := Merge(nil, res.Records)
	if err != nil {
		t.Fatal(err)
	}
	if f := d.Events[0].Fields; len(f) < 8 || f[0].Name != "event_type" {
		t.Fatalf("the events carry no ACLED fields: %v", f)
	}
	for _, rt := range roundTrips {
		t.Run(rt.name, func(t *testing.T) {
			back, _ := reimport(t, rt.write, d.Events, d, "acled-"+rt.name)
			if rt.name == "events.geojson" {
				// GeoJSON's properties come back sorted by name.
				for _, e := range back.Events {
					slices.SortFunc(e.Fields, func(a, b data.Field) int { return strings.Compare(a.Name, b.Name) })
				}
				for _, e := range d.Events {
					e.Fields = slices.Clone(e.Fields)
					slices.SortFunc(e.Fields, func(a, b data.Field) int { return strings.Compare(a.Name, b.Name) })
				}
			}
			sameEvents(t, d, back)
		})
	}
}

func TestNeutralise(t *testing.T) {
	cases := []struct{ in, want string }{
		{"=SUM(A1)", "'=SUM(A1)"}, {"+33 1 23", "'+33 1 23"}, {"-cmd", "'-cmd"}, {"@x", "'@x"},
		{"\tx", "'\tx"}, {"\rx", "'\rx"}, {"-5.25", "-5.25"}, {"+3", "+3"}, {"Bamako", "Bamako"}, {"", ""},
	}
	for _, c := range cases {
		if got := Neutralise(c.in); got != c.want {
			t.Errorf("Neutralise(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestCSVFormulaCells writes an event whose title is a formula and reads
// the cell as a spreadsheet would see it.
func TestCSVFormulaCells(t *testing.T) {
	res, err := Import(strings.NewReader("title,lat,lon,date,summary\n\"=HYPERLINK(\"\"http://x\"\")\",12.65,-8,2024-01-02,@evil\n"), "f.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	d, err := Merge(nil, res.Records)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	WriteCSV(&buf, d.Events, d)
	rows, _ := csv.NewReader(&buf).ReadAll()
	for _, cell := range rows[1] {
		if cell != "" && strings.IndexByte("=+@\t\r", cell[0]) >= 0 {
			t.Errorf("cell %q would run as a formula", cell)
		}
	}
	if rows[1][6] != `'=HYPERLINK("http://x")` || rows[1][9] != "-8" {
		t.Errorf("title %q, lon %q", rows[1][6], rows[1][9])
	}
}

func TestGenericCSVColumns(t *testing.T) {
	f := "Quand,Où,Titre,Début,Fin\n2024-03-02,Ségou,Talks in Ségou,,\n,Segou,Visit,2024-03,2024-04\n"
	if _, err := Import(strings.NewReader(f), "fr.csv", Options{}); err != nil {
		t.Fatalf("French headers: %v", err)
	}
	f = "Wann,Wo,Was,Anfang,Ende\n2024-03-02,Ségou,Talks in Ségou,,\n,Segou,Visit,2024-03,2024-04\n"
	_, err := Import(strings.NewReader(f), "de.csv", Options{})
	if err == nil || !strings.Contains(err.Error(), "--date-col") {
		t.Fatalf("unmapped columns: err %v", err)
	}
	cols := Columns{Date: "wann", Place: "Wo", Title: "Was", Start: "Anfang", End: "Ende"}
	_, err = Import(strings.NewReader(f+"2024-01-01,Ségou,Both,2024-01-01,\n"), "de.csv", Options{Columns: cols})
	if err == nil || !strings.Contains(err.Error(), "line 4: has both a date and a start") {
		t.Fatalf("date and start given: err %v", err)
	}
	f = "Quand,Où,Titre,Fin\n2024-03-02,Ségou,Talks in Ségou,\n2024-03,Segou,Visit,2024-04\n2024-03-02,Nowhere-on-earth,X,\n"
	cols = Columns{Date: "quand", Place: "Où", Title: "Titre", End: "Fin"}
	res, err := Import(strings.NewReader(f), "fr.csv", Options{Columns: cols, SkipInvalid: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Records) != 2 || len(res.Rejected) != 1 || res.Rejected[0].Line != 4 {
		t.Fatalf("records %d, rejected %v", len(res.Records), res.Rejected)
	}
	r := res.Records[1]
	if r.Place.Country != "MLI" || r.Event.Start != data.D(2024, 3, 1) || r.Event.End != data.D(2024, 4, 30) || r.Event.Precision != data.PrecisionMonth {
		t.Errorf("Segou visit: %s %s–%s %s", r.Place.Country, r.Event.Start, r.Event.End, r.Event.Precision)
	}
}

func TestDetectColumns(t *testing.T) {
	got := DetectColumns([]string{"\uFEFFLatitude", "LNG", "Event Date", "Headline", "Notes"}, Columns{Title: "Notes"})
	want := Columns{Lat: "\uFEFFLatitude", Lon: "LNG", Date: "Event Date", Title: "Notes"} // a column serves one field
	if got != want {
		t.Errorf("DetectColumns = %+v, want %+v", got, want)
	}
}

// firstDiff shows where two outputs first differ.
func firstDiff(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(0, i-200)
	return "first:  " + string(a[lo:min(len(a), i+200)]) + "\nsecond: " + string(b[lo:min(len(b), i+200)])
}

func TestHeader(t *testing.T) {
	cases := []struct {
		name string
		in   []byte
		f    Format
		cols []string
	}{
		{"a.csv", append([]byte("\uFEFF"), acledFile(okRow("A"))...), FormatACLED, strings.Split(acledHeader, ",")},
		{"b.csv", utf16LE("Quand,Où\n2024-01-01,Gao\n"), FormatCSV, []string{"Quand", "Où"}},
		{"c.kml", []byte(kmlOne), FormatKML, nil},
	}
	for _, c := range cases {
		f, cols, err := Header(bytes.NewReader(c.in), c.name)
		if err != nil || f != c.f || strings.Join(cols, "|") != strings.Join(c.cols, "|") {
			t.Errorf("%s: %s %q %v, want %s %q", c.name, f, cols, err, c.f, c.cols)
		}
	}
}

// TestRoundTripUnattributed: an event with no actor is exported with the
// stand-in actor and read back to it, not to a new actor of that name.
func TestRoundTripUnattributed(t *testing.T) {
	res, err := Import(strings.NewReader("title,lat,lon,date\nT,13.5,2.1,2024-03-02\n"), "t.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	d, err := Merge(nil, res.Records)
	if err != nil {
		t.Fatal(err)
	}
	back, _ := reimport(t, func(b *bytes.Buffer, es []*data.Event, d *data.Dataset) error { return WriteGeoJSON(b, es, d) }, d.Events, d, "t.geojson")
	if got := back.Events[0].Actors; len(got) != 1 || got[0] != unattributed.ID || len(back.Actors) != 1 {
		t.Errorf("actors %v (%d in the dataset)", got, len(back.Actors))
	}
}

// TestDelimiters reads the CSV that spreadsheets in French save (';' with
// decimal commas) and tab-separated files.
func TestDelimiters(t *testing.T) {
	cases := []struct {
		file, in string
		lat      float64
	}{
		{"fr.csv", "titre;lat;lon;date\n\"Réunion; Bamako\";12,65;-8,0;2024-01-02\n", 12.65},
		{"tab.tsv", "title\tlat\tlon\tdate\nT\t13.5\t2.1\t2024-01-02\n", 13.5},
		{"comma.csv", "title,lat,lon,date,notes\nT,13.5,2.1,2024-01-02,\"a; b\"\n", 13.5},
	}
	for _, c := range cases {
		res, err := Import(strings.NewReader(c.in), c.file, Options{Columns: Columns{Title: "titre"}})
		if err != nil && strings.Contains(err.Error(), "titre") {
			res, err = Import(strings.NewReader(c.in), c.file, Options{})
		}
		if err != nil {
			t.Errorf("%s: %v", c.file, err)
			continue
		}
		if len(res.Records) != 1 || res.Records[0].Place.Lat() != c.lat {
			t.Errorf("%s: %d records", c.file, len(res.Records))
		}
	}
}

// TestKMLStyles: with a colour per kind, each placemark points to its
// kind's style, written once, in KML's aabbggrr order; the styled file
// reads back like the plain one.
func TestKMLStyles(t *testing.T) {
	d := bundled(t)
	var buf bytes.Buffer
	colour := func(k data.Kind) color.RGBA {
		if k == data.KindVisit {
			return color.RGBA{0x11, 0x22, 0x33, 0xff}
		}
		return color.RGBA{0, 0, 0, 0xff}
	}
	if err := WriteKMLStyled(&buf, d.Events, d, colour); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if strings.Count(out, `<Style id="kind-visit">`) != 1 || !strings.Contains(out, "<color>ff332211</color>") {
		t.Errorf("no visit style, or not aabbggrr")
	}
	if n, want := strings.Count(out, "<styleUrl>#kind-visit</styleUrl>"), len(d.ByKind(data.KindVisit)); n != want {
		t.Errorf("%d visits point to the style, want %d", n, want)
	}
	res, err := Import(strings.NewReader(out), "styled.kml", Options{})
	if err != nil || len(res.Records) != len(d.Events) {
		t.Fatalf("styled KML read back: %v", err)
	}
}
