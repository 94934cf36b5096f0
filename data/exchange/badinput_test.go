package exchange

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf16"
)

// utf16LE encodes s as UTF-16 little-endian with a byte-order mark.
func utf16LE(s string) []byte {
	b := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

// kmz zips the named files.
func kmz(t testing.TB, files map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range files {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const kmlOne = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Placemark><name>Talks in Niamey</name><TimeStamp><when>2024-03-02</when></TimeStamp>
<Point><coordinates>2.1098,13.5137</coordinates></Point></Placemark>
</Document></kml>`

func TestBadInput(t *testing.T) {
	bad := okRow("B1")
	withRow := func(f func(*acledRow)) []byte {
		r := okRow("B2")
		f(&r)
		return acledFile(okRow("B1"), r)
	}
	_ = bad
	deepKML := "<kml>" + strings.Repeat("<Folder>", 100) + strings.Repeat("</Folder>", 100) + "</kml>"
	deepJSON := `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{"title":"x","start":"2020-01-01","deep":` +
		strings.Repeat("[", 50) + strings.Repeat("]", 50) + `}}]}`
	cases := []struct {
		name     string
		file     string
		in       []byte
		opts     Options
		fatal    string // a substring of the error for a file refused as a whole
		problems []Problem
		good     int // records imported with SkipInvalid
	}{
		{name: "UTF-8 BOM", file: "a.csv", in: append([]byte("\uFEFF"), acledFile(okRow("A"))...), good: 1},
		{name: "UTF-16 with BOM", file: "a.csv", in: utf16LE(string(acledFile(okRow("A"), okRow("B")))), good: 2},
		{name: "Latin-1 bytes", file: "a.csv", in: withRow(func(r *acledRow) { r.location = "S\xe9gou" }),
			problems: []Problem{{Line: 3, Reason: "not valid UTF-8"}}, good: 1},
		{name: "Windows-1252 read as such", file: "a.csv", opts: Options{Encoding: "windows-1252"},
			in: withRow(func(r *acledRow) { r.location = "S\xe9gou \x96 centre" }), good: 2},
		{name: "unknown encoding", file: "a.csv", opts: Options{Encoding: "ebcdic"}, in: acledFile(okRow("A")), fatal: "not one of"},
		{name: "impossible date", file: "a.csv", in: withRow(func(r *acledRow) { r.date = "2025-02-30" }),
			problems: []Problem{{Line: 3, Reason: "does not exist"}}, good: 1},
		{name: "unreadable date", file: "a.csv", in: withRow(func(r *acledRow) { r.date = "May the 4th" }),
			problems: []Problem{{Line: 3, Reason: "is not written"}}, good: 1},
		{name: "latitude out of range", file: "a.csv", in: withRow(func(r *acledRow) { r.lat = "95" }),
			problems: []Problem{{Line: 3, Reason: "latitude 95 is outside"}}, good: 1},
		{name: "longitude not a number", file: "a.csv", in: withRow(func(r *acledRow) { r.lon = "NaN" }),
			problems: []Problem{{Line: 3, Reason: "longitude"}}, good: 1},
		{name: "missing columns", file: "a.csv", in: []byte("event_id_cnty,event_date,event_type\nA,2025-01-01,Battles\n"),
			fatal: "lacks the column(s) actor1, latitude, longitude"},
		{name: "wrong field count", file: "a.csv", in: append(acledFile(okRow("A")), "B,2025-01-01,1\n"...),
			problems: []Problem{{Line: 3, Reason: "has 3 fields where the header has 31"}}, good: 1},
		{name: "unterminated quote", file: "a.csv", in: append(acledFile(okRow("A")), `C,"2025-01-01,1`+"\nmore\n"...),
			problems: []Problem{{Line: 3, Reason: "quoted field is not closed"}}, good: 1},
		{name: "generic CSV without a date column", file: "g.csv", in: []byte("lat,lon,title\n1,2,x\n"),
			fatal: "a date (--date-col"},
		{name: "generic CSV bad rows", file: "g.csv", in: []byte("title,lat,lon,date\nok,12,-8,2020-01-01\n,12,-8,2020-01-01\nx,91,0,2020-01-01\ny,1,1,2020-13-01\n"),
			problems: []Problem{{Line: 4, Reason: "latitude 91"}, {Line: 5, Reason: "does not exist"}}, good: 2},
		{name: "empty file", file: "a.csv", in: nil, fatal: "is empty"},
		{name: "oversized file", file: "a.csv", in: acledFile(okRow("A"), okRow("B")), opts: Options{MaxFileSize: 200}, fatal: "larger than"},
		{name: "XML entity expansion", file: "a.kml", in: []byte(`<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><kml><Placemark><name>&b;</name></Placemark></kml>`),
			fatal: "not well-formed XML"},
		{name: "XML external entity", file: "a.kml", in: []byte(`<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY x SYSTEM "file:///etc/passwd">]><kml><Placemark><name>&x;</name></Placemark></kml>`),
			fatal: "not well-formed XML"},
		{name: "deep XML nesting", file: "a.kml", in: []byte(deepKML), fatal: "nest more than 64"},
		{name: "KML placemark without time", file: "a.kml", in: []byte(`<kml><Placemark><name>x</name><Point><coordinates>1,2</coordinates></Point></Placemark></kml>`),
			problems: []Problem{{Feature: 1, Reason: "no TimeStamp or TimeSpan"}}},
		{name: "KML NetworkLink not followed", file: "a.kml", in: []byte(`<kml><NetworkLink><Link><href>http://example.invalid/x.kml</href></Link></NetworkLink></kml>`), good: 0},
		{name: "KMZ", file: "a.kmz", in: kmz(t, map[string]string{"doc.kml": kmlOne, "files/icon.png": "x"}), good: 1},
		{name: "KMZ entry outside the archive", file: "a.kmz", in: kmz(t, map[string]string{"doc.kml": kmlOne, "../../etc/evil.kml": kmlOne}),
			fatal: "outside the archive"},
		{name: "KMZ absolute entry", file: "a.kmz", in: kmz(t, map[string]string{"/tmp/x.kml": kmlOne}), fatal: "outside the archive"},
		{name: "KMZ bomb", file: "a.kmz", in: kmz(t, map[string]string{"doc.kml": kmlOne + strings.Repeat(" ", 5000)}), opts: Options{MaxFileSize: 4000},
			fatal: "more than"},
		{name: "GeoJSON impossible coordinates", file: "a.geojson", in: []byte(`{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[200,95]},"properties":{"title":"x","start":"2020-01-01"}}]}`),
			problems: []Problem{{Feature: 1, Reason: "longitude 200"}}},
		{name: "GeoJSON deep nesting", file: "a.geojson", in: []byte(deepJSON), problems: []Problem{{Feature: 1, Reason: "nests"}}},
		{name: "GeoJSON polygon", file: "a.geojson", in: []byte(`{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]},"properties":{"title":"x","start":"2020-01-01"}}]}`),
			problems: []Problem{{Feature: 1, Reason: "only Point"}}},
		{name: "GeoJSON bad date", file: "a.geojson", in: []byte(`{"type":"Feature","geometry":{"type":"Point","coordinates":[2,13]},"properties":{"title":"x","start":"2021-02-29"}}`),
			problems: []Problem{{Feature: 1, Reason: "does not exist"}}},
		{name: "GeoJSON not JSON", file: "a.geojson", in: []byte(`{"type":"FeatureCollection","features":[{`), fatal: "not GeoJSON"},
		{name: "GeoJSON crs ignored", file: "a.geojson", in: []byte(`{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:3857"}},"features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[2,13]},"properties":{"name":"x","date":"2020-01-01"}}]}`), good: 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, skip := range []bool{false, true} {
				opts := c.opts
				opts.SkipInvalid = skip
				res, err := Import(bytes.NewReader(c.in), c.file, opts)
				var refused *RefusedError
				switch {
				case c.fatal != "":
					if err == nil || errors.As(err, &refused) || !strings.Contains(err.Error(), c.fatal) {
						t.Fatalf("skip=%v: err %v, want a whole-file error containing %q", skip, err, c.fatal)
					}
					if res != nil {
						t.Errorf("skip=%v: a result came with a whole-file error", skip)
					}
					continue
				case len(c.problems) > 0 && !skip:
					if !errors.As(err, &refused) {
						t.Fatalf("err %v, want a *RefusedError", err)
					}
				case err != nil:
					t.Fatalf("skip=%v: %v", skip, err)
				}
				if len(res.Rejected) != len(c.problems) {
					t.Fatalf("skip=%v: rejected %v, want %v", skip, res.Rejected, c.problems)
				}
				for i, p := range c.problems {
					got := res.Rejected[i]
					if got.Line != p.Line || got.Feature != p.Feature || !strings.Contains(got.Reason, p.Reason) {
						t.Errorf("skip=%v: problem %d is %v, want %v", skip, i, got, p)
					}
				}
				if skip && len(res.Records) != c.good {
					t.Errorf("records %d, want %d", len(res.Records), c.good)
				}
				if skip {
					if _, err := Merge(nil, res.Records); err != nil {
						t.Errorf("Merge of the good rows: %v", err)
					}
				}
			}
		})
	}
}

func TestTooManyProblems(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("title,lat,lon,date\n")
	for range MaxProblems + 5 {
		b.WriteString("x,99,0,2020-01-01\n")
	}
	_, err := Import(&b, "g.csv", Options{})
	var refused *RefusedError
	if !errors.As(err, &refused) || len(refused.Problems) != MaxProblems || refused.More != 5 {
		t.Fatalf("err %T, want %d problems listed and 5 more", err, MaxProblems)
	}
}
