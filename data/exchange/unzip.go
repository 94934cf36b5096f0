package exchange

import (
	"bufio"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"strings"
)

// zipEntry is the first file of a zip archive, unpacked as it is read
// from the archive's first bytes: the archive's directory, at its end, is
// never needed, so neither the archive nor the file is held in memory.
type zipEntry struct {
	name       string
	archive    string
	r          io.Reader
	src        *bufio.Reader
	sum        hash.Hash32
	want       uint32 // the checksum in the entry's header
	descriptor bool   // the checksum follows the data instead
	done       bool
	err        error // the entry is damaged: set once it is read to its end
}

// unzipFirst opens the first entry of the zip archive br starts with, when
// it can be read so: a file at the archive's root whose name wanted
// accepts, deflated or stored with its size, not encrypted. ok is false,
// and nothing is read from br, otherwise.
func unzipFirst(br *bufio.Reader, archive string, wanted func(name string) bool) (e *zipEntry, ok bool) {
	head, _ := br.Peek(30)
	if len(head) < 30 || !bytes.HasPrefix(head, []byte("PK\x03\x04")) {
		return nil, false
	}
	le := binary.LittleEndian
	flags, method := le.Uint16(head[6:8]), le.Uint16(head[8:10])
	want, size := le.Uint32(head[14:18]), le.Uint32(head[18:22])
	nameLen, extraLen := int(le.Uint16(head[26:28])), int(le.Uint16(head[28:30]))
	full, err := br.Peek(30 + nameLen + extraLen)
	if err != nil {
		return nil, false
	}
	name := string(full[30 : 30+nameLen])
	n := strings.ReplaceAll(name, "\\", "/")
	switch {
	case flags&1 != 0, // encrypted
		strings.Contains(n, "/") || strings.Contains(n, "\x00"),
		!wanted(n):
		return nil, false
	}
	e = &zipEntry{name: name, archive: archive, src: br, sum: crc32.NewIEEE(), want: want, descriptor: flags&8 != 0}
	switch {
	case method == 8:
		br.Discard(len(full))
		e.r = flate.NewReader(br) // a bufio.Reader is an io.ByteReader: flate reads no further than its data
	case method == 0 && !e.descriptor && size != 0xFFFFFFFF:
		br.Discard(len(full))
		e.r = io.LimitReader(br, int64(size))
	default:
		return nil, false
	}
	return e, true
}

// Read unpacks the entry, checking its checksum at its end.
func (e *zipEntry) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	e.sum.Write(p[:n])
	switch {
	case errors.Is(err, io.EOF):
		if !e.done {
			e.done = true
			e.check()
		}
	case err != nil:
		err = &entryError{fmt.Sprintf("exchange: %s: %s cannot be unpacked (%v); download the archive again", e.archive, e.name, err)}
	}
	return n, err
}

// entryError is what went wrong unpacking an archive's entry, worded
// whole: it names the archive and the entry, so a reader passing it on
// adds nothing.
type entryError struct{ msg string }

func (e *entryError) Error() string { return e.msg }

// check compares the checksum of what was unpacked with the archive's.
func (e *zipEntry) check() {
	want := e.want
	if e.descriptor {
		var d [8]byte
		if _, err := io.ReadFull(e.src, d[:4]); err != nil {
			e.err = fmt.Errorf("exchange: %s ends inside %s; download the archive again", e.archive, e.name)
			return
		}
		want = binary.LittleEndian.Uint32(d[:4])
		if want == 0x08074b50 { // the descriptor's optional signature
			if _, err := io.ReadFull(e.src, d[4:8]); err != nil {
				e.err = fmt.Errorf("exchange: %s ends inside %s; download the archive again", e.archive, e.name)
				return
			}
			want = binary.LittleEndian.Uint32(d[4:8])
		}
	}
	if got := e.sum.Sum32(); got != want {
		e.err = fmt.Errorf("exchange: %s: %s is damaged (checksum %08x, the archive says %08x); download the archive again", e.archive, e.name, got, want)
	}
}

// readCapped hands read the entry's unpacked bytes, at most limit of
// them, and returns what went wrong first: the cap or the reading, then
// what read said, then a checksum that does not match.
func (e *zipEntry) readCapped(limit int64, read func(io.Reader) error) error {
	lr := &capReader{r: e, left: limit, max: limit, name: e.archive + ":" + e.name}
	err := read(lr)
	if lr.err != nil && !errors.Is(lr.err, io.EOF) {
		return lr.err
	}
	if err == nil && e.err != nil {
		return e.err
	}
	return err
}
