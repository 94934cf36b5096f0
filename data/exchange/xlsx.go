package exchange

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/thedatashed/xlsxreader"
)

// readXLSX reads one sheet of a workbook (the first, or opts.Sheet) as a
// table and hands it to readTable, so a sheet is read exactly as a CSV
// file with the same columns would be. The header is the first row with
// two cells or more; a row's line is its row number in the sheet. Date
// cells (a day number with a date format) are read as the days they
// show, text cells as text. The archive is checked as a KMZ is before it
// is opened: local entry names, at most MaxKMZEntries entries, at most
// max bytes unpacked in all. The file is held whole (a zip archive is
// read from its directory, at its end); the sheet's rows are read one at
// a time (see readSheet), so its cells are never held whole, streamed or
// not.
func readXLSX(in io.Reader, name string, max int64, f Format, opts Options, res *Result) error {
	raw, err := io.ReadAll(in)
	if err != nil {
		return err
	}
	zr, err := checkWorkbook(raw, name, max)
	if err != nil {
		return err
	}
	xf, err := openWorkbook(zr)
	if err != nil {
		return fmt.Errorf("exchange: %s cannot be read as an Excel workbook (.xlsx): %v; save it again from the spreadsheet as .xlsx, or as CSV", name, err)
	}
	defer xf.Close()
	sheets := xf.Sheets
	sheet := opts.Sheet
	switch {
	case len(sheets) == 0:
		return fmt.Errorf("exchange: %s holds no sheet", name)
	case sheet == "":
		sheet = sheets[0]
		if len(sheets) > 1 {
			res.Notes = append(res.Notes, fmt.Sprintf("read the first sheet, %q, of %d (%s); choose another with --sheet", sheet, len(sheets), strings.Join(sheets, ", ")))
		}
	default:
		found := false
		for _, s := range sheets {
			if strings.EqualFold(s, sheet) {
				sheet, found = s, true
				break
			}
		}
		if !found {
			return fmt.Errorf("exchange: %s has no sheet %q; its sheets are %s", name, opts.Sheet, strings.Join(sheets, ", "))
		}
	}
	return readSheet(xf, zr, name, sheet, f, opts, res)
}

// checkWorkbook opens the archive raw, refusing one whose entries leave
// it, are too many, or unpack to more than max bytes in all. The sizes
// are those the archive declares; archive/zip refuses an entry that
// unpacks to more than its declared size, so they hold.
func checkWorkbook(raw []byte, name string, max int64) (*zip.Reader, error) {
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return nil, fmt.Errorf("exchange: %s is not an Excel workbook (.xlsx is a zip archive): %v", name, err)
	}
	if len(zr.File) > MaxKMZEntries {
		return nil, fmt.Errorf("exchange: %s holds %d files, more than the %d a workbook may", name, len(zr.File), MaxKMZEntries)
	}
	var total uint64
	for _, f := range zr.File {
		n := strings.ReplaceAll(f.Name, "\\", "/")
		if !filepath.IsLocal(n) || strings.HasPrefix(n, "/") || strings.Contains(n, "\x00") {
			return nil, fmt.Errorf("exchange: %s holds an entry named %q, outside the archive; refused", name, f.Name)
		}
		total += f.UncompressedSize64
		if total > uint64(max) {
			return nil, fmt.Errorf("exchange: %s unpacks to more than %d MiB; refused", name, max>>20)
		}
	}
	return zr, nil
}

// neutralStyles is the styles part xlsxreader is handed in place of the
// workbook's: it names no number format, so xlsxreader gives every cell's
// value as the sheet stores it. xlsxreader would write the cells it takes
// for dates as text, by the 1900 calendar and its own list of formats;
// this package tells date cells itself (sheetDates: the 1904 calendar,
// formats by column, time formats left as numbers).
const neutralStyles = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>`

// openWorkbook opens the workbook zr with xlsxreader, which reads its
// sheet list and shared strings, then a sheet's rows one at a time; its
// styles part is replaced by neutralStyles (a workbook without one is
// read too).
func openWorkbook(zr *zip.Reader) (*xlsxreader.XlsxFileCloser, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("xl/styles.xml")
	if err != nil {
		return nil, err
	}
	io.WriteString(w, neutralStyles)
	if err := zw.Close(); err != nil {
		return nil, err
	}
	neutral, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		return nil, err
	}
	files := []*zip.File{neutral.File[0]}
	for _, f := range zr.File {
		if f.Name != "xl/styles.xml" {
			files = append(files, f)
		}
	}
	// A ReadCloser without a file: xlsxreader's Close then stops the
	// goroutine reading a sheet's rows (its Close of the missing file says
	// os.ErrInvalid, and is not looked at).
	return xlsxreader.OpenReaderZip(&zip.ReadCloser{Reader: zip.Reader{File: files}})
}

// filled counts the cells of a row that are not blank.
func filled(row []string) int {
	n := 0
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			n++
		}
	}
	return n
}
