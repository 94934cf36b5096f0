// Package boundaries reads and writes the compact binary form in which Sahel
// Atlas ships the Natural Earth admin-0 country boundaries.
//
// The files beside this one (countries-10m.bin, countries-50m.bin,
// countries-110m.bin) are written by the generator in assets/gen/boundaries
// and embedded by package assets. Coordinates are stored as integers on the
// TopoJSON quantisation grid of the source (lon = q·Scale[0] + Translate[0]),
// delta-encoded per ring as zig-zag varints, so a 10m file of half a million
// vertices is about a megabyte and decodes in a few milliseconds.
//
// Layout (all integers varints, floats little-endian IEEE 754):
//
//	"SAB1"
//	scale x, scale y, translate x, translate y  (float64)
//	countries, points                            (uvarint)
//	per country: code, numeric, name             (uvarint length + UTF-8)
//	             polygons                        (uvarint)
//	  per polygon: rings                         (uvarint)
//	    per ring: points                         (uvarint)
//	      per point: dx, dy                      (varint, from the previous point of the ring; the first from 0,0)
package boundaries

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"

	"github.com/paulmach/orb"
)

// magic opens every file in this format; the digit is the format version.
const magic = "SAB1"

// Country is one admin-0 feature as stored in a boundaries file.
type Country struct {
	Code     string // ISO 3166 alpha-3, or a Natural Earth ADM0_A3-style code
	Numeric  string // ISO 3166 numeric, "" when none
	Name     string // English name
	Geometry orb.MultiPolygon
	// Bounds are the bounds of the polygons' exterior rings, one per polygon.
	// Decode fills them (cheaply, while decoding); Encode ignores them.
	Bounds []orb.Bound
}

// Grid is the quantisation grid of a file: a coordinate c is stored as the
// integer round((c - Translate) / Scale), axis by axis.
type Grid struct {
	Scale     orb.Point
	Translate orb.Point
}

// ErrFormat is wrapped by every error Decode returns for bytes that are not a
// well-formed boundaries file.
var ErrFormat = errors.New("boundaries: not a valid boundaries file")

// Encode appends the countries to dst in the compact form, quantising every
// coordinate to g, and returns the extended slice. The geometry is not changed.
func Encode(dst []byte, g Grid, countries []Country) ([]byte, error) {
	if g.Scale[0] <= 0 || g.Scale[1] <= 0 {
		return dst, fmt.Errorf("boundaries: grid scale %v must be positive on both axes", g.Scale)
	}
	points := 0
	for _, c := range countries {
		for _, p := range c.Geometry {
			for _, r := range p {
				points += len(r)
			}
		}
	}
	dst = append(dst, magic...)
	for _, f := range []float64{g.Scale[0], g.Scale[1], g.Translate[0], g.Translate[1]} {
		dst = binary.LittleEndian.AppendUint64(dst, math.Float64bits(f))
	}
	dst = binary.AppendUvarint(dst, uint64(len(countries)))
	dst = binary.AppendUvarint(dst, uint64(points))
	for _, c := range countries {
		for _, s := range []string{c.Code, c.Numeric, c.Name} {
			dst = binary.AppendUvarint(dst, uint64(len(s)))
			dst = append(dst, s...)
		}
		dst = binary.AppendUvarint(dst, uint64(len(c.Geometry)))
		for _, p := range c.Geometry {
			dst = binary.AppendUvarint(dst, uint64(len(p)))
			for _, r := range p {
				dst = binary.AppendUvarint(dst, uint64(len(r)))
				var px, py int64
				for _, pt := range r {
					x := int64(math.Round((pt[0] - g.Translate[0]) / g.Scale[0]))
					y := int64(math.Round((pt[1] - g.Translate[1]) / g.Scale[1]))
					dst = binary.AppendVarint(dst, x-px)
					dst = binary.AppendVarint(dst, y-py)
					px, py = x, y
				}
			}
		}
	}
	return dst, nil
}

