package geo

import (
	"testing"

	"github.com/paulmach/orb"

	"github.com/sahelatlas/sahelatlas/assets"
)

// BenchmarkLoadAtlas decodes every embedded scale from scratch, as the first
// LoadAtlas does.
func BenchmarkLoadAtlas(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := decodeAtlas(assets.Boundaries); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNeighbours finds every land border in the 10m geometry, as the
// first Neighbours call does.
func BenchmarkNeighbours(b *testing.B) {
	a := testAtlas(b)
	b.ReportAllocs()
	for b.Loop() {
		fresh := &Atlas{countries: a.countries, geometry: a.geometry} // no borders found yet
		fresh.findNeighbours()
	}
}

func BenchmarkProjected(b *testing.B) {
	a := testAtlas(b)
	for _, name := range []string{"world", "sahel"} {
		v := testView(b, a, name, 1920, 1080, 1)
		b.Run(name+"/cold", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				a.projected = projectedCache{}
				a.Projected(v)
			}
		})
		b.Run(name+"/pan", func(b *testing.B) {
			// The zoom level is cached; each view is new.
			a.projected = projectedCache{}
			a.Projected(v)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				a.Projected(v.Pan(float64(i%50), 0))
			}
		})
		b.Run(name+"/warm", func(b *testing.B) {
			a.Projected(v)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				a.Projected(v)
			}
		})
	}
}

func BenchmarkAt(b *testing.B) {
	a := testAtlas(b)
	points := []orb.Point{{-8.0029, 12.6392}, {37.2164, 19.6158}, {2.3522, 48.8566}, {2.1254, 13.5116}, {-30, 20}, {100, 60}}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		a.At(points[i%len(points)])
	}
}
