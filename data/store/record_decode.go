package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"strconv"
	"time"
	"unsafe"

	"github.com/paulmach/orb"

	"github.com/sahelatlas/sahelatlas/data"
)

// eventHeader reads the generation and version of a stored event, after
// checking its checksum, and returns where the record starts.
func eventHeader(v string) (g, ver int64, rec int, err error) {
	const head = len(eventMagic) + 8
	if len(v) < head || v[:len(eventMagic)] != eventMagic {
		return 0, 0, 0, errors.New("the value is not an event this build reads")
	}
	want, perr := strconv.ParseUint(v[len(eventMagic):head], 16, 32)
	if perr != nil {
		return 0, 0, 0, errors.New("the event's checksum field is damaged")
	}
	if got := crc32.ChecksumIEEE(stringBytes(v[head:])); uint32(want) != got {
		return 0, 0, 0, fmt.Errorf("checksum mismatch (stored %08x, computed %08x): bytes were changed", want, got)
	}
	rest := []byte(v[head:min(len(v), head+2*binary.MaxVarintLen64)])
	ug, n1 := binary.Uvarint(rest)
	if n1 <= 0 {
		return 0, 0, 0, errors.New("the event's generation is damaged")
	}
	ver, n2 := binary.Varint(rest[n1:])
	if n2 <= 0 {
		return 0, 0, 0, errors.New("the event's version is damaged")
	}
	return int64(ug), ver, head + n1 + n2, nil
}

// stringBytes is s as a byte slice, without a copy, for reading only.
func stringBytes(s string) []byte { return unsafe.Slice(unsafe.StringData(s), len(s)) }

// decodeEvent checks and decodes a stored event into r.
func decodeEvent(dec *recordDecoder, v string, r *data.Record) error {
	_, _, at, err := eventHeader(v)
	if err != nil {
		return err
	}
	return dec.decode(v[at:], r)
}

var errRecordShort = errors.New("the stored record is cut short or damaged")

var errRecordName = errors.New("the stored record names a kind or precision this version does not know; update Sahel Atlas")

// recordDecoder reads records written by recordEncoder, remembering the ids
// it derives so that records naming the same actors and places cost less.
// Records it decodes may share their derived lists (Sources, Countries of
// one country): treat them as read-only. The zero value is ready to use;
// it is not safe for concurrent use.
type recordDecoder struct {
	slugs    map[string]string
	actorIDs map[string]string // name → id of an imported actor
	sources  map[string][]data.Source
	places   map[placeKey]string
	actors   map[string]*data.Actor // decoded actors, by their stored bytes
}

// actorID returns the id an imported actor named name has
// (data.ImportedActorID of its slug), cached.
func (dec *recordDecoder) actorID(name string) string {
	id, ok := dec.actorIDs[name]
	if !ok {
		id = data.ImportedActorID(dec.slug(name))
		if dec.actorIDs == nil {
			dec.actorIDs = map[string]string{}
		}
		if len(dec.actorIDs) < 1<<16 {
			dec.actorIDs[name] = id
		}
	}
	return id
}

// importSources returns the sources of a record whose only source is the
// imported file (data.ImportSource), cached: records share the slice.
func (dec *recordDecoder) importSources(file string) []data.Source {
	src, ok := dec.sources[file]
	if !ok {
		src = []data.Source{data.ImportSource(file)}
		if dec.sources == nil {
			dec.sources = map[string][]data.Source{}
		}
		dec.sources[file] = src
	}
	return src
}

func (dec *recordDecoder) slug(name string) string {
	if dec.slugs == nil {
		dec.slugs = map[string]string{}
	}
	s, ok := dec.slugs[name]
	if !ok {
		s = data.Slug(name)
		if len(dec.slugs) < 1<<16 {
			dec.slugs[name] = s
		}
	}
	return s
}

