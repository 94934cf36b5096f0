package store

import (
	"encoding/binary"
	"hash/crc32"
	"math"
	"strings"

	"github.com/sahelatlas/sahelatlas/data"
)

// eventMagic starts every stored event: its layout, before the checksum.
const eventMagic = "E1"

// encodeEvent returns the stored form of a record imported by generation g:
//
//	E1 <CRC-32 of the rest, 8 hex digits> <g uvarint> <version varint> <recordEncoder.append>
//
// Binary, not JSON: a 100,000-event layer encodes and decodes several
// times faster, and takes half the space.
func encodeEvent(enc *recordEncoder, buf []byte, g int64, r *data.Record) ([]byte, string) {
	buf = append(buf[:0], eventMagic+"00000000"...)
	buf = binary.AppendUvarint(buf, uint64(g))
	buf = binary.AppendVarint(buf, r.Version)
	buf = enc.append(buf, r)
	crc := crc32.ChecksumIEEE(buf[len(eventMagic)+8:])
	const hexdigits = "0123456789abcdef"
	for i := 0; i < 8; i++ {
		buf[len(eventMagic)+i] = hexdigits[crc>>(28-4*i)&0xf]
	}
	return buf, string(buf)
}

// recordLayout is the version of the layout recordEncoder writes. Layout
// 2 is layout 1 followed by the event's Ongoing, PlacePrecision and Fields,
// which layout 1 lost; recordDecoder reads both.
const recordLayout = 2

// recordEncoder writes records in a compact binary form: a layout version,
// then every field in a fixed order, strings and lists prefixed with their
// length (uvarint), numbers as varints, coordinates as IEEE 754 bits.
// recordDecoder reads it back exactly. It carries no checksum: encodeEvent
// adds one. It remembers the ids it derives, so that many records naming
// the same actors and places cost less. The zero value is ready to use; it
// is not safe for concurrent use.
type recordEncoder struct {
	cache recordDecoder // the same derivations, cached the same way
}

// append appends the compact form of r to buf.
func (enc *recordEncoder) append(buf []byte, r *data.Record) []byte {
	w := recWriter{b: buf, ids: &enc.cache}
	w.uint(recordLayout)
	e := &r.Event
	flags := derivable(r, &enc.cache)
	w.uint(flags)
	w.str(e.ID)
	w.date(e.Start)
	w.date(e.End)
	w.str(e.Precision.String())
	if e.NoYear != nil {
		w.uint(1)
		w.uint(uint64(e.NoYear.Month))
		w.int(int64(e.NoYear.Day))
	} else {
		w.uint(0)
	}
	w.str(e.DateNote)
	w.str(e.YearInferred)
	w.str(e.Kind.String())
	w.str(e.Title)
	w.str(e.Summary)
	if flags&flagPlaceRef == 0 {
		w.str(e.Place)
	}
	w.str(e.Origin)
	if flags&flagActorRefs == 0 {
		w.strs(e.Actors)
	}
	w.strs(e.Countries)
	if flags&flagProvenance == 0 {
		w.uint(uint64(len(e.Sources)))
		for _, s := range e.Sources {
			w.str(s.Document)
			w.str(s.Note)
		}
	}
	w.str(e.Confidence)
	w.place(&r.Place)
	if r.OriginPlace != nil {
		w.uint(1)
		w.place(r.OriginPlace)
	} else {
		w.uint(0)
	}
	w.uint(uint64(len(r.Actors)))
	for i := range r.Actors {
		a := r.Actors[i]
		if strings.HasPrefix(a.ID, "x-") && a.ID == w.ids.actorID(a.Name) {
			w.str("") // derived from the name
		} else {
			w.str(a.ID)
		}
		w.str(a.Name)
		w.strs(a.Aliases)
		w.str(string(a.Kind))
		w.str(a.Country)
		w.uint(uint64(len(a.Roles)))
		for _, ro := range a.Roles {
			w.str(ro.Title)
			w.date(ro.From)
			w.date(ro.To)
			w.str(ro.Source)
			w.str(ro.Note)
		}
		w.str(a.Note)
	}
	if flags&flagProvenance == 0 {
		w.sources(r.Sources)
	}
	w.str(r.From.File)
	w.int(int64(r.From.Line))
	w.int(int64(r.From.Feature))
	w.int(r.Version)
	w.fields(r.Extra)
	// Layout 2.
	if e.Ongoing {
		w.uint(1)
	} else {
		w.uint(0)
	}
	w.str(e.PlacePrecision.String())
	w.fields(e.Fields)
	return w.b
}

