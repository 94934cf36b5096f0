package exchange

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"strings"
	"testing"
	"time"

	"github.com/sahelatlas/sahelatlas/data"
)

// Parts of a workbook written by hand, as other spreadsheets than the
// one excelize stands for write them.
const (
	mainNS     = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	handRels   = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`
	handStyles = `<styleSheet ` + mainNS + `><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>` +
		`<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="20"/><xf numFmtId="31"/></cellXfs></styleSheet>`
	handStrings = `<sst ` + mainNS + ` count="3" uniqueCount="3"><si><t>title</t></si>` +
		`<si><r><rPr><b/></rPr><t xml:space="preserve">Visite à </t></r><r><t>Niamey</t></r></si><si><t>date</t></si></sst>`
)

// handWorkbook is a workbook of one sheet, "Visites", whose XML is
// sheetData; date1904 chooses its calendar.
func handWorkbook(t testing.TB, date1904 bool, sheetData string) []byte {
	t.Helper()
	pr := ""
	if date1904 {
		pr = `<workbookPr date1904="1"/>`
	}
	return kmz(t, map[string]string{
		"[Content_Types].xml":        "<Types/>",
		"xl/workbook.xml":            `<workbook ` + mainNS + ` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` + pr + `<sheets><sheet name="Visites" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": handRels,
		"xl/styles.xml":              handStyles,
		"xl/sharedStrings.xml":       handStrings,
		"xl/worksheets/sheet1.xml":   `<worksheet ` + mainNS + `><sheetData>` + sheetData + `</sheetData></worksheet>`,
	})
}

// TestXLSXCells reads the cells other spreadsheets write: shared strings
// in runs of rich text, inline strings, columns and rows left out (a
// row's line is its number in the sheet), rows and cells without their
// reference, a date cell in the 1904 calendar, a built-in East Asian
// date format, and a time of day left a number.
func TestXLSXCells(t *testing.T) {
	inline := func(ref, s string) string { return `<c r="` + ref + `" t="inlineStr"><is><t>` + s + `</t></is></c>` }
	sheet := `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>2</v></c>` + inline("C1", "latitude") + inline("D1", "longitude") + inline("E1", "time") + inline("F1", "note") + `</row>` +
		`<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" s="1"><v>43966</v></c><c r="C3"><v>13.51</v></c><c r="D3"><v>2.11</v></c><c r="E3" s="2"><v>0.25</v></c></row>` +
		`<row><c t="inlineStr"><is><t>Réunion</t></is></c><c s="3"><v>43967</v></c><c><v>12.65</v></c><c><v>-8</v></c></row>` +
		`<row r="6">` + inline("A6", "Rencontre") + inline("B6", "2024-05-18") + `<c r="C6"><v>16.27</v></c><c r="D6"><v>-0.04</v></c><c r="E6" s="2"/>` + inline("F6", "de Gao") + `</row>` +
		`<row r="9"><c r="A9" t="s"><v>1</v></c><c r="B9" s="1"><v>43966</v></c><c r="C9"><v>95</v></c><c r="D9"><v>2.11</v></c></row>`
	for _, stream := range []bool{false, true} {
		opts := Options{SkipInvalid: true}
		if stream {
			opts.Stream = func([]data.Record) error { return nil }
		}
		res, kept, err := importKept(t, handWorkbook(t, true, sheet), opts)
		if err != nil {
			t.Fatalf("stream %v: %v", stream, err)
		}
		want := []struct {
			line  int
			title string
			day   data.Date
			time  string
			note  string
		}{
			{3, "Visite à Niamey", data.D(2024, 5, 16), "0.25", ""},
			{4, "Réunion", data.D(2024, 5, 17), "", ""},
			{6, "Rencontre", data.D(2024, 5, 18), "", "de Gao"},
		}
		if len(kept) != len(want) {
			t.Fatalf("stream %v: %d records, want %d", stream, len(kept), len(want))
		}
		for i, w := range want {
			r := kept[i]
			if r.From.Line != w.line || r.Event.Title != w.title || r.Event.Start != w.day || r.Get("time") != w.time || r.Get("note") != w.note {
				t.Errorf("stream %v: record %d: line %d, %q, %s, time %q, note %q; want %+v", stream, i, r.From.Line, r.Event.Title, r.Event.Start, r.Get("time"), r.Get("note"), w)
			}
		}
		if len(res.Rejected) != 1 || res.Rejected[0].Line != 9 || !strings.Contains(res.Rejected[0].Reason, "latitude 95") {
			t.Errorf("stream %v: rejected %+v", stream, res.Rejected)
		}
	}
}

