package exchange

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/sahelatlas/sahelatlas/data"
)

// GDELT event files are tab-separated, with no header and no quoting. Three
// layouts exist, told apart by their number of columns:
//
//	61  GDELT 2.0 (2015 on): each geography has ADM2Code; DATEADDED is
//	    YYYYMMDDHHMMSS; SOURCEURL last
//	58  GDELT 1.0 daily files (April 2013 on): no ADM2Code; DATEADDED is
//	    YYYYMMDD; SOURCEURL last
//	57  GDELT 1.0 historical files (1979 to March 2013): as 58, without
//	    SOURCEURL
//
// The first 35 columns are the same in all three (GLOBALEVENTID, SQLDATE,
// MonthYear, Year, FractionDate, ten Actor1 columns, ten Actor2 columns,
// IsRootEvent, EventCode, EventBaseCode, EventRootCode, QuadClass,
// GoldsteinScale, NumMentions, NumSources, NumArticles, AvgTone); then come
// Actor1Geo_, Actor2Geo_ and ActionGeo_ (Type, FullName, CountryCode,
// ADM1Code, [ADM2Code,] Lat, Long, FeatureID), DATEADDED and SOURCEURL.
const (
	gdID, gdDate                              = 0, 1
	gdA1Code, gdA1Name, gdA1Country           = 5, 6, 7
	gdA1Type                                  = 12 // Actor1Type1Code; Actor2's columns are 10 further on
	gdActorWidth                              = 10
	gdEventCode, gdBaseCode, gdRootCode       = 26, 27, 28
	gdQuad, gdGoldstein                       = 29, 30
	gdMentions, gdSources, gdArticles, gdTone = 31, 32, 33, 34
	gdGeo                                     = 35 // Actor1Geo_Type
)

// gdeltLayout is one of the three layouts.
type gdeltLayout struct {
	version  string // "1.0" or "2.0"
	columns  int
	geoWidth int  // 7 (1.0) or 8 (2.0, with ADM2Code)
	url      bool // SOURCEURL is the last column
}

var gdeltLayouts = []gdeltLayout{
	{"2.0", 61, 8, true},
	{"1.0", 58, 7, true},
	{"1.0", 57, 7, false},
}

// gdeltLayoutOf returns the layout of a line with n columns.
func gdeltLayoutOf(n int) (gdeltLayout, bool) {
	for _, l := range gdeltLayouts {
		if l.columns == n {
			return l, true
		}
	}
	return gdeltLayout{}, false
}

// gdeltGeo is one of a row's three geographies.
type gdeltGeo struct {
	typ, name, country, adm1, adm2, lat, lon, feature string
}

// geo returns geography g (0 Actor1Geo, 1 Actor2Geo, 2 ActionGeo) of f.
func (l gdeltLayout) geo(f []string, g int) gdeltGeo {
	i := gdGeo + g*l.geoWidth
	x := gdeltGeo{typ: f[i], name: f[i+1], country: f[i+2], adm1: f[i+3]}
	if l.geoWidth == 8 {
		x.adm2 = f[i+4]
		i++
	}
	x.lat, x.lon, x.feature = f[i+4], f[i+5], f[i+6]
	return x
}

// dateAdded and sourceURL return the last columns of f.
func (l gdeltLayout) dateAdded(f []string) string { return f[gdGeo+3*l.geoWidth] }

func (l gdeltLayout) sourceURL(f []string) string {
	if !l.url {
		return ""
	}
	return f[gdGeo+3*l.geoWidth+1]
}

// GDELTFilter chooses the GDELT events an import keeps. It is applied to
// each line as it is read, so a daily file of 200,000 events is never held
// whole: only the events kept are.
type GDELTFilter struct {
	// CAMEO keeps the events whose CAMEO event code starts with one of
	// these prefixes ("04" consult, "161", "1661"); empty keeps all.
	CAMEO []string
	// Countries keeps the events that involve one of these countries (ISO
	// 3166 alpha-3): where the event took place, or either actor's
	// country; empty keeps all.
	Countries []string
}

// ParseGDELTFilter reads the command line's --cameo and --country values:
// comma-separated CAMEO code prefixes (1 to 4 digits), and countries as
// alpha-3 codes or names ("MLI,Burkina Faso").
func ParseGDELTFilter(cameo, countries string) (GDELTFilter, error) {
	var f GDELTFilter
	for _, c := range splitComma(cameo) {
		if len(c) > 4 || !allDigits([]byte(c)) {
			return f, fmt.Errorf("exchange: CAMEO code %q is not 1 to 4 digits (04 consult, 042 make a visit, 16 reduce relations)", c)
		}
		f.CAMEO = append(f.CAMEO, c)
	}
	for _, c := range splitComma(countries) {
		code := countryNamed(c)
		if code == "" {
			return f, fmt.Errorf("exchange: country %q is neither an ISO 3166 alpha-3 code nor a country name the atlas knows", c)
		}
		f.Countries = append(f.Countries, code)
	}
	return f, nil
}

