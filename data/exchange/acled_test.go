package exchange

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/sahelatlas/sahelatlas/data"
)

func TestACLEDRow(t *testing.T) {
	b := append([]byte("\uFEFF"), acledFile(okRow("MLI1"))...)
	res, err := Import(bytes.NewReader(b), "acled.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Format != FormatACLED || len(res.Records) != 1 {
		t.Fatalf("format %s, %d records; want acled, 1", res.Format, len(res.Records))
	}
	r := res.Records[0]
	e := r.Event
	checks := []struct {
		what      string
		got, want any
	}{
		{"id", e.ID, "MLI1"},
		{"start", e.Start, data.D(2025, 5, 16)},
		{"end", e.End, data.D(2025, 5, 16)},
		{"precision", e.Precision, data.PrecisionDay},
		{"kind", e.Kind, data.KindAttack},
		{"countries", strings.Join(e.Countries, ","), "MLI"},
		{"place", r.Place.Name, "Boni"},
		{"lon", r.Place.Lon(), -1.8},
		{"lat", r.Place.Lat(), 15.0167},
		{"actors", len(r.Actors), 3},
		{"assoc actor", r.Actors[1].Name, "Wagner Group"},
		{"actor kind", r.Actors[0].Kind, data.ActorMilitary},
		{"actor2 kind", r.Actors[2].Kind, data.ActorArmedGroup},
		{"geo_precision", r.Get("geo_precision"), "1"},
		{"time_precision", r.Get("time_precision"), "1"},
		{"fatalities", r.Get("fatalities"), "3"},
		{"version", r.Version, int64(1747500000)},
		{"provenance", r.From.String(), "acled.csv line 2"},
		{"source", e.Sources[0], data.SourceRef{Document: "acled.csv", Note: "line 2"}},
		{"summary", e.Summary, "Clashes near Boni."},
		{"confidence", e.Confidence, ""},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %v, want %v", c.what, c.got, c.want)
		}
	}
	if _, err := Merge(nil, res.Records); err != nil {
		t.Errorf("Merge: %v", err)
	}
}

func TestACLEDDates(t *testing.T) {
	cases := []struct {
		date, prec string
		start, end data.Date
		p          data.Precision
	}{
		{"2025-05-16", "1", data.D(2025, 5, 16), data.D(2025, 5, 16), data.PrecisionDay},
		{"16 May 2025", "1", data.D(2025, 5, 16), data.D(2025, 5, 16), data.PrecisionDay},
		{"16 January 2025", "1", data.D(2025, 1, 16), data.D(2025, 1, 16), data.PrecisionDay},
		{"16-05-2025", "1", data.D(2025, 5, 16), data.D(2025, 5, 16), data.PrecisionDay},
		{"2025-05-16", "2", data.D(2025, 5, 13), data.D(2025, 5, 19), data.PrecisionDay},
		{"2025-12-16", "3", data.D(2025, 12, 1), data.D(2025, 12, 31), data.PrecisionMonth},
		{"2024-02-10", "3", data.D(2024, 2, 1), data.D(2024, 2, 29), data.PrecisionMonth},
	}
	for _, c := range cases {
		r := okRow("X1")
		r.date, r.timePrec = c.date, c.prec
		res, err := Import(bytes.NewReader(acledFile(r)), "a.csv", Options{})
		if err != nil {
			t.Errorf("%s/%s: %v", c.date, c.prec, err)
			continue
		}
		e := res.Records[0].Event
		if e.Start != c.start || e.End != c.end || e.Precision != c.p {
			t.Errorf("%s/%s: %s–%s %s, want %s–%s %s", c.date, c.prec, e.Start, e.End, e.Precision, c.start, c.end, c.p)
		}
	}
}

