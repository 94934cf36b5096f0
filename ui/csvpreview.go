package ui

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"unicode/utf8"

	"fyne.io/fyne/v2/lang"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/sahelatlas/sahelatlas/data/exchange"
)

// csvPreview is what the column dialog shows of a CSV file before it is
// imported: its columns and first rows, read as the importer reads them.
type csvPreview struct {
	Header []string
	Rows   [][]string
	// Encoding is the exchange.Options.Encoding to import the file with:
	// "" for UTF-8 (or a file that starts with a byte-order mark),
	// "windows-1252" for a file that is not UTF-8 (as spreadsheets on
	// Windows save CSV).
	Encoding string
}

// previewSize is how much of a file the column dialog reads.
const previewSize = 256 << 10

// readCSVPreview reads the header of the CSV file at path with
// exchange.Header (which tells the delimiter: comma, semicolon or tab)
// and up to rows rows after it. A file without a byte-order mark whose
// start is not UTF-8 is read as Windows-1252.
func readCSVPreview(path string, rows int) (csvPreview, error) {
	var p csvPreview
	f, err := os.Open(path)
	if err != nil {
		return p, fmt.Errorf(lang.L("cannot open %s: %w"), path, err)
	}
	defer f.Close()
	head, err := io.ReadAll(io.LimitReader(f, previewSize+1))
	if err != nil {
		return p, fmt.Errorf("cannot read %s: %w", path, err)
	}
	if len(head) > previewSize {
		// Keep whole lines only: a row cut short is not shown.
		head = head[:previewSize]
		if i := bytes.LastIndexByte(head, '\n'); i >= 0 {
			head = head[:i+1]
		}
	}
	text, enc, err := decodePreview(head)
	if err != nil {
		return p, fmt.Errorf("cannot read %s: %w", path, err)
	}
	p.Encoding = enc
	name := filepath.Base(path)
	if _, p.Header, err = exchange.Header(bytes.NewReader(text), name); err != nil {
		return p, err
	}
	r := csv.NewReader(bytes.NewReader(text))
	r.Comma = exchange.Delimiter(text)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	if _, err := r.Read(); err != nil { // the header, read above
		return p, nil
	}
	for len(p.Rows) < rows {
		rec, err := r.Read()
		if err != nil {
			break
		}
		p.Rows = append(p.Rows, rec)
	}
	return p, nil
}

// decodePreview turns the start of a text file into UTF-8 without a
// byte-order mark, and says which Options.Encoding imports it the same way.
func decodePreview(b []byte) (text []byte, encoding string, err error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return b[3:], "", nil
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		dec := unicode.BOMOverride(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder())
		text, _, err := transform.Bytes(dec, b[:len(b)&^1])
		return text, "", err
	case utf8.Valid(trimPartialRune(b)):
		return b, "", nil
	}
	text, _, err = transform.Bytes(charmap.Windows1252.NewDecoder(), b)
	return text, "windows-1252", err
}

// trimPartialRune drops a UTF-8 sequence cut short at the end of b.
func trimPartialRune(b []byte) []byte {
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			if !utf8.FullRune(b[i:]) {
				return b[:i]
			}
			break
		}
	}
	return b
}
