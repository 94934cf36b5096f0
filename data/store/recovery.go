package store

import (
	"errors"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/sahelatlas/sahelatlas/data"
)

// Recovery is Open's report. It reports a store file that Open found
// damaged and repaired: the damaged original is kept unchanged at
// DamagedCopy, and the store now holds every record that could be read.
// It also carries Notes, things about the store the analyst should know
// (a store Open could not compact, ...), with or without damage.
type Recovery struct {
	Path        string    // the repaired store
	DamagedCopy string    // the damaged original, kept aside
	Records     int       // whole records read from the damaged file
	Kept        int       // keys in the repaired store
	LostBytes   int64     // bytes that could not be read
	Damage      []Damage  // the unreadable regions, in file order
	Dropped     []Dropped // keys whose value was damaged, left out of the repaired store
	// Lost names the annotations and own events the repaired store does
	// not hold, named from the newest readable copy (see lost.go); those
	// without a Title could not be named.
	Lost []Lost
	// Reverted names those the repaired store holds in an older version,
	// since a later save (or their deletion) was in a damaged region.
	Reverted []Lost
	// Backup is the .bak the repair compared the store with, or "" when
	// there was none to read, BackupNote then saying why.
	Backup, BackupNote string
	// Notes are one-line messages about the store, each said once.
	Notes []string
}

// Damaged reports whether the store file was found damaged.
func (r *Recovery) Damaged() bool { return len(r.Damage) > 0 || len(r.Dropped) > 0 }

// note adds a note to r, making r when nil.
func (r *Recovery) note(path, msg string) *Recovery {
	if r == nil {
		r = &Recovery{Path: path}
	}
	r.Notes = append(r.Notes, msg)
	return r
}

// namesError says why a file with more than one name (hard links) is not
// replaced.
type namesError struct{ n uint64 }

func (e *namesError) Error() string {
	return fmt.Sprintf("it has %d names (hard links), and replacing it would leave the other names on the old file; remove the other names (a symbolic link can stand for one)", e.n)
}

// Dropped is a key whose value could not be used.
type Dropped struct {
	Key    string
	Reason string
}

// Repaired reports whether the damaged store was repaired: it was not when
// it is read-only (see Store.ReadOnly).
func (r *Recovery) Repaired() bool { return r.DamagedCopy != "" }

