package store

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/sahelatlas/sahelatlas/data"
)

func TestGeoJSONRoundTrip(t *testing.T) {
	s, _ := openTest(t)
	var want []data.Annotation
	for i := 0; i < 9; i++ {
		a := sample(i)
		if i == 4 {
			a.Tags, a.Text, a.Colour, a.Author = nil, "", "", "" // the empty fields round-trip too
		}
		a, err := s.Add(a)
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, a)
	}
	file, err := EncodeGeoJSON(want)
	if err != nil {
		t.Fatal(err)
	}
	got, err := DecodeGeoJSON(file)
	if err != nil {
		t.Fatalf("DecodeGeoJSON of our own export: %v", err)
	}
	if len(got) != len(want) {
		t.Fatalf("%d annotations back, want %d", len(got), len(want))
	}
	for i := range want {
		sameAnnotation(t, got[i], want[i])
	}
	// Import into a second store and export again: the same bytes.
	s2, _ := openTest(t)
	if err := s2.PutAll(got); err != nil {
		t.Fatal(err)
	}
	list, _ := s2.List()
	again, _ := EncodeGeoJSON(list)
	if string(again) != string(file) {
		t.Errorf("export after import differs:\n%s\nwant\n%s", again, file)
	}
}

func TestDecodeGeoJSONForeign(t *testing.T) {
	const clockwise = `{"type":"FeatureCollection","crs":{"type":"name"},"features":[
	 {"type":"Feature","geometry":{"type":"Point","coordinates":[-1.5,12.4]},"properties":{"name":"Ouagadougou","tags":"a, b"}},
	 {"type":"Feature","id":7,"geometry":{"type":"Polygon","coordinates":[[[0,0],[0,1],[1,1],[1,0],[0,0]]]},"properties":{"title":"Box","from":"2024-01-05"}}]}`
	as, err := DecodeGeoJSON([]byte(clockwise))
	if err != nil {
		t.Fatal(err)
	}
	if as[0].Title != "Ouagadougou" || strings.Join(as[0].Tags, "|") != "a|b" || !data.ValidAnnotationID(as[0].ID) {
		t.Errorf("first feature: %+v", as[0])
	}
	if o := as[1].Geometry.(orb.Polygon)[0].Orientation(); o != orb.CCW {
		t.Errorf("outer ring orientation %v, want counter-clockwise", o)
	}
	if as[1].From != as[1].To || as[1].From != data.D(2024, time.January, 5) {
		t.Errorf("single date: from %v to %v", as[1].From, as[1].To)
	}
}

func TestDecodeGeoJSONRejects(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"not geojson", `{"a":1`, "not a GeoJSON"},
		{"out of range", `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[200,95]},"properties":{"title":"x"}}]}`, "feature 1"},
		{"no title", `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[2,5]},"properties":{}}]}`, "no title"},
		{"open ring", `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]},"properties":{"title":"x"}}]}`, "closed"},
		{"bad date", `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[2,5]},"properties":{"title":"x","from":"yesterday"}}]}`, "from"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := DecodeGeoJSON([]byte(tc.in))
			if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("error %v, want one line containing %q", err, tc.want)
			}
			var ie *ImportError
			if tc.name != "not geojson" && !errors.As(err, &ie) {
				t.Errorf("error is not an *ImportError: %T", err)
			}
		})
	}
}
