package exchange

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// sheetStyles reads the style of each cell of a worksheet from its XML as
// the rows are read (the cell's, else its row's, else its column's), a
// second reading of the sheet beside xlsxreader's, which does not tell
// styles. It also reads the sheet to its end (finish), to report a sheet
// that is damaged: xlsxreader ends its rows quietly where the sheet's
// XML or its zip entry breaks between two rows.
type sheetStyles struct {
	rc    io.ReadCloser
	dec   *xml.Decoder
	cols  [][3]int // min, max, style of <cols>
	row   int      // the row read last
	rowS  int      // its style
	cells []int    // its cells' styles, by column from 0
	done  bool
	err   error // what ended the reading, when not the sheet's end
}

// openSheetStyles opens the XML of a sheet, the zip entry part.
func openSheetStyles(part *zip.File) (*sheetStyles, error) {
	if part == nil {
		return nil, fmt.Errorf("the workbook does not say where the sheet is")
	}
	rc, err := part.Open()
	if err != nil {
		return nil, err
	}
	return &sheetStyles{rc: rc, dec: xml.NewDecoder(rc)}, nil
}

func (s *sheetStyles) close() { s.rc.Close() }

// at returns the style of the cell at col (from 0) of row line (from 1);
// rows are asked for in order.
func (s *sheetStyles) at(col, line int) int {
	for s.row < line && !s.done {
		s.readRow()
	}
	if s.row == line && col < len(s.cells) && s.cells[col] != 0 {
		return s.cells[col]
	}
	if s.row == line && s.rowS != 0 {
		return s.rowS
	}
	for _, c := range s.cols {
		if c[0] <= col+1 && col+1 <= c[1] && c[2] != 0 {
			return c[2]
		}
	}
	return 0
}

// finish reads the rest of the sheet and returns what kept it from being
// read to its end: broken XML, or a zip entry that is damaged or unpacks
// to more than its declared size.
func (s *sheetStyles) finish() error {
	for !s.done {
		s.next()
	}
	return s.err
}

// next returns the next token of the sheet, or nil at its end or at an
// error, which it keeps.
func (s *sheetStyles) next() xml.Token {
	if s.done {
		return nil
	}
	tok, err := s.dec.Token()
	if err != nil {
		s.done = true
		if err != io.EOF {
			s.err = err
		}
		return nil
	}
	return tok
}

// readRow reads the next row's styles, and <cols> before the first.
func (s *sheetStyles) readRow() {
	for {
		tok := s.next()
		if tok == nil {
			return
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch el.Name.Local {
		case "col":
			s.cols = append(s.cols, [3]int{attrInt(el, "min"), attrInt(el, "max"), attrInt(el, "style")})
		case "row":
			if r := attrInt(el, "r"); r > 0 {
				s.row = r
			} else {
				s.row++
			}
			s.rowS = attrInt(el, "s")
			s.readCells()
			return
		}
	}
}

// readCells reads the cells of the row just started.
func (s *sheetStyles) readCells() {
	s.cells = s.cells[:0]
	col := 0
	for {
		tok := s.next()
		if tok == nil {
			return
		}
		switch el := tok.(type) {
		case xml.StartElement:
			if el.Name.Local != "c" {
				continue
			}
			col++
			for _, a := range el.Attr {
				if a.Name.Local == "r" {
					if c := columnIndex(a.Value); c >= 0 && c < maxColumns {
						col = c + 1
					}
				}
			}
			for len(s.cells) < col {
				s.cells = append(s.cells, 0)
			}
			s.cells[col-1] = attrInt(el, "s")
		case xml.EndElement:
			if el.Name.Local == "row" {
				return
			}
		}
	}
}

// maxColumns is how many columns a sheet may have (A to XFD).
const maxColumns = 16384

// columnIndex returns the column, from 0, of a cell reference such as
// "B7" or "AA12": its letters read as a number in base 26; -1 when it
// starts with no letter or names a column past maxColumns.
func columnIndex(ref string) int {
	n := 0
	i := 0
	for ; i < len(ref); i++ {
		c := ref[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			break
		}
		n = n*26 + int(c-'a') + 1
		if n > maxColumns {
			return -1
		}
	}
	return n - 1
}

// attrInt returns the attribute name of el as a number, 0 when it has
// none.
func attrInt(el xml.StartElement, name string) int {
	for _, a := range el.Attr {
		if a.Name.Local == name {
			n, _ := strconv.Atoi(a.Value)
			return n
		}
	}
	return 0
}

// workbookDates reads what a workbook's cells need to be told as days:
// whether it counts days from 1904 (xl/workbook.xml), and which of its
// cell styles have a date format (xl/styles.xml: a built-in date format,
// else a format code with a day or a year; see isDateFormat). A part that
// is missing or cannot be read tells no date.
func workbookDates(zr *zip.Reader) (date1904 bool, dates map[int]bool) {
	var wb struct {
		Pr struct {
			Date1904 bool `xml:"date1904,attr"`
		} `xml:"workbookPr"`
	}
	if readZipXML(zr, "xl/workbook.xml", &wb) == nil {
		date1904 = wb.Pr.Date1904
	}
	var st struct {
		NumFmts []struct {
			ID   int    `xml:"numFmtId,attr"`
			Code string `xml:"formatCode,attr"`
		} `xml:"numFmts>numFmt"`
		Xfs []struct {
			NumFmt *int `xml:"numFmtId,attr"`
		} `xml:"cellXfs>xf"`
	}
	dates = map[int]bool{}
	if readZipXML(zr, "xl/styles.xml", &st) != nil {
		return date1904, dates
	}
	for i, xf := range st.Xfs {
		if xf.NumFmt == nil {
			continue
		}
		id := *xf.NumFmt
		if builtInFormat(id) {
			dates[i] = isDateFormat(id, nil)
			continue
		}
		for _, f := range st.NumFmts {
			if f.ID == id {
				dates[i] = isDateFormat(id, &f.Code)
			}
		}
	}
	return date1904, dates
}

// readZipXML decodes the zip entry name into v.
func readZipXML(zr *zip.Reader, name string, v any) error {
	for _, f := range zr.File {
		if strings.EqualFold(strings.TrimPrefix(f.Name, "/"), name) {
			rc, err := f.Open()
			if err != nil {
				return err
			}
			defer rc.Close()
			return xml.NewDecoder(rc).Decode(v)
		}
	}
	return fmt.Errorf("the workbook has no %s", name)
}
