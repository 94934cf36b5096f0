package exchange

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// fuzzImport imports in with both settings of SkipInvalid and checks what
// any input must give: no panic; either an error and no records used, or
// records that make a valid dataset, each with its provenance.
func fuzzImport(t *testing.T, in []byte, name string, f Format) {
	for _, skip := range []bool{false, true} {
		res, err := Import(bytes.NewReader(in), name, Options{Format: f, SkipInvalid: skip, MaxFileSize: 1 << 20})
		var refused *RefusedError
		switch {
		case errors.As(err, &refused):
			if skip || len(refused.Problems) == 0 {
				t.Fatalf("skip=%v: refused with %d problems", skip, len(refused.Problems))
			}
			continue
		case err != nil:
			if !strings.HasPrefix(err.Error(), "exchange: ") {
				t.Fatalf("error without the package prefix: %v", err)
			}
			continue
		}
		if !skip && len(res.Rejected) > 0 {
			t.Fatalf("problems %v without a refusal", res.Rejected)
		}
		for _, r := range res.Records {
			if r.From.File != name || (r.From.Line == 0 && r.From.Feature == 0) {
				t.Fatalf("record %s has no provenance: %+v", r.Event.ID, r.From)
			}
		}
		if _, err := Merge(nil, res.Records); err != nil {
			t.Fatalf("the records read do not make a valid dataset: %v", err)
		}
	}
}

func FuzzACLED(f *testing.F) {
	f.Add(acledFile(okRow("A"), okRow("B")))
	f.Add(append([]byte("\uFEFF"), acledFile(okRow("A"))...))
	f.Add(utf16LE(string(acledFile(okRow("A")))))
	for _, mut := range []func(*acledRow){
		func(r *acledRow) { r.date = "2025-02-30" },
		func(r *acledRow) { r.date = "16 Mai 2025" },
		func(r *acledRow) { r.lat = "95" },
		func(r *acledRow) { r.location = "S\xe9gou" },
		func(r *acledRow) { r.timePrec = "9" },
		func(r *acledRow) { r.id = "" },
	} {
		r := okRow("C")
		mut(&r)
		f.Add(acledFile(okRow("A"), r))
	}
	f.Add(append(acledFile(okRow("A")), "B,2025,1\n"...))
	f.Add(append(acledFile(okRow("A")), `C,"2025-01-01`...))
	f.Add(SyntheticACLED(20, 3))
	f.Fuzz(func(t *testing.T, in []byte) { fuzzImport(t, in, "acled.csv", FormatACLED) })
}

func FuzzCSV(f *testing.F) {
	f.Add([]byte("title,lat,lon,date\nok,12,-8,2020-01-01\n"))
	f.Add([]byte("title,place,start,end\nTalks,Ségou,2024-03,2024-04\n"))
	f.Add([]byte("title,lat,lon,date\n\"=cmd\",91,0,2020-13-01\nx,\"1\n"))
	f.Add([]byte("\uFEFFtitle;lat;lon\nx;1;2\n"))
	f.Add([]byte("id,title,lat,lon,start,end,precision,kind,actors,countries,sources,origin,origin_lon,origin_lat\n" +
		"a,T,12,-8,2020-01-01,2020-01-31,month,042,A;B,MLI;France,d.txt,Paris,2.35,48.85\n"))
	f.Fuzz(func(t *testing.T, in []byte) { fuzzImport(t, in, "g.csv", FormatCSV) })
}

func FuzzGeoJSON(f *testing.F) {
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[2,13]},"properties":{"title":"x","start":"2020-01-01","actors":["A"],"sources":[{"document":"d"}]}}]}`))
	f.Add([]byte(`{"type":"Feature","geometry":{"type":"Point","coordinates":[200,95]},"properties":{"name":"x","date":"2020-01-01"}}`))
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null,"properties":{"title":"x","deep":` + strings.Repeat("[", 40) + strings.Repeat("]", 40) + `}}]}`))
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[2,13]},"properties":{"title":"x","precision":"month","no_year":{"month":2},"date_note":"Feb"}}]}`))
	f.Add([]byte(strings.Repeat("[", 10000)))
	f.Fuzz(func(t *testing.T, in []byte) { fuzzImport(t, in, "a.geojson", FormatGeoJSON) })
}

func FuzzKML(f *testing.F) {
	f.Add([]byte(kmlOne))
	f.Add([]byte(`<kml><Placemark><name>x</name><TimeSpan><begin>2020-01</begin><end>2020-03</end></TimeSpan><LineString><coordinates>1,2 3,4</coordinates></LineString></Placemark></kml>`))
	f.Add([]byte(`<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><kml><Placemark><name>&b;</name></Placemark></kml>`))
	f.Add([]byte(`<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY x SYSTEM "file:///etc/passwd">]><kml>&x;</kml>`))
	f.Add([]byte("<kml>" + strings.Repeat("<Folder>", 80) + "</kml>"))
	f.Add([]byte(`<kml><NetworkLink><Link><href>http://example.invalid/</href></Link></NetworkLink></kml>`))
	f.Add(kmz(f, map[string]string{"doc.kml": kmlOne}))
	f.Add(kmz(f, map[string]string{"../evil.kml": kmlOne}))
	f.Fuzz(func(t *testing.T, in []byte) { fuzzImport(t, in, "a.kml", FormatKML) })
}

func FuzzACLEDJSON(f *testing.F) {
	f.Add([]byte(acledAPI))
	f.Add([]byte(`[{"event_id_cnty":"A","event_date":"05/06/2025","event_type":"Battles","actor1":"X","latitude":1,"longitude":2}]`))
	f.Add([]byte(`{"success":false,"error":"x"}`))
	f.Add([]byte(`{"data":[{"event_id_cnty":{"deep":` + strings.Repeat("[", 40) + strings.Repeat("]", 40) + `}}]}`))
	f.Fuzz(func(t *testing.T, in []byte) { fuzzImport(t, in, "acled.json", FormatACLED) })
}

func FuzzXLSX(f *testing.F) {
	f.Add(workbook(f, "dd/mm/yyyy", acledSheet()))
	f.Add(workbook(f, "m/d/yyyy", sheetRows{"S", [][]any{{"titre", "date", "lat", "lon"}, {"A", day(2024, 4, 16), 12.6, -8.0}, {"B", "05/06/2024", 12.6, -8.0}}}))
	f.Add(kmz(f, map[string]string{"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"}))
	f.Fuzz(func(t *testing.T, in []byte) { fuzzImport(t, in, "a.xlsx", FormatXLSX) })
}
