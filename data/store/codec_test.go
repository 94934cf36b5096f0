package store

import (
	"bytes"
	"encoding/hex"
	"reflect"
	"testing"
	"time"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/exchange"
	"github.com/sahelatlas/sahelatlas/geo"
)

// codecRecords returns imported records of two formats (ACLED rows with
// one, two and three actors, the three time precisions, extra fields; a KML
// placemark), and one with every field set.
func codecRecords(t testing.TB) []data.Record {
	t.Helper()
	atlas, err := geo.LoadAtlas() // the country of the placemark, as in the window
	if err != nil {
		t.Fatal(err)
	}
	var all []data.Record
	for _, f := range []struct {
		name string
		in   []byte
	}{
		{"a.csv", []byte(codecACLED)},
		{"b.kml", []byte(codecKML)},
	} {
		res, err := exchange.Import(bytes.NewReader(f.in), f.name, exchange.Options{Countries: atlas})
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, res.Records...)
	}
	full := data.Record{
		Event: data.Event{
			ID: "x", Start: data.D(2025, 2, 1), End: data.D(2025, 2, 28), Precision: data.PrecisionMonth,
			NoYear: &data.MonthDay{Month: time.February, Day: 7}, DateNote: "n", YearInferred: "y", Kind: data.KindVisit,
			Title: "t\r\n\x00é", Summary: "s", Place: "p", Origin: "o", Actors: []string{"a"}, Countries: []string{"MLI", "FRA"},
			Sources: []data.SourceRef{{Document: "d", Note: "line 3"}}, Confidence: "c",
			Ongoing: true, PlacePrecision: data.PlaceApproximate,
			Fields: []data.Field{{Name: "fatalities", Value: "3"}, {Name: "own column", Value: "x"}},
		},
		Place:       data.Place{ID: "p", Name: "P", Aliases: []string{"P2"}, Point: [2]float64{-8.000001, 12.65}, Country: "MLI", Feature: "PPLC", Population: 2000000, Note: "n"},
		OriginPlace: &data.Place{ID: "o", Name: "Paris", Point: [2]float64{2.35, 48.85}, Country: "FRA"},
		Actors: []*data.Actor{{ID: "a", Name: "A", Aliases: []string{"Â"}, Kind: data.ActorPerson, Country: "MLI",
			Roles: []data.Role{{Title: "President", From: data.D(2021, 5, 24), Source: "s", Note: "n"}}, Note: "n"}},
		Sources: []data.Source{{Document: "d", Outlet: "o", Author: "a", Headline: "h", Published: data.D(2025, 2, 30), DateNote: "n", Confidence: "c"}},
		From:    data.Provenance{File: "f.geojson", Feature: 4},
		Version: -5,
		Extra:   []data.Field{{Name: "k", Value: "v"}},
	}
	return append(all, full)
}

// codecACLED is an ACLED export of five rows.
const codecACLED = `event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp
MLI1,2025-05-16,2025,1,Political violence,Battles,Armed clash,Military Forces of Mali (2021-),Wagner Group,State forces,JNIM: Group for Support of Islam and Muslims,,Rebel group,12,,466,Western Africa,Mali,Mopti,Douentza,,Boni,15.0167,-1.8,1,RFI,International,"On 16 May 2025, clashes near Boni.",3,,1747900000
MLI2,17 May 2025,2025,2,Political violence,Explosions/Remote violence,Air/drone strike,Military Forces of Mali (2021-),,State forces,,,,10,Civilian targeting,466,Western Africa,Mali,Mopti,Douentza,,Boni,15.0167,-1.8,2,Studio Tamani,National,Drone strike.,0,,1747900001
NER1,01-06-2025,2025,3,Demonstrations,Protests,Peaceful protest,Protesters (Niger),,Protesters,,,,60,,562,Western Africa,Niger,Niamey,Niamey,,Niamey,13.5137,2.1098,1,ActuNiger,National,Rally in Niamey,0,crowd size=hundreds,1747900002
BFA1,2025-06-02,2025,1,Political violence,Violence against civilians,Attack,JNIM: Group for Support of Islam and Muslims,,Rebel group,Civilians (Burkina Faso),,Civilians,27,Civilian targeting,854,Western Africa,Burkina Faso,Sahel,Soum,,Djibo,14.1,-1.63,1,Local source,Subnational,"Attack on Djibo's market; ""many"" wounded.",12,,1747900003
SDN1,2025-06-03,2025,1,Strategic developments,Strategic developments,Agreement,Military Forces of Sudan (2019-),,State forces,Rapid Support Forces,,Rebel group,12,,729,Eastern Africa,Sudan,Khartoum,,,الخرطوم,15.5007,32.5599,1,Sudan Tribune,International,Talks.,0,,1747900004
`

