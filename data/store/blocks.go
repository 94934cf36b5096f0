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

func dayKey(d data.Date) int32 { return int32(d.Year()*10000 + int(d.Month())*100 + d.Day()) }

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
	return ef.readBlocks(keep, window, fn, nil)
}

// readBatches calls fn with the records of each block in turn, in file
// order, once the whole block is read and checked: a damaged block stops
// it with an error, before fn sees any of that block's records. The slice
// is reused for the next block, and its records share memory with their
// block: fn copies what it keeps.
func (ef *eventsFile) readBatches(fn func(rs []data.Record) error) error {
	var batch []data.Record
	defer func() { clear(batch) }()
	return ef.readBlocks(nil, nil, func(_ int, r *data.Record) error {
		batch = append(batch, *r)
		return nil
	}, func() error {
		err := fn(batch)
		clear(batch)
		batch = batch[:0]
		return err
	})
}

// readBlocks is readWindow, which calls blockDone (when not nil) after the
// records of each block, once the block is checked whole.
func (ef *eventsFile) readBlocks(keep func(blockEntry) bool, window *[2]data.Date, fn func(seq int, r *data.Record) error, blockDone func() error) error {
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
		if blockDone != nil {
			if err := blockDone(); err != nil {
				return err
			}
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
