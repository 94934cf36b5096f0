package geo

import (
	"encoding/binary"
	"fmt"
	"math"

	"github.com/paulmach/orb"

	"github.com/sahelatlas/sahelatlas/assets"
	"github.com/sahelatlas/sahelatlas/assets/boundaries"
)

// The levels file (assets.Levels, written by assets/gen/levels from the
// boundaries files) holds what the atlas would otherwise work out at every
// start: the table of countries with their bounds at every scale (so the
// boundaries are decoded only when a view needs geometry the file does
// not hold), the neighbours of every country, and the countries' geometry
// as Projected simplifies it for the zoom levels views use most.
//
// Layout (integers are uvarints, bounds four float64s little-endian: min
// lon, min lat, max lon, max lat):
//
//	"SAL1"
//	countries; per country: code, numeric, name (each length + UTF-8),
//	  its bound at 110m, 50m and 10m, neighbours, their indexes
//	levels; per level: LOD, step, length, then that many bytes: the
//	  countries in atlas order, in world units, simplified to the step's
//	  tolerance, in the compact form of assets/boundaries (Encode) on a
//	  grid of a quarter of the tolerance
const levelsMagic = "SAL1"

// precomputed lists the levels the levels file holds: every step the
// 110m and 50m scales are drawn at, and the 10m scale from a world 4,096
// to 2^14 pixels wide (the Sahel at 1920×1080 is step 26). Finer steps
// hold nearly every vertex, so simplifying them at run time costs little
// more than reading them would.
func precomputed() []levelKey {
	var keys []levelKey
	for step := 14; step <= 20; step++ {
		keys = append(keys, levelKey{lod: LOD110m, step: step})
	}
	for step := 20; step <= 24; step++ {
		keys = append(keys, levelKey{lod: LOD50m, step: step})
	}
	for step := 24; step <= 28; step++ {
		keys = append(keys, levelKey{lod: LOD10m, step: step})
	}
	return keys
}

// levelGrid is the quantisation grid of the level of step: a quarter of
// its tolerance, so a stored vertex is within an eighth of a device pixel
// of the simplified one.
func levelGrid(step int) boundaries.Grid {
	q := math.Exp2(-float64(step)/2) / 4
	return boundaries.Grid{Scale: orb.Point{q, q}}
}

// EncodeLevels returns the levels file for the embedded boundaries: the
// countries' table, their neighbours found and the precomputed levels
// simplified now, as assets/gen/levels writes it. It takes a few seconds.
func EncodeLevels() ([]byte, error) {
	a, err := decodeAtlas(assets.Boundaries)
	if err != nil {
		return nil, err
	}
	a.findNeighbours()
	out := []byte(levelsMagic)
	out = binary.AppendUvarint(out, uint64(len(a.countries)))
	for i, c := range a.countries {
		for _, s := range []string{c.Code, c.Numeric, c.Name} {
			out = binary.AppendUvarint(out, uint64(len(s)))
			out = append(out, s...)
		}
		for _, lod := range lods {
			b := a.bounds[lod][i]
			for _, f := range []float64{b.Min[0], b.Min[1], b.Max[0], b.Max[1]} {
				out = binary.LittleEndian.AppendUint64(out, math.Float64bits(f))
			}
		}
		out = binary.AppendUvarint(out, uint64(len(a.neighbours[i])))
		for _, code := range a.neighbours[i] {
			out = binary.AppendUvarint(out, uint64(a.byCode[code].index))
		}
	}
	keys := precomputed()
	out = binary.AppendUvarint(out, uint64(len(keys)))
	for _, k := range keys {
		tolerance := math.Exp2(-float64(k.step) / 2)
		cs := make([]boundaries.Country, len(a.countries))
		for i, c := range a.countries {
			cs[i].Code = c.Code
			for _, bp := range simplified(a.geometry[k.lod][i], tolerance) {
				cs[i].Geometry = append(cs[i].Geometry, bp.polygon)
			}
		}
		level, err := boundaries.Encode(nil, levelGrid(k.step), cs)
		if err != nil {
			return nil, fmt.Errorf("geo: level %s step %d: %w", k.lod, k.step, err)
		}
		out = binary.AppendUvarint(out, uint64(k.lod))
		out = binary.AppendUvarint(out, uint64(k.step))
		out = binary.AppendUvarint(out, uint64(len(level)))
		out = append(out, level...)
	}
	return out, nil
}

