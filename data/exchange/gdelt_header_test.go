package exchange

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/sahelatlas/sahelatlas/data"
)

// testdata/gdelt/events2samps-excerpt.csv is 21 rows of a real GDELT 2.0
// file as people save it: data/events2samps.csv of
// github.com/linwoodc3/gdeltPyR (commit 1a268d00be09, blob 8126f886, rows
// 1–2, 5, 9–10, 28–40, 2487, 5247 and 5414 of its 6,090), written by
// pandas: comma-separated, quoted, a header line, and a column GDELT has
// not (CAMEOCodeDescription, after EventCode). GDELT's data may be used
// for any purpose.
func TestImportGDELTWithHeader(t *testing.T) {
	res := importGDELT(t, "events2samps-excerpt.csv", Options{})
	recs := byID(res)
	var ids []string
	for _, r := range res.Records {
		ids = append(ids, r.Event.ID)
	}
	want := []string{"gdelt-669666354", "gdelt-669666358", "gdelt-669666359", "gdelt-669666380", "gdelt-669666381",
		"gdelt-669666382", "gdelt-661115742", "gdelt-651829004"}
	if !slices.Equal(ids, want) || len(res.Rejected) != 0 {
		t.Fatalf("events %v, rejected %v; want %v", ids, res.Rejected, want)
	}
	host := recs["gdelt-669666359"]
	if e := host.Event; e.Kind != data.KindVisit || host.Place.Name != "Cairo, Al Qahirah, Egypt" || host.Place.Country != "EGY" ||
		e.Start != data.D(2016, 7, 1) || host.OriginPlace == nil || host.OriginPlace.Name != "Riyadh, Ar Riya?, Saudi Arabia" {
		t.Errorf("the hosted visit: %s at %q in %s on %v from %+v", e.Kind, host.Place.Name, host.Place.Country, e.Start, host.OriginPlace)
	}
	if host.Get("GDELT") != "2.0" || host.Get("ActionGeo_ADM2Code") != "65350" || host.Get("EventCode") != "043" || host.Version != 20170701234500 {
		t.Errorf("the hosted visit's GDELT columns %v, version %d", host.Extra, host.Version)
	}
	if u := "http://www.thearabweekly.com/article/8771/Closer%20Saudi-Egypt%20ties%20seen%20after%20Sisi%20ratifies%20islands%20deal"; len(host.Sources) != 1 || host.Sources[0].Document != u {
		t.Errorf("the hosted visit cites %+v, want its SOURCEURL", host.Sources)
	}
	kidal := recs["gdelt-669666380"]
	if kidal.Place.Name != "Kidal, Kidal, Mali" || kidal.Place.Country != "MLI" || !slices.Equal(kidal.Event.Countries, []string{"MLI", "TCD"}) ||
		kidal.From.Line != 10 {
		t.Errorf("Kidal: %q in %s, countries %v, line %d", kidal.Place.Name, kidal.Place.Country, kidal.Event.Countries, kidal.From.Line)
	}
	if res.SkippedCount() != 13 {
		t.Errorf("skipped %+v, want 13 rows (11 codes with no kind, 2 without a place)", res.Skipped)
	}
}

