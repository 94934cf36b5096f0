package exchange

import (
	"strings"
	"testing"

	"github.com/sahelatlas/sahelatlas/data"
)

// trimmedACLED is a copy of an export trimmed for a class or a map: a
// byte-order mark, a handful of ACLED's columns, no title and no id, and
// dates written two ways in one column (12-September-22 beside 15-Jul-22).
const trimmedACLED = "\uFEFFevent_date,year,location,latitude,longitude,geo_precision,notes,fatalities\n" +
	"12-September-22,2022,Djibo,14.1022,-1.6306,1,\"On 12 September 2022, a convoy hit a mine near Djibo. Four soldiers died.\",4\n" +
	"15-Jul-22,2022,Dori,14.0354,-0.0345,2,\"On 15 July 2022, armed men attacked a market near Dori.\",2\n" +
	"3-Oct-22,2022,Kaya,13.0917,-1.0844,1,,0\n"

func TestTrimmedACLEDWithoutTitles(t *testing.T) {
	res, err := Import(strings.NewReader(trimmedACLED), "trimmed.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Format != FormatCSV || len(res.Records) != 3 {
		t.Fatalf("format %s, %d records", res.Format, len(res.Records))
	}
	want := []struct {
		start data.Date
		title string
	}{
		{data.D(2022, 9, 12), "On 12 September 2022, a convoy hit a mine near Djibo."},
		{data.D(2022, 7, 15), "On 15 July 2022, armed men attacked a market near Dori."},
		{data.D(2022, 10, 3), "Event at Kaya"},
	}
	for i, w := range want {
		r := res.Records[i]
		if r.Event.Start != w.start || r.Event.Title != w.title {
			t.Errorf("row %d: %s %q, want %s %q", i+2, r.Event.Start, r.Event.Title, w.start, w.title)
		}
	}
	r := res.Records[1]
	if r.Get("fatalities") != "2" || r.Get("geo_precision") != "2" || !strings.Contains(r.Event.Confidence, "geo_precision 2") || r.Event.Summary == "" {
		t.Errorf("fields %v, confidence %q", r.Extra, r.Event.Confidence)
	}
	if _, err := Merge(nil, res.Records); err != nil {
		t.Error(err)
	}
}

// TestTitleFromKindAndPlace makes a title from the event type, the actors
// and the place when the file has no title column.
func TestTitleFromKindAndPlace(t *testing.T) {
	f := "event_date,latitude,longitude,fatalities,event_type,sub_event_type,actor1,actor2,location\n" +
		"2018-03-03,13.51,2.11,0,Protests,Peaceful protest,Protesters (Niger),,Niamey\n" +
		"2018-03-04,13.51,2.11,1,Battles,,Military Forces of Niger,ISGS,Niamey\n" +
		"2018-03-05,13.51,2.11,0,Strategic developments,,,,\n"
	res, err := Import(strings.NewReader(f), "t.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		title string
		kind  data.Kind
	}{
		{"Peaceful protest: Protesters (Niger), Niamey", data.KindProtest},
		{"Battles: Military Forces of Niger vs ISGS, Niamey", data.KindAttack},
		{"Strategic developments, 13.5100, 2.1100", data.KindReport},
	}
	for i, w := range want {
		if e := res.Records[i].Event; e.Title != w.title || e.Kind != w.kind {
			t.Errorf("row %d: %q %s, want %q %s", i+2, e.Title, e.Kind, w.title, w.kind)
		}
	}
}