// levelsFile is a read levels file: the countries, their neighbours, and
// each level's bytes, decoded when a view first needs the level.
type levelsFile struct {
	countries  []*Country
	bounds     [len(lods)][]orb.Bound
	neighbours [][]string
	levels     map[levelKey][]byte
}

// readLevels reads a levels file. Empty data (none embedded) gives nil
// and no error: the atlas then works everything out from the boundaries.
func readLevels(data []byte) (*levelsFile, error) {
	if len(data) == 0 {
		return nil, nil
	}
	if len(data) < len(levelsMagic) || string(data[:len(levelsMagic)]) != levelsMagic {
		return nil, fmt.Errorf("geo: embedded levels: missing %q header (regenerate them with assets/gen/levels)", levelsMagic)
	}
	r := levelsReader{data: data, off: len(levelsMagic)}
	n := r.uvarint()
	if n > uint64(len(data)) || n > maxCountries {
		r.fail("%d countries", n)
	}
	f := &levelsFile{levels: map[levelKey][]byte{}}
	index := make([][]uint64, 0, n)
	for i := 0; r.err == nil && i < int(n); i++ {
		c := &Country{Code: string(r.bytes(r.uvarint())), Numeric: string(r.bytes(r.uvarint())), Name: string(r.bytes(r.uvarint())), index: i}
		for _, lod := range lods {
			f.bounds[lod] = append(f.bounds[lod], orb.Bound{Min: orb.Point{r.float(), r.float()}, Max: orb.Point{r.float(), r.float()}})
		}
		c.Bound = f.bounds[LOD10m][i]
		if i > 0 && f.countries[i-1].Code >= c.Code {
			r.fail("codes %s and %s out of order", f.countries[i-1].Code, c.Code)
		}
		var ns []uint64
		for range min(r.uvarint(), n) {
			if j := r.uvarint(); j < n {
				ns = append(ns, j)
			} else {
				r.fail("neighbour %d of %d countries", j, n)
			}
		}
		f.countries, index = append(f.countries, c), append(index, ns)
	}
	if r.err == nil {
		f.neighbours = make([][]string, n)
		for i, ns := range index {
			for _, j := range ns {
				f.neighbours[i] = append(f.neighbours[i], f.countries[j].Code)
			}
		}
	}
	levels := r.uvarint()
	for i := uint64(0); r.err == nil && i < levels; i++ {
		lod, step, length := r.uvarint(), r.uvarint(), r.uvarint()
		b := r.bytes(length)
		if lod > uint64(LOD10m) || step > 64 {
			r.fail("level %d step %d", lod, step)
		}
		f.levels[levelKey{lod: LOD(lod), step: int(step)}] = b
	}
	if r.err == nil && r.off != len(data) {
		r.fail("%d bytes left over", len(data)-r.off)
	}
	if r.err != nil {
		return nil, fmt.Errorf("geo: embedded levels: %w (regenerate them with assets/gen/levels)", r.err)
	}
	return f, nil
}

// level returns the geometry of level k by country index, or nil when the
// file does not hold it.
func (f *levelsFile) level(k levelKey, countries int) [][]boundPolygon {
	if f == nil || f.levels[k] == nil {
		return nil
	}
	_, cs, err := boundaries.Decode(f.levels[k])
	if err != nil || len(cs) != countries {
		return nil // checked by the tests; simplify at run time instead
	}
	out := make([][]boundPolygon, countries)
	for i, c := range cs {
		out[i] = make([]boundPolygon, len(c.Geometry))
		for j, p := range c.Geometry {
			out[i][j] = boundPolygon{polygon: p, bound: c.Bounds[j]}
		}
	}
	return out
}

// levelsReader reads uvarints and byte strings, keeping the first error.
type levelsReader struct {
	data []byte
	off  int
	err  error
}

func (r *levelsReader) fail(format string, args ...any) {
	if r.err == nil {
		r.err = fmt.Errorf("at byte %d: %s", r.off, fmt.Sprintf(format, args...))
	}
}

func (r *levelsReader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.data[r.off:])
	if n <= 0 {
		r.fail("bad or truncated number")
		return 0
	}
	r.off += n
	return v
}

func (r *levelsReader) float() float64 {
	b := r.bytes(8)
	if b == nil {
		return 0
	}
	return math.Float64frombits(binary.LittleEndian.Uint64(b))
}

func (r *levelsReader) bytes(n uint64) []byte {
	if r.err != nil {
		return nil
	}
	if n > uint64(len(r.data)-r.off) {
		r.fail("truncated")
		return nil
	}
	b := r.data[r.off : r.off+int(n)]
	r.off += int(n)
	return b
}
