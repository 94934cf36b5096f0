package exchange

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/sahelatlas/sahelatlas/data"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Format names a kind of file Import reads.
type Format string

// The formats. KML covers KMZ (a zipped KML), told apart by content;
// ACLED covers its CSV exports, its API's JSON and a workbook with its
// columns; XLSX is a workbook read as ACLED's or as a generic table by its
// header.
const (
	FormatACLED   Format = "acled"
	FormatCSV     Format = "csv"
	FormatGeoJSON Format = "geojson"
	FormatKML     Format = "kml"
	FormatGDELT   Format = "gdelt" // GDELT 1.0 or 2.0 event files (see gdelt.go)
	FormatXLSX    Format = "xlsx"
)

// Formats lists the formats Import reads, for menus and usage text.
var Formats = []Format{FormatACLED, FormatCSV, FormatXLSX, FormatGeoJSON, FormatKML, FormatGDELT}

// Valid reports whether f is one of Formats.
func (f Format) Valid() bool {
	switch f {
	case FormatACLED, FormatCSV, FormatGeoJSON, FormatKML, FormatXLSX, FormatGDELT:
		return true
	}
	return false
}

// Options change how Import reads a file.
type Options struct {
	// Format of the file; "" tells it from the name's extension and the
	// content (an ACLED export is a CSV whose header has event_id_cnty).
	Format Format
	// SkipInvalid keeps the good rows of a file with bad ones; the bad ones
	// are still listed in Result.Rejected. Without it, any problem refuses
	// the whole file with a *RefusedError.
	SkipInvalid bool
	// Columns names the columns of a generic CSV file; empty fields are
	// found from the header (see Columns).
	Columns Columns
	// Gazetteer finds places named in a generic CSV without coordinates;
	// nil uses the embedded GeoNames gazetteer, read on first need.
	Gazetteer *data.Gazetteer
	// Countries finds the country at an event's coordinates when the file
	// names none (*geo.Atlas does, from the embedded boundaries). Without
	// it such events get NoCountry; countries a file names are read with
	// the table in countries.go either way.
	Countries CountryFinder
	// MaxFileSize overrides the file size cap (MaxFileSize) when > 0. A
	// CSV or TSV table (an ACLED export or another), ACLED's JSON, a
	// GDELT file (zipped or not), GeoJSON, KML and a KMZ whose first entry
	// is doc.kml read with Stream have no cap unless one is given here;
	// without Stream, and for the files held whole (workbooks, other
	// KMZ), MaxFileSize holds.
	MaxFileSize int64
	// Stream, when set, receives the records as they are read, in batches
	// and in file order, instead of Result.Records: a CSV or TSV table,
	// ACLED's JSON, a GDELT file, GeoJSON, KML and a KMZ whose first entry
	// is doc.kml are then held in memory a batch at a time; a workbook's
	// sheet is read row by row (the file itself held: a zip archive is
	// read from its directory, at its end); the placemarks of another KMZ (held whole) become records a
	// batch at a time. The batch is reused
	// after Stream returns. An error from Stream stops the import and is
	// returned.
	// Result.Amend, when not nil, must then be applied to every record
	// passed (see Amend). When Import returns an error, what Stream
	// received must not be used.
	Stream func(batch []data.Record) error
	// GDELT chooses the events of a GDELT file to keep, as it is read.
	GDELT GDELTFilter
	// DateFormat forces the order of day and month in numeric dates, for
	// a file whose dates alone cannot tell (every day 12 or under):
	// "d/m/yyyy" (day first), "m/d/yyyy" (month first), or any layout
	// naming d before m or m before d ("dd-mm-yy", "%m/%d/%Y", "mdy").
	// Empty: the order the file's dates show, read over the whole file.
	DateFormat string
	// Sheet is the sheet of a workbook (.xlsx) to read; "" reads the first.
	Sheet string
	// Dates are the dates an event may have; the zero value refuses dates
	// before 1900 or more than a year after today (--allow-dates widens
	// it).
	Dates DateRange
	// Encoding of a text file without a byte-order mark: "" or "utf-8"
	// (the default; invalid bytes are reported by line), or "windows-1252"
	// (also read for "latin-1" and "iso-8859-1", which spreadsheets on
	// Windows save). Files with a byte-order mark are read by it.
	Encoding string
}

// Encodings lists the values Options.Encoding takes.
var Encodings = []string{"utf-8", "windows-1252", "latin-1", "iso-8859-1"}

