package boundaries

import (
	"errors"
	"testing"

	"github.com/paulmach/orb"
)

// testGrid is the 10m world-atlas grid: 1e5 steps across the world.
var testGrid = Grid{Scale: orb.Point{360.0 / 99999, 170.0 / 99999}, Translate: orb.Point{-180, -85}}

func testCountries() []Country {
	g := func(i, j int) orb.Point {
		return orb.Point{float64(i)*testGrid.Scale[0] + testGrid.Translate[0], float64(j)*testGrid.Scale[1] + testGrid.Translate[1]}
	}
	return []Country{
		{Code: "CIV", Numeric: "384", Name: "Côte d'Ivoire", Geometry: orb.MultiPolygon{
			{{g(0, 0), g(10, 0), g(10, 10), g(0, 10), g(0, 0)}, {g(2, 2), g(2, 3), g(3, 3), g(2, 2)}},
			{{g(99999, 50), g(99990, 50), g(99990, 60), g(99999, 50)}},
		}},
		{Code: "KOS", Name: "Kosovo", Geometry: orb.MultiPolygon{{{g(500, 700), g(501, 700), g(501, 701), g(500, 700)}}}},
		{Code: "XXX", Name: "Empty"},
	}
}

func TestEncodeDecode(t *testing.T) {
	want := testCountries()
	data, err := Encode(nil, testGrid, want)
	if err != nil {
		t.Fatal(err)
	}
	grid, got, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if grid != testGrid {
		t.Errorf("grid = %v, want %v", grid, testGrid)
	}
	if len(got) != len(want) {
		t.Fatalf("decoded %d countries, want %d", len(got), len(want))
	}
	for i := range want {
		w, c := want[i], got[i]
		if c.Code != w.Code || c.Numeric != w.Numeric || c.Name != w.Name {
			t.Errorf("country %d = %q %q %q, want %q %q %q", i, c.Code, c.Numeric, c.Name, w.Code, w.Numeric, w.Name)
		}
		if len(c.Geometry) != len(w.Geometry) {
			t.Fatalf("%s: %d polygons, want %d", w.Code, len(c.Geometry), len(w.Geometry))
		}
		for j := range w.Geometry {
			if !c.Geometry[j].Equal(w.Geometry[j]) {
				t.Errorf("%s polygon %d = %v, want %v", w.Code, j, c.Geometry[j], w.Geometry[j])
			}
			if b := w.Geometry[j][0].Bound(); !c.Bounds[j].Equal(b) {
				t.Errorf("%s polygon %d bound = %v, want %v", w.Code, j, c.Bounds[j], b)
			}
		}
	}
}

func TestDecodeRingsDoNotShareCapacity(t *testing.T) {
	data, err := Encode(nil, testGrid, testCountries())
	if err != nil {
		t.Fatal(err)
	}
	_, got, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	first := got[0].Geometry[0][0]
	next := got[0].Geometry[0][1][0]
	_ = append(first, orb.Point{1, 1})
	if got[0].Geometry[0][1][0] != next {
		t.Errorf("appending to one ring changed the next ring's first point to %v", got[0].Geometry[0][1][0])
	}
}

func TestDecodeErrors(t *testing.T) {
	valid, err := Encode(nil, testGrid, testCountries())
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"wrong magic", append([]byte("XXXX"), valid[4:]...)},
		{"trailing byte", append(append([]byte{}, valid...), 0)},
		{"huge count", append(append([]byte{}, valid[:36]...), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f)},
	}
	for i := 0; i < len(valid); i++ {
		cases = append(cases, struct {
			name string
			data []byte
		}{"truncated", valid[:i]})
	}
	for _, tc := range cases {
		if _, _, err := Decode(tc.data); !errors.Is(err, ErrFormat) {
			t.Errorf("%s (%d bytes): error %v, want ErrFormat", tc.name, len(tc.data), err)
		}
	}
}

func TestEncodeRejectsBadGrid(t *testing.T) {
	if _, err := Encode(nil, Grid{}, testCountries()); err == nil {
		t.Error("Encode with a zero grid scale gave no error")
	}
}

func FuzzDecode(f *testing.F) {
	valid, err := Encode(nil, testGrid, testCountries())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(valid)
	f.Add(valid[:len(valid)/2])
	f.Fuzz(func(t *testing.T, data []byte) {
		_, countries, err := Decode(data)
		if err != nil {
			if !errors.Is(err, ErrFormat) {
				t.Errorf("error %v does not wrap ErrFormat", err)
			}
			return
		}
		again, err := Encode(nil, Grid{Scale: orb.Point{1, 1}}, countries)
		if err != nil || len(again) == 0 {
			t.Errorf("re-encoding decoded countries: %v", err)
		}
	})
}