// String describes the damage, the repair and the notes for the analyst,
// in a few lines.
func (r *Recovery) String() string {
	var b strings.Builder
	switch {
	case r.Repaired():
		fmt.Fprintf(&b, "store: %s was damaged and has been repaired; the damaged original is kept as %s\n", r.Path, r.DamagedCopy)
	case r.Damaged():
		fmt.Fprintf(&b, "store: %s is damaged and read-only, so it was not repaired and nothing was changed; what could be read is shown\n", r.Path)
	}
	if r.Damaged() {
		fmt.Fprintf(&b, "recovered: %d records read, %d keys kept\n", r.Records, r.Kept)
	}
	if len(r.Damage) > 0 {
		fmt.Fprintf(&b, "not recovered: %d bytes in %d damaged region(s):", r.LostBytes, len(r.Damage))
		for i, d := range r.Damage {
			if i == 5 {
				fmt.Fprintf(&b, " and %d more", len(r.Damage)-5)
				break
			}
			b.WriteString(" " + d.String() + ";")
		}
		b.WriteByte('\n')
	}
	for _, d := range r.Dropped {
		fmt.Fprintf(&b, "not recovered: %s (%s)\n", d.Key, d.Reason)
	}
	if r.Damaged() {
		r.writeLost(&b)
	}
	for _, n := range r.Notes {
		b.WriteString(n + "\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// inspect reads the store file at path with the bounded log reader. A clean
// file gives (nil, nil). A damaged one is repaired in place: a copy of the
// original is kept as "<path>.damaged-<UTC time>", a clean file with every
// readable record is fsync'd and renamed over path (the lock lk moving
// with it), and the folder is fsync'd. A damaged file with other names
// (hard links) is not repaired, since the other names would keep the
// damaged file: Open fails, saying so.
func inspect(path string, now time.Time, lk *storeLock) (*Recovery, error) {
	rec, clean, fi, err := readStore(path, now)
	if rec == nil || err != nil {
		return nil, err
	}
	if n := linkCount(fi); n > 1 {
		return nil, fmt.Errorf("store: %s is damaged and was not repaired, nothing was changed: %w", path, &namesError{n: n})
	}
	rec.DamagedCopy = damagedName(path, now)
	if err := replaceFile(path, clean, rec.DamagedCopy, lk); err != nil {
		return nil, fmt.Errorf("store: %s is damaged and could not be repaired (%w); nothing was changed", path, err)
	}
	return rec, nil
}

// readStore reads the store file at path with the bounded log reader and
// returns what buntdb may be given: the file itself when it is clean (and
// a nil Recovery), or a clean copy of every readable record with a
// Recovery saying what was lost. It changes nothing.
func readStore(path string, now time.Time) (*Recovery, []byte, os.FileInfo, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("store: could not read %s: %w", path, err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("store: could not read %s: %w", path, err)
	}
	st := readLog(data, fi.ModTime(), now)
	var dropped []Dropped
	bad := map[string]bool{}
	for k, e := range st.entries {
		if reason := checkEntry(k, string(data[e.start:e.end])); reason != nil {
			if errors.Is(reason, errNewerSchema) {
				return nil, nil, nil, fmt.Errorf("store: %s was written by a newer Sahel Atlas (%s: %v); update Sahel Atlas to open it", path, k, reason)
			}
			dropped = append(dropped, Dropped{Key: k, Reason: reason.Error()})
			bad[k] = true
		}
	}
	if len(st.damage) == 0 && len(dropped) == 0 {
		return nil, data, fi, nil
	}
	sort.Slice(dropped, func(i, j int) bool { return dropped[i].Key < dropped[j].Key })
	rec := &Recovery{Path: path, Records: st.records, Damage: st.damage, Dropped: dropped}
	var clean []byte
	written := map[string]bool{} // a key deleted and set again is twice in order
	for _, k := range st.order {
		e, ok := st.entries[k]
		if !ok || bad[k] || written[k] {
			continue
		}
		clean = appendSet(clean, k, string(data[e.start:e.end]), e.expires)
		written[k] = true
		rec.Kept++
	}
	for _, d := range st.damage {
		rec.LostBytes += d.Length
	}
	lr := nameLost(path, data, st, dropped, written)
	rec.Lost, rec.Reverted, rec.Backup, rec.BackupNote = lr.lost, lr.reverted, lr.backup, lr.backupNote
	return rec, clean, fi, nil
}

// checkEntry reports why the value of key k cannot be used, or nil.
func checkEntry(k, v string) error {
	switch {
	case strings.HasPrefix(k, annotationPrefix):
		if !data.ValidAnnotationID(strings.TrimPrefix(k, annotationPrefix)) {
			return errors.New("the key is not an annotation id")
		}
		return checkValue(v)
	case strings.HasPrefix(k, myEventPrefix):
		if !data.ValidAnnotationID(strings.TrimPrefix(k, myEventPrefix)) {
			return errors.New("the key is not an event id")
		}
		if _, err := decodeMyEvent(v); err != nil {
			return err
		}
		return nil
	case k == metaSchemaKey:
		n, err := strconv.Atoi(v)
		if err != nil {
			return errors.New("the schema version is not a number")
		}
		if n > SchemaVersion {
			return fmt.Errorf("schema version %d: %w", n, errNewerSchema)
		}
	}
	return nil
}

// damagedName is "<path>.damaged-<UTC time>", with a counter if taken.
func damagedName(path string, now time.Time) string {
	base := path + ".damaged-" + now.UTC().Format("20060102T150405Z")
	name := base
	for i := 2; ; i++ {
		if _, err := os.Lstat(name); errors.Is(err, os.ErrNotExist) {
			return name
		}
		name = base + "-" + strconv.Itoa(i)
	}
}
