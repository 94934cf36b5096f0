package exchange

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/xuri/excelize/v2"
)

// workbook makes an .xlsx file: sheets in order, each a list of rows; a
// time.Time cell is written as a date cell (a day number with the format
// dateFormat), anything else as it is.
func workbook(t testing.TB, dateFormat string, sheets ...sheetRows) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	style, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFormat})
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		for r, row := range s.rows {
			for c, v := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if err := f.SetCellValue(s.name, cell, v); err != nil {
					t.Fatal(err)
				}
				if _, ok := v.(time.Time); ok {
					f.SetCellStyle(s.name, cell, cell, style)
				}
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

type sheetRows struct {
	name string
	rows [][]any
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// acledSheet is an ACLED export as its tool writes .xlsx: event_date a
// date cell; one row with a text date as colleagues type them.
func acledSheet() sheetRows {
	h := strings.Split(acledHeader, ",")
	row := func(id string, date any, lat, lon float64, loc string) []any {
		r := make([]any, len(h))
		for i, c := range h {
			switch c {
			case "event_id_cnty":
				r[i] = id
			case "event_date":
				r[i] = date
			case "year":
				r[i] = 2025
			case "time_precision", "geo_precision", "inter1":
				r[i] = 1
			case "event_type":
				r[i] = "Battles"
			case "sub_event_type":
				r[i] = "Armed clash"
			case "actor1":
				r[i] = "Military Forces of Mali (2021-)"
			case "iso":
				r[i] = 466
			case "location":
				r[i] = loc
			case "latitude":
				r[i] = lat
			case "longitude":
				r[i] = lon
			case "fatalities":
				r[i] = 2
			case "timestamp":
				r[i] = 1747500000
			}
		}
		return r
	}
	rows := [][]any{{}, {}}
	rows[0] = make([]any, len(h))
	for i, c := range h {
		rows[0][i] = c
	}
	rows[1] = row("MLI1", day(2025, 5, 16), 15.0167, -1.8, "Boni")
	rows = append(rows, row("MLI2", "16-May-25", 16.27, -0.04, "Gao"), row("MLI3", day(2025, 2, 3), 12.65, -8.0, "Bamako"))
	return sheetRows{"Export", rows}
}

func TestXLSX(t *testing.T) {
	readme := sheetRows{"Read me", [][]any{{"ACLED data export"}, {"Terms of use apply."}}}
	generic := sheetRows{"Événements", [][]any{
		{"Visites diplomatiques, 2024"},
		{},
		{"date", "lieu", "latitude", "longitude", "titre", "type"},
		{day(2024, 4, 16), "Niamey", 13.5137, 2.1098, "Visite à Niamey", "visit"},
		{"3 mai 2024", "Bamako", 12.65, -8.0, "Réunion", "meeting"},
	}}
	for _, format := range []string{"dd/mm/yyyy", "[$-409]d-mmm-yy;@", "m/d/yyyy"} {
		in := workbook(t, format, acledSheet(), readme, generic)
		res, err := Import(bytes.NewReader(in), "export.xlsx", Options{})
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if res.Format != FormatXLSX || len(res.Records) != 3 {
			t.Fatalf("%s: format %s, %d records", format, res.Format, len(res.Records))
		}
		wantDays := []data.Date{data.D(2025, 5, 16), data.D(2025, 5, 16), data.D(2025, 2, 3)}
		for i, w := range wantDays {
			r := res.Records[i]
			if r.Event.Start != w || r.From.Line != i+2 {
				t.Errorf("%s: row %d: %s at %v, want %s", format, i+2, r.Event.Start, r.From, w)
			}
		}
		if r := res.Records[0]; r.Place.Lat() != 15.0167 || r.Get("fatalities") != "2" || r.Event.Countries[0] != "MLI" || r.Version != 1747500000 {
			t.Errorf("%s: numbers: %v %q %v %d", format, r.Place.Point, r.Get("fatalities"), r.Event.Countries, r.Version)
		}
		if len(res.Notes) != 1 || !strings.Contains(res.Notes[0], `first sheet, "Export", of 3`) {
			t.Errorf("notes %q", res.Notes)
		}
	}
	in := workbook(t, "dd/mm/yyyy", readme, acledSheet(), generic)
	res, err := Import(bytes.NewReader(in), "export.xlsx", Options{Sheet: "événements"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Records) != 2 || res.Records[0].Event.Start != data.D(2024, 4, 16) || res.Records[1].Event.Start != data.D(2024, 5, 3) ||
		res.Records[0].Event.Kind != data.KindVisit || res.Records[0].From.Line != 4 {
		t.Fatalf("generic sheet: %d records, %+v", len(res.Records), res.Records)
	}
	if _, err := Import(bytes.NewReader(in), "export.xlsx", Options{Sheet: "Nope"}); err == nil || !strings.Contains(err.Error(), "its sheets are Read me, Export, Événements") {
		t.Errorf("missing sheet: %v", err)
	}
	if _, err := Import(bytes.NewReader(in), "export.xlsx", Options{}); err == nil || !strings.Contains(err.Error(), "cannot tell which columns") {
		t.Errorf("the first sheet is a read-me: %v", err)
	}
	// The workbook sniffed by content, without its extension.
	if res, err := Import(bytes.NewReader(workbook(t, "dd/mm/yyyy", acledSheet())), "download", Options{}); err != nil || len(res.Records) != 3 {
		t.Errorf("no extension: %v", err)
	}
}

// TestXLSXBadRows refuses a sheet's bad rows by their row number, with the
// same report as a CSV file's.
func TestXLSXBadRows(t *testing.T) {
	s := acledSheet()
	for i, c := range strings.Split(acledHeader, ",") {
		if c == "latitude" {
			s.rows[2][i] = 95.0
		}
	}
	_, err := Import(bytes.NewReader(workbook(t, "dd/mm/yyyy", s)), "bad.xlsx", Options{})
	if err == nil || !strings.Contains(err.Error(), "line 3: latitude 95 is outside") {
		t.Errorf("err %v", err)
	}
}

func TestXLSXGuards(t *testing.T) {
	in := workbook(t, "dd/mm/yyyy", acledSheet())
	if _, err := Import(bytes.NewReader(in), "big.xlsx", Options{MaxFileSize: int64(len(in)) + 10}); err == nil || !strings.Contains(err.Error(), "unpacks to more than") {
		t.Errorf("size cap: %v", err)
	}
	evil := kmz(t, map[string]string{"[Content_Types].xml": "<Types/>", "../../evil.xml": "x"})
	if _, err := Import(bytes.NewReader(evil), "evil.xlsx", Options{}); err == nil || !strings.Contains(err.Error(), "outside the archive") {
		t.Errorf("entry outside: %v", err)
	}
	if _, err := Import(strings.NewReader("not a zip"), "x.xlsx", Options{}); err == nil || !strings.Contains(err.Error(), "not an Excel workbook") {
		t.Errorf("not a zip: %v", err)
	}
	junk := kmz(t, map[string]string{"[Content_Types].xml": "<Types/>"})
	if _, err := Import(bytes.NewReader(junk), "junk.xlsx", Options{}); err == nil || !strings.HasPrefix(err.Error(), "exchange: ") {
		t.Errorf("a zip that is no workbook: %v", err)
	}
}

func TestDateFormatCodes(t *testing.T) {
	cases := []struct {
		code string
		want bool
	}{
		{"dd/mm/yyyy", true}, {"[$-409]d-mmm-yy;@", true}, {"yyyy-mm-dd hh:mm", true}, {"h:mm:ss", false},
		{"0.00", false}, {"General", false}, {`"day "0`, false}, {`[Red]#,##0`, false}, {`\d0`, false},
	}
	for _, c := range cases {
		if got := dateCode(c.code); got != c.want {
			t.Errorf("dateCode(%q) = %v", c.code, got)
		}
	}
	if !isDateFormat(14, nil) || isDateFormat(2, nil) || isDateFormat(20, nil) {
		t.Error("built-in formats")
	}
}
