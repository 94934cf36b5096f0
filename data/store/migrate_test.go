package store

import (
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash/crc32"
	"os"
	"reflect"
	"slices"
	"testing"

	"github.com/tidwall/buntdb"

	"github.com/sahelatlas/sahelatlas/data"
)

// writeV1Store writes a store as builds before events files kept imports:
// every event a buntdb value "event:<import id>:<id>", the import's record
// without a file. One of the events is in record layout 1 (codecGolden).
func writeV1Store(t *testing.T) (path string, want map[string]data.Record) {
	t.Helper()
	s, path := openTest(t)
	s.Close()
	records := acledRecords(t, "may.csv", [3]string{"MLI1", "a", "100"}, [3]string{"MLI2", "b", "100"})
	want = map[string]data.Record{}
	db, err := buntdb.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	const gen = 7
	err = db.Update(func(tx *buntdb.Tx) error {
		var enc recordEncoder
		for i := range records {
			_, v := encodeEvent(&enc, nil, gen, &records[i])
			want[records[i].Event.ID] = records[i]
			if _, _, err := tx.Set(eventKey("may-csv", records[i].Event.ID), v, nil); err != nil {
				return err
			}
		}
		// A layout 1 record, as the oldest stores hold.
		for _, r := range codecRecords(t) {
			if r.Event.ID != "NER1" {
				continue
			}
			b, _ := hex.DecodeString(codecGolden["NER1"])
			r.Event.Ongoing, r.Event.PlacePrecision, r.Event.Fields = false, 0, nil
			want["NER1"] = r
			sealed := v1Value(gen, r.Version, b)
			if _, _, err := tx.Set(eventKey("may-csv", "NER1"), sealed, nil); err != nil {
				return err
			}
		}
		v, err := encodeImportDoc(importDoc{L: Import{ID: "may-csv", Name: "may.csv", Format: "acled", Count: 3, Gen: gen, Fresh: 3}, Batch: map[string]int{"may-csv": 3}})
		if err != nil {
			return err
		}
		_, _, err = tx.Set(layerPrefix+"may-csv", v, nil)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	return path, want
}

// v1Value is an event value as builds before events files wrote it:
// "E1", the CRC-32 of the rest in hex, the generation, the version, the
// record.
func v1Value(gen, version int64, record []byte) string {
	body := binary.AppendUvarint(nil, uint64(gen))
	body = binary.AppendVarint(body, version)
	body = append(body, record...)
	return fmt.Sprintf("%s%08x%s", eventMagic, crc32.ChecksumIEEE(body), body)
}

func checkEvents(t *testing.T, s *Store, want map[string]data.Record) {
	t.Helper()
	got, err := s.ImportEvents("may-csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("%d events, want %d", len(got), len(want))
	}
	for _, r := range got {
		if !reflect.DeepEqual(r, want[r.Event.ID]) {
			t.Errorf("%s reads\n%+v\nwant\n%+v", r.Event.ID, r, want[r.Event.ID])
		}
	}
}

// TestOpenMovesV1Imports opens a store of an earlier build: its imports
// move to events files, every field of every event kept, and no event is
// left in the store file.
func TestOpenMovesV1Imports(t *testing.T) {
	path, want := writeV1Store(t)
	s, rec, err := Open(path)
	if err != nil || rec != nil {
		t.Fatalf("Open: %v %v", err, rec)
	}
	defer s.Close()
	layers, err := s.Imports()
	if err != nil || len(layers) != 1 || layers[0].Problem != "" || layers[0].Count != 3 {
		t.Fatalf("imports %+v, %v", layers, err)
	}
	checkEvents(t, s, want)
	n := 0
	s.db.View(func(tx *buntdb.Tx) error {
		return tx.AscendKeys(eventPrefix+"*", func(k, v string) bool { n++; return true })
	})
	if n != 0 {
		t.Errorf("%d events left in the store file", n)
	}
	eventsPath(t, path, "may-csv")
	// It takes a newer copy as any import does.
	ch, err := s.PutImport(Import{Name: "june.csv"}, acledRecords(t, "june.csv", [3]string{"MLI1", "newer", "200"}))
	if err != nil || ch.Updated != 1 {
		t.Fatalf("PutImport after the move: %+v, %v", ch, err)
	}
}

// TestReadOnlyV1Store opens a store of an earlier build that cannot be
// written: nothing moves, and its imports are read where they are.
func TestReadOnlyV1Store(t *testing.T) {
	path, want := writeV1Store(t)
	if err := os.Chmod(path, 0o400); err != nil {
		t.Fatal(err)
	}
	s, _, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if !s.ReadOnly() {
		t.Fatal("opened for writing")
	}
	layers, records, err := s.ShownEvents(nil)
	if err != nil || len(layers) != 1 || layers[0].Problem != "" || len(records) != 3 {
		t.Fatalf("ShownEvents: %+v, %d events, %v", layers, len(records), err)
	}
	checkEvents(t, s, want)
	got, err := s.ImportEventsBetween("may-csv", data.D(2025, 5, 16), data.D(2025, 5, 16))
	if err != nil || !slices.ContainsFunc(got, func(r data.Record) bool { return r.Event.ID == "MLI1" }) {
		t.Errorf("ImportEventsBetween: %d events, %v", len(got), err)
	}
}
