package exchange

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// xlsxRows reads a worksheet's rows one at a time from its XML, each
// row's cells as text (a shared or inline string's text, else the cell's
// value as the file holds it: "45300" for a date cell, "1" for TRUE),
// and the style of each cell as Excel applies it: the cell's own, else
// its row's, else its column's. Only the row being read is held.
type xlsxRows struct {
	book   *xlsxBook
	rc     io.ReadCloser
	dec    *xml.Decoder
	cols   [][3]int // min, max, style of <cols>
	line   int      // the row read last, from 1
	rowS   int      // its style
	values []string // its cells, by column from 0
	styles []int    // their own styles
}

// rows opens the sheet called name (as sheetNames lists it).
func (b *xlsxBook) rows(name string) (*xlsxRows, error) {
	for _, s := range b.sheets {
		if s.name != name {
			continue
		}
		f := xlsxPart(b.zr, s.part)
		if f == nil {
			return nil, fmt.Errorf("the workbook has no part %s for sheet %q", s.part, name)
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		return &xlsxRows{book: b, rc: rc, dec: xml.NewDecoder(rc)}, nil
	}
	return nil, fmt.Errorf("the workbook has no sheet %q", name)
}

func (r *xlsxRows) close() { r.rc.Close() }

// next reads the next row that the sheet holds, and returns its cells
// and row number; io.EOF after the last. Rows the sheet leaves out (it
// writes no empty row) are skipped: the number says where a row is.
func (r *xlsxRows) next() ([]string, int, error) {
	for {
		tok, err := r.dec.Token()
		if err == io.EOF {
			return nil, 0, io.EOF
		}
		if err != nil {
			return nil, 0, err
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch el.Name.Local {
		case "col":
			r.cols = append(r.cols, [3]int{attrInt(el, "min"), attrInt(el, "max"), attrInt(el, "style")})
		case "row":
			if n := attrInt(el, "r"); n > 0 {
				r.line = n
			} else {
				r.line++
			}
			r.rowS = attrInt(el, "s")
			if err := r.readCells(); err != nil {
				return nil, 0, fmt.Errorf("row %d: %v", r.line, err)
			}
			return r.values, r.line, nil
		case "sheetData":
		default:
			if el.Name.Local != "worksheet" && el.Name.Local != "cols" {
				if err := r.dec.Skip(); err != nil {
					return nil, 0, err
				}
			}
		}
	}
}

// xlsxCell is a cell's XML: its type, value and inline string.
type xlsxCell struct {
	Ref   string    `xml:"r,attr"`
	Style int       `xml:"s,attr"`
	Type  string    `xml:"t,attr"`
	V     string    `xml:"v"`
	IS    *xlsxText `xml:"is"`
}

// readCells reads the cells of the row just started.
func (r *xlsxRows) readCells() error {
	r.values, r.styles = r.values[:0], r.styles[:0]
	col := 0
	for {
		tok, err := r.dec.Token()
		if err != nil {
			if err == io.EOF {
				return io.ErrUnexpectedEOF
			}
			return err
		}
		switch el := tok.(type) {
		case xml.StartElement:
			if el.Name.Local != "c" {
				if err := r.dec.Skip(); err != nil {
					return err
				}
				continue
			}
			var c xlsxCell
			if err := r.dec.DecodeElement(&c, &el); err != nil {
				return err
			}
			col++
			if c.Ref != "" {
				n, err := cellColumn(c.Ref)
				if err != nil {
					return err
				}
				col = n
			}
			v, err := r.book.cellText(&c)
			if err != nil {
				return fmt.Errorf("cell %s: %v", c.Ref, err)
			}
			for len(r.values) < col {
				r.values, r.styles = append(r.values, ""), append(r.styles, 0)
			}
			r.values[col-1], r.styles[col-1] = v, c.Style
		case xml.EndElement:
			if el.Name.Local == "row" {
				return nil
			}
		}
	}
}

// cellText is the text of a cell: a shared or inline string's, else its
// value as written.
func (b *xlsxBook) cellText(c *xlsxCell) (string, error) {
	switch c.Type {
	case "s":
		if strings.TrimSpace(c.V) == "" {
			return "", nil
		}
		i, err := strconv.Atoi(strings.TrimSpace(c.V))
		if err != nil || i < 0 || i >= len(b.shared) {
			return "", fmt.Errorf("no shared string %q", c.V)
		}
		return b.shared[i], nil
	case "inlineStr":
		if c.IS != nil {
			return c.IS.String(), nil
		}
	}
	return c.V, nil
}

// styleAt returns the style of the cell at col (from 0) of row line, the
// row read last: the cell's, else the row's, else the column's.
func (r *xlsxRows) styleAt(col, line int) int {
	if line == r.line && col < len(r.styles) && r.styles[col] != 0 {
		return r.styles[col]
	}
	if line == r.line && r.rowS != 0 {
		return r.rowS
	}
	for _, c := range r.cols {
		if c[0] <= col+1 && col+1 <= c[1] && c[2] != 0 {
			return c[2]
		}
	}
	return 0
}

// cellColumn is the column, from 1, of a cell reference such as "AB12".
func cellColumn(ref string) (int, error) {
	col, i := 0, 0
	for ; i < len(ref); i++ {
		c := ref[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a'+1)
		if col > 16384 { // XFD, Excel's last column
			return 0, fmt.Errorf("cell %q is beyond column XFD", ref)
		}
	}
	if i == 0 || i == len(ref) {
		return 0, errors.New("cell reference " + strconv.Quote(ref) + " is not a column and a row")
	}
	return col, nil
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
