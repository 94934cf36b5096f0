package store

import (
	"reflect"
	"strconv"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/sahelatlas/sahelatlas/data"
)

// oldValues are values as the build before annotations took data.Date
// wrote them (its encodeValue, run on annotations with time.Time bounds):
// the bounds are times, the second one a GeoJSON import's time of day in
// another zone, kept as UTC.
var oldValues = []struct {
	name  string
	value string
	want  data.Annotation
	same  bool // this build writes the value back byte for byte
}{
	{
		name:  "date range",
		value: `{"v":1,"crc":"c4221f68","bbox":[-1.5,12.3,-1.4,12.4],"a":{"id":"018a1b2c3d4e5f6a7b8c9d0e","geometry":{"type":"Polygon","coordinates":[[[-1.5,12.3],[-1.4,12.3],[-1.4,12.4],[-1.5,12.3]]]},"title":"Ouaga talks","text":"two\nlines","tags":["bfa","talks"],"colour":"#c0392b","event":"ev-7","from":"2023-07-26T00:00:00Z","to":"2023-08-02T00:00:00Z","author":"A. Analyst","created":"2024-03-01T09:30:15.123Z","updated":"2024-03-02T10:00:00Z"}}`,
		want: data.Annotation{
			ID: "018a1b2c3d4e5f6a7b8c9d0e", Geometry: orb.Polygon{{{-1.5, 12.3}, {-1.4, 12.3}, {-1.4, 12.4}, {-1.5, 12.3}}},
			Title: "Ouaga talks", Text: "two\nlines", Tags: []string{"bfa", "talks"}, Colour: "#c0392b", EventID: "ev-7",
			From: data.D(2023, time.July, 26), To: data.D(2023, time.August, 2), Author: "A. Analyst",
			Created: time.Date(2024, 3, 1, 9, 30, 15, 123000000, time.UTC), Updated: time.Date(2024, 3, 2, 10, 0, 0, 0, time.UTC),
		},
		same: true,
	},
	{
		name:  "time of day",
		value: `{"v":1,"crc":"50b28d87","bbox":[-8,12.65,-8,12.65],"a":{"id":"018a1b2c3d4e5f6a7b8c9d0f","geometry":{"type":"Point","coordinates":[-8,12.65]},"title":"Checkpoint","from":"2024-01-06T01:30:00Z","to":"2024-01-06T01:30:00Z","created":"2024-03-01T09:30:15Z","updated":"2024-03-01T09:30:15Z"}}`,
		want: data.Annotation{
			ID: "018a1b2c3d4e5f6a7b8c9d0f", Geometry: orb.Point{-8, 12.65}, Title: "Checkpoint",
			From: data.D(2024, time.January, 6), To: data.D(2024, time.January, 6),
			Created: time.Date(2024, 3, 1, 9, 30, 15, 0, time.UTC), Updated: time.Date(2024, 3, 1, 9, 30, 15, 0, time.UTC),
		},
	},
	{
		name:  "undated",
		value: `{"v":1,"crc":"d3dbce1a","bbox":[0,0,1,1],"a":{"id":"018a1b2c3d4e5f6a7b8c9d10","geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]},"title":"Undated","created":"2024-03-01T09:30:15Z","updated":"2024-03-01T09:30:15Z"}}`,
		want: data.Annotation{
			ID: "018a1b2c3d4e5f6a7b8c9d10", Geometry: orb.LineString{{0, 0}, {1, 1}}, Title: "Undated",
			Created: time.Date(2024, 3, 1, 9, 30, 15, 0, time.UTC), Updated: time.Date(2024, 3, 1, 9, 30, 15, 0, time.UTC),
		},
		same: true,
	},
}

func TestOldValuesDecode(t *testing.T) {
	for _, tc := range oldValues {
		t.Run(tc.name, func(t *testing.T) {
			got, err := decodeValue(tc.value)
			if err != nil {
				t.Fatalf("decodeValue: %v", err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("decodeValue:\n got %#v\nwant %#v", got, tc.want)
			}
			v, err := encodeValue(got)
			if err != nil {
				t.Fatalf("encodeValue: %v", err)
			}
			if tc.same && v != tc.value {
				t.Errorf("encodeValue writes\n%s\nnot the old value\n%s", v, tc.value)
			}
			if again, err := decodeValue(v); err != nil || !reflect.DeepEqual(again, tc.want) {
				t.Errorf("decodeValue of the value written again: %#v, %v", again, err)
			}
		})
	}
}

// TestOldStoreOpens opens a store file holding only old values.
func TestOldStoreOpens(t *testing.T) {
	file := appendSet(nil, metaSchemaKey, strconv.Itoa(SchemaVersion), 0)
	for _, tc := range oldValues {
		file = appendSet(file, annotationKey(tc.want.ID), tc.value, 0)
	}
	path := writeFile(t, file)
	s, rec, err := Open(path)
	if err != nil || rec != nil {
		t.Fatalf("Open: %v (repair: %v)", err, rec)
	}
	defer s.Close()
	list, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != len(oldValues) {
		t.Fatalf("List: %d annotations, want %d", len(list), len(oldValues))
	}
	for i, tc := range oldValues {
		if !reflect.DeepEqual(list[i], tc.want) {
			t.Errorf("%s:\n got %#v\nwant %#v", tc.name, list[i], tc.want)
		}
	}
	in, err := s.InView(orb.Bound{Min: orb.Point{-9, 12}, Max: orb.Point{-7, 13}})
	if err != nil || len(in) != 1 || in[0].ID != oldValues[1].want.ID {
		t.Errorf("InView around Bamako: %v, %v", ids(in), err)
	}
}