// fields writes a list of fields, the names the importers use as codes.
func (w *recWriter) fields(fs []data.Field) {
	w.uint(uint64(len(fs)))
	for _, f := range fs {
		if k, ok := extraCode[f.Name]; ok {
			w.uint(k)
		} else {
			w.uint(0)
			w.str(f.Name)
		}
		w.str(f.Value)
	}
}

// The flags of fields recordEncoder leaves out because recordDecoder can
// derive them: most imported records have all three.
const (
	flagPlaceRef   = 1 << iota // Event.Place is Place.ID
	flagActorRefs              // Event.Actors are the ids of Actors, in order
	flagProvenance             // the only source is the imported file, cited at From
)

// derivable returns the flags that hold for r; dec caches the sources
// of imported files.
func derivable(r *data.Record, dec *recordDecoder) uint64 {
	var f uint64
	e := &r.Event
	if e.Place == r.Place.ID {
		f |= flagPlaceRef
	}
	if len(e.Actors) == len(r.Actors) {
		same := true
		for i := range r.Actors {
			if e.Actors[i] != r.Actors[i].ID {
				same = false
				break
			}
		}
		if same {
			f |= flagActorRefs
		}
	}
	if len(e.Sources) == 1 && len(r.Sources) == 1 && e.Sources[0].Document == r.From.File &&
		e.Sources[0].Note == r.From.Note() && r.Sources[0] == dec.importSources(r.From.File)[0] {
		f |= flagProvenance
	}
	return f
}

// extraNames are the Extra names the importers use, stored as small codes.
var extraNames = []string{
	"event_type", "sub_event_type", "disorder_type", "time_precision", "geo_precision", "fatalities",
	"admin1", "admin2", "admin3", "source", "source_scale", "tags", "geometry",
}

var extraCode = func() map[string]uint64 {
	m := map[string]uint64{}
	for i, n := range extraNames {
		m[n] = uint64(i + 1)
	}
	return m
}()

func (w *recWriter) sources(ss []data.Source) {
	w.uint(uint64(len(ss)))
	for i := range ss {
		s := &ss[i]
		w.str(s.Document)
		w.str(s.Outlet)
		w.str(s.Author)
		w.str(s.Headline)
		w.date(s.Published)
		w.str(s.DateNote)
		w.str(s.Confidence)
	}
}

type recWriter struct {
	b   []byte
	ids *recordDecoder // derives ids, with its caches
}

func (w *recWriter) uint(n uint64) { w.b = binary.AppendUvarint(w.b, n) }
func (w *recWriter) int(n int64)   { w.b = binary.AppendVarint(w.b, n) }
func (w *recWriter) str(s string) {
	w.uint(uint64(len(s)))
	w.b = append(w.b, s...)
}
func (w *recWriter) strs(ss []string) {
	w.uint(uint64(len(ss)))
	for _, s := range ss {
		w.str(s)
	}
}
func (w *recWriter) date(d data.Date) {
	w.int(int64(d.Year()))
	w.int(int64(d.Month()))
	w.int(int64(d.Day()))
}
func (w *recWriter) float(f float64) {
	w.b = binary.LittleEndian.AppendUint64(w.b, math.Float64bits(f))
}
func (w *recWriter) place(p *data.Place) {
	if strings.HasPrefix(p.ID, "x-") && p.ID == w.ids.placeID(p) {
		w.str("") // derived from the name and point
	} else {
		w.str(p.ID)
	}
	w.str(p.Name)
	w.strs(p.Aliases)
	w.float(p.Point[0])
	w.float(p.Point[1])
	w.str(p.Country)
	w.str(p.Feature)
	w.int(int64(p.Population))
	w.str(p.Note)
}
