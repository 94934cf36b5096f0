package store

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// This file reads buntdb's append-only file itself, before buntdb does.
//
// buntdb v1.3.2's readLoad (buntdb.go) reads RESP arrays of bulk strings:
//
//	*3\r\n$3\r\nset\r\n$<n>\r\n<key>\r\n$<n>\r\n<value>\r\n
//	*5\r\n ... set key value ex|ae <seconds>
//	*2\r\n$3\r\ndel\r\n$<n>\r\n<key>\r\n
//	*1\r\n$7\r\nflushdb\r\n
//
// and it panics on a command name shorter than 3 bytes, hangs on a length
// like $5000000000000000000 (its buffer doubling overflows), truncates the
// file after an oversized length, and skips NULs but then appends at the
// wrong offset. This reader accepts exactly the records buntdb writes,
// bounds every length by the bytes left in the file, and reports anything
// else as damage with its offset, so the store can hand buntdb only files
// it reads correctly.

// logEntry is the state of one key after replaying the log.
type logEntry struct {
	start, end int   // the value's bytes in the file
	expires    int64 // unix seconds, 0 for none
}

// logState is what a log leaves behind: its keys in first-write order, the
// number of whole records read, and the damaged regions.
type logState struct {
	entries map[string]logEntry
	order   []string // keys in the order they were first set; may hold deleted keys
	records int
	damage  []Damage
	deleted map[string]bool // annotations' and own events' keys a readable "del" record removed (nil for none)
}

// Damage is one region of a store file that could not be read.
type Damage struct {
	Offset int64  // where the region starts, in bytes from the start of the file
	Length int64  // how many bytes were skipped
	Reason string // what was wrong at Offset
}

func (d Damage) String() string {
	return fmt.Sprintf("%d bytes at offset %d (%s)", d.Length, d.Offset, d.Reason)
}

// logRecord is one whole command.
type logRecord struct {
	op               string // "set", "del" or "flushdb"
	key              string
	valStart, valEnd int
	expArg           string // "ex", "ae" or "" for none
	expSeconds       int64
	recordEnd        int
}

// readLog replays data as buntdb would, skipping damaged regions: after a
// damaged byte it resumes at the next '*' that starts a whole record.
// modTime is the file's modification time, which buntdb's relative "ex"
// expiries count from.
func readLog(data []byte, modTime, now time.Time) *logState {
	st := &logState{entries: map[string]logEntry{}}
	pos := 0
	for pos < len(data) {
		rec, err := parseRecord(data, pos)
		if err == nil {
			st.apply(data, rec, modTime, now)
			pos = rec.recordEnd
			continue
		}
		start := pos
		next := len(data)
		for q := pos + 1; q < len(data); {
			i := bytes.IndexByte(data[q:], '*')
			if i < 0 {
				break
			}
			c := q + i
			if _, err := parseRecord(data, c); err == nil {
				next = c
				break
			}
			q = c + 1
		}
		st.damage = append(st.damage, Damage{Offset: int64(start), Length: int64(next - start), Reason: err.Error()})
		pos = next
	}
	return st
}

func (st *logState) apply(data []byte, r logRecord, modTime, now time.Time) {
	st.records++
	switch r.op {
	case "flushdb":
		st.entries = map[string]logEntry{}
		st.order = st.order[:0]
	case "del":
		delete(st.entries, r.key)
		if isLostKey(r.key) {
			if st.deleted == nil {
				st.deleted = map[string]bool{}
			}
			st.deleted[r.key] = true // only a repair's report of what was lost asks
		}
	case "set":
		e := logEntry{start: r.valStart, end: r.valEnd}
		switch r.expArg {
		case "ex":
			exat := now.Add(time.Duration(r.expSeconds)*time.Second - now.Sub(modTime))
			if !exat.After(now) {
				delete(st.entries, r.key)
				return
			}
			e.expires = exat.Unix()
		case "ae":
			if !time.Unix(r.expSeconds, 0).After(now) {
				delete(st.entries, r.key)
				return
			}
			e.expires = r.expSeconds
		}
		if _, seen := st.entries[r.key]; !seen {
			st.order = append(st.order, r.key)
		}
		st.entries[r.key] = e
	}
}