// Import reads the events of one file. name is the file's name, kept as
// each record's provenance and used to tell the format when opts.Format is
// empty. It returns a *RefusedError when the file has problems and
// opts.SkipInvalid is false, and an error when the file cannot be read at all
// (too large, not the format, broken beyond one row); in both cases nothing
// from the file may be used.
func Import(r io.Reader, name string, opts Options) (*Result, error) {
	max := opts.MaxFileSize
	if max <= 0 {
		max = MaxFileSize
	}
	lr := &capReader{r: r, left: max, max: max, name: name}
	br := bufio.NewReaderSize(lr, 64<<10)
	head, _ := br.Peek(4096)
	if lr.err != nil && !errors.Is(lr.err, io.EOF) && !lr.tooLarge { // too large: said below, by format
		return nil, fmt.Errorf("exchange: cannot read %s: %w", name, lr.err)
	}
	enc, err := encodingNamed(opts.Encoding)
	if err != nil {
		return nil, fmt.Errorf("exchange: %s: %v", name, err)
	}
	f := opts.Format
	if f == "" {
		f = Sniff(name, head)
	}
	if !f.Valid() {
		return nil, fmt.Errorf("exchange: %s: unknown format %q; use one of acled, csv, xlsx, geojson, kml, gdelt", name, f)
	}
	res := &Result{Name: name, Format: f}
	text := func() io.Reader { return decodeText(br, head, enc) }
	zipped := bytes.HasPrefix(head, []byte("PK\x03\x04"))
	workbook := f != FormatKML && f != FormatGeoJSON && f != FormatGDELT && (zipped || f == FormatXLSX)
	// With Stream every format but a workbook (held whole: see readXLSX)
	// is read row by row: a CSV or TSV table, ACLED's JSON, a GDELT file,
	// zipped or not, GeoJSON, KML and KMZ (a KMZ read whole caps itself,
	// see readKMZ). Only the disk limits it.
	unbounded := opts.MaxFileSize <= 0 && opts.Stream != nil && !workbook
	if unbounded {
		lr.left, lr.max = math.MaxInt64, math.MaxInt64
	}
	switch {
	case f == FormatKML && zipped:
		err = readKMZ(br, name, max, unbounded, opts, res)
	case f == FormatKML:
		err = readKML(text(), name, opts, res)
	case f == FormatGeoJSON:
		err = readGeoJSON(text(), name, opts, res)
	case f == FormatGDELT && zipped:
		err = readGDELTZip(br, name, max, unbounded, opts, res)
	case f == FormatGDELT && opts.Stream != nil:
		err = readGDELTStream(text(), name, opts, res)
	case f == FormatGDELT:
		err = readGDELT(text(), name, opts, res)
	case workbook:
		err = readXLSX(br, name, max, f, opts, res)
	case looksJSON(head):
		err = readACLEDJSON(text(), name, f, opts, res)
	default:
		err = readCSVFile(text(), name, f, opts, res)
	}
	if lr.tooLarge && workbook {
		// A workbook is held whole (a zip archive is read from its
		// directory, at its end), so it keeps the cap even when read with
		// Stream.
		return nil, fmt.Errorf("exchange: %s is larger than %d MiB, the most a workbook may be: a workbook must be read whole; save the sheet as CSV to import a larger one", name, lr.max>>20)
	}
	if lr.err != nil && !errors.Is(lr.err, io.EOF) {
		return nil, lr.err // too large or unreadable: whatever the parser said
	}
	if err != nil {
		return nil, err
	}
	refuseImplausible(res, opts, time.Now())
	if len(res.Rejected) > 0 && !opts.SkipInvalid {
		return res, &RefusedError{Name: name, Problems: res.Rejected, More: res.More}
	}
	if opts.Stream != nil && len(res.Records) > 0 {
		for len(res.Records) > 0 {
			n := min(len(res.Records), streamBatch)
			if err := opts.Stream(res.Records[:n]); err != nil {
				return nil, err
			}
			res.Records = res.Records[n:]
		}
		res.Records = nil
	}
	return res, nil
}

// Sniff tells a file's format from its name's extension and, failing that,
// from its first bytes. JSON holding ACLED's event_id_cnty is ACLED's (its
// API's answer), other JSON GeoJSON; a zip archive is a workbook when it
// holds one's parts, a KMZ otherwise.
func Sniff(name string, head []byte) Format {
	head = bytes.TrimPrefix(head, utf8BOM)
	zipped := bytes.HasPrefix(head, []byte("PK\x03\x04"))
	workbook := zipped && (bytes.Contains(head, []byte("[Content_Types].xml")) || bytes.Contains(head, []byte("xl/")))
	acledJSON := looksJSON(head) && bytes.Contains(head, []byte(`"event_id_cnty"`))
	if sniffGDELT(name, head) {
		return FormatGDELT
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".geojson":
		return FormatGeoJSON
	case ".json":
		if acledJSON {
			return FormatACLED
		}
		return FormatGeoJSON
	case ".kml", ".kmz":
		return FormatKML
	case ".xlsx", ".xlsm":
		return FormatXLSX
	case ".csv", ".tsv", ".txt":
		return csvFlavour(head)
	}
	t := bytes.TrimLeft(head, " \t\r\n")
	switch {
	case workbook:
		return FormatXLSX
	case zipped, bytes.HasPrefix(t, []byte("<")):
		return FormatKML
	case acledJSON:
		return FormatACLED
	case bytes.HasPrefix(t, []byte("{")):
		return FormatGeoJSON
	}
	return csvFlavour(head)
}