func TestACLEDKinds(t *testing.T) {
	cases := []struct {
		etype, sub string
		want       data.Kind
	}{
		{"Battles", "Armed clash", data.KindAttack},
		{"Battles", "Government regains territory", data.KindOperation},
		{"Protests", "Peaceful protest", data.KindProtest},
		{"Riots", "Mob violence", data.KindProtest},
		{"Strategic developments", "Agreement", data.KindAgreement},
		{"Strategic developments", "Arrests", data.KindArrest},
		{"Strategic developments", "Headquarters or base established", data.KindDeployment},
		{"Strategic developments", "Other", data.KindReport},
		{"Violence against civilians", "Abduction/forced disappearance", data.KindArrest},
		{"Something new", "", data.KindReport},
	}
	for _, c := range cases {
		if got := ACLEDKind(c.etype, c.sub); got != c.want {
			t.Errorf("ACLEDKind(%q, %q) = %s, want %s", c.etype, c.sub, got, c.want)
		}
	}
}

// TestACLEDNewerCopyInFile keeps the newest copy of an event a file holds twice.
func TestACLEDNewerCopyInFile(t *testing.T) {
	a, b := okRow("MLI1"), okRow("MLI1")
	b.notes, b.timestamp = "Revised.", "1747600000"
	res, err := Import(bytes.NewReader(acledFile(b, a)), "a.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Records) != 1 || res.Records[0].Event.Summary != "Revised." {
		t.Fatalf("got %d records, first %q; want the revised one only", len(res.Records), res.Records[0].Event.Summary)
	}
}

func TestACLEDOlderColumns(t *testing.T) {
	// An older export: iso3 instead of a numeric iso, extra columns, another order.
	f := "data_id,iso3,event_id_no_cnty,event_id_cnty,event_date,event_type,sub_event_type,actor1,latitude,longitude,location\n" +
		"1,SDN,7,SDN7,16-05-2019,Protests,Peaceful protest,Protesters (Sudan),15.5,32.53,Khartoum\n"
	res, err := Import(strings.NewReader(f), "old.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Records[0].Event.Countries[0]; got != "SDN" {
		t.Errorf("country %s, want SDN", got)
	}
	var re *RefusedError
	if _, err := Import(strings.NewReader("event_id_cnty,event_date\nA,2020-01-01\n"), "x.csv", Options{}); err == nil || errors.As(err, &re) || !strings.Contains(err.Error(), "latitude") {
		t.Errorf("missing columns: err %v, want one naming latitude", err)
	}
}

func TestACLEDWindows1252(t *testing.T) {
	r := okRow("A")
	r.location = "S\xe9gou \x96 centre"
	res, err := Import(bytes.NewReader(acledFile(r)), "a.csv", Options{Encoding: "latin-1"})
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Records[0].Place.Name; got != "Ségou – centre" {
		t.Errorf("place %q, want Ségou – centre", got)
	}
}

// TestACLEDNonLatinActors keeps actors apart whose names have no Latin
// letters.
func TestACLEDNonLatinActors(t *testing.T) {
	a, b := okRow("SDN1"), okRow("SDN2")
	a.actor1, a.assoc1, a.actor2 = "الجيش", "", ""
	b.actor1, b.assoc1, b.actor2 = "الدعم السريع", "", ""
	res, err := Import(bytes.NewReader(acledFile(a, b)), "sdn.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	d, err := Merge(nil, res.Records)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(d.Actors); n != 2 {
		t.Fatalf("%d actors, want 2", n)
	}
	if d.Actor(d.Event("SDN2").Actors[0]).Name != "الدعم السريع" {
		t.Errorf("SDN2 names the wrong actor")
	}
}

func TestACLEDGeoPrecision(t *testing.T) {
	r := okRow("A")
	r.geoPrec = "3"
	res, err := Import(bytes.NewReader(acledFile(r)), "a.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	rec := res.Records[0]
	if rec.Get("geo_precision") != "3" || !strings.Contains(rec.Event.Confidence, "geo_precision 3") {
		t.Errorf("geo_precision 3: extra %q, confidence %q", rec.Get("geo_precision"), rec.Event.Confidence)
	}
}
