package exchange

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"os"
)

// pendingMemory is how many bytes of waiting rows a pendingLog holds
// before it writes them to a temporary file.
var pendingMemory = 4 << 20

// pendingLog holds the rows of a streamed table that wait for the file's
// order of day and month (tablePending), in the order they came: in
// memory up to pendingMemory bytes, then in a temporary file, so a file
// of any length is read in bounded memory. Each row is a few varints and
// its date cells.
type pendingLog struct {
	buf  []byte
	file *os.File
	w    *bufio.Writer
	n    int
	err  error
}

// add appends p.
func (l *pendingLog) add(p tablePending) {
	if l.err != nil {
		return
	}
	l.n++
	flags := uint64(p.order) << 1
	if p.odd {
		flags |= 1
	}
	l.buf = binary.AppendUvarint(l.buf, uint64(p.seq))
	l.buf = binary.AppendUvarint(l.buf, uint64(p.at))
	l.buf = binary.AppendUvarint(l.buf, flags)
	l.buf = binary.AppendUvarint(l.buf, uint64(len(p.cells)))
	l.buf = append(l.buf, p.cells...)
	if len(l.buf) < pendingMemory {
		return
	}
	if l.file == nil {
		if l.file, l.err = os.CreateTemp("", "sahelatlas-pending-*"); l.err != nil {
			return
		}
		os.Remove(l.file.Name()) // gone once closed (where an open file can be removed)
		l.w = bufio.NewWriterSize(l.file, 64<<10)
	}
	_, l.err = l.w.Write(l.buf)
	l.buf = l.buf[:0]
}

// each calls f with every row added, in order.
func (l *pendingLog) each(f func(tablePending) error) error {
	if l.err != nil {
		return fmt.Errorf("cannot keep the rows waiting for the order of day and month in a temporary file: %v", l.err)
	}
	var r io.ByteReader
	var src io.Reader
	if l.file != nil {
		if err := l.w.Flush(); err != nil {
			return fmt.Errorf("cannot keep the rows waiting for the order of day and month in a temporary file: %v", err)
		}
		if _, err := l.file.Seek(0, io.SeekStart); err != nil {
			return err
		}
		br := bufio.NewReaderSize(io.MultiReader(l.file, bytes.NewReader(l.buf)), 64<<10)
		r, src = br, br
	} else {
		br := bytes.NewReader(l.buf)
		r, src = br, br
	}
	var cells []byte
	for range l.n {
		var v [4]uint64
		for i := range v {
			x, err := binary.ReadUvarint(r)
			if err != nil {
				return fmt.Errorf("the rows waiting for the order of day and month cannot be read back: %v", err)
			}
			v[i] = x
		}
		if uint64(cap(cells)) < v[3] {
			cells = make([]byte, v[3])
		}
		cells = cells[:v[3]]
		if _, err := io.ReadFull(src, cells); err != nil {
			return fmt.Errorf("the rows waiting for the order of day and month cannot be read back: %v", err)
		}
		p := tablePending{seq: int(v[0]), at: int(v[1]), order: dateOrder(v[2] >> 1), odd: v[2]&1 == 1, cells: string(cells)}
		if err := f(p); err != nil {
			return err
		}
	}
	return nil
}

// close removes the temporary file, if any.
func (l *pendingLog) close() {
	if l.file != nil {
		name := l.file.Name()
		l.file.Close()
		os.Remove(name) // on Windows, where it could not be removed open
		l.file = nil
	}
}
