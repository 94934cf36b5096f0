package geo

import (
	"math"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

func testView(t testing.TB, a *Atlas, name string, width, height int, scale float64) Viewport {
	t.Helper()
	b, err := ViewBound(name, a)
	if err != nil {
		t.Fatal(err)
	}
	return Fit(b, width, height, scale)
}

func projectedByCode(ps []ProjectedCountry) map[string]orb.MultiPolygon {
	m := map[string]orb.MultiPolygon{}
	for _, p := range ps {
		m[p.Country.Code] = p.Polygons
	}
	return m
}

func TestProjectedNoStreaks(t *testing.T) {
	a := testAtlas(t)
	cases := []struct {
		name          string
		width, height int
		scale         float64
		lod           LOD
	}{
		{"110m", 400, 250, 1, LOD110m},
		{"50m", 1920, 1080, 1, LOD50m},
		{"10m", 1920, 1080, 2.5, LOD10m},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			v := testView(t, a, "world", tc.width, tc.height, tc.scale)
			if lod := LODForZoom(v.Zoom + math.Log2(v.DeviceScale())); lod != tc.lod {
				t.Fatalf("world view at %d×%d×%g draws at %s, want %s", tc.width, tc.height, tc.scale, lod, tc.lod)
			}
			w, _ := v.PixelSize()
			byCode := projectedByCode(a.Projected(v))
			for _, code := range []string{"RUS", "FJI", "USA", "NZL"} {
				mp := byCode[code]
				if len(mp) == 0 {
					t.Errorf("%s is missing from the world view", code)
				}
				for _, p := range mp {
					for _, r := range p {
						for i := 1; i < len(r); i++ {
							if d := math.Abs(r[i][0] - r[i-1][0]); d > float64(w)/2 {
								t.Errorf("%s has a segment %v→%v, %.0f px wide, in a %d px image", code, r[i-1], r[i], d, w)
							}
						}
					}
				}
			}
		})
	}
}

func TestProjectedInView(t *testing.T) {
	a := testAtlas(t)
	for _, name := range []string{"sahel", "world", "mali", "france"} {
		v := testView(t, a, name, 1280, 720, 1)
		w, h := v.PixelSize()
		ps := a.Projected(v)
		for _, pc := range ps {
			for _, p := range pc.Polygons {
				for _, r := range p {
					if len(r) < 3 {
						t.Errorf("%s: %s has a ring of %d points", name, pc.Country.Code, len(r))
					}
					for _, pt := range r {
						if pt[0] < -projectMargin || pt[1] < -projectMargin || pt[0] > float64(w)+projectMargin || pt[1] > float64(h)+projectMargin {
							t.Fatalf("%s: %s has point %v outside the %d×%d view and its margin", name, pc.Country.Code, pt, w, h)
						}
					}
				}
			}
		}
	}
}

func TestProjectedContents(t *testing.T) {
	a := testAtlas(t)
	v := testView(t, a, "sahel", 1920, 1080, 1)
	byCode := projectedByCode(a.Projected(v))
	for _, code := range []string{"MLI", "SDN", "FRA", "NER", "TCD", "DZA", "EGY"} {
		if len(byCode[code]) == 0 {
			t.Errorf("%s missing from the sahel view", code)
		}
	}
	for _, code := range []string{"USA", "AUS", "JPN", "CHN"} {
		if len(byCode[code]) != 0 {
			t.Errorf("%s drawn in the sahel view", code)
		}
	}
	cities := []struct {
		code string
		p    orb.Point
	}{
		{"MLI", orb.Point{-8.0029, 12.6392}},
		{"NER", orb.Point{2.1254, 13.5116}},
		{"SDN", orb.Point{32.5599, 15.5007}},
		{"FRA", orb.Point{2.3522, 48.8566}},
	}
	for _, c := range cities {
		x, y := v.Project(c.p)
		if !planar.MultiPolygonContains(byCode[c.code], orb.Point{x, y}) {
			t.Errorf("%v projects to %g, %g, outside projected %s", c.p, x, y, c.code)
		}
	}
}

func TestProjectedCache(t *testing.T) {
	a := testAtlas(t)
	v := testView(t, a, "sahel", 1600, 900, 1)
	first := a.Projected(v)
	if again := a.Projected(v); len(again) == 0 || &again[0] != &first[0] {
		t.Error("Projected for the same view again did not return the cached result")
	}
	// Panning reuses the level: a country inside both views moves by the pan, vertex for vertex.
	panned := a.Projected(v.Pan(40, -25))
	before, after := projectedByCode(first)["BFA"], projectedByCode(panned)["BFA"]
	if len(before) == 0 || len(before) != len(after) {
		t.Fatalf("Burkina Faso: %d polygons before the pan, %d after", len(before), len(after))
	}
	for i := range before {
		for j := range before[i] {
			if len(before[i][j]) != len(after[i][j]) {
				t.Fatalf("Burkina Faso ring %d.%d: %d points before the pan, %d after", i, j, len(before[i][j]), len(after[i][j]))
			}
			for k, p := range before[i][j] {
				q := after[i][j][k]
				if !near(q[0], p[0]+40, 1e-6) || !near(q[1], p[1]-25, 1e-6) {
					t.Fatalf("Burkina Faso point %v moved to %v, want %v", p, q, orb.Point{p[0] + 40, p[1] - 25})
				}
			}
		}
	}
}

func TestProjectedSimplifies(t *testing.T) {
	a := testAtlas(t)
	v := testView(t, a, "sahel", 1920, 1080, 1)
	raw := 0
	for _, p := range a.Geometry(a.Country("MLI"), LOD10m) {
		for _, r := range p {
			raw += len(r)
		}
	}
	drawn := 0
	for _, p := range projectedByCode(a.Projected(v))["MLI"] {
		for _, r := range p {
			drawn += len(r)
		}
	}
	if drawn == 0 || drawn*2 > raw {
		t.Errorf("Mali drawn with %d of its %d vertices at the sahel view, want well under half", drawn, raw)
	}
}

// TestConcurrentUse runs the lazily built parts of the atlas (ring indexes,
// borders, projection caches) from several goroutines at once; run it with
// -race.
func TestConcurrentUse(t *testing.T) {
	a := testAtlas(t)
	views := []Viewport{testView(t, a, "sahel", 800, 600, 1), testView(t, a, "world", 800, 600, 1), testView(t, a, "mali", 640, 480, 2)}
	done := make(chan [3]int)
	for g := range 4 {
		go func() {
			var got [3]int
			for i := range 5 {
				v := views[(g+i)%len(views)].Pan(float64(i), 0)
				got[0] += len(a.Projected(v))
				if a.At(orb.Point{-8.0029, 12.6392}) != nil {
					got[1]++
				}
				got[2] += len(a.Neighbours("SDN"))
			}
			done <- got
		}()
	}
	for range 4 {
		got := <-done
		if got[0] == 0 || got[1] != 5 || got[2] != 5*7 {
			t.Errorf("a goroutine saw %d projected countries, found Bamako %d of 5 times, %d of 35 Sudan neighbours", got[0], got[1], got[2])
		}
	}
}
