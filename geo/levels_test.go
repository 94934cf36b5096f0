package geo

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"github.com/sahelatlas/sahelatlas/assets"
)

// TestLevelsMatchBoundaries: the embedded levels file holds what the atlas
// would work out from the embedded boundaries (regenerate it with
// assets/gen/levels when they change): the same neighbours, and every
// precomputed level as simplified() makes it, each vertex within half a
// grid step.
func TestLevelsMatchBoundaries(t *testing.T) {
	loaded, err := LoadAtlas()
	if err != nil {
		t.Fatal(err)
	}
	if loaded.levels == nil {
		t.Fatal("no levels file is embedded: run go run ./assets/gen/levels")
	}
	fresh, err := decodeAtlas(assets.Boundaries) // no levels file: works everything out
	if err != nil {
		t.Fatal(err)
	}
	fresh.findNeighbours()
	for i, c := range fresh.countries {
		if l := loaded.countries[i]; *l != *c {
			t.Fatalf("country %d: the levels file has %+v, the boundaries %+v", i, *l, *c)
		}
		for _, lod := range lods {
			if loaded.bounds[lod][i] != fresh.bounds[lod][i] {
				t.Errorf("%s at %s: bound %v in the levels file, %v in the boundaries", c.Code, lod, loaded.bounds[lod][i], fresh.bounds[lod][i])
			}
		}
		if !slices.Equal(loaded.levels.neighbours[i], fresh.neighbours[i]) {
			t.Errorf("%s: embedded neighbours %v, the boundaries give %v", c.Code, loaded.levels.neighbours[i], fresh.neighbours[i])
		}
	}
	for _, k := range precomputed() {
		pre := loaded.levels.level(k, len(fresh.countries))
		if pre == nil {
			t.Fatalf("level %s step %d missing from the levels file", k.lod, k.step)
		}
		tol := levelGrid(k.step).Scale[0]/2 + 1e-12
		for i, c := range fresh.countries {
			want := simplified(fresh.geometry[k.lod][i], math.Exp2(-float64(k.step)/2))
			if len(pre[i]) != len(want) {
				t.Fatalf("%s step %d %s: %d polygons, simplify gives %d", k.lod, k.step, c.Code, len(pre[i]), len(want))
			}
			for j := range want {
				for r := range want[j].polygon {
					got, w := pre[i][j].polygon[r], want[j].polygon[r]
					if len(got) != len(w) {
						t.Fatalf("%s step %d %s ring %d.%d: %d points, want %d", k.lod, k.step, c.Code, j, r, len(got), len(w))
					}
					for p := range w {
						if math.Abs(got[p][0]-w[p][0]) > tol || math.Abs(got[p][1]-w[p][1]) > tol {
							t.Fatalf("%s step %d %s: point %v, want %v", k.lod, k.step, c.Code, got[p], w[p])
						}
					}
				}
			}
		}
	}
}

// TestReadLevelsRefuses: a levels file that is not one, is cut short or
// was made for other boundaries is refused with an error saying how to
// regenerate it; none at all is fine.
func TestReadLevelsRefuses(t *testing.T) {
	good := assets.Levels()
	if f, err := readLevels(nil); f != nil || err != nil {
		t.Errorf("no levels file: %v, %v; want nil, nil", f, err)
	}
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"not a levels file", []byte("SAB1 something else")},
		{"cut short", good[:len(good)/2]},
		{"codes out of order", append([]byte("SAL1\x02"), append(country("MLI"), country("ABW")...)...)},
		{"bytes left over", append(slices.Clone(good), 0)},
	} {
		t.Run(c.name, func(t *testing.T) {
			f, err := readLevels(c.data)
			if err == nil || f != nil || !strings.Contains(err.Error(), "assets/gen/levels") {
				t.Errorf("readLevels = %v, %v; want an error naming assets/gen/levels", f, err)
			}
		})
	}
}

// country is one country of a levels file's table with no neighbours.
func country(code string) []byte {
	b := append([]byte{byte(len(code))}, code...)
	b = append(b, 0, 0) // no numeric, no name
	b = append(b, make([]byte, 3*4*8)...)
	return append(b, 0)
}

// TestAtlasDecodesBoundariesWhenNeeded: an atlas made from the levels file
// draws the common views and finds neighbours without decoding the
// boundaries, and decodes them when a point is looked up.
func TestAtlasDecodesBoundariesWhenNeeded(t *testing.T) {
	a, err := loadAtlas(assets.Boundaries, assets.Levels())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		view string
		w, h int
	}{{"sahel", 1920, 1080}, {"sahel", 320, 180}, {"world", 1920, 1080}, {"world", 320, 180}, {"mali", 856, 578}, {"mali", 320, 180}} {
		b, err := ViewBound(c.view, a)
		if err != nil {
			t.Fatal(err)
		}
		if got := a.Projected(Fit(b, c.w, c.h, 1)); len(got) == 0 {
			t.Fatalf("%s at %d×%d: no countries drawn", c.view, c.w, c.h)
		}
	}
	if n := a.Neighbours("MLI"); !slices.Contains(n, "NER") {
		t.Errorf("neighbours of Mali %v: no Niger", n)
	}
	if a.geometry[LOD10m] != nil {
		t.Fatal("the boundaries were decoded for views the levels file holds")
	}
	if c := a.At(orb.Point{-8.0, 12.65}); c == nil || c.Code != "MLI" {
		t.Errorf("At(Bamako) = %v, want Mali", c)
	}
	if a.geometry[LOD10m] == nil {
		t.Error("At found a country without the boundaries decoded")
	}
}