// Errors of parseRecord; their text ends up in Damage.Reason.
var (
	errCutShort   = errors.New("the file ends in the middle of a record")
	errNotRecord  = errors.New("not the start of a record")
	errBadCount   = errors.New("a record with an unknown number of parts")
	errBadLength  = errors.New("a malformed length field")
	errHugeLength = errors.New("a length field of more than 18 digits")
	errBadEnd     = errors.New("a field that does not end with CRLF")
	errBadCommand = errors.New("an unknown command")
)

// parseRecord reads the record starting at data[pos]. It never reads past
// len(data) and its work is bounded by the record's own length.
func parseRecord(data []byte, pos int) (logRecord, error) {
	var r logRecord
	if data[pos] != '*' {
		if data[pos] == 0 {
			return r, errors.New("NUL bytes")
		}
		return r, errNotRecord
	}
	n, p, err := parseLength(data, pos+1)
	if err != nil {
		return r, err
	}
	if n != 1 && n != 2 && n != 3 && n != 5 {
		return r, errBadCount
	}
	var parts [5][2]int
	for i := 0; i < n; i++ {
		if p >= len(data) {
			return r, errCutShort
		}
		if data[p] != '$' {
			return r, errBadLength
		}
		l, q, err := parseLength(data, p+1)
		if err != nil {
			return r, err
		}
		if l > len(data)-q {
			return r, fmt.Errorf("a length field of %d bytes where only %d are left: the file is cut short or the field is damaged", l, len(data)-q)
		}
		if len(data)-q-l < 2 {
			return r, errCutShort
		}
		if data[q+l] != '\r' || data[q+l+1] != '\n' {
			return r, errBadEnd
		}
		parts[i] = [2]int{q, q + l}
		p = q + l + 2
	}
	r.recordEnd = p
	part := func(i int) string { return string(data[parts[i][0]:parts[i][1]]) }
	name := part(0)
	switch {
	case strings.EqualFold(name, "set") && (n == 3 || n == 5):
		r.op, r.key = "set", part(1)
		r.valStart, r.valEnd = parts[2][0], parts[2][1]
		if n == 5 {
			r.expArg = strings.ToLower(part(3))
			if r.expArg != "ex" && r.expArg != "ae" {
				return r, errBadCommand
			}
			s, err := strconv.ParseInt(part(4), 10, 64)
			if err != nil {
				return r, errBadCommand
			}
			r.expSeconds = s
		}
	case strings.EqualFold(name, "del") && n == 2:
		r.op, r.key = "del", part(1)
	case strings.EqualFold(name, "flushdb") && n == 1:
		r.op = "flushdb"
	default:
		return r, errBadCommand
	}
	return r, nil
}

// parseLength reads the decimal digits and CRLF that follow '*' or '$' at
// data[p-1], as buntdb does, refusing more than 18 digits.
func parseLength(data []byte, p int) (n, next int, err error) {
	i := p
	for i < len(data) && data[i] >= '0' && data[i] <= '9' {
		if i-p >= 18 {
			return 0, 0, errHugeLength
		}
		n = n*10 + int(data[i]-'0')
		i++
	}
	if i == p && i < len(data) {
		return 0, 0, errBadLength
	}
	if i+1 >= len(data) {
		if i == len(data) || data[i] == '\r' {
			return 0, 0, errCutShort
		}
		return 0, 0, errBadLength
	}
	if data[i] != '\r' || data[i+1] != '\n' {
		return 0, 0, errBadLength
	}
	return n, i + 2, nil
}

// appendSet appends a buntdb "set" record, as buntdb writes it.
func appendSet(buf []byte, key, value string, expires int64) []byte {
	if expires != 0 {
		buf = append(buf, "*5\r\n"...)
	} else {
		buf = append(buf, "*3\r\n"...)
	}
	buf = appendBulk(buf, "set")
	buf = appendBulk(buf, key)
	buf = appendBulk(buf, value)
	if expires != 0 {
		buf = appendBulk(buf, "ae")
		buf = appendBulk(buf, strconv.FormatInt(expires, 10))
	}
	return buf
}

func appendBulk(buf []byte, s string) []byte {
	buf = append(buf, '$')
	buf = strconv.AppendInt(buf, int64(len(s)), 10)
	buf = append(buf, '\r', '\n')
	buf = append(buf, s...)
	return append(buf, '\r', '\n')
}
