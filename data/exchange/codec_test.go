package exchange

import (
	"bytes"
	"reflect"
	"testing"
	"time"

	"github.com/sahelatlas/sahelatlas/data"
)

// codecRecords returns records of every format, and one with every field set.
func codecRecords(t testing.TB) []Record {
	t.Helper()
	var all []Record
	for _, f := range []struct {
		name string
		in   []byte
	}{
		{"a.csv", SyntheticACLED(30, 2)},
		{"b.kml", []byte(kmlOne)},
	} {
		res, err := Import(bytes.NewReader(f.in), f.name, Options{})
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, res.Records...)
	}
	full := Record{
		Event: data.Event{
			ID: "x", Start: data.D(2025, 2, 1), End: data.D(2025, 2, 28), Precision: data.PrecisionMonth,
			NoYear: &data.MonthDay{Month: time.February, Day: 7}, DateNote: "n", YearInferred: "y", Kind: data.KindVisit,
			Title: "t\r\n\x00é", Summary: "s", Place: "p", Origin: "o", Actors: []string{"a"}, Countries: []string{"MLI", "FRA"},
			Sources: []data.SourceRef{{Document: "d", Note: "line 3"}}, Confidence: "c",
		},
		Place:       data.Place{ID: "p", Name: "P", Aliases: []string{"P2"}, Point: [2]float64{-8.000001, 12.65}, Country: "MLI", Feature: "PPLC", Population: 2000000, Note: "n"},
		OriginPlace: &data.Place{ID: "o", Name: "Paris", Point: [2]float64{2.35, 48.85}, Country: "FRA"},
		Actors: []*data.Actor{{ID: "a", Name: "A", Aliases: []string{"Â"}, Kind: data.ActorPerson, Country: "MLI",
			Roles: []data.Role{{Title: "President", From: data.D(2021, 5, 24), Source: "s", Note: "n"}}, Note: "n"}},
		Sources: []data.Source{{Document: "d", Outlet: "o", Author: "a", Headline: "h", Published: data.D(2025, 2, 30), DateNote: "n", Confidence: "c"}},
		From:    Provenance{File: "f.geojson", Feature: 4},
		Version: -5,
		Extra:   []Field{{"k", "v"}},
	}
	return append(all, full)
}

func TestRecordCodec(t *testing.T) {
	for _, r := range codecRecords(t) {
		b := AppendRecord(nil, &r)
		var got Record
		if err := DecodeRecord(string(b), &got); err != nil {
			t.Fatalf("%s: %v", r.Event.ID, err)
		}
		if !reflect.DeepEqual(got, r) {
			t.Errorf("%s: decoded\n%+v\nwant\n%+v", r.Event.ID, got, r)
		}
		for cut := 0; cut < len(b); cut++ {
			if err := DecodeRecord(string(b[:cut]), &got); err == nil {
				t.Fatalf("%s: a record cut at %d of %d decoded", r.Event.ID, cut, len(b))
			}
		}
	}
}

func FuzzDecodeRecord(f *testing.F) {
	for _, r := range codecRecords(f) {
		f.Add(AppendRecord(nil, &r))
	}
	f.Add([]byte{1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Fuzz(func(t *testing.T, in []byte) {
		var r Record
		if DecodeRecord(string(in), &r) != nil {
			return
		}
		// What decodes survives encoding and decoding again.
		var again Record
		if err := DecodeRecord(string(AppendRecord(nil, &r)), &again); err != nil || !reflect.DeepEqual(again, r) {
			t.Fatalf("re-encoded record differs (%v):\n%+v\n%+v", err, r, again)
		}
	})
}
