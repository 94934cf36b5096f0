package exchange

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
)

// GDELT files as people save them: a header line added (pandas, R, a
// spreadsheet), commas instead of tabs, GDELT's columns trimmed to those a
// study needs, or a column added (CAMEOCodeDescription, written next to
// EventCode by gdeltPyR). Such a file is read by its header: each row is
// put back into GDELT's own layout, columns it lacks left empty, and read
// as GDELT's own lines are.

// gdeltGeoColumns are the columns of each geography in GDELT 2.0.
var gdeltGeoColumns = []string{"Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"}

// gdeltColumns returns the column names of layout l, lower-cased.
func gdeltColumns(l gdeltLayout) []string {
	names := []string{"globaleventid", "sqldate", "monthyear", "year", "fractiondate"}
	for _, a := range []string{"actor1", "actor2"} {
		for _, c := range []string{"code", "name", "countrycode", "knowngroupcode", "ethniccode",
			"religion1code", "religion2code", "type1code", "type2code", "type3code"} {
			names = append(names, a+c)
		}
	}
	names = append(names, "isrootevent", "eventcode", "eventbasecode", "eventrootcode", "quadclass",
		"goldsteinscale", "nummentions", "numsources", "numarticles", "avgtone")
	for _, g := range []string{"actor1geo_", "actor2geo_", "actiongeo_"} {
		for _, c := range gdeltGeoColumns {
			if c == "ADM2Code" && l.geoWidth == 7 {
				continue
			}
			names = append(names, g+strings.ToLower(c))
		}
	}
	names = append(names, "dateadded")
	if l.url {
		names = append(names, "sourceurl")
	}
	return names
}

// gdeltAliases are other names seen for GDELT's columns (BigQuery's and
// some libraries').
var gdeltAliases = map[string]string{
	"day":            "sqldate",
	"actiongeo_lon":  "actiongeo_long",
	"actor1geo_lon":  "actor1geo_long",
	"actor2geo_lon":  "actor2geo_long",
	"source_url":     "sourceurl",
	"date_added":     "dateadded",
	"global_eventid": "globaleventid",
}

// gdeltNeeded are the columns without which no event can be read.
var gdeltNeeded = []string{"globaleventid", "sqldate", "eventcode", "actiongeo_lat", "actiongeo_long"}

// gdeltTable reads the rows of a GDELT file with a header line.
type gdeltTable struct {
	comma  byte
	width  int   // the header's columns
	from   []int // for each column of GDELT's layout, the file's, or -1
	fields [][]byte
	line   []byte
}

// gdeltHeaderNames splits a GDELT header line at its delimiter (the most
// frequent of tab, comma and semicolon) and returns its column names,
// trimmed, lower case and with GDELT's other spellings made one; comma is
// 0 for a line with none of them.
func gdeltHeaderNames(line []byte) (comma byte, names []string) {
	line = bytes.TrimRight(line, "\r\n")
	most := 0
	for _, c := range []byte("\t,;") {
		if n := bytes.Count(line, []byte{c}); n > most {
			comma, most = c, n
		}
	}
	if most == 0 {
		return 0, nil
	}
	t := gdeltTable{comma: comma}
	for _, f := range t.split(line, nil) {
		name := strings.ToLower(strings.TrimSpace(string(f)))
		if a, ok := gdeltAliases[name]; ok {
			name = a
		}
		names = append(names, name)
	}
	return comma, names
}

// gdeltHeaderDelimiter returns the delimiter of a GDELT header line: one
// naming GLOBALEVENTID and EventCode, in any order. all is true when it
// names every column of gdeltNeeded: a table lacking some is read as a
// GDELT file only when the import says so (its lat and lon may be named
// otherwise, for the generic table's reader).
func gdeltHeaderDelimiter(line []byte) (comma byte, ok, all bool) {
	comma, names := gdeltHeaderNames(line)
	if comma == 0 {
		return 0, false, false
	}
	all = true
	for _, n := range gdeltNeeded {
		all = all && slices.Contains(names, n)
	}
	return comma, slices.Contains(names, "globaleventid") && slices.Contains(names, "eventcode"), all
}

