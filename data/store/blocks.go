package store

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"slices"
	"unsafe"

	"github.com/sahelatlas/sahelatlas/data"
)

// The events of an imported file live in a file of their own, in the
// folder "<store>.events" beside the store file, named
// "<import id>.<generation>.events". The store's record of the import
// (buntdb, "layer:<id>") names the file, its size, its event count and
// the checksum of its index; the file is only ever written whole under a
// temporary name, fsync'd, renamed and the folder fsync'd before the
// record naming it is committed, so a crash leaves either the old record
// and file or the new ones. Files no record names are removed when the
// store is next opened for writing.
//
// The file is a run of blocks, each the events of one month (by start
// date; the undated ones in blocks of their own), at most blockRawMax
// bytes before compression:
//
//	"SAEV" 0 1                       file header
//	block…                           DEFLATE of: (seq uvarint, length uvarint, record (recordEncoder))…
//	index                            per block: offset, compressed and raw length, CRC-32 of the
//	                                 compressed bytes, count, first start, last end (YYYYMMDD), undated
//	trailer (32 bytes)               index offset u64, index length u32, index CRC-32 u32,
//	                                 event count u64, "SAEVEND1"
//
// A reader reads the trailer and the index (a few kilobytes for a million
// events) and then only the blocks a date window meets, checking each
// block's checksum before it is decompressed.

const (
	eventsHeader   = "SAEV\x00\x01"
	eventsTrailer  = "SAEVEND1"
	trailerLen     = 32
	blockRawMax    = 1 << 20  // bytes of records in a block before compression
	pendingRawMax  = 24 << 20 // bytes of buffers held by open blocks
	eventsFileExt  = ".events"
	eventsTempExt  = ".tmp"
	ongoingLastDay = 99991231
)

// eventsDir returns the folder holding the imported events of the store
// at storePath.
func eventsDir(storePath string) string { return storePath + ".events" }

// EventsDir returns the folder beside the store file at storePath (its
// symbolic links resolved, as Store.Path gives it) that holds the events
// of its imports. It goes with the store: copy, move or back up both.
func EventsDir(storePath string) string { return eventsDir(storePath) }

// eventsFileName is the name of the events file of an import's generation.
func eventsFileName(id string, gen int64) string {
	return fmt.Sprintf("%s.%d%s", id, gen, eventsFileExt)
}

// blockEntry is a block's line in the index.
type blockEntry struct {
	off         int64
	clen, raw   int
	crc         uint32
	n           int
	first, last int32 // YYYYMMDD of the earliest start and latest end (ongoing: 9999-12-31)
	undated     bool
}

// meets reports whether the block may hold events overlapping from–to.
func (b blockEntry) meets(from, to int32) bool {
	return !b.undated && b.first <= to && b.last >= from
}

func dayKey(d data.Date) int32 { return int32(d.Year*10000 + int(d.Month)*100 + d.Day) }

// eventsFile is an events file's index, read and checked.
type eventsFile struct {
	path   string
	size   int64
	sum    uint32 // CRC-32 of the index
	count  int
	blocks []blockEntry // in file order
}

// errEventsDamaged marks an events file that cannot be read.
var errEventsDamaged = errors.New("the events file is damaged")

func damaged(path, format string, args ...any) error {
	return fmt.Errorf("%w: %s: %s", errEventsDamaged, filepath.Base(path), fmt.Sprintf(format, args...))
}