// TestGDELTHeaderLayouts reads the same event saved in other ways people
// save GDELT: trimmed to a few columns, semicolon-separated, tab-separated
// with columns in another order; and refuses a header that lacks what an
// event needs.
func TestGDELTHeaderLayouts(t *testing.T) {
	for _, c := range []struct {
		name, in string
		version  string
		err      string // in the error, when the file is refused
		problem  string // in the first problem, with SkipInvalid
	}{
		{"trimmed, semicolons", "GLOBALEVENTID;SQLDATE;EventCode;ActionGeo_FullName;ActionGeo_CountryCode;ActionGeo_Lat;ActionGeo_Long\n" +
			`669666380;20170601;190;"Kidal; Kidal, Mali";ML;18.4411;1.40778` + "\n", "1.0", "", ""},
		{"another order, tabs", "SQLDATE\tGLOBALEVENTID\tActionGeo_Long\tActionGeo_Lat\tEventCode\tActionGeo_FullName\tActionGeo_CountryCode\tActionGeo_ADM2Code\tSOURCEURL\n" +
			"20170601\t669666380\t1.40778\t18.4411\t190\tKidal; Kidal, Mali\tML\t19385\thttp://example.org/a\n", "2.0", "", ""},
		{"BigQuery's names, a byte-order mark", "\ufeffGlobalEventID,Day,EventCode,ActionGeo_Lat,ActionGeo_Lon,ActionGeo_FullName,ActionGeo_CountryCode,SOURCEURL\n" +
			`669666380,20170601,190,18.4411,1.40778,"Kidal; Kidal, Mali",ML,http://example.org/a` + "\n", "1.0", "", ""},
		{"no coordinates column", "GLOBALEVENTID,SQLDATE,EventCode,ActionGeo_FullName\n1,20170601,190,Kidal\n", "", "not actiongeo_lat, actiongeo_long", ""},
		{"a row short of columns", "GLOBALEVENTID,SQLDATE,EventCode,ActionGeo_Lat,ActionGeo_Long\n1,20170601,190,18.4\n", "", "", "line 2: has 4 columns; the header names 5"},
	} {
		t.Run(c.name, func(t *testing.T) {
			opts := Options{SkipInvalid: true}
			if f := Sniff("saved.csv", []byte(c.in)); c.err != "" {
				// Lacking what GDELT needs, it is a table of its own unless
				// the import says GDELT.
				if f != FormatCSV {
					t.Errorf("Sniff read it as %q", f)
				}
				opts.Format = FormatGDELT
			} else if f != FormatGDELT {
				t.Errorf("Sniff read it as %q", f)
			}
			res, err := Import(strings.NewReader(c.in), "saved.csv", opts)
			switch {
			case c.err != "":
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Errorf("err %v, want one saying %q", err, c.err)
				}
				return
			case err != nil:
				t.Fatal(err)
			case c.problem != "":
				if len(res.Rejected) != 1 || !strings.Contains(res.Rejected[0].String(), c.problem) {
					t.Errorf("rejected %v, want %q", res.Rejected, c.problem)
				}
				return
			}
			if len(res.Records) != 1 || len(res.Rejected) != 0 {
				t.Fatalf("%d events, rejected %v", len(res.Records), res.Rejected)
			}
			r := res.Records[0]
			if r.Event.ID != "gdelt-669666380" || r.Place.Name != "Kidal; Kidal, Mali" || r.Place.Country != "MLI" ||
				r.Event.Kind != data.KindAttack && r.Event.Kind != data.KindOperation || r.Get("GDELT") != c.version || r.From.Line != 2 {
				t.Errorf("%s %s at %q in %s, GDELT %s, line %d", r.Event.ID, r.Event.Kind, r.Place.Name, r.Place.Country, r.Get("GDELT"), r.From.Line)
			}
		})
	}
}

// TestGDELTHeaderSameAsOwnLayout: a header naming GDELT's own columns in
// order, tab-separated, is read as GDELT's own lines are.
func TestGDELTHeaderSameAsOwnLayout(t *testing.T) {
	body := readTestdata(t, "20250120143000.export.CSV")
	header := strings.Join(gdeltColumns(gdeltLayouts[0]), "\t") + "\n"
	if tb, err := newGDELTTable([]byte(header)); tb != nil || err != nil {
		t.Fatalf("GDELT's own header read as another layout: %+v, %v", tb, err)
	}
	plain, err := Import(bytes.NewReader(body), "a.export.CSV", Options{})
	if err != nil {
		t.Fatal(err)
	}
	headed, err := Import(strings.NewReader(header+string(body)), "a.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(headed.Records) != len(plain.Records) || headed.Records[0].From.Line != plain.Records[0].From.Line+1 {
		t.Errorf("with a header: %d events, the first from line %d; without: %d, line %d",
			len(headed.Records), headed.Records[0].From.Line, len(plain.Records), plain.Records[0].From.Line)
	}
}

// TestGDELTIdsInATable: an analyst's table that keeps GDELT's ids and
// codes beside coordinates of its own naming is read as a table.
func TestGDELTIdsInATable(t *testing.T) {
	in := "GLOBALEVENTID,SQLDATE,EventCode,latitude,longitude,date,title\n669666380,20170601,190,18.4411,1.40778,2017-06-01,Kidal\n"
	res, err := Import(strings.NewReader(in), "mine.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Format != FormatCSV || len(res.Records) != 1 || res.Records[0].Place.Lat() != 18.4411 || res.Records[0].Get("GLOBALEVENTID") != "669666380" {
		t.Errorf("read as %s: %+v", res.Format, res.Records)
	}
}
