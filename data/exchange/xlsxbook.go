package exchange

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"path"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
)

// xlsxBook is an .xlsx workbook opened for reading its sheets' cells: the
// sheets' names and parts, the shared strings, which cell styles show a
// date, and the workbook's date system. It reads the Office Open XML
// parts itself (encoding/xml over archive/zip): a full spreadsheet
// library's package initialisation cost every start of the program 6–8
// ms, and the importer reads cells, never writes them.
type xlsxBook struct {
	zr        *zip.Reader
	sheets    []xlsxSheet
	shared    []string
	dateStyle []bool // by cell style (cellXfs index): its number format shows a date
	date1904  bool   // day numbers count from 1904-01-01 (old Mac Excel)
}

// xlsxSheet is a sheet's name and the zip entry of its XML.
type xlsxSheet struct {
	name, part string
}

// openXLSXBook reads the workbook raw's list of sheets, shared strings
// and styles.
func openXLSXBook(raw []byte) (*xlsxBook, error) {
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return nil, err
	}
	b := &xlsxBook{zr: zr}
	var wb struct {
		Pr struct {
			Date1904 string `xml:"date1904,attr"`
		} `xml:"workbookPr"`
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := readZipXML(zr, "xl/workbook.xml", &wb); err != nil {
		return nil, err
	}
	if err := readZipXML(zr, "xl/_rels/workbook.xml.rels", &rels); err != nil {
		return nil, err
	}
	b.date1904, _ = strconv.ParseBool(wb.Pr.Date1904)
	target := func(t string) string {
		if t, abs := strings.CutPrefix(t, "/"); abs {
			return t
		}
		return path.Join("xl", t)
	}
	sharedPart, stylesPart := "xl/sharedStrings.xml", "xl/styles.xml"
	for _, r := range rels.Rel {
		switch {
		case strings.HasSuffix(r.Type, "/sharedStrings"):
			sharedPart = target(r.Target)
		case strings.HasSuffix(r.Type, "/styles"):
			stylesPart = target(r.Target)
		}
	}
	for _, s := range wb.Sheets {
		for _, r := range rels.Rel {
			if r.ID == s.ID {
				b.sheets = append(b.sheets, xlsxSheet{name: s.Name, part: target(r.Target)})
				break
			}
		}
	}
	if xlsxPart(zr, sharedPart) != nil {
		if b.shared, err = readSharedStrings(zr, sharedPart); err != nil {
			return nil, fmt.Errorf("%s: %v", sharedPart, err)
		}
	}
	if xlsxPart(zr, stylesPart) != nil {
		if b.dateStyle, err = readDateStyles(zr, stylesPart); err != nil {
			return nil, fmt.Errorf("%s: %v", stylesPart, err)
		}
	}
	return b, nil
}

// sheetNames lists the sheets in the workbook's order.
func (b *xlsxBook) sheetNames() []string {
	names := make([]string, len(b.sheets))
	for i, s := range b.sheets {
		names[i] = s.name
	}
	return names
}

// isDateStyle reports whether cell style id has a date format.
func (b *xlsxBook) isDateStyle(id int) bool {
	return id > 0 && id < len(b.dateStyle) && b.dateStyle[id]
}

// xlsxText is a string item (<si>, <is>): its text, or its rich text
// runs; phonetic runs (<rPh>) are not part of the text.
type xlsxText struct {
	T *string `xml:"t"`
	R []struct {
		T string `xml:"t"`
	} `xml:"r"`
}

// String is the item's text, its _xHHHH_ escapes decoded.
func (t *xlsxText) String() string {
	var s strings.Builder
	if t.T != nil {
		s.WriteString(*t.T)
	}
	for _, r := range t.R {
		s.WriteString(r.T)
	}
	return unescapeXString(s.String())
}

// readSharedStrings reads the shared strings part.
func readSharedStrings(zr *zip.Reader, part string) ([]string, error) {
	rc, err := xlsxPart(zr, part).Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	var out []string
	dec := xml.NewDecoder(rc)
	for {
		tok, err := dec.Token()
		if err != nil {
			if err.Error() == "EOF" {
				return out, nil
			}
			return nil, err
		}
		if el, ok := tok.(xml.StartElement); ok && el.Name.Local == "si" {
			var si xlsxText
			if err := dec.DecodeElement(&si, &el); err != nil {
				return nil, err
			}
			out = append(out, si.String())
		}
	}
}

