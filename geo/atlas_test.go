package geo

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

func testAtlas(t testing.TB) *Atlas {
	t.Helper()
	a, err := LoadAtlas()
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestAt(t *testing.T) {
	a := testAtlas(t)
	cases := []struct {
		name string
		p    orb.Point
		want string // "" for sea
	}{
		{"Bamako", orb.Point{-8.0029, 12.6392}, "MLI"},
		{"Port Sudan", orb.Point{37.2164, 19.6158}, "SDN"},
		{"Paris", orb.Point{2.3522, 48.8566}, "FRA"},
		{"Niamey", orb.Point{2.1254, 13.5116}, "NER"},
		{"Abidjan", orb.Point{-4.0083, 5.3600}, "CIV"},
		{"Khartoum", orb.Point{32.5599, 15.5007}, "SDN"},
		{"Chukotka west of 180°", orb.Point{175, 67}, "RUS"},
		{"Chukotka east of 180°", orb.Point{-172, 66}, "RUS"},
		{"Suva", orb.Point{178.44, -18.14}, "FJI"},
		{"Atlantic", orb.Point{-30, 20}, ""},
		{"Gulf of Guinea", orb.Point{2, 2}, ""},
		{"NaN latitude", orb.Point{-8, math.NaN()}, ""},
		{"NaN longitude", orb.Point{math.NaN(), 12.6}, ""},
		{"infinite latitude", orb.Point{-8, math.Inf(1)}, ""},
		{"infinite longitude", orb.Point{math.Inf(-1), 12.6}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := a.At(tc.p)
			switch {
			case tc.want == "" && got != nil:
				t.Errorf("At(%v) = %s, want nil (sea)", tc.p, got.Code)
			case tc.want != "" && (got == nil || got.Code != tc.want):
				t.Errorf("At(%v) = %v, want %s", tc.p, got, tc.want)
			}
		})
	}
}

func TestCountries(t *testing.T) {
	a := testAtlas(t)
	cs := a.Countries()
	if len(cs) < 250 {
		t.Fatalf("%d countries, want all of Natural Earth's 255", len(cs))
	}
	seen := map[string]bool{}
	for i, c := range cs {
		if len(c.Code) != 3 || strings.ToUpper(c.Code) != c.Code {
			t.Errorf("country %d (%q) has code %q, want three capital letters", i, c.Name, c.Code)
		}
		if seen[c.Code] {
			t.Errorf("code %s used twice", c.Code)
		}
		seen[c.Code] = true
		if c.Name == "" || strings.Contains(c.Name, ".") {
			t.Errorf("%s has name %q, want a full English name", c.Code, c.Name)
		}
		if i > 0 && cs[i-1].Code >= c.Code {
			t.Errorf("countries not sorted by code: %s before %s", cs[i-1].Code, c.Code)
		}
		if c.Bound.IsEmpty() || c.Bound.Min[0] < -180 || c.Bound.Max[0] > 180 {
			t.Errorf("%s has bound %v, want a non-empty one within ±180°", c.Code, c.Bound)
		}
		for _, lod := range lods {
			if len(a.Geometry(c, lod)) == 0 {
				t.Errorf("%s has no geometry at %s", c.Code, lod)
			}
		}
	}
}

func TestCountry(t *testing.T) {
	a := testAtlas(t)
	cases := []struct {
		code, name string
	}{
		{"CIV", "Côte d'Ivoire"},
		{"civ", "Côte d'Ivoire"},
		{"MLI", "Mali"},
		{"SSD", "South Sudan"},
		{"CAF", "Central African Republic"},
		{"COD", "Democratic Republic of the Congo"},
		{"KOS", "Kosovo"},
		{"SOL", "Somaliland"},
		{"CYN", "Northern Cyprus"},
		{"XXX", ""},
		{"", ""},
	}
	for _, tc := range cases {
		c := a.Country(tc.code)
		switch {
		case tc.name == "" && c != nil:
			t.Errorf("Country(%q) = %s, want nil", tc.code, c.Code)
		case tc.name != "" && (c == nil || c.Name != tc.name):
			t.Errorf("Country(%q) = %+v, want name %q", tc.code, c, tc.name)
		}
	}
}

func TestGeometryLevels(t *testing.T) {
	a := testAtlas(t)
	mli := a.Country("MLI")
	var counts []int
	for _, lod := range lods {
		n := 0
		for _, p := range a.Geometry(mli, lod) {
			for _, r := range p {
				n += len(r)
			}
		}
		counts = append(counts, n)
	}
	if !slices.IsSorted(counts) || counts[0] == counts[2] {
		t.Errorf("Mali has %v vertices at 110m, 50m, 10m; want more at finer scales", counts)
	}
	if a.Geometry(nil, LOD10m) != nil || a.Geometry(mli, LOD(7)) != nil {
		t.Error("Geometry of a nil country or unknown LOD is not nil")
	}
	// Andorra is too small for 110m: it comes from 50m.
	and := a.Country("AND")
	if got, want := a.Geometry(and, LOD110m), a.Geometry(and, LOD50m); len(got) == 0 || !got.Equal(want) {
		t.Errorf("Andorra at 110m = %d polygons, want the 50m geometry", len(got))
	}
}

func TestLODForZoom(t *testing.T) {
	prev := LOD110m
	for z := -1.0; z <= 20; z += 0.25 {
		lod := LODForZoom(z)
		if lod < prev {
			t.Errorf("LODForZoom(%g) = %s, coarser than %s at a lower zoom", z, lod, prev)
		}
		prev = lod
	}
	if LODForZoom(0) != LOD110m || LODForZoom(MaxZoom) != LOD10m {
		t.Errorf("LODForZoom(0) = %s, LODForZoom(%g) = %s; want 110m and 10m", LODForZoom(0), MaxZoom, LODForZoom(MaxZoom))
	}
}

func TestDecodeAtlasErrors(t *testing.T) {
	cases := []struct {
		name  string
		files func(string) []byte
	}{
		{"missing", func(string) []byte { return nil }},
		{"damaged 50m", func(s string) []byte {
			if s == "50m" {
				return []byte("SAB1 not really")
			}
			return nil
		}},
	}
	for _, tc := range cases {
		if _, err := decodeAtlas(tc.files); err == nil || !strings.HasPrefix(err.Error(), "geo: ") {
			t.Errorf("%s: error %v, want one starting with geo:", tc.name, err)
		}
	}
}

// TestAtAgreesWithPlanar checks the ring index At uses against orb's
// planar.MultiPolygonContains on a grid of points over Africa and Europe.
func TestAtAgreesWithPlanar(t *testing.T) {
	a := testAtlas(t)
	for lon := -20.0; lon <= 60; lon += 3.7 {
		for lat := -10.0; lat <= 70; lat += 2.9 {
			p := orb.Point{lon, lat}
			var want *Country
			for _, c := range a.Countries() {
				if c.Bound.Contains(p) && planar.MultiPolygonContains(a.Geometry(c, LOD10m), p) {
					want = c
					break
				}
			}
			if got := a.At(p); got != want {
				t.Errorf("At(%v) = %v, planar.MultiPolygonContains says %v", p, got, want)
			}
		}
	}
}
