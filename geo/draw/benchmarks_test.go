package draw

import (
	"bytes"
	"image"
	"image/png"
	"io"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/paulmach/orb"
)

// randomPoints is n seeded points inside w×h.
func randomPoints(n, w, h int) []orb.Point {
	rng := rand.New(rand.NewPCG(1, 2))
	pts := make([]orb.Point, n)
	for i := range pts {
		pts[i] = orb.Point{rng.Float64() * float64(w), rng.Float64() * float64(h)}
	}
	return pts
}

func BenchmarkRasterMarkers100k(b *testing.B) {
	r := NewRaster(image.NewRGBA(image.Rect(0, 0, 1920, 1080)))
	pts := randomPoints(100_000, 1920, 1080)
	m := Marker{Shape: Circle, Size: 4, Fill: red}
	r.Marker(0, 0, m) // render the stamp before timing
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, p := range pts {
			r.Marker(p[0], p[1], m)
		}
	}
}

// star is a ragged closed ring of n points around the centre of w×h, a
// stand-in for a large country.
func star(n, w, h int) orb.Ring {
	ring := make(orb.Ring, 0, n+1)
	cx, cy := float64(w)/2, float64(h)/2
	for i := 0; i < n; i++ {
		a := 2 * math.Pi * float64(i) / float64(n)
		rad := float64(h) / 2 * (0.7 + 0.3*math.Sin(float64(i)*0.37))
		ring = append(ring, orb.Point{cx + 1.6*rad*math.Cos(a), cy + rad*math.Sin(a)})
	}
	return append(ring, ring[0])
}

func BenchmarkRasterFillBig(b *testing.B) {
	r := NewRaster(image.NewRGBA(image.Rect(0, 0, 1920, 1080)))
	p := Path{orb.LineString(star(20_000, 1920, 1080))}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		r.FillPath(p, red)
	}
}

func BenchmarkRasterStrokeBig(b *testing.B) {
	r := NewRaster(image.NewRGBA(image.Rect(0, 0, 1920, 1080)))
	p := Path{orb.LineString(star(20_000, 1920, 1080))}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		r.StrokePath(p, 0.5, black)
	}
}

func BenchmarkRasterText(b *testing.B) {
	r := NewRaster(image.NewRGBA(image.Rect(0, 0, 400, 100)))
	st := TextStyle{Size: 14, Colour: black, Halo: white}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		r.Text(200, 50, "Tombouctou", st)
	}
}

func BenchmarkSVGMarkers100k(b *testing.B) {
	pts := randomPoints(100_000, 1920, 1080)
	m := Marker{Shape: Circle, Size: 4, Fill: red}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		s := NewSVG(io.Discard, 1920, 1080)
		for _, p := range pts {
			s.Marker(p[0], p[1], m)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// mapLike is a 1920×1080 frame of flat fills with anti-aliased edges.
func mapLike() *image.RGBA {
	r := NewRaster(image.NewRGBA(image.Rect(0, 0, 1920, 1080)))
	r.Clear(white)
	r.FillPath(Path{orb.LineString(star(2000, 1920, 1080))}, red)
	r.StrokePath(Path{orb.LineString(star(3000, 1500, 900))}, 0.6, black)
	return r.Image()
}

func BenchmarkEncodePNG(b *testing.B) {
	img := mapLike()
	var buf bytes.Buffer
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		buf.Reset()
		if err := EncodePNG(&buf, img); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes")
}

// BenchmarkEncodePNGStdlib is image/png at BestSpeed on the same frame.
func BenchmarkEncodePNGStdlib(b *testing.B) {
	img := mapLike()
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		buf.Reset()
		if err := enc.Encode(&buf, img); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes")
}
