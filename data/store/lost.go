package store

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// When the repair leaves annotations or own events out, the report names
// them: their id, title and the day they were last saved, read from the
// newest readable copy the store has. That is, in order: the readable
// part of the damaged record itself (a value whose checksum failed, or the
// bytes of a damaged region up to the damage), and the ".bak" Compact kept
// at the last compaction. A record whose key was overwritten is known only
// from the .bak; without one it can be neither named nor counted, and the
// report says so.

// Lost is an annotation or own event the repaired store does not hold, or
// holds only in an older version.
type Lost struct {
	Kind  string    // "annotation" or "my event"
	ID    string    // its id
	Title string    // its title, "" when no readable copy gives it
	Saved time.Time // when it was last saved, zero when unknown
	// Created is when it was made, read from its id (see
	// data.NewAnnotationID); zero when the id does not tell.
	Created time.Time
	From    string // where the title was read: "the damaged record" or the .bak's name
}

// String names l for the report: kind, id, title in quotes when known,
// and the day it was last saved, or else made.
func (l Lost) String() string {
	s := l.Kind + " " + l.ID
	if l.Title != "" {
		s += fmt.Sprintf(" %q", l.Title)
	}
	switch {
	case !l.Saved.IsZero():
		s += " (saved " + l.Saved.UTC().Format("2006-01-02") + ")"
	case !l.Created.IsZero():
		s += " (created " + l.Created.UTC().Format("2006-01-02") + ")"
	}
	return s
}

// named reports whether l has a title.
func (l Lost) named() bool { return l.Title != "" }

// lostKey matches an annotation's or own event's key, in any bytes.
var lostKey = regexp.MustCompile(`(?:` + annotationPrefix + `|` + myEventPrefix + `)[0-9a-f]{24}`)

// isLostKey reports whether k is an annotation's or own event's key.
func isLostKey(k string) bool { return lostKey.FindString(k) == k && k != "" }

// Fields read from a damaged value; the first "title" of an own event's
// value is its event's.
var (
	titleField   = regexp.MustCompile(`"title":("(?:[^"\\\x00]|\\.)*")`)
	updatedField = regexp.MustCompile(`"updated":"([0-9T:.+\-Z]+)"`)
)

// lostReport is what nameLost finds.
type lostReport struct {
	lost     []Lost // not in the repaired store
	reverted []Lost // in the repaired store, but a later save of it was damaged
	backup   string // the .bak read, "" for none
	// backupNote says why no .bak helped, "" when one was read.
	backupNote string
}

// nameLost names what the repair of the store file at path, whose bytes
// are data and whose readable state is st, leaves out: the keys in
// dropped, the keys seen in the damaged regions and the keys live in the
// .bak that the repaired store (written) does not hold and whose deletion
// was not read.
func nameLost(path string, data []byte, st *logState, dropped []Dropped, written map[string]bool) lostReport {
	var rep lostReport
	found := map[string]Lost{} // key → what was read of it
	order := []string{}        // keys in the order found
	add := func(k string, l Lost) {
		if old, ok := found[k]; ok && old.named() {
			return
		}
		if _, ok := found[k]; !ok {
			order = append(order, k)
		}
		found[k] = l
	}
	for _, d := range dropped {
		if isLostKey(d.Key) {
			e := st.entries[d.Key]
			add(d.Key, fromBytes(d.Key, data[e.start:e.end]))
		}
	}
	for _, d := range st.damage {
		region := data[d.Offset : d.Offset+d.Length]
		locs := lostKey.FindAllIndex(region, -1)
		for i, loc := range locs {
			end := len(region)
			if i+1 < len(locs) {
				end = locs[i+1][0]
			}
			k := string(region[loc[0]:loc[1]])
			add(k, fromBytes(k, region[loc[1]:end]))
		}
	}
	bak := readBackup(path + ".bak")
	switch {
	case bak.err != "":
		rep.backupNote = bak.err
	case repairedSince(path, bak.modTime):
		// The store was rebuilt by a repair after the .bak was kept: keys
		// deleted before that repair are in the .bak but their deletion is
		// not in this file. The .bak only names keys found lost otherwise.
		rep.backupNote = "the store was repaired after " + path + ".bak was kept, so it is not compared with the .bak"
	default:
		rep.backup = path + ".bak"
		for _, k := range bak.keys {
			if !written[k] && !st.deleted[k] {
				add(k, Lost{})
			}
		}
	}
	for _, k := range order {
		l := found[k]
		if b, ok := bak.values[k]; ok && !l.named() {
			l = b
		}
		l.Kind, l.ID = kindOf(k)
		l.Created = idTime(l.ID)
		if written[k] {
			rep.reverted = append(rep.reverted, l)
		} else {
			rep.lost = append(rep.lost, l)
		}
	}
	for _, ls := range [][]Lost{rep.lost, rep.reverted} {
		sort.SliceStable(ls, func(i, j int) bool { return ls[i].named() && !ls[j].named() })
	}
	return rep
}