// openEventsFile reads and checks the trailer and index of the events file
// at path. It never panics on a damaged file.
func openEventsFile(path string) (*eventsFile, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	size := fi.Size()
	if size < int64(len(eventsHeader)+trailerLen) {
		return nil, damaged(path, "%d bytes, too short to be whole", size)
	}
	var tr [trailerLen]byte
	if _, err := f.ReadAt(tr[:], size-trailerLen); err != nil {
		return nil, err
	}
	if string(tr[24:]) != eventsTrailer {
		return nil, damaged(path, "its end is missing (cut short)")
	}
	ioff := int64(binary.LittleEndian.Uint64(tr[0:]))
	ilen := int64(binary.LittleEndian.Uint32(tr[8:]))
	sum := binary.LittleEndian.Uint32(tr[12:])
	count := binary.LittleEndian.Uint64(tr[16:])
	if ioff < int64(len(eventsHeader)) || ioff+ilen != size-trailerLen {
		return nil, damaged(path, "its index is out of place")
	}
	idx := make([]byte, ilen)
	if _, err := f.ReadAt(idx, ioff); err != nil {
		return nil, err
	}
	if got := crc32.ChecksumIEEE(idx); got != sum {
		return nil, damaged(path, "its index fails its checksum")
	}
	ef := &eventsFile{path: path, size: size, sum: sum, count: int(count)}
	d := recReader{s: string(idx)}
	nb := d.count(8)
	ef.blocks = make([]blockEntry, 0, nb)
	total := 0
	for range nb {
		b := blockEntry{off: int64(d.uint()), clen: int(d.uint()), raw: int(d.uint())}
		b.crc = uint32(d.uint())
		b.n = int(d.uint())
		b.first, b.last = int32(d.int()), int32(d.int())
		b.undated = d.uint() == 1
		if d.err != nil || b.off < int64(len(eventsHeader)) || b.off+int64(b.clen) > ioff || b.raw > 4*blockRawMax || b.n > b.raw {
			return nil, damaged(path, "its index is malformed")
		}
		total += b.n
		ef.blocks = append(ef.blocks, b)
	}
	if d.err != nil || d.i != len(d.s) || uint64(total) != count {
		return nil, damaged(path, "its index is malformed")
	}
	return ef, nil
}

// read calls fn with every record of the blocks that keep says to read,
// in file order. It checks each block's checksum first; a damaged block
// stops it with an error naming the file. Records share memory with their
// block: fn must not change their strings in place.
func (ef *eventsFile) read(keep func(blockEntry) bool, fn func(seq int, r *data.Record) error) error {
	return ef.readWindow(keep, nil, fn)
}

// readWindow is read, with records whose dates cannot overlap the window
// (when not nil) skipped before they are decoded.
func (ef *eventsFile) readWindow(keep func(blockEntry) bool, window *[2]data.Date, fn func(seq int, r *data.Record) error) error {
	var want []int
	for i, b := range ef.blocks {
		if keep == nil || keep(b) {
			want = append(want, i)
		}
	}
	if len(want) == 0 {
		return nil
	}
	f, err := os.Open(ef.path)
	if err != nil {
		return err
	}
	defer f.Close()
	// One goroutine reads, checks and decompresses the blocks ahead while
	// this one decodes their records.
	type unpacked struct {
		i   int
		raw []byte
		err error
	}
	ahead := make(chan unpacked, 2)
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		defer close(ahead)
		var comp []byte
		zr := flate.NewReader(nil)
		for _, i := range want {
			b := ef.blocks[i]
			u := unpacked{i: i}
			comp = slices.Grow(comp[:0], b.clen)[:b.clen]
			if _, err := f.ReadAt(comp, b.off); err != nil {
				u.err = damaged(ef.path, "block %d cannot be read: %v", i+1, err)
			} else if crc32.ChecksumIEEE(comp) != b.crc {
				u.err = damaged(ef.path, "block %d of %d fails its checksum", i+1, len(ef.blocks))
			} else {
				u.raw = make([]byte, b.raw)
				zr.(flate.Resetter).Reset(bytes.NewReader(comp), nil)
				if _, err := io.ReadFull(zr, u.raw); err != nil {
					u.err = damaged(ef.path, "block %d cannot be decompressed: %v", i+1, err)
				}
			}
			select {
			case ahead <- u:
			case <-stop:
				return
			}
			if u.err != nil {
				return
			}
		}
	}()
	var dec recordDecoder
	for u := range ahead {
		if u.err != nil {
			return u.err
		}
		i, b := u.i, ef.blocks[u.i]
		s := unsafe.String(unsafe.SliceData(u.raw), len(u.raw)) // raw is never written again: records share it
		d := recReader{s: s}
		for k := 0; k < b.n; k++ {
			seq := d.uint()
			n := d.uint()
			if d.err != nil || n > uint64(len(s)-d.i) {
				return damaged(ef.path, "block %d is malformed", i+1)
			}
			rec := s[d.i : d.i+int(n)]
			d.i += int(n)
			if window != nil && outside(rec, window, b.last == ongoingLastDay) {
				continue
			}
			var r data.Record
			if err := dec.decode(rec, &r); err != nil {
				return damaged(ef.path, "block %d, event %d: %v", i+1, k+1, err)
			}
			if err := fn(int(seq), &r); err != nil {
				return err
			}
		}
		if d.i != len(s) {
			return damaged(ef.path, "block %d is malformed", i+1)
		}
	}
	return nil
}

