package exchange

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// sheetStyles reads the style of each cell of a worksheet from its XML as
// the rows are read, as excelize's GetCellStyle tells it (the cell's, else
// its row's, else its column's), without loading the sheet: GetCellStyle
// would parse the whole sheet into memory.
type sheetStyles struct {
	rc    io.ReadCloser
	dec   *xml.Decoder
	cols  [][3]int // min, max, style of <cols>
	row   int      // the row read last
	rowS  int      // its style
	cells []int    // its cells' styles, by column from 0
	done  bool
}

// openSheetStyles opens the XML of the sheet named sheet in the workbook
// raw.
func openSheetStyles(raw []byte, sheet string) (*sheetStyles, error) {
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return nil, err
	}
	part, err := sheetPart(zr, sheet)
	if err != nil {
		return nil, err
	}
	for _, f := range zr.File {
		if strings.EqualFold(strings.TrimPrefix(f.Name, "/"), part) {
			rc, err := f.Open()
			if err != nil {
				return nil, err
			}
			return &sheetStyles{rc: rc, dec: xml.NewDecoder(rc)}, nil
		}
	}
	return nil, fmt.Errorf("the workbook has no part %s for sheet %q", part, sheet)
}

// sheetPart returns the name of the zip entry holding a sheet's XML, from
// xl/workbook.xml and its relationships.
func sheetPart(zr *zip.Reader, sheet string) (string, error) {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := readZipXML(zr, "xl/workbook.xml", &wb); err != nil {
		return "", err
	}
	if err := readZipXML(zr, "xl/_rels/workbook.xml.rels", &rels); err != nil {
		return "", err
	}
	for _, s := range wb.Sheets {
		if !strings.EqualFold(s.Name, sheet) {
			continue
		}
		for _, r := range rels.Rel {
			if r.ID != s.ID {
				continue
			}
			if t, abs := strings.CutPrefix(r.Target, "/"); abs {
				return t, nil
			}
			return path.Join("xl", r.Target), nil
		}
	}
	return "", fmt.Errorf("the workbook does not say where sheet %q is", sheet)
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

// readRow reads the next row's styles, and <cols> before the first.
func (s *sheetStyles) readRow() {
	for {
		tok, err := s.dec.Token()
		if err != nil {
			s.done = true
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
		tok, err := s.dec.Token()
		if err != nil {
			s.done = true
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
					if c, _, err := excelize.CellNameToCoordinates(a.Value); err == nil {
						col = c
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