// kindOf splits a key into what it names and its id.
func kindOf(k string) (kind, id string) {
	if id, ok := strings.CutPrefix(k, myEventPrefix); ok {
		return "my event", id
	}
	return "annotation", strings.TrimPrefix(k, annotationPrefix)
}

// idTime reads the creation time from the first 12 hex digits of an id
// made by data.NewAnnotationID, or returns the zero time when they do not
// give a time between 2000 and 2200.
func idTime(id string) time.Time {
	if len(id) < 12 {
		return time.Time{}
	}
	ms, err := strconv.ParseInt(id[:12], 16, 64)
	if err != nil {
		return time.Time{}
	}
	t := time.UnixMilli(ms).UTC()
	if t.Year() < 2000 || t.Year() >= 2200 {
		return time.Time{}
	}
	return t
}

// fromBytes reads a title and the day of the last save from the readable
// part of a damaged value: the bytes up to the first NUL.
func fromBytes(k string, b []byte) Lost {
	if i := strings.IndexByte(string(b), 0); i >= 0 {
		b = b[:i]
	}
	var l Lost
	if m := titleField.FindSubmatch(b); m != nil {
		var t string
		if json.Unmarshal(m[1], &t) == nil && strings.TrimSpace(t) != "" {
			l.Title, l.From = t, "the damaged record"
		}
	}
	if m := updatedField.FindSubmatch(b); m != nil {
		if t, err := time.Parse(time.RFC3339Nano, string(m[1])); err == nil {
			l.Saved = t
		}
	}
	return l
}

// backup is what a .bak holds: its live annotations' and own events' keys
// and what can be named of them.
type backup struct {
	keys    []string
	values  map[string]Lost
	modTime time.Time
	err     string // why it gives nothing
}

// repairedSince reports whether a damaged original kept by a repair of the
// store at path ("<path>.damaged-<time>") is newer than t.
func repairedSince(path string, t time.Time) bool {
	entries, _ := os.ReadDir(filepath.Dir(path))
	prefix := filepath.Base(path) + ".damaged-"
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), prefix) {
			continue
		}
		if fi, err := e.Info(); err == nil && fi.ModTime().After(t) {
			return true
		}
	}
	return false
}

// readBackup reads the .bak Compact keeps, with the same bounded reader as
// the store.
func readBackup(name string) backup {
	fi, err := os.Stat(name)
	if err != nil {
		return backup{err: "there is no " + name + " (the copy kept at the last compaction)"}
	}
	raw, err := os.ReadFile(name)
	if err != nil {
		return backup{err: fmt.Sprintf("%s could not be read (%v)", name, err)}
	}
	st := readLog(raw, fi.ModTime(), time.Now())
	b := backup{values: map[string]Lost{}, modTime: fi.ModTime()}
	for _, k := range st.order {
		e, ok := st.entries[k]
		if !ok || !isLostKey(k) {
			continue
		}
		b.keys = append(b.keys, k)
		v := string(raw[e.start:e.end])
		l := Lost{From: name}
		if strings.HasPrefix(k, myEventPrefix) {
			if m, err := decodeMyEvent(v); err == nil {
				l.Title, l.Saved = m.Event.Title, m.Updated
			}
		} else if a, err := decodeValue(v); err == nil {
			l.Title, l.Saved = a.Title, a.Updated
		}
		if l.Title != "" {
			b.values[k] = l
		}
	}
	return b
}

// writeLost writes the lines of the report that name what was lost.
func (r *Recovery) writeLost(b *strings.Builder) {
	var named, unnamed []string
	for _, l := range r.Lost {
		if l.named() {
			named = append(named, l.String())
		} else {
			unnamed = append(unnamed, l.String())
		}
	}
	if len(named) > 0 {
		fmt.Fprintf(b, "lost: %s\n", strings.Join(named, "; "))
	}
	if len(unnamed) > 0 {
		fmt.Fprintf(b, "lost, %d that cannot be named (their titles were in the damaged bytes and no older copy holds them): %s\n", len(unnamed), strings.Join(unnamed, ", "))
	}
	if len(r.Reverted) > 0 {
		var s []string
		for _, l := range r.Reverted {
			s = append(s, l.String())
		}
		fmt.Fprintf(b, "kept in an older version (a later save or deletion was damaged): %s\n", strings.Join(s, "; "))
	}
	if len(r.Damage) == 0 {
		return
	}
	switch {
	case r.Backup == "":
		fmt.Fprintf(b, "records whose key was overwritten cannot be named or counted: %s\n", r.BackupNote)
	default:
		fmt.Fprintf(b, "compared with %s: records saved since it and whose key was overwritten cannot be named or counted\n", r.Backup)
	}
}
