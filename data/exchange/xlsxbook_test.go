package exchange

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// TestXLSXRowsMatchExcelize reads workbooks that excelize writes (the
// spreadsheet library the importer used before) and checks every row
// against what excelize reads back: shared and rich-text strings,
// escaped control characters, numbers of every precision, booleans,
// formulas' values, empty rows and cells between the filled ones.
func TestXLSXRowsMatchExcelize(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	set := func(sheet, cell string, v any) {
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	set("Sheet1", "A1", "date")
	set("Sheet1", "B1", "lieu")
	set("Sheet1", "D1", "note")
	set("Sheet1", "A2", 45300)
	set("Sheet1", "B2", "Niamey")
	set("Sheet1", "C2", 0.1+0.2)
	set("Sheet1", "D2", "tab\there, _x0008_ literal, bell \a")
	set("Sheet1", "A5", true)
	set("Sheet1", "B5", -12.345678901234567)
	set("Sheet1", "AB5", "far right")
	set("Sheet1", "C7", "  spaces kept  ")
	if err := f.SetCellFormula("Sheet1", "E2", "A2+1"); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellRichText("Sheet1", "F2", []excelize.RichTextRun{{Text: "Bamako "}, {Text: "(Mali)", Font: &excelize.Font{Bold: true}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.NewSheet("Deux"); err != nil {
		t.Fatal(err)
	}
	set("Deux", "B3", "seul")
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	raw := buf.Bytes()
	want, err := excelize.OpenReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	defer want.Close()
	book, err := openXLSXBook(raw)
	if err != nil {
		t.Fatal(err)
	}
	if got := book.sheetNames(); !slices.Equal(got, want.GetSheetList()) {
		t.Fatalf("sheets %q, excelize %q", got, want.GetSheetList())
	}
	for _, sheet := range book.sheetNames() {
		wantRows, err := want.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		rows, err := book.rows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		got := map[int][]string{}
		for {
			row, line, err := rows.next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			got[line] = trimEmpty(slices.Clone(row))
		}
		rows.close()
		for i, w := range wantRows {
			if g := got[i+1]; !slices.Equal(g, trimEmpty(w)) {
				t.Errorf("%s row %d: %q, excelize %q", sheet, i+1, g, w)
			}
			delete(got, i+1)
		}
		for line, g := range got {
			if len(g) > 0 {
				t.Errorf("%s row %d: %q, which excelize does not read", sheet, line, g)
			}
		}
	}
}

// trimEmpty drops a row's trailing empty cells.
func trimEmpty(row []string) []string {
	for len(row) > 0 && row[len(row)-1] == "" {
		row = row[:len(row)-1]
	}
	return row
}

// TestExcelTimeMatchesExcelize checks day numbers, with and without a
// time of day, in both date systems, against excelize's reading.
func TestExcelTimeMatchesExcelize(t *testing.T) {
	var days []float64
	for n := 62.0; n < 2958466; n = math.Floor(n*1.7) + 0.37 {
		days = append(days, n, math.Floor(n), math.Floor(n)+0.5, math.Floor(n)+0.9999999999, math.Floor(n)+0.999994)
	}
	days = append(days, 45300, 45300.25, 45657.99999999)
	for _, date1904 := range []bool{false, true} {
		for _, n := range days {
			want, err := excelize.ExcelDateToTime(n, date1904)
			if err != nil {
				t.Fatal(err)
			}
			if got := excelTime(n, date1904); !got.Equal(want) {
				t.Errorf("day %v (1904: %v) is %v, excelize %v", n, date1904, got, want)
			}
		}
		// In the first days excelize converts through Julian days, to
		// the microsecond: the day is what is read.
		for n := 1.0; n < 62; n += 0.25 {
			for _, n := range []float64{n, n + 0.2499999} {
				want, _ := excelize.ExcelDateToTime(n, date1904)
				if got := excelTime(n, date1904); got.Format(time.DateTime) != want.Truncate(time.Second).Format(time.DateTime) {
					t.Errorf("day %v (1904: %v) is %v, excelize %v", n, date1904, got, want)
				}
			}
		}
	}
	// Before 1900-03-01 Excel counts from 1899-12-31, with a phantom
	// 1900-02-29 (60).
	for n, want := range map[float64]string{1: "1900-01-01", 31: "1900-01-31", 59: "1900-02-28", 61: "1900-03-01"} {
		if got := excelTime(n, false).Format("2006-01-02"); got != want {
			t.Errorf("day %v is %s, want %s", n, got, want)
		}
	}
}

// TestUnescapeXString checks the _xHHHH_ escapes of cell text.
func TestUnescapeXString(t *testing.T) {
	for in, want := range map[string]string{
		"plain":                 "plain",
		"bell _x0007_ here":     "bell \a here",
		"_x005F_x0008_":         "_x0008_",
		"_x00e9_t_x00E9_":       "été",
		"_x12_ and _xZZZZ_":     "_x12_ and _xZZZZ_",
		"half _xD800_ pair":     "half  pair",
		"end _x0041":            "end _x0041",
		"__x0041_":              "_A",
		strings.Repeat("_x", 3): strings.Repeat("_x", 3),
	} {
		if got := unescapeXString(in); got != want {
			t.Errorf("unescapeXString(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCellColumn checks cell references.
func TestCellColumn(t *testing.T) {
	for _, c := range []struct {
		ref  string
		want int
		ok   bool
	}{{"A1", 1, true}, {"z9", 26, true}, {"AA10", 27, true}, {"XFD1048576", 16384, true}, {"XFE1", 0, false}, {"12", 0, false}, {"AB", 0, false}, {"", 0, false}} {
		got, err := cellColumn(c.ref)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("cellColumn(%q) = %d, %v", c.ref, got, err)
		}
	}
	if fmt.Sprint(cellColumn("AAAA1")) == "" {
		t.Error("no error for a column past XFD")
	}
}

// TestXLSXDamaged refuses workbooks whose parts are missing or wrong with
// an error that names the file, and never panics.
func TestXLSXDamaged(t *testing.T) {
	const (
		types = `<Types/>`
		wb    = `<workbook><sheets><sheet name="S" r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></sheets></workbook>`
		rels  = `<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`
	)
	sheet := func(rows string) string { return `<worksheet><sheetData>` + rows + `</sheetData></worksheet>` }
	for _, c := range []struct {
		name  string
		parts map[string]string
		want  string
	}{
		{"no workbook part", map[string]string{"[Content_Types].xml": types}, "cannot be read as an Excel workbook"},
		{"no relationships", map[string]string{"[Content_Types].xml": types, "xl/workbook.xml": wb}, "cannot be read as an Excel workbook"},
		{"no sheet part", map[string]string{"xl/workbook.xml": wb, "xl/_rels/workbook.xml.rels": rels}, "has no part"},
		{"a shared string that is not there", map[string]string{"xl/workbook.xml": wb, "xl/_rels/workbook.xml.rels": rels,
			"xl/worksheets/sheet1.xml": sheet(`<row r="1"><c r="A1" t="s"><v>7</v></c><c r="B1"><v>1</v></c></row>`)}, "no shared string"},
		{"a bad cell reference", map[string]string{"xl/workbook.xml": wb, "xl/_rels/workbook.xml.rels": rels,
			"xl/worksheets/sheet1.xml": sheet(`<row r="1"><c r="1A"><v>1</v></c></row>`)}, "is not a column and a row"},
		{"a row cut short", map[string]string{"xl/workbook.xml": wb, "xl/_rels/workbook.xml.rels": rels,
			"xl/worksheets/sheet1.xml": `<worksheet><sheetData><row r="1"><c r="A1"><v>1</v>`}, "cannot be read"},
		{"broken styles", map[string]string{"xl/workbook.xml": wb, "xl/_rels/workbook.xml.rels": rels, "xl/styles.xml": `<styleSheet><cellXfs>`,
			"xl/worksheets/sheet1.xml": sheet("")}, "styles.xml"},
		{"an empty sheet", map[string]string{"xl/workbook.xml": wb, "xl/_rels/workbook.xml.rels": rels,
			"xl/worksheets/sheet1.xml": sheet("")}, "is empty"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Import(bytes.NewReader(kmz(t, c.parts)), "d.xlsx", Options{})
			if err == nil || !strings.HasPrefix(err.Error(), "exchange: ") || !strings.Contains(err.Error(), "d.xlsx") || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want an error saying %q", err, c.want)
			}
		})
	}
}