// outside reports whether a stored record certainly does not overlap the
// window, from its start and end alone (they come first, see
// recordEncoder.append): it starts after the window, or it ends before it
// and its block holds no ongoing event. Undated records and any it cannot
// read are left to the full decode.
func outside(rec string, window *[2]data.Date, ongoing bool) bool {
	d := recReader{s: rec}
	d.uint() // layout
	d.uint() // flags
	d.str()  // id
	start, end := d.date(), d.date()
	if d.err != nil || start.IsZero() {
		return false
	}
	return start.Compare(window[1]) > 0 || (!ongoing && end.Compare(window[0]) < 0)
}

// openBlock is a block being filled.
type openBlock struct {
	raw         []byte
	n           int
	touched     int // the writer's count when an event was last added
	first, last int32
	undated     bool
}

// eventsWriter writes an events file under a temporary name; finish
// makes it whole and gives it its name. Blocks are compressed and written
// by a goroutine of their own while the next ones fill.
type eventsWriter struct {
	f          *os.File
	tmp, final string
	open       map[int32]*openBlock // by month (YYYYMM), 0 for the undated
	held       int                  // capacity of the open blocks' buffers
	count      int
	enc        recordEncoder
	rec        []byte
	full       chan *openBlock // to the compressing goroutine
	free       chan []byte     // buffers it is done with
	done       chan error      // its end: nil, or the first write that failed
	stopped    bool
	// Set by the compressing goroutine, read once it is done.
	off    int64
	blocks []blockEntry
}

// newEventsWriter creates the temporary file of the events file name in
// dir.
func newEventsWriter(dir, name string) (*eventsWriter, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("store: could not create the folder %s: %w", dir, err)
	}
	tmp := filepath.Join(dir, name+eventsTempExt)
	f, err := createNew(tmp)
	if err != nil {
		return nil, err
	}
	w := &eventsWriter{f: f, tmp: tmp, final: filepath.Join(dir, name), open: map[int32]*openBlock{},
		full: make(chan *openBlock, 2), free: make(chan []byte, 4), done: make(chan error, 1)}
	if _, err := f.WriteString(eventsHeader); err != nil {
		w.f.Close()
		os.Remove(tmp)
		return nil, fmt.Errorf("store: could not write %s: %w", tmp, err)
	}
	w.off = int64(len(eventsHeader))
	go w.compress()
	return w, nil
}

// compress compresses and writes the blocks it is handed, in order, until
// full is closed; after a failed write it only drains full.
func (w *eventsWriter) compress() {
	zw, _ := flate.NewWriter(nil, flate.BestSpeed)
	var zbuf bytes.Buffer
	var failed error
	for ob := range w.full {
		if failed == nil {
			zbuf.Reset()
			zw.Reset(&zbuf)
			zw.Write(ob.raw)
			failed = zw.Close()
			comp := zbuf.Bytes()
			if failed == nil {
				if _, err := w.f.Write(comp); err != nil {
					failed = fmt.Errorf("store: could not write %s: %w", w.tmp, err)
				}
			}
			w.blocks = append(w.blocks, blockEntry{off: w.off, clen: len(comp), raw: len(ob.raw), crc: crc32.ChecksumIEEE(comp),
				n: ob.n, first: ob.first, last: ob.last, undated: ob.undated})
			w.off += int64(len(comp))
		}
		select {
		case w.free <- ob.raw[:0]:
		default:
		}
	}
	w.done <- failed
}

// wait stops the compressing goroutine and returns its error.
func (w *eventsWriter) wait() error {
	if w.stopped {
		return nil
	}
	w.stopped = true
	close(w.full)
	return <-w.done
}

