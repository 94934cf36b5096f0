// Package rivers reads and writes the compact binary form in which Sahel
// Atlas ships the major rivers and lakes it draws under the map's symbols:
// GSHHG's WDBII rivers and its lake shorelines (LGPL-3), made by the
// generator in assets/gen/rivers and embedded by package assets.
//
// A file holds one or more levels of detail, coarsest first, each used from
// its MinZoom up to the next one's. Coordinates are lon/lat stored as
// integers of Unit degrees, delta-encoded per line as zig-zag varints.
//
// Layout (integers varints, floats little-endian IEEE 754):
//
//	"SAR1"
//	levels                                   (uvarint)
//	per level: min zoom                      (float64)
//	           rivers                        (uvarint)
//	  per river: points, then dx, dy per point (uvarint; varints from the previous point, the first from 0,0)
//	           lakes                         (uvarint)
//	  per lake: rings                        (uvarint)
//	    per ring: points, then dx, dy per point
package rivers

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"

	"github.com/paulmach/orb"
)

// magic opens every file in this format; the digit is the format version.
const magic = "SAR1"

// Unit is the size in degrees of the grid coordinates are stored on: about
// 11 m at the equator, far below a pixel at any zoom the map draws rivers.
const Unit = 1e-4

// Level is one level of detail: the rivers and lakes drawn from MinZoom
// (a Web Mercator zoom in logical pixels) up to the next level's.
type Level struct {
	MinZoom float64
	Rivers  orb.MultiLineString
	Lakes   orb.MultiPolygon
}

// ErrFormat is wrapped by every error Decode returns for bytes that are
// not a well-formed rivers file.
var ErrFormat = errors.New("rivers: not a valid rivers file")

// Encode appends the levels in the compact form to dst.
func Encode(dst []byte, levels []Level) []byte {
	dst = append(dst, magic...)
	dst = binary.AppendUvarint(dst, uint64(len(levels)))
	for _, lv := range levels {
		dst = binary.LittleEndian.AppendUint64(dst, math.Float64bits(lv.MinZoom))
		dst = binary.AppendUvarint(dst, uint64(len(lv.Rivers)))
		for _, r := range lv.Rivers {
			dst = appendLine(dst, r)
		}
		dst = binary.AppendUvarint(dst, uint64(len(lv.Lakes)))
		for _, p := range lv.Lakes {
			dst = binary.AppendUvarint(dst, uint64(len(p)))
			for _, r := range p {
				dst = appendLine(dst, orb.LineString(r))
			}
		}
	}
	return dst
}

// appendLine appends the points of ls, delta-encoded on the Unit grid.
func appendLine(dst []byte, ls orb.LineString) []byte {
	dst = binary.AppendUvarint(dst, uint64(len(ls)))
	var px, py int64
	for _, p := range ls {
		x, y := int64(math.Round(p[0]/Unit)), int64(math.Round(p[1]/Unit))
		dst = binary.AppendVarint(dst, x-px)
		dst = binary.AppendVarint(dst, y-py)
		px, py = x, y
	}
	return dst
}

// Decode reads the levels of a rivers file.
func Decode(b []byte) ([]Level, error) {
	f, err := Open(b)
	if err != nil {
		return nil, err
	}
	levels := make([]Level, len(f.Zooms))
	for i := range levels {
		if levels[i], err = f.Level(i); err != nil {
			return nil, err
		}
	}
	return levels, nil
}

// File is a rivers file whose structure was checked and whose levels are
// decoded one at a time, when asked for: a map draws one level, and
// decoding all of them was most of the rivers' cost in a snapshot's start.
type File struct {
	// Zooms is the MinZoom of each level, coarsest first.
	Zooms []float64
	parts [][]byte // the lines of each level, encoded
}

// Open reads the levels' zooms and checks the file's structure (counts,
// varints, nothing left over) without building its lines.
func Open(b []byte) (*File, error) {
	if len(b) < len(magic) || string(b[:len(magic)]) != magic {
		return nil, fmt.Errorf("%w: it does not start with %q", ErrFormat, magic)
	}
	d := decoder{b: b[len(magic):]}
	n := d.count()
	f := &File{}
	for i := 0; i < n && d.err == nil; i++ {
		if len(d.b) < 8 {
			d.fail("level %d has no zoom", i)
			break
		}
		f.Zooms = append(f.Zooms, math.Float64frombits(binary.LittleEndian.Uint64(d.b)))
		d.b = d.b[8:]
		start := d.b
		for range d.count() {
			d.skipLine()
		}
		for range d.count() {
			for range d.count() {
				d.skipLine()
			}
		}
		f.parts = append(f.parts, start[:len(start)-len(d.b)])
	}
	if d.err != nil {
		return nil, d.err
	}
	if len(d.b) != 0 {
		return nil, fmt.Errorf("%w: %d bytes left after the last level", ErrFormat, len(d.b))
	}
	return f, nil
}

// Level decodes level i (0 ≤ i < len(f.Zooms)).
func (f *File) Level(i int) (Level, error) {
	lv := Level{MinZoom: f.Zooms[i]}
	d := decoder{b: f.parts[i]}
	for range d.count() {
		lv.Rivers = append(lv.Rivers, d.line())
	}
	for range d.count() {
		var p orb.Polygon
		for range d.count() {
			p = append(p, orb.Ring(d.line()))
		}
		lv.Lakes = append(lv.Lakes, p)
	}
	return lv, d.err
}

// decoder reads varints, remembering the first error.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail(format string, a ...any) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: %s", ErrFormat, fmt.Sprintf(format, a...))
	}
}

// count reads a count, refusing one larger than the bytes left could hold.
func (d *decoder) count() int {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 || v > uint64(len(d.b)) {
		d.fail("bad count")
		return 0
	}
	d.b = d.b[n:]
	return int(v)
}

// skipLine reads past a delta-encoded line.
func (d *decoder) skipLine() {
	n := d.count()
	for range 2 * n {
		_, k := binary.Varint(d.b)
		if k <= 0 {
			d.fail("bad coordinate")
			return
		}
		d.b = d.b[k:]
	}
}

// line reads a delta-encoded line.
func (d *decoder) line() orb.LineString {
	n := d.count()
	ls := make(orb.LineString, 0, n)
	var x, y int64
	for range n {
		dx, k := binary.Varint(d.b)
		if k <= 0 {
			d.fail("bad coordinate")
			return nil
		}
		d.b = d.b[k:]
		dy, k := binary.Varint(d.b)
		if k <= 0 {
			d.fail("bad coordinate")
			return nil
		}
		d.b = d.b[k:]
		x, y = x+dx, y+dy
		ls = append(ls, orb.Point{float64(x) * Unit, float64(y) * Unit})
	}
	return ls
}