func splitComma(s string) []string {
	var out []string
	for p := range strings.SplitSeq(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// keepsCode reports whether the filter keeps a CAMEO event code.
func (f *GDELTFilter) keepsCode(code string) bool {
	if len(f.CAMEO) == 0 {
		return true
	}
	for _, p := range f.CAMEO {
		if strings.HasPrefix(code, p) {
			return true
		}
	}
	return false
}

// keepsCountries reports whether the filter keeps an event in countries.
func (f *GDELTFilter) keepsCountries(countries []string) bool {
	if len(f.Countries) == 0 {
		return true
	}
	for _, c := range countries {
		if slices.Contains(f.Countries, c) {
			return true
		}
	}
	return false
}

// countryOfFIPS returns the alpha-3 code of a FIPS 10-4 country code
// ("ML" → "MLI"), or "" when the table or the atlas does not know it.
func countryOfFIPS(fips string) string {
	c := fipsCountries[strings.ToUpper(strings.TrimSpace(fips))]
	if c == "" || !countries().codes[c] {
		return ""
	}
	return c
}

// readGDELT reads a GDELT event file into res: the events kept by
// opts.GDELT whose CAMEO code has a kind, one per GLOBALEVENTID (the copy
// with the latest DATEADDED).
func readGDELT(in io.Reader, name string, opts Options, res *Result) error {
	seen := map[string]int{}
	skipped := tally{}
	var kept chunked // as ACLED's reader: no copying of a growing slice
	err := scanGDELT(in, name, opts, res, skipped, func(r data.Record) bool {
		if i, dup := seen[r.Event.ID]; dup {
			skipped["duplicate GLOBALEVENTID: collapsed into one event (the copy added last kept)"]++
			if prev := kept.at(i); r.Version > prev.Version {
				*prev = r
			}
			return true
		}
		seen[r.Event.ID] = kept.n
		kept.add(r)
		return true
	})
	res.Records = kept.join(res.Records)
	res.Skipped = skipped.skips()
	return err
}

// scanGDELT reads a GDELT file line by line and hands each event kept to
// yield, until yield returns false or the file ends. Bad lines go to
// res.Rejected, lines left out on purpose to skipped. It holds one line at
// a time. A file whose first line is a header naming GLOBALEVENTID is read
// by its header, tab-, comma- or semicolon-separated (see gdeltTable).
func scanGDELT(in io.Reader, name string, opts Options, res *Result, skipped tally, yield func(data.Record) bool) error {
	br := bufio.NewReaderSize(in, 64<<10)
	b := newBuilder(name, opts.Countries)
	rej := rejecter{res}
	fields := make([]string, 0, 61)
	var long []byte
	var table *gdeltTable // a file saved with a header line (see gdelt_header.go)
	var terr error
	for n := 1; ; n++ {
		line, err := br.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			long = append(long[:0], line...)
			for errors.Is(err, bufio.ErrBufferFull) && len(long) <= MaxLine {
				line, err = br.ReadSlice('\n')
				long = append(long, line...)
			}
			for errors.Is(err, bufio.ErrBufferFull) { // the rest of a line too long to keep
				_, err = br.ReadSlice('\n')
			}
			line = long
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return fmt.Errorf("exchange: cannot read %s after line %d: %w", name, n-1, err)
		}
		if n == 1 {
			if table, terr = newGDELTTable(line); terr != nil {
				return fmt.Errorf("exchange: %s: %v", name, terr)
			}
			if table != nil {
				line = nil // the header, read
			}
		}
		if len(line) > MaxLine {
			rej.add(Problem{Line: n, Reason: fmt.Sprintf("is longer than %d KiB; a GDELT event line is under 2 KiB", MaxLine>>10)})
		} else if len(bytes.TrimSpace(line)) > 0 {
			var r data.Record
			var skip string
			var bad error
			if table != nil {
				line, bad = table.row(line)
			}
			if bad == nil {
				r, skip, bad = b.gdeltRow(line, n, &fields, &opts.GDELT)
			}
			switch {
			case bad != nil:
				rej.add(problem(n, 0, bad))
			case skip != "":
				skipped[skip]++
			case r.Event.ID != "":
				if !yield(r) {
					return nil
				}
			}
		}
		if err != nil { // io.EOF
			return nil
		}
	}
}
