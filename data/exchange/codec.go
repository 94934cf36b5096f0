package exchange

import (
	"encoding/binary"
	"errors"
	"math"
	"strings"
	"time"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/data"
)

// recordLayout is the version of the layout AppendRecord writes.
const recordLayout = 1

// AppendRecord appends a compact binary form of r to buf, for stores:
// a layout version, then every field in a fixed order, strings and lists
// prefixed with their length (uvarint), numbers as varints, coordinates as
// IEEE 754 bits. DecodeRecord reads it back exactly. It carries no
// checksum: the store adds one.
func AppendRecord(buf []byte, r *Record) []byte {
	var enc RecordEncoder
	return enc.Append(buf, r)
}

// RecordEncoder writes records as AppendRecord does, remembering the ids
// it derives, so that many records naming the same actors and places
// cost less. The zero value is ready to use; it is not safe for
// concurrent use.
type RecordEncoder struct {
	cache RecordDecoder // the same derivations, cached the same way
}

// Append appends the compact form of r to buf; see AppendRecord.
func (enc *RecordEncoder) Append(buf []byte, r *Record) []byte {
	w := recWriter{b: buf, ids: &enc.cache}
	w.uint(recordLayout)
	e := &r.Event
	flags := derivable(r)
	w.uint(flags)
	w.str(e.ID)
	w.date(e.Start)
	w.date(e.End)
	w.str(string(e.Precision))
	if e.NoYear != nil {
		w.uint(1)
		w.uint(uint64(e.NoYear.Month))
		w.int(int64(e.NoYear.Day))
	} else {
		w.uint(0)
	}
	w.str(e.DateNote)
	w.str(e.YearInferred)
	w.str(string(e.Kind))
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
		if strings.HasPrefix(a.ID, "x-") && a.ID == actorID(w.ids.slug(a.Name)) {
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
	w.uint(uint64(len(r.Extra)))
	for _, f := range r.Extra {
		if k, ok := extraCode[f.Name]; ok {
			w.uint(k)
		} else {
			w.uint(0)
			w.str(f.Name)
		}
		w.str(f.Value)
	}
	return w.b
}

// The flags of fields AppendRecord leaves out because DecodeRecord can
// derive them: most imported records have all three.
const (
	flagPlaceRef   = 1 << iota // Event.Place is Place.ID
	flagActorRefs              // Event.Actors are the ids of Actors, in order
	flagProvenance             // the only source is the imported file, cited at From
)

// derivable returns the flags that hold for r.
func derivable(r *Record) uint64 {
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
		e.Sources[0].Note == provenanceNote(r.From) && r.Sources[0] == provenanceSource(r.From.File)[0] {
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
	ids *RecordDecoder // derives ids, with its caches
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
	w.int(int64(d.Year))
	w.int(int64(d.Month))
	w.int(int64(d.Day))
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

var errRecordShort = errors.New("exchange: the stored record is cut short or damaged")

// DecodeRecord reads a record written by AppendRecord into r. Its strings
// share s's memory. It fails, never panics, on any input that is not a
// whole record. To read many records, a RecordDecoder is faster.
func DecodeRecord(s string, r *Record) error {
	var dec RecordDecoder
	return dec.Decode(s, r)
}

// RecordDecoder reads records written by AppendRecord, remembering the ids
// it derives so that records naming the same actors and places cost less.
// Records it decodes may share their derived lists (Sources, Countries of
// one country): treat them as read-only. The zero value is ready to use;
// it is not safe for concurrent use.
type RecordDecoder struct {
	slugs   map[string]string
	sources map[string][]data.Source
	places  map[placeKey]string
}

func (dec *RecordDecoder) slug(name string) string {
	if dec.slugs == nil {
		dec.slugs = map[string]string{}
	}
	s, ok := dec.slugs[name]
	if !ok {
		s = Slug(name)
		if len(dec.slugs) < 1<<16 {
			dec.slugs[name] = s
		}
	}
	return s
}

// Decode reads one record into r; see DecodeRecord.
func (dec *RecordDecoder) Decode(s string, r *Record) error {
	d := recReader{s: s}
	if v := d.uint(); v != recordLayout && d.err == nil {
		return errors.New("exchange: the stored record has an unknown layout; update Sahel Atlas")
	}
	*r = Record{}
	e := &r.Event
	flags := d.uint()
	e.ID = d.str()
	e.Start = d.date()
	e.End = d.date()
	e.Precision = data.Precision(d.str())
	if d.uint() == 1 {
		e.NoYear = &data.MonthDay{Month: time.Month(d.uint()), Day: int(d.int())}
	}
	e.DateNote = d.str()
	e.YearInferred = d.str()
	e.Kind = data.Kind(d.str())
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
			a := new(data.Actor)
			r.Actors[i] = a
			a.ID, a.Name, a.Aliases = d.str(), d.str(), d.strs()
			if a.ID == "" && d.err == nil {
				a.ID = actorID(dec.slug(a.Name))
			}
			a.Kind, a.Country = data.ActorKind(d.str()), d.str()
			if m := d.count(11); m > 0 {
				a.Roles = make([]data.Role, m)
				for j := range a.Roles {
					a.Roles[j] = data.Role{Title: d.str(), From: d.date(), To: d.date(), Source: d.str(), Note: d.str()}
				}
			}
			a.Note = d.str()
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
	r.From = Provenance{File: d.str(), Line: int(d.int()), Feature: int(d.int())}
	if flags&flagProvenance != 0 && d.err == nil {
		if dec.sources == nil {
			dec.sources = map[string][]data.Source{}
		}
		src, ok := dec.sources[r.From.File]
		if !ok {
			src = provenanceSource(r.From.File)
			dec.sources[r.From.File] = src
		}
		r.Sources = src
		e.Sources = []data.SourceRef{{Document: r.From.File, Note: provenanceNote(r.From)}}
	}
	r.Version = d.int()
	if n := d.count(2); n > 0 {
		r.Extra = make([]Field, n)
		for i := range r.Extra {
			name := ""
			switch k := d.uint(); {
			case k == 0:
				name = d.str()
			case k <= uint64(len(extraNames)):
				name = extraNames[k-1]
			default:
				d.err = errRecordShort
			}
			r.Extra[i] = Field{name, d.str()}
		}
	}
	if flags >= 1<<3 {
		d.err = errRecordShort
	}
	if d.err == nil && d.i != len(d.s) {
		d.err = errRecordShort
	}
	return d.err
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

func (d *recReader) date() data.Date {
	y, m, dd := d.int(), d.int(), d.int()
	return data.Date{Year: int(y), Month: time.Month(m), Day: int(dd)}
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

func (dec *RecordDecoder) place(d *recReader, p *data.Place) {
	p.ID, p.Name, p.Aliases = d.str(), d.str(), d.strs()
	p.Point = orb.Point{d.float(), d.float()}
	p.Country, p.Feature = d.str(), d.str()
	p.Population = int(d.int())
	p.Note = d.str()
	if p.ID == "" && d.err == nil {
		p.ID = dec.placeID(p)
	}
}

// placeID returns the id an imported place p would have, cached.
func (dec *RecordDecoder) placeID(p *data.Place) string {
	k := placeKey{p.Name, p.Point[0], p.Point[1]}
	id, ok := dec.places[k]
	if !ok {
		id = placeID(dec.slug(p.Name), p.Name, p.Point[0], p.Point[1])
		if dec.places == nil {
			dec.places = map[placeKey]string{}
		}
		if len(dec.places) < 1<<16 {
			dec.places[k] = id
		}
	}
	return id
}
