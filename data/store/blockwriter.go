package store

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"slices"

	"github.com/sahelatlas/sahelatlas/data"
)

// The writing side of events files (see blocks.go for their layout).

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
		key = int32(e.Start.Year()*100 + int(e.Start.Month()))
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
