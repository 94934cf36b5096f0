package store

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/sahelatlas/sahelatlas/data"
)

// Recovery reports a store file that Open found damaged and repaired. The
// damaged original is kept unchanged at DamagedCopy; the store now holds
// every record that could be read.
type Recovery struct {
	Path        string    // the repaired store
	DamagedCopy string    // the damaged original, kept aside
	Records     int       // whole records read from the damaged file
	Kept        int       // keys in the repaired store
	LostBytes   int64     // bytes that could not be read
	Damage      []Damage  // the unreadable regions, in file order
	Dropped     []Dropped // keys whose value was damaged, left out of the repaired store
	// Missing lists ids of annotations whose key appears in an unreadable
	// region and that are not in the repaired store: probably lost.
	Missing []string
}

// Dropped is a key whose value could not be used.
type Dropped struct {
	Key    string
	Reason string
}

// String describes the repair for the analyst, in a few lines.
func (r *Recovery) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "store: %s was damaged and has been repaired; the damaged original is kept as %s\n", r.Path, r.DamagedCopy)
	fmt.Fprintf(&b, "recovered: %d records read, %d keys kept\n", r.Records, r.Kept)
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
	if len(r.Missing) > 0 {
		fmt.Fprintf(&b, "probably lost (named in a damaged region): annotations %s\n", strings.Join(r.Missing, ", "))
	}
	return strings.TrimSuffix(b.String(), "\n")
}

var idInDamage = regexp.MustCompile(annotationPrefix + `[0-9a-f]{24}`)

// inspect reads the store file at path with the bounded log reader. A clean
// file gives (nil, nil). A damaged one is repaired in place: the original
// is kept as "<path>.damaged-<UTC time>", a clean file with every readable
// record is fsync'd and renamed over path, and the folder is fsync'd.
func inspect(path string, now time.Time) (*Recovery, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("store: could not read %s: %w", path, err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("store: could not read %s: %w", path, err)
	}
	st := readLog(data, fi.ModTime(), now)
	var dropped []Dropped
	bad := map[string]bool{}
	for k, e := range st.entries {
		if reason := checkEntry(k, string(data[e.start:e.end])); reason != nil {
			if errors.Is(reason, errNewerSchema) {
				return nil, fmt.Errorf("store: %s was written by a newer Sahel Atlas (%s: %v); update Sahel Atlas to open it", path, k, reason)
			}
			dropped = append(dropped, Dropped{Key: k, Reason: reason.Error()})
			bad[k] = true
		}
	}
	if len(st.damage) == 0 && len(dropped) == 0 {
		return nil, nil
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
	seen := map[string]bool{}
	for _, d := range st.damage {
		rec.LostBytes += d.Length
		for _, m := range idInDamage.FindAll(data[d.Offset:d.Offset+d.Length], -1) {
			k := string(m)
			if !written[k] && !seen[k] {
				seen[k] = true
				rec.Missing = append(rec.Missing, strings.TrimPrefix(k, annotationPrefix))
			}
		}
	}
	sort.Strings(rec.Missing)
	rec.DamagedCopy = damagedName(path, now)
	if err := replaceFile(path, clean, rec.DamagedCopy); err != nil {
		return nil, fmt.Errorf("store: %s is damaged and could not be repaired (%w); nothing was changed", path, err)
	}
	return rec, nil
}

// checkEntry reports why the value of key k cannot be used, or nil.
func checkEntry(k, v string) error {
	switch {
	case strings.HasPrefix(k, annotationPrefix):
		if !data.ValidAnnotationID(strings.TrimPrefix(k, annotationPrefix)) {
			return errors.New("the key is not an annotation id")
		}
		return checkValue(v)
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