// decode reads one record into r. Its strings share s's memory. It fails,
// never panics, on any input that is not a whole record.
func (dec *recordDecoder) decode(s string, r *data.Record) error {
	d := recReader{s: s}
	layout := d.uint()
	if layout != 1 && layout != recordLayout && d.err == nil {
		return errors.New("the stored record has an unknown layout; update Sahel Atlas")
	}
	*r = data.Record{}
	e := &r.Event
	flags := d.uint()
	e.ID = d.str()
	e.Start = d.date()
	e.End = d.date()
	e.Precision = d.precision()
	if d.uint() == 1 {
		e.NoYear = &data.MonthDay{Month: time.Month(d.uint()), Day: int(d.int())}
	}
	e.DateNote = d.str()
	e.YearInferred = d.str()
	e.Kind = d.kind()
	e.Title = d.str()
	e.Summary = d.str()
	if flags&flagPlaceRef == 0 {
		e.Place = d.str()
	}
	e.Origin = d.str()
	if flags&flagActorRefs == 0 {
		e.Actors = d.strs()
	}
	e.Countries = d.strs()
	if flags&flagProvenance == 0 {
		if n := d.count(2); n > 0 {
			e.Sources = make([]data.SourceRef, n)
			for i := range e.Sources {
				e.Sources[i] = data.SourceRef{Document: d.str(), Note: d.str()}
			}
		}
	}
	e.Confidence = d.str()
	dec.place(&d, &r.Place)
	if flags&flagPlaceRef != 0 {
		e.Place = r.Place.ID
	}
	if d.uint() == 1 {
		r.OriginPlace = new(data.Place)
		dec.place(&d, r.OriginPlace)
	}
	if n := d.count(6); n > 0 {
		r.Actors = make([]*data.Actor, n)
		for i := range r.Actors {
			r.Actors[i] = dec.actor(&d)
		}
	}
	if flags&flagActorRefs != 0 && len(r.Actors) > 0 {
		e.Actors = make([]string, len(r.Actors))
		for i := range r.Actors {
			e.Actors[i] = r.Actors[i].ID
		}
	}
	if flags&flagProvenance == 0 {
		if n := d.count(9); n > 0 {
			r.Sources = make([]data.Source, n)
			for i := range r.Sources {
				r.Sources[i] = data.Source{Document: d.str(), Outlet: d.str(), Author: d.str(), Headline: d.str(),
					Published: d.date(), DateNote: d.str(), Confidence: d.str()}
			}
		}
	}
	r.From = data.Provenance{File: d.str(), Line: int(d.int()), Feature: int(d.int())}
	if flags&flagProvenance != 0 && d.err == nil {
		r.Sources = dec.importSources(r.From.File)
		e.Sources = []data.SourceRef{{Document: r.From.File, Note: r.From.Note()}}
	}
	r.Version = d.int()
	r.Extra = d.fields()
	if layout >= 2 {
		switch d.uint() {
		case 0:
		case 1:
			e.Ongoing = true
		default:
			d.err = errRecordShort
		}
		e.PlacePrecision = d.placePrecision()
		e.Fields = d.fields()
	}
	if flags >= 1<<3 {
		d.err = errRecordShort
	}
	if d.err == nil && d.i != len(d.s) {
		d.err = errRecordShort
	}
	return d.err
}

// actor reads one actor. Records naming an actor alike share one
// *data.Actor (Record.Actors may be shared: see its doc), so a million
// records naming a few thousand actors do not make three million.
func (dec *recordDecoder) actor(d *recReader) *data.Actor {
	start := d.i
	a := new(data.Actor)
	a.ID, a.Name, a.Aliases = d.str(), d.str(), d.strs()
	if a.ID == "" && d.err == nil {
		a.ID = dec.actorID(a.Name)
	}
	a.Kind, a.Country = data.ActorKind(d.str()), d.str()
	if m := d.count(11); m > 0 {
		a.Roles = make([]data.Role, m)
		for j := range a.Roles {
			a.Roles[j] = data.Role{Title: d.str(), From: d.date(), To: d.date(), Source: d.str(), Note: d.str()}
		}
	}
	a.Note = d.str()
	if d.err != nil {
		return a
	}
	key := d.s[start:d.i]
	if c, ok := dec.actors[key]; ok {
		return c
	}
	if dec.actors == nil {
		dec.actors = map[string]*data.Actor{}
	}
	if len(dec.actors) < 1<<16 {
		dec.actors[key] = a
	}
	return a
}

type recReader struct {
	s   string
	i   int
	err error
}