// newGDELTTable reads a header line. It returns nil, nil for a line that is
// no header, and nil, nil too for a header naming GDELT's own columns in
// GDELT's order, tab-separated, whose rows need no change.
func newGDELTTable(line []byte) (*gdeltTable, error) {
	comma, names := gdeltHeaderNames(line)
	if comma == 0 || !slices.Contains(names, "globaleventid") || !slices.Contains(names, "eventcode") {
		return nil, nil
	}
	t := &gdeltTable{comma: comma, width: len(names)}
	at := map[string]int{}
	for i, name := range names {
		if _, dup := at[name]; !dup {
			at[name] = i
		}
	}
	var missing []string
	for _, n := range gdeltNeeded {
		if _, ok := at[n]; !ok {
			missing = append(missing, n)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("the header names GLOBALEVENTID but not %s; a GDELT event file needs GLOBALEVENTID, SQLDATE, EventCode, ActionGeo_Lat and ActionGeo_Long",
			strings.Join(missing, ", "))
	}
	// The layout the columns fit: ADM2Code is GDELT 2.0's; SOURCEURL is in
	// all but the 1.0 historical files.
	l := gdeltLayouts[2]
	_, adm2 := at["actiongeo_adm2code"]
	_, url := at["sourceurl"]
	switch {
	case adm2:
		l = gdeltLayouts[0]
	case url:
		l = gdeltLayouts[1]
	}
	layout := gdeltColumns(l)
	t.from = make([]int, len(layout))
	same := comma == '\t' && t.width == len(layout)
	for i, n := range layout {
		j, ok := at[n]
		if !ok {
			j = -1
		}
		t.from[i] = j
		same = same && j == i
	}
	if same {
		return nil, nil
	}
	return t, nil
}

// row returns a row of the file as a line in GDELT's own layout.
func (t *gdeltTable) row(raw []byte) ([]byte, error) {
	t.fields = t.split(bytes.TrimRight(raw, "\r\n"), t.fields[:0])
	if len(t.fields) != t.width {
		return nil, fmt.Errorf("has %d columns; the header names %d", len(t.fields), t.width)
	}
	t.line = t.line[:0]
	for i, j := range t.from {
		if i > 0 {
			t.line = append(t.line, '\t')
		}
		if j < 0 {
			continue
		}
		for _, c := range t.fields[j] {
			if c == '\t' || c == '\r' || c == '\n' {
				c = ' '
			}
			t.line = append(t.line, c)
		}
	}
	return t.line, nil
}

// split appends the fields of a line to dst. Fields of a comma- or
// semicolon-separated line may be quoted ("Kidal, Kidal, Mali"), a quote
// in them doubled; a tab-separated line is GDELT's, never quoted.
func (t *gdeltTable) split(line []byte, dst [][]byte) [][]byte {
	if t.comma == '\t' {
		for {
			i := bytes.IndexByte(line, '\t')
			if i < 0 {
				return append(dst, line)
			}
			dst = append(dst, line[:i])
			line = line[i+1:]
		}
	}
	for {
		if len(line) == 0 || line[0] != '"' {
			i := bytes.IndexByte(line, t.comma)
			if i < 0 {
				return append(dst, line)
			}
			dst = append(dst, line[:i])
			line = line[i+1:]
			continue
		}
		// A quoted field: unquoted in place, its doubled quotes made one.
		var f []byte
		i := 1
		for i < len(line) {
			if line[i] == '"' {
				if i+1 < len(line) && line[i+1] == '"' {
					f = append(f, '"')
					i += 2
					continue
				}
				i++
				break
			}
			f = append(f, line[i])
			i++
		}
		dst = append(dst, f)
		line = line[i:]
		j := bytes.IndexByte(line, t.comma)
		if j < 0 {
			return dst
		}
		line = line[j+1:]
	}
}