// readDateStyles reads which cell styles (cellXfs) have a date format.
func readDateStyles(zr *zip.Reader, part string) ([]bool, error) {
	var st struct {
		NumFmts []struct {
			ID   int    `xml:"numFmtId,attr"`
			Code string `xml:"formatCode,attr"`
		} `xml:"numFmts>numFmt"`
		Xfs []struct {
			NumFmt int `xml:"numFmtId,attr"`
		} `xml:"cellXfs>xf"`
	}
	if err := readZipXML(zr, part, &st); err != nil {
		return nil, err
	}
	custom := make(map[int]string, len(st.NumFmts))
	for _, f := range st.NumFmts {
		custom[f.ID] = f.Code
	}
	out := make([]bool, len(st.Xfs))
	for i, xf := range st.Xfs {
		var code *string
		if c, ok := custom[xf.NumFmt]; ok {
			code = &c
		}
		out[i] = isDateFormat(xf.NumFmt, code)
	}
	return out, nil
}

// xlsxPart is the entry called name (without a leading slash, in any
// case), or nil.
func xlsxPart(zr *zip.Reader, name string) *zip.File {
	for _, f := range zr.File {
		if strings.EqualFold(strings.TrimPrefix(f.Name, "/"), name) {
			return f
		}
	}
	return nil
}

// readZipXML decodes the zip entry name into v.
func readZipXML(zr *zip.Reader, name string, v any) error {
	f := xlsxPart(zr, name)
	if f == nil {
		return fmt.Errorf("the workbook has no %s", name)
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(rc).Decode(v)
}

// unescapeXString decodes the _xHHHH_ escapes of an Office Open XML
// string (ST_Xstring): _x0008_ is the character U+0008, which XML 1.0
// cannot hold, and _x005F_ an underscore, so that _x005F_x0008_ is the
// text "_x0008_". An escape of half a surrogate pair is dropped.
func unescapeXString(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var out strings.Builder
	for {
		i := strings.Index(s, "_x")
		if i < 0 || i+7 > len(s) {
			break
		}
		n, err := strconv.ParseUint(s[i+2:i+6], 16, 32)
		if err != nil || s[i+6] != '_' || strings.ContainsAny(s[i+2:i+6], "+-") {
			out.WriteString(s[:i+1])
			s = s[i+1:]
			continue
		}
		out.WriteString(s[:i])
		if r := rune(n); !utf16.IsSurrogate(r) {
			out.WriteRune(r)
		}
		s = s[i+7:]
	}
	out.WriteString(s)
	return out.String()
}

// Excel's epochs: a day number counts days from 1899-12-30 (so that 1 is
// 1900-01-01, past Excel's phantom 1900-02-29) or, in the 1904 date
// system, from 1904-01-01.
var (
	excelEpoch1900 = time.Date(1899, time.December, 30, 0, 0, 0, 0, time.UTC)
	excelEpoch1904 = time.Date(1904, time.January, 1, 0, 0, 0, 0, time.UTC)
)

// excelTime is the time a day number n shows, to the second. Days before
// 1900-02-28 in the 1900 system (n below 60) count from 1899-12-31, as
// Excel shows them, and Excel's 1900-02-29 (60) is read as 1900-02-28;
// there, and in the first 61 days of the 1904 system,
// the time of day is cut to the second rather than rounded, as excelize
// (the library the importer used before) reads them.
func excelTime(n float64, date1904 bool) time.Time {
	whole := int(n)
	epoch := excelEpoch1900
	switch {
	case date1904:
		epoch = excelEpoch1904
	case whole < 60:
		epoch = epoch.AddDate(0, 0, 1)
	}
	if whole <= 61 {
		return epoch.AddDate(0, 0, whole).Add(time.Duration(float64(24*time.Hour) * (n - float64(whole)))).Truncate(time.Second)
	}
	t := epoch.AddDate(0, 0, whole).Add(time.Duration(float64(24*time.Hour) * (n - float64(whole) + 1e-9)))
	if t.Nanosecond()/1e6 > 500 {
		return t.Round(time.Second)
	}
	return t.Truncate(time.Second)
}