// TestFrenchHeaders reads a sheet saved from a French spreadsheet: ';'
// between fields, decimal commas, French column names and French dates.
func TestFrenchHeaders(t *testing.T) {
	f := "date_evenement;lieu;latitude;longitude;titre;résumé;type;pays\n" +
		"16 avril 2024;Tombouctou;16,7735;-3,0074;Réunion des chefs;Les chefs de fraction se sont réunis.;meeting;Mali\n" +
		"1er mai 2024;Gao;16,2666;-0,0400;Manifestation;;protest;MLI\n"
	res, err := Import(strings.NewReader(f), "fr.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	e := res.Records[0].Event
	if e.Start != data.D(2024, 4, 16) || e.Title != "Réunion des chefs" || e.Summary != "Les chefs de fraction se sont réunis." ||
		e.Kind != data.KindMeeting || e.Countries[0] != "MLI" || res.Records[0].Place.Name != "Tombouctou" {
		t.Errorf("first: %s %q %q %s %v", e.Start, e.Title, e.Summary, e.Kind, e.Countries)
	}
	if e := res.Records[1].Event; e.Start != data.D(2024, 5, 1) || e.Kind != data.KindProtest {
		t.Errorf("second: %s %s", e.Start, e.Kind)
	}
}

// TestOtherColumnsKept keeps the columns no field takes as the event's
// fields, in the header's order.
func TestOtherColumnsKept(t *testing.T) {
	f := "title\tlat\tlon\tdate\tfatalities\tadmin1\tNombre de blessés\n" +
		"Attack\t14.1\t-1.6\t2024-01-02\t3\tSahel\t12\n"
	res, err := Import(strings.NewReader(f), "t.tsv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := res.Records[0].Extra
	want := []data.Field{{Name: "fatalities", Value: "3"}, {Name: "admin1", Value: "Sahel"}, {Name: "Nombre de blessés", Value: "12"}}
	if len(got) != len(want) {
		t.Fatalf("fields %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("field %d: %v, want %v", i, got[i], want[i])
		}
	}
}

// TestGenericDateColumn decides day/month over the whole column of a
// generic file, and --date-format forces it.
func TestGenericDateColumn(t *testing.T) {
	f := "title,lat,lon,date\nA,12,-8,05/06/2021\nB,12,-8,16/06/2021\n"
	res, err := Import(strings.NewReader(f), "g.csv", Options{})
	if err != nil || res.Records[0].Event.Start != data.D(2021, 6, 5) {
		t.Fatalf("day first: %v", err)
	}
	f = "title,lat,lon,date\nA,12,-8,05/06/2021\nB,12,-8,06/07/2021\n"
	if _, err := Import(strings.NewReader(f), "g.csv", Options{}); err == nil || !strings.Contains(err.Error(), "--date-format") {
		t.Fatalf("ambiguous: %v", err)
	}
	res, err = Import(strings.NewReader(f), "g.csv", Options{DateFormat: "mm/dd/yyyy"})
	if err != nil || res.Records[1].Event.Start != data.D(2021, 6, 7) {
		t.Fatalf("forced: %v", err)
	}
	if _, err := Import(strings.NewReader(f), "g.csv", Options{DateFormat: "yyyy"}); err == nil || !strings.Contains(err.Error(), "--date-format") {
		t.Errorf("bad --date-format: %v", err)
	}
}

// TestPlaceFromAdminAreas places a row whose place the gazetteer lacks at
// its admin area, and says so.
func TestPlaceFromAdminAreas(t *testing.T) {
	f := "event_date,location,admin1,admin2,admin3,country,event_type\n" +
		"2022-09-23,Nowhere-village,Sahel,Soum,Djibo,Burkina Faso,Battles\n"
	res, err := Import(strings.NewReader(f), "a.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := res.Records[0]
	if r.Place.Name != "Djibo" || !strings.Contains(r.Event.Confidence, `placed at Djibo (admin3): "Nowhere-village" is not in the gazetteer`) {
		t.Errorf("place %s, confidence %q", r.Place.Name, r.Event.Confidence)
	}
}

// TestTrimmedSaidACLED: a trimmed copy that kept event_id_cnty but lost
// ACLED's other columns is read by its own columns, even when said to be
// ACLED's (as the window says of any file with event_id_cnty), with a note.
func TestTrimmedSaidACLED(t *testing.T) {
	f := "event_id_cnty,event_date,location,latitude,longitude,notes\nBFA77,15-Jul-22,Dori,14.0354,-0.0345,A market attacked.\n"
	for _, format := range []Format{"", FormatACLED} {
		res, err := Import(strings.NewReader(f), "t.csv", Options{Format: format})
		if err != nil {
			t.Fatalf("format %q: %v", format, err)
		}
		if r := res.Records[0]; r.Event.ID != "BFA77" || r.Event.Start != data.D(2022, 7, 15) || res.Format != FormatCSV {
			t.Errorf("format %q: %s %s read as %s", format, r.Event.ID, r.Event.Start, res.Format)
		}
		if format == FormatACLED && (len(res.Notes) == 0 || !strings.Contains(res.Notes[0], "lacks the column(s) event_type, actor1")) {
			t.Errorf("notes %q", res.Notes)
		}
	}
}
