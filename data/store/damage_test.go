package store

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/sahelatlas/sahelatlas/data"
)

// smallStore returns the bytes of a closed store holding n annotations,
// the annotations, and the offset where each annotation's record ends.
func smallStore(t testing.TB, n int) ([]byte, []data.Annotation, map[string]int) {
	t.Helper()
	s, path := openTest(t)
	var as []data.Annotation
	for i := 0; i < n; i++ {
		a := sample(i)
		a.Text, a.Tags = "", nil // keep the file small: it is cut at every offset
		a, err := s.Add(a)
		if err != nil {
			t.Fatal(err)
		}
		as = append(as, a)
	}
	s.Close()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ends := map[string]int{}
	for pos := 0; pos < len(data); {
		r, err := parseRecord(data, pos)
		if err != nil {
			t.Fatalf("the store written by buntdb does not parse at %d: %v", pos, err)
		}
		pos = r.recordEnd
		if strings.HasPrefix(r.key, annotationPrefix) {
			ends[strings.TrimPrefix(r.key, annotationPrefix)] = pos
		}
	}
	return data, as, ends
}

// checkRepaired checks a store opened from damaged bytes: the damaged
// original is kept aside unchanged, the ids in want are all there, and a
// second open finds the repaired file clean.
func checkRepaired(t *testing.T, path string, damaged []byte, want []string) {
	t.Helper()
	s, rec, err := openWithin(t, path, 10*time.Second)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if rec == nil {
		t.Fatalf("damaged store opened without a Recovery report")
	}
	if kept, err := os.ReadFile(rec.DamagedCopy); err != nil || !bytes.Equal(kept, damaged) {
		t.Errorf("damaged original not kept at %q unchanged (err %v)", rec.DamagedCopy, err)
	}
	if rec.String() == "" || !strings.Contains(rec.String(), rec.DamagedCopy) {
		t.Errorf("report does not say where the original is: %q", rec.String())
	}
	list, err := s.List()
	if err != nil {
		t.Fatalf("List: %v", err)
	}
	have := map[string]bool{}
	for _, a := range list {
		have[a.ID] = true
	}
	for _, id := range want {
		if !have[id] {
			t.Errorf("annotation %s lost; report:\n%s", id, rec)
		}
	}
	if _, err := s.Add(sample(7)); err != nil {
		t.Errorf("Add on the repaired store: %v", err)
	}
	s.Close()
	s2, rec2, err := openWithin(t, path, 10*time.Second)
	if err != nil || rec2 != nil {
		t.Fatalf("second open of the repaired store: %v, recovery %v", err, rec2)
	}
	s2.Close()
}

// TestOpenCutAtEveryOffset cuts a small store at every offset: Open always
// returns, keeps every annotation whose record is whole, and reports a
// repair unless the cut falls between records.
func TestOpenCutAtEveryOffset(t *testing.T) {
	data, as, ends := smallStore(t, 3)
	boundaries := map[int]bool{0: true}
	for pos := 0; pos < len(data); {
		r, _ := parseRecord(data, pos)
		pos = r.recordEnd
		boundaries[pos] = true
	}
	for cut := 0; cut < len(data); cut++ {
		path := writeFile(t, data[:cut])
		if boundaries[cut] {
			s, rec, err := openWithin(t, path, 10*time.Second)
			if err != nil || rec != nil {
				t.Fatalf("cut at a record boundary %d: %v, recovery %v", cut, err, rec)
			}
			s.Close()
			continue
		}
		var want []string
		for _, a := range as {
			if ends[a.ID] <= cut {
				want = append(want, a.ID)
			}
		}
		t.Run("", func(t *testing.T) { checkRepaired(t, path, data[:cut], want) })
		if t.Failed() {
			t.Fatalf("store cut at %d of %d bytes", cut, len(data))
		}
	}
}

// TestOpenDamaged damages a store in the ways that make buntdb panic, hang,
// truncate or misplace writes; Open returns, keeps the damaged original and
// everything readable, and names what was lost.
func TestOpenDamaged(t *testing.T) {
	data, as, ends := smallStore(t, 3)
	end0, end1 := ends[as[0].ID], ends[as[1].ID]
	insert := func(at int, b string) []byte {
		return append(append(append([]byte{}, data[:at]...), b...), data[at:]...)
	}
	overwrite := func(at int, b string) []byte {
		out := append([]byte{}, data...)
		copy(out[at:], b)
		return out
	}
	// The value of as[1] starts after its key's bulk string.
	val1 := bytes.Index(data[end0:], []byte(valueHeader)) + end0
	len1 := bytes.LastIndex(data[:val1-2], []byte("$")) // as[1]'s value length field
	all := ids(as)
	cases := []struct {
		name    string
		data    []byte
		want    []string // ids that must survive
		dropped string   // id reported dropped or missing, if any
	}{
		{"NULs between records", insert(end0, strings.Repeat("\x00", 64)), all, ""},
		{"NULs at the end", append(append([]byte{}, data...), make([]byte, 4096)...), all, ""},
		{"NULs inside a value", overwrite(val1+40, strings.Repeat("\x00", 16)), []string{as[0].ID, as[2].ID}, as[1].ID},
		{"garbage between records", insert(end0, "garbage\r\n\xff\xfe*9x\r\n"), all, ""},
		{"garbage over a record's header", overwrite(end0, "#%&!"), []string{as[0].ID, as[2].ID}, as[1].ID},
		{"byte changed in a value", overwrite(val1+60, "#"), []string{as[0].ID, as[2].ID}, as[1].ID},
		{"huge length field", insert(len1, "$5000000000000000000\r\n"), []string{as[0].ID, as[2].ID}, as[1].ID},
		{"20-digit length field", insert(end0, "*3\r\n$99999999999999999999\r\n"), all, ""},
		{"oversized length mid-file", overwrite(len1, "$9999"), []string{as[0].ID, as[2].ID}, as[1].ID},
		{"empty command name", insert(end1, "*1\r\n$0\r\n\r\n"), all, ""},
		{"1-byte command name", insert(end1, "*1\r\n$1\r\ns\r\n"), all, ""},
		{"2-byte command name", insert(end1, "*2\r\n$2\r\nse\r\n$1\r\nk\r\n"), all, ""},
		{"zero-part record", insert(end1, "*0\r\n"), all, ""},
		{"set with 4 parts", insert(end1, "*4\r\n$3\r\nset\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n"), all, ""},
		{"unknown command", insert(end1, "*2\r\n$4\r\nincr\r\n$1\r\nk\r\n"), all, ""},
		{"bad expiry", insert(end1, "*5\r\n$3\r\nset\r\n$1\r\na\r\n$1\r\nb\r\n$2\r\nex\r\n$2\r\nzz\r\n"), all, ""},
		{"no CRLF after a field", overwrite(val1-2, "xx"), []string{as[0].ID, as[2].ID}, as[1].ID},
		{"annotation key with a bad id", insert(end1, string(appendSet(nil, "annotation:zz", "{}", 0))), all, "annotation:zz"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := writeFile(t, tc.data)
			checkRepaired(t, path, tc.data, tc.want)
			if tc.dropped == "" {
				return
			}
			// Reopen the damaged copy's report: the lost one is named.
			path2 := writeFile(t, tc.data)
			s, rec, err := openWithin(t, path2, 10*time.Second)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if !strings.Contains(rec.String(), tc.dropped) {
				t.Errorf("report does not name %s:\n%s", tc.dropped, rec)
			}
			if _, err := s.Get(tc.dropped); err == nil {
				t.Errorf("damaged annotation %s is still served", tc.dropped)
			}
		})
	}
}