// importKept imports in as a workbook and returns the records kept,
// streamed or not.
func importKept(t *testing.T, in []byte, opts Options) (*Result, []data.Record, error) {
	t.Helper()
	var kept []data.Record
	if opts.Stream != nil {
		opts.Stream = func(b []data.Record) error { kept = append(kept, b...); return nil }
	}
	res, err := Import(bytes.NewReader(in), "hand.xlsx", opts)
	if err == nil && opts.Stream == nil {
		kept = res.Records
	}
	return res, kept, err
}

// TestXLSXWithoutStyles: a workbook without a styles part is read, its
// numbers as numbers.
func TestXLSXWithoutStyles(t *testing.T) {
	in := kmz(t, map[string]string{
		"xl/workbook.xml":            `<workbook ` + mainNS + ` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": handRels,
		"xl/worksheets/sheet1.xml": `<worksheet ` + mainNS + `><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>title</t></is></c><c r="B1" t="inlineStr"><is><t>date</t></is></c>` +
			`<c r="C1" t="inlineStr"><is><t>lat</t></is></c><c r="D1" t="inlineStr"><is><t>lon</t></is></c></row>` +
			`<row r="2"><c r="A2" t="inlineStr"><is><t>A</t></is></c><c r="B2" t="inlineStr"><is><t>2024-04-16</t></is></c><c r="C2"><v>12.6</v></c><c r="D2"><v>-8</v></c></row></sheetData></worksheet>`,
	})
	res, err := Import(bytes.NewReader(in), "plain.xlsx", Options{})
	if err != nil || len(res.Records) != 1 || res.Records[0].Place.Lat() != 12.6 || res.Records[0].Event.Start != data.D(2024, 4, 16) {
		t.Fatalf("%v %+v", err, res)
	}
}

// TestXLSXHostile: a workbook built to exhaust memory, or damaged, is
// refused with an error that says so, streamed or not; none is read in
// part.
func TestXLSXHostile(t *testing.T) {
	good := workbook(t, "dd/mm/yyyy", acledSheet())
	// A sheet whose header says it unpacks to 1 TiB: refused before it
	// is opened.
	huge := rezip(t, good, func(h *zip.FileHeader, body []byte) []byte {
		if strings.HasPrefix(h.Name, "xl/worksheets/") {
			h.UncompressedSize64 = 1 << 40
		}
		return body
	})
	// A sheet whose header says 200 bytes, and that unpacks to its rows
	// and 4 MiB of blanks after them: archive/zip stops at 200 bytes, in
	// the sheet's first bytes, where xlsxreader ends its rows without a
	// word (sheetStyles.finish tells).
	lying := rezip(t, good, func(h *zip.FileHeader, body []byte) []byte {
		if strings.HasPrefix(h.Name, "xl/worksheets/") {
			body = append(body, bytes.Repeat([]byte(" "), 4<<20)...)
			h.UncompressedSize64 = 200
		}
		return body
	})
	// A sheet whose checksum does not match what it unpacks to: found at
	// its end, after the last row.
	damaged := rezip(t, good, func(h *zip.FileHeader, body []byte) []byte {
		if strings.HasPrefix(h.Name, "xl/worksheets/") {
			h.CRC32++
		}
		return body
	})
	many := map[string]string{}
	for i := range MaxKMZEntries + 1 {
		many[fmt.Sprintf("xl/media/image%d.png", i)] = ""
	}
	for _, tc := range []struct {
		name string
		in   []byte
		want string
	}{
		{"declared 1 TiB", huge, "exchange: hostile.xlsx unpacks to more than 256 MiB; refused"},
		{"more than declared", lying, `exchange: hostile.xlsx: sheet "Export" cannot be read: it is damaged before its first row (a part of the archive unpacks to more than its header says, or is broken); save it again from the spreadsheet, or as CSV`},
		{"checksum", damaged, `exchange: hostile.xlsx: sheet "Export" cannot be read: it is damaged after row 4 (zip: checksum error); save it again from the spreadsheet, or as CSV`},
		{"too many entries", kmz(t, many), fmt.Sprintf("exchange: hostile.xlsx holds %d files, more than the %d a workbook may", MaxKMZEntries+1, MaxKMZEntries)},
	} {
		for _, stream := range []bool{false, true} {
			opts := Options{}
			if stream {
				opts.Stream = func([]data.Record) error { return nil }
			}
			if _, err := Import(bytes.NewReader(tc.in), "hostile.xlsx", opts); err == nil || err.Error() != tc.want {
				t.Errorf("%s, stream %v: got %v\nwant %s", tc.name, stream, err, tc.want)
			}
		}
	}
}

// rezip writes the workbook in again, each entry's header and body as
// change makes them: the header is written as it is, sizes and checksum
// included, to make a lying archive.
func rezip(t *testing.T, in []byte, change func(h *zip.FileHeader, body []byte) []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(in), int64(len(in)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		var body bytes.Buffer
		body.ReadFrom(rc)
		rc.Close()
		h := &zip.FileHeader{Name: f.Name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(body.Bytes()), UncompressedSize64: uint64(body.Len())}
		b := change(h, body.Bytes())
		if h.CRC32 == crc32.ChecksumIEEE(body.Bytes()) {
			h.CRC32 = crc32.ChecksumIEEE(b)
		}
		var packed bytes.Buffer
		fw, _ := flate.NewWriter(&packed, flate.BestSpeed)
		fw.Write(b)
		fw.Close()
		h.CompressedSize64 = uint64(packed.Len())
		w, err := zw.CreateRaw(h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(packed.Bytes())
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// TestSerialDay: spreadsheet day numbers in both calendars, Excel's 29
// February 1900 and a time of day at midnight's edge.
func TestSerialDay(t *testing.T) {
	for _, tc := range []struct {
		n        float64
		date1904 bool
		want     string
	}{
		{1, false, "1900-01-01"},
		{59, false, "1900-02-28"},
		{60, false, "1900-02-28"},
		{61, false, "1900-03-01"},
		{45428, false, "2024-05-16"},
		{45428.75, false, "2024-05-16"},
		{45428.99999, false, "2024-05-16"},
		{45428.999999, false, "2024-05-17"},
		{2958465, false, "9999-12-31"},
		{1, true, "1904-01-02"},
		{43966, true, "2024-05-16"},
	} {
		if got := serialDay(tc.n, tc.date1904).Format(time.DateOnly); got != tc.want {
			t.Errorf("serialDay(%v, 1904 %v) = %s, want %s", tc.n, tc.date1904, got, tc.want)
		}
	}
}

// TestColumnIndex: cell references to columns, and those past XFD.
func TestColumnIndex(t *testing.T) {
	for ref, want := range map[string]int{"A1": 0, "b7": 1, "Z9": 25, "AA12": 26, "XFD1": 16383, "XFE1": -1, "ZZZZZZZZZZZZZZ1": -1, "": -1, "12": -1} {
		if got := columnIndex(ref); got != want {
			t.Errorf("columnIndex(%q) = %d, want %d", ref, got, want)
		}
	}
}