// codecKML is a KML file with one placemark (kmlOne of the exchange tests).
const codecKML = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Placemark><name>Talks in Niamey</name><TimeStamp><when>2024-03-02</when></TimeStamp>
<Point><coordinates>2.1098,13.5137</coordinates></Point></Placemark>
</Document></kml>`

// appendRecord encodes r with a fresh encoder, as the first record of a
// layer is.
func appendRecord(buf []byte, r *data.Record) []byte {
	var enc recordEncoder
	return enc.append(buf, r)
}

// decodeRecord decodes s with a fresh decoder.
func decodeRecord(s string, r *data.Record) error {
	var dec recordDecoder
	return dec.decode(s, r)
}

func TestRecordCodec(t *testing.T) {
	records := codecRecords(t)
	var enc recordEncoder // shared, as PutImport shares it: its caches fill
	var dec recordDecoder
	for _, r := range records {
		b := appendRecord(nil, &r)
		if shared := enc.append(nil, &r); !bytes.Equal(shared, b) {
			t.Errorf("%s: an encoder that met other records writes other bytes", r.Event.ID)
		}
		var got data.Record
		if err := decodeRecord(string(b), &got); err != nil {
			t.Fatalf("%s: %v", r.Event.ID, err)
		}
		if !reflect.DeepEqual(got, r) {
			t.Errorf("%s: decoded\n%+v\nwant\n%+v", r.Event.ID, got, r)
		}
		if err := dec.decode(string(b), &got); err != nil || !reflect.DeepEqual(got, r) {
			t.Errorf("%s: a decoder that met other records reads %+v, %v", r.Event.ID, got, err)
		}
		for cut := 0; cut < len(b); cut++ {
			if err := decodeRecord(string(b[:cut]), &got); err == nil {
				t.Fatalf("%s: a record cut at %d of %d decoded", r.Event.ID, cut, len(b))
			}
		}
	}
}

// codecGolden is layout 1, which the codec wrote when it lived in package
// exchange (before Record moved to package data), for two of the records:
// stores hold it, so it must still be read. Layout 1 had no Ongoing,
// PlacePrecision or Fields.
var codecGolden = map[string]string{
	"NER1":              "0107044e455231d21f0c02d21f0c3c056d6f6e7468002f41434c45442074696d655f707265636973696f6e20333a20746865206d6f6e7468206f6620323032352d30362d3031000770726f746573742c506561636566756c2070726f746573743a2050726f7465737465727320284e69676572292c204e69616d65790f52616c6c7920696e204e69616d65790001034e45520000064e69616d65790070ce88d2dee0004010e9b7af03072b40034e45520000000001001250726f7465737465727320284e69676572290006706572736f6e00000005612e6373760800c4d9f6820d0b010850726f74657374730210506561636566756c2070726f74657374030e44656d6f6e7374726174696f6e7304013305013106013007064e69616d657908064e69616d65790a09416374754e696765720b084e6174696f6e616c0c1363726f77642073697a653d68756e6472656473",
	"b-kml-placemark-1": "010711622d6b6d6c2d706c6163656d61726b2d31d01f0604d01f060403646179000000067265706f72740f54616c6b7320696e204e69616d6579000001034e455200000f31332e353133372c20322e313039380070ce88d2dee0004010e9b7af03072b40034e4552000000000005622e6b6d6c00020000",
}

func TestRecordLayout1StillRead(t *testing.T) {
	n := 0
	for _, r := range codecRecords(t) {
		want, ok := codecGolden[r.Event.ID]
		if !ok {
			continue
		}
		n++
		b, err := hex.DecodeString(want)
		if err != nil {
			t.Fatal(err)
		}
		var got data.Record
		if err := decodeRecord(string(b), &got); err != nil {
			t.Fatalf("%s: layout 1 cannot be read: %v", r.Event.ID, err)
		}
		r.Event.Ongoing, r.Event.PlacePrecision, r.Event.Fields = false, 0, nil
		if !reflect.DeepEqual(got, r) {
			t.Errorf("%s: layout 1 decodes to\n%+v\nwant\n%+v", r.Event.ID, got, r)
		}
	}
	if n != len(codecGolden) {
		t.Fatalf("%d of the %d golden records were imported", n, len(codecGolden))
	}
}

// TestFullRecordSetsEveryField guards the round trip of TestRecordCodec:
// the record with every field set must leave no exported field of
// data.Event or data.Record at its zero value, so a field added to the
// model and forgotten by the codec fails here.
func TestFullRecordSetsEveryField(t *testing.T) {
	rs := codecRecords(t)
	full := rs[len(rs)-1]
	for _, v := range []reflect.Value{reflect.ValueOf(full), reflect.ValueOf(full.Event)} {
		for i := 0; i < v.NumField(); i++ {
			if f := v.Type().Field(i); f.IsExported() && v.Field(i).IsZero() {
				t.Errorf("the full record leaves %s.%s unset", v.Type().Name(), f.Name)
			}
		}
	}
}

func FuzzDecodeRecord(f *testing.F) {
	for _, r := range codecRecords(f) {
		f.Add(appendRecord(nil, &r))
	}
	f.Add([]byte{1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Fuzz(func(t *testing.T, in []byte) {
		var r data.Record
		if decodeRecord(string(in), &r) != nil {
			return
		}
		// What decodes survives encoding and decoding again.
		var again data.Record
		if err := decodeRecord(string(appendRecord(nil, &r)), &again); err != nil || !reflect.DeepEqual(again, r) {
			t.Fatalf("re-encoded record differs (%v):\n%+v\n%+v", err, r, again)
		}
	})
}

// TestDecoderSharesActors: a decoder gives records naming an actor alike
// one *data.Actor, equal to what a fresh decoder reads.
func TestDecoderSharesActors(t *testing.T) {
	records := codecRecords(t)
	var dec recordDecoder
	byID := map[string]*data.Actor{}
	shared := 0
	for round := range 2 {
		for _, r := range records {
			b := appendRecord(nil, &r)
			var got, fresh data.Record
			if err := dec.decode(string(b), &got); err != nil {
				t.Fatalf("%s: %v", r.Event.ID, err)
			}
			if err := decodeRecord(string(b), &fresh); err != nil {
				t.Fatalf("%s: %v", r.Event.ID, err)
			}
			if !reflect.DeepEqual(got, fresh) {
				t.Errorf("%s: the shared decoder reads\n%+v\na fresh one\n%+v", r.Event.ID, got, fresh)
			}
			for _, a := range got.Actors {
				if p, ok := byID[a.ID]; ok && reflect.DeepEqual(*p, *a) {
					if p != a {
						t.Errorf("round %d, %s: actor %s decoded twice", round, r.Event.ID, a.ID)
					}
					shared++
				}
				byID[a.ID] = a
			}
		}
	}
	if shared == 0 {
		t.Error("no actor was named twice: the test shows nothing")
	}
}
