package exchange

import (
	"bytes"
	"path/filepath"
	"strings"
)

// sniffGDELT reports whether a file is a GDELT event file: a zip archive
// whose first entry GDELT named (see gdeltZipEntry), by its name (GDELT's
// own "20250516.export.CSV" and "20250516101500.export.CSV", as unzipped)
// or, for names ending .csv, .tsv, .txt or with no extension, by
// its first line: 57, 58 or 61 tab-separated fields, the first a number
// (GLOBALEVENTID) and the second a date written 20250516 (SQLDATE), or a
// header line, tab-, comma- or semicolon-separated, naming GLOBALEVENTID,
// SQLDATE, EventCode, ActionGeo_Lat and ActionGeo_Long.
func sniffGDELT(name string, head []byte) bool {
	if bytes.HasPrefix(head, []byte("PK\x03\x04")) {
		return gdeltZipEntry(head) // GDELT's downloads: 20250516.export.CSV.zip
	}
	lower := strings.ToLower(filepath.Base(name))
	if strings.HasSuffix(lower, ".export.csv") {
		return true
	}
	switch filepath.Ext(lower) {
	case ".csv", ".tsv", ".txt", "":
	default:
		return false
	}
	line, _, _ := bytes.Cut(head, []byte("\n"))
	line = bytes.TrimSuffix(line, []byte("\r"))
	if _, _, all := gdeltHeaderDelimiter(bytes.TrimPrefix(line, utf8BOM)); all {
		return true // a header line: GDELT's columns, saved with their names
	}
	if _, ok := gdeltLayoutOf(bytes.Count(line, []byte("\t")) + 1); !ok {
		return false
	}
	id, rest, _ := bytes.Cut(line, []byte("\t"))
	if strings.EqualFold(string(bytes.TrimSpace(id)), "GLOBALEVENTID") {
		return true
	}
	date, _, _ := bytes.Cut(rest, []byte("\t"))
	return len(id) > 0 && allDigits(id) && len(date) == 8 && allDigits(date)
}

func allDigits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