// Decode reads a boundaries file. All rings share one backing array of points,
// each capped to its own length, so appending to a ring never overwrites
// another. Malformed or truncated input gives an error wrapping ErrFormat,
// never a panic.
func Decode(data []byte) (Grid, []Country, error) {
	d := decoder{data: data}
	if len(data) < len(magic)+32 || string(data[:len(magic)]) != magic {
		return Grid{}, nil, fmt.Errorf("%w: missing %q header", ErrFormat, magic)
	}
	d.off = len(magic)
	var g Grid
	g.Scale[0], g.Scale[1] = d.float(), d.float()
	g.Translate[0], g.Translate[1] = d.float(), d.float()
	n := d.count(3) // a country takes at least 3 bytes of names
	total := d.count(2)
	if d.err != nil {
		return Grid{}, nil, d.err
	}
	points := make([]orb.Point, total)
	used := 0
	countries := make([]Country, n)
	for i := range countries {
		c := &countries[i]
		c.Code, c.Numeric, c.Name = d.str(), d.str(), d.str()
		c.Geometry = make(orb.MultiPolygon, d.count(1))
		c.Bounds = make([]orb.Bound, len(c.Geometry))
		for j := range c.Geometry {
			p := make(orb.Polygon, d.count(1))
			for k := range p {
				m := d.count(2)
				if d.err == nil && m > total-used {
					d.fail("ring of %d points overruns the %d points declared", m, total)
				}
				if d.err != nil {
					return Grid{}, nil, d.err
				}
				r := orb.Ring(points[used : used+m : used+m])
				used += m
				var x, y int64
				minX, minY, maxX, maxY := int64(math.MaxInt64), int64(math.MaxInt64), int64(math.MinInt64), int64(math.MinInt64)
				for l := range r {
					x += d.varint()
					y += d.varint()
					minX, minY, maxX, maxY = min(minX, x), min(minY, y), max(maxX, x), max(maxY, y)
					r[l] = orb.Point{float64(x)*g.Scale[0] + g.Translate[0], float64(y)*g.Scale[1] + g.Translate[1]}
				}
				if k == 0 && m > 0 {
					c.Bounds[j] = orb.Bound{
						Min: orb.Point{float64(minX)*g.Scale[0] + g.Translate[0], float64(minY)*g.Scale[1] + g.Translate[1]},
						Max: orb.Point{float64(maxX)*g.Scale[0] + g.Translate[0], float64(maxY)*g.Scale[1] + g.Translate[1]},
					}
				}
				p[k] = r
			}
			c.Geometry[j] = p
		}
		if d.err != nil {
			return Grid{}, nil, d.err
		}
	}
	if d.off != len(data) {
		d.fail("%d bytes left over", len(data)-d.off)
	}
	if d.err != nil {
		return Grid{}, nil, d.err
	}
	return g, countries, nil
}

// decoder reads varints from data, remembering the first error.
type decoder struct {
	data []byte
	off  int
	err  error
}

func (d *decoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: at byte %d: %s", ErrFormat, d.off, fmt.Sprintf(format, args...))
	}
}

func (d *decoder) float() float64 {
	if d.err != nil || len(d.data)-d.off < 8 {
		d.fail("truncated float")
		return 0
	}
	f := math.Float64frombits(binary.LittleEndian.Uint64(d.data[d.off:]))
	d.off += 8
	return f
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.data[d.off:])
	if n <= 0 {
		d.fail("bad or truncated varint")
		return 0
	}
	d.off += n
	return v
}

func (d *decoder) varint() int64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.data[d.off:])
	if n <= 0 {
		d.fail("bad or truncated varint")
		return 0
	}
	d.off += n
	return v
}

// count reads a length whose items take at least size bytes each, refusing
// lengths the rest of the input could not hold (so no huge allocations).
func (d *decoder) count(size int) int {
	v := d.uvarint()
	if d.err == nil && v > uint64((len(d.data)-d.off)/size+1) {
		d.fail("count %d larger than the %d bytes left can hold", v, len(d.data)-d.off)
	}
	if d.err != nil {
		return 0
	}
	return int(v)
}

func (d *decoder) str() string {
	n := d.count(1)
	if d.err != nil {
		return ""
	}
	if n > len(d.data)-d.off {
		d.fail("truncated string")
		return ""
	}
	s := string(d.data[d.off : d.off+n])
	d.off += n
	return s
}