// add appends a record with its place in the import, seq.
func (w *eventsWriter) add(seq int, r *data.Record) error {
	e := &r.Event
	key, first, last := int32(0), int32(0), int32(0)
	if e.Dated() {
		key = int32(e.Start.Year*100 + int(e.Start.Month))
		first, last = dayKey(e.Start), dayKey(e.End)
		if e.Ongoing {
			last = ongoingLastDay
		}
	}
	ob := w.open[key]
	if ob == nil {
		ob = &openBlock{first: first, last: last, undated: key == 0}
		select {
		case ob.raw = <-w.free:
		default:
			ob.raw = make([]byte, 0, 64<<10)
		}
		w.open[key] = ob
		w.held += cap(ob.raw)
	}
	ob.first, ob.last = min(ob.first, first), max(ob.last, last)
	w.rec = w.enc.append(w.rec[:0], r)
	before := cap(ob.raw)
	ob.raw = binary.AppendUvarint(ob.raw, uint64(seq))
	ob.raw = binary.AppendUvarint(ob.raw, uint64(len(w.rec)))
	ob.raw = append(ob.raw, w.rec...)
	ob.n++
	w.count++
	ob.touched = w.count
	w.held += cap(ob.raw) - before
	if len(ob.raw) >= blockRawMax {
		w.flush(key)
	}
	// Too much held in blocks still open (a file in no order of date, or
	// the months a sorted file has left behind): write the one least
	// recently added to.
	for w.held > pendingRawMax && len(w.open) > 1 {
		var stale int32
		at := w.count + 1
		for k, b := range w.open {
			if b.touched < at {
				stale, at = k, b.touched
			}
		}
		w.flush(stale)
	}
	return nil
}

// flush hands the open block of month key to the compressing goroutine.
func (w *eventsWriter) flush(key int32) {
	ob := w.open[key]
	delete(w.open, key)
	w.held -= cap(ob.raw)
	w.full <- ob
}

// finish writes the open blocks, the index and the trailer, fsyncs the
// file, renames it to its name and fsyncs the folder. It returns the file
// as a reader sees it.
func (w *eventsWriter) finish() (*eventsFile, error) {
	keys := make([]int32, 0, len(w.open))
	for k := range w.open {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		w.flush(k)
	}
	if err := w.wait(); err != nil {
		w.abort()
		return nil, err
	}
	var idx []byte
	idx = binary.AppendUvarint(idx, uint64(len(w.blocks)))
	for _, b := range w.blocks {
		idx = binary.AppendUvarint(idx, uint64(b.off))
		idx = binary.AppendUvarint(idx, uint64(b.clen))
		idx = binary.AppendUvarint(idx, uint64(b.raw))
		idx = binary.AppendUvarint(idx, uint64(b.crc))
		idx = binary.AppendUvarint(idx, uint64(b.n))
		idx = binary.AppendVarint(idx, int64(b.first))
		idx = binary.AppendVarint(idx, int64(b.last))
		u := uint64(0)
		if b.undated {
			u = 1
		}
		idx = binary.AppendUvarint(idx, u)
	}
	sum := crc32.ChecksumIEEE(idx)
	var tr [trailerLen]byte
	binary.LittleEndian.PutUint64(tr[0:], uint64(w.off))
	binary.LittleEndian.PutUint32(tr[8:], uint32(len(idx)))
	binary.LittleEndian.PutUint32(tr[12:], sum)
	binary.LittleEndian.PutUint64(tr[16:], uint64(w.count))
	copy(tr[24:], eventsTrailer)
	idx = append(idx, tr[:]...)
	if _, err := w.f.Write(idx); err != nil {
		w.abort()
		return nil, fmt.Errorf("store: could not write %s: %w", w.tmp, err)
	}
	if err := w.f.Sync(); err != nil {
		w.abort()
		return nil, fmt.Errorf("store: the disk did not confirm %s: %w", w.tmp, err)
	}
	if err := w.f.Close(); err != nil {
		w.f = nil
		w.abort()
		return nil, fmt.Errorf("store: could not write %s: %w", w.tmp, err)
	}
	w.f = nil
	step("events-written")
	if err := os.Rename(w.tmp, w.final); err != nil {
		w.abort()
		return nil, fmt.Errorf("store: could not name %s: %w", w.final, err)
	}
	if err := syncDir(filepath.Dir(w.final)); err != nil {
		os.Remove(w.final)
		return nil, err
	}
	step("events-renamed")
	ef := &eventsFile{path: w.final, size: w.off + int64(len(idx)), sum: sum, count: w.count, blocks: w.blocks}
	return ef, nil
}

// abort removes what the writer wrote.
func (w *eventsWriter) abort() {
	w.wait()
	if w.f != nil {
		w.f.Close()
		w.f = nil
	}
	os.Remove(w.tmp)
}
