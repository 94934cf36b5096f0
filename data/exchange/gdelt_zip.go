package exchange

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"strings"
)

// gdeltZipEntry reports whether a zip archive, whose first bytes are head,
// starts with a GDELT event file as GDELT names them inside its downloads:
// "20250516.export.CSV", "20250516101500.export.CSV",
// "20250516101500.translation.export.CSV" or, for the 1.0
// historical files, "1979.csv" and "200601.csv". It reads the name from
// the first entry's local header.
func gdeltZipEntry(head []byte) bool {
	if len(head) < 30 || !bytes.HasPrefix(head, []byte("PK\x03\x04")) {
		return false
	}
	n := int(binary.LittleEndian.Uint16(head[26:28]))
	if len(head) < 30+n {
		return false
	}
	return gdeltFileName(string(head[30 : 30+n]))
}

// gdeltFileName reports whether name is one GDELT gives its event files.
func gdeltFileName(name string) bool {
	lower := strings.ToLower(name)
	if stem, ok := strings.CutSuffix(lower, ".export.csv"); ok {
		stem = strings.TrimSuffix(stem, ".translation") // GDELT 2.0's events from translated news
		return (len(stem) == 8 || len(stem) == 14) && allDigits([]byte(stem))
	}
	if stem, ok := strings.CutSuffix(lower, ".csv"); ok {
		return (len(stem) == 4 || len(stem) == 6) && allDigits([]byte(stem))
	}
	return false
}

// gdeltUnzipFactor bounds what a zipped GDELT file may unpack to, as a
// multiple of the file size cap: GDELT's own zips unpack to about eight
// times their size, and the events are read as they unpack.
const gdeltUnzipFactor = 64

// gdeltEntry reports whether an archive's entry at its root is a GDELT
// event file: named as GDELT names them, or ending .csv.
func gdeltEntry(n string) bool {
	return gdeltFileName(n) || strings.EqualFold(path.Ext(n), ".csv")
}

// readGDELTZip reads the GDELT event file in a zip archive as GDELT serves
// them: one entry, read as it unpacks from the archive's first bytes on,
// so neither the archive nor the file is held (see unzipFirst). An archive
// whose first entry is not the events (or not compressed as GDELT's are)
// is read whole, within max, and its first GDELT file at the root read.
// unbounded lifts the bound on what the entry unpacks to (a streamed
// import with no size cap asked for).
func readGDELTZip(in *bufio.Reader, name string, max int64, unbounded bool, opts Options, res *Result) error {
	read := readGDELT
	if opts.Stream != nil {
		read = readGDELTStream
	}
	limit := max * gdeltUnzipFactor
	if unbounded || limit/gdeltUnzipFactor != max {
		limit = math.MaxInt64
	}
	if entry, ok := unzipFirst(in, name, gdeltEntry); ok {
		return entry.readCapped(limit, func(r io.Reader) error { return read(r, name, opts, res) })
	}
	raw, err := io.ReadAll(&capReader{r: in, left: max, max: max, name: name})
	if err != nil {
		return err
	}
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return fmt.Errorf("exchange: %s is not a zip archive: %v", name, err)
	}
	var entry *zip.File
	for _, f := range zr.File {
		n := strings.ReplaceAll(f.Name, "\\", "/")
		if strings.Contains(n, "/") || strings.Contains(n, "\x00") {
			continue
		}
		if entry == nil && (gdeltFileName(n) || strings.EqualFold(path.Ext(n), ".csv")) {
			entry = f
		}
	}
	if entry == nil {
		return fmt.Errorf("exchange: %s holds no GDELT event file (such as 20250516.export.CSV) at its root", name)
	}
	rc, err := entry.Open()
	if err != nil {
		return fmt.Errorf("exchange: %s: cannot open %s: %v", name, entry.Name, err)
	}
	defer rc.Close()
	lr := &capReader{r: rc, left: limit, max: limit, name: name + ":" + entry.Name}
	err = read(lr, name, opts, res)
	if lr.err != nil && !errors.Is(lr.err, io.EOF) {
		return lr.err
	}
	return err
}
