package store

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// FuzzOpen opens arbitrary bytes as a store file. Open must return within
// seconds without panicking; unless the file claims a newer schema it must
// open, and a repaired file must open clean the second time with the same
// annotations.
func FuzzOpen(f *testing.F) {
	data, as, ends := smallStore(f, 3)
	end0 := ends[as[0].ID]
	insert := func(at int, b string) []byte {
		return append(append(append([]byte{}, data[:at]...), b...), data[at:]...)
	}
	f.Add(data)
	f.Add([]byte{})
	f.Add(data[:len(data)/2])
	f.Add(data[:end0+7])
	f.Add(insert(end0, strings.Repeat("\x00", 32)))
	f.Add(append(append([]byte{}, data...), make([]byte, 512)...))
	f.Add(insert(end0, "garbage\xff\xfe\r\n"))
	f.Add(insert(end0, "*3\r\n$3\r\nset\r\n$5000000000000000000\r\n"))
	f.Add(insert(end0, "*3\r\n$3\r\nset\r\n$99999999999999999999\r\n"))
	f.Add(insert(end0, "*1\r\n$0\r\n\r\n"))
	f.Add(insert(end0, "*1\r\n$1\r\ns\r\n"))
	f.Add(insert(end0, "*0\r\n"))
	f.Add(insert(end0, "*1\r\n$7\r\nflushdb\r\n"))
	f.Add(insert(end0, "*5\r\n$3\r\nset\r\n$1\r\na\r\n$1\r\nb\r\n$2\r\nex\r\n$1\r\n9\r\n"))
	flipped := append([]byte{}, data...)
	flipped[end0+100] ^= 0x20
	f.Add(flipped)

	f.Fuzz(func(t *testing.T, in []byte) {
		path := writeFile(t, in)
		s, rec, err := openWithin(t, path, 10*time.Second)
		if err != nil {
			if strings.Contains(err.Error(), "newer Sahel Atlas") {
				return
			}
			t.Fatalf("Open: %v", err)
		}
		list, err := s.List()
		if err != nil {
			t.Fatalf("List on an opened store: %v", err)
		}
		if rec != nil && rec.DamagedCopy == "" {
			t.Fatalf("repair without a kept original: %v", rec)
		}
		s.Close()
		s2, rec2, err := openWithin(t, path, 10*time.Second)
		if err != nil || rec2 != nil {
			t.Fatalf("second Open: %v, recovery %v", err, rec2)
		}
		defer s2.Close()
		list2, _ := s2.List()
		if !bytes.Equal([]byte(strings.Join(ids(list), ",")), []byte(strings.Join(ids(list2), ","))) {
			t.Fatalf("second Open lists %v, first %v", ids(list2), ids(list))
		}
	})
}