// csvFlavour tells an ACLED export from another CSV by its header.
func csvFlavour(head []byte) Format {
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		if u, _, err := transform.Bytes(unicode.BOMOverride(dec), head[:len(head)&^1]); err == nil {
			head = u
		}
	}
	line, _, _ := bytes.Cut(head, []byte("\n"))
	if bytes.Contains(bytes.ToLower(line), []byte("event_id_cnty")) {
		return FormatACLED
	}
	return FormatCSV
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// encodingNamed returns the decoder for an Options.Encoding, nil for UTF-8.
func encodingNamed(name string) (*charmap.Charmap, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "", "utf-8", "utf8":
		return nil, nil
	case "windows-1252", "cp1252", "latin-1", "latin1", "iso-8859-1":
		return charmap.Windows1252, nil
	}
	return nil, fmt.Errorf("encoding %q is not one of %s", name, strings.Join(Encodings, ", "))
}

// decodeText strips a UTF-8 byte-order mark and decodes UTF-16 that starts
// with one; anything else is read as enc (nil: UTF-8, checked by the
// parsers).
func decodeText(br *bufio.Reader, head []byte, enc *charmap.Charmap) io.Reader {
	switch {
	case bytes.HasPrefix(head, utf8BOM):
		br.Discard(len(utf8BOM))
		return br
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		return transform.NewReader(br, unicode.BOMOverride(dec))
	case enc != nil:
		return transform.NewReader(br, enc.NewDecoder())
	}
	return br
}

// capReader fails once more than max bytes have been read.
type capReader struct {
	r         io.Reader
	left, max int64
	name      string
	err       error
	tooLarge  bool // err is the file being larger than max
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	if c.left <= 0 {
		// One more byte tells a file of exactly max bytes from a larger one.
		var one [1]byte
		n, err := c.r.Read(one[:])
		if n > 0 {
			c.tooLarge = true
			c.err = fmt.Errorf("exchange: %s is larger than %d MiB, the most Sahel Atlas imports; split it and import the parts", c.name, c.max>>20)
			return 0, c.err
		}
		if err == nil {
			err = io.ErrNoProgress
		}
		c.err = err
		return 0, err
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	var unpacked *entryError
	if err != nil && !errors.Is(err, io.EOF) && !errors.As(err, &unpacked) {
		err = fmt.Errorf("exchange: cannot read %s: %w", c.name, err)
	}
	if err != nil {
		c.err = err
	}
	return n, err
}

// rejecter collects problems up to MaxProblems.
type rejecter struct{ res *Result }

func (r rejecter) add(p Problem) {
	if len(r.res.Rejected) >= MaxProblems {
		r.res.More++
		return
	}
	r.res.Rejected = append(r.res.Rejected, p)
}

func newBufReader(r io.Reader) *bufio.Reader { return bufio.NewReaderSize(r, 64<<10) }

// Header returns the format of a file and, for a CSV, its column names (a
// byte-order mark stripped, UTF-16 decoded), so a dialog can offer them
// for Columns before importing. It reads only the start of r: a header
// row longer than MaxRecord (or a line longer than MaxLine) is an error.
func Header(r io.Reader, name string) (Format, []string, error) {
	// The bounds below stop first; this one is room for them, their
	// buffers and UTF-16's two bytes a character.
	const most = 4 * MaxRecord
	lr := &capReader{r: r, left: most, max: most, name: name}
	br := bufio.NewReaderSize(lr, 64<<10)
	head, _ := br.Peek(4096)
	f := Sniff(name, head)
	if f != FormatACLED && f != FormatCSV || looksJSON(head) {
		return f, nil, nil
	}
	lc := &lineCap{r: decodeText(br, head, nil), max: MaxLine}
	tb := bufio.NewReaderSize(lc, 64<<10)
	th, _ := tb.Peek(64 << 10)
	cr := csv.NewReader(tb)
	cr.Comma = Delimiter(th)
	lc.record = newRecordBound(cr, MaxRecord)
	h, err := cr.Read()
	if err != nil {
		return f, nil, fmt.Errorf("exchange: %s: the header row cannot be read: %v", name, err)
	}
	return f, slices.Clone(h), nil
}