func (d *recReader) uint() uint64 {
	if d.err != nil {
		return 0
	}
	var x uint64
	var shift uint
	for k := 0; k < binary.MaxVarintLen64; k++ {
		if d.i >= len(d.s) {
			break
		}
		c := d.s[d.i]
		d.i++
		if c < 0x80 {
			return x | uint64(c)<<shift
		}
		x |= uint64(c&0x7f) << shift
		shift += 7
	}
	d.err = errRecordShort
	return 0
}

func (d *recReader) int() int64 {
	u := d.uint()
	x := int64(u >> 1)
	if u&1 != 0 {
		x = ^x
	}
	return x
}

// kind reads an event's kind, written by its name.
func (d *recReader) kind() data.Kind { return readName(d, data.ParseKind, true) }

// precision reads an event's precision, written by its name.
func (d *recReader) precision() data.Precision { return readName(d, data.ParsePrecision, true) }

// placePrecision reads an event's place precision, written by its name.
func (d *recReader) placePrecision() data.PlacePrecision {
	return readName(d, data.ParsePlacePrecision, false)
}

// readName reads a value written by its name, told by parse: a name parse
// does not know damages the record (errRecordName), and so does an empty
// one unless empty is allowed.
func readName[T any](d *recReader, parse func(string) (T, bool), empty bool) T {
	s := d.str()
	v, ok := parse(s)
	if !ok && !(empty && s == "") && d.err == nil {
		d.err = errRecordName
	}
	return v
}

func (d *recReader) str() string {
	n := d.uint()
	if d.err != nil || n > uint64(len(d.s)-d.i) {
		d.err = errRecordShort
		return ""
	}
	s := d.s[d.i : d.i+int(n)]
	d.i += int(n)
	return s
}

// count reads a list length, refusing one longer than the bytes left
// allow (each item takes at least min bytes).
func (d *recReader) count(min int) int {
	n := d.uint()
	if d.err != nil || n > uint64((len(d.s)-d.i)/min) {
		if n > 0 {
			d.err = errRecordShort
		}
		return 0
	}
	return int(n)
}

func (d *recReader) strs() []string {
	n := d.count(1)
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = d.str()
	}
	return out
}

// fields reads a list written by recWriter.fields.
func (d *recReader) fields() []data.Field {
	n := d.count(2)
	if n == 0 {
		return nil
	}
	fs := make([]data.Field, n)
	for i := range fs {
		name := ""
		switch k := d.uint(); {
		case k == 0:
			name = d.str()
		case k <= uint64(len(extraNames)):
			name = extraNames[k-1]
		default:
			d.err = errRecordShort
		}
		fs[i] = data.Field{Name: name, Value: d.str()}
	}
	return fs
}

func (d *recReader) date() data.Date {
	y, m, dd := d.int(), d.int(), d.int()
	return data.D(int(y), time.Month(m), int(dd))
}

func (d *recReader) float() float64 {
	if d.err != nil || len(d.s)-d.i < 8 {
		d.err = errRecordShort
		return 0
	}
	var b [8]byte
	copy(b[:], d.s[d.i:d.i+8])
	d.i += 8
	return math.Float64frombits(binary.LittleEndian.Uint64(b[:]))
}

func (dec *recordDecoder) place(d *recReader, p *data.Place) {
	p.ID, p.Name, p.Aliases = d.str(), d.str(), d.strs()
	p.Point = orb.Point{d.float(), d.float()}
	p.Country, p.Feature = d.str(), d.str()
	p.Population = int(d.int())
	p.Note = d.str()
	if p.ID == "" && d.err == nil {
		p.ID = dec.placeID(p)
	}
}

// placeKey is what the id of an imported place is derived from.
type placeKey struct {
	name     string
	lon, lat float64
}

// placeID returns the id an imported place p would have, cached.
func (dec *recordDecoder) placeID(p *data.Place) string {
	k := placeKey{p.Name, p.Point[0], p.Point[1]}
	id, ok := dec.places[k]
	if !ok {
		id = data.ImportedPlaceID(dec.slug(p.Name), p.Name, p.Point[0], p.Point[1])
		if dec.places == nil {
			dec.places = map[placeKey]string{}
		}
		if len(dec.places) < 1<<16 {
			dec.places[k] = id
		}
	}
	return id
}
