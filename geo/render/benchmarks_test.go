package render

import (
	"image"
	"testing"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
)

// benchmarkBase renders the base map of the named view at 1920×1080 with
// no cached base image: every iteration pans the view one more pixel, so
// Render redraws the base, and geo's cache of whole views misses too, so
// each frame also projects and clips the countries (as when the user drags
// the map); geo's simplified geometry per zoom level is reused. The time
// includes copying the frame out of the cache.
func benchmarkBase(b *testing.B, name string) {
	a := testAtlas(b)
	v := view(b, a, name)
	m := New(a, Options{Capitals: sahelCapitals})
	m.Render(nil, v) // warm the fonts, stamps and simplification
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		i++
		m.Render(nil, v.Pan(float64(i), 0))
	}
}

func BenchmarkBaseWorld(b *testing.B) { benchmarkBase(b, "world") }
func BenchmarkBaseSahel(b *testing.B) { benchmarkBase(b, "sahel") }

// benchmarkBaseDraw only draws: the same view every time, its projected
// geometry cached by geo, onto one reused Raster.
func benchmarkBaseDraw(b *testing.B, name string) {
	a := testAtlas(b)
	v := view(b, a, name)
	m := New(a, Options{Capitals: sahelCapitals})
	r := draw.NewRaster(image.NewRGBA(image.Rect(0, 0, 1920, 1080)))
	m.drawBase(r, v)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		m.drawBase(r, v)
	}
}

func BenchmarkBaseWorldDraw(b *testing.B) { benchmarkBaseDraw(b, "world") }
func BenchmarkBaseSahelDraw(b *testing.B) { benchmarkBaseDraw(b, "sahel") }

// BenchmarkRenderCachedBase is an overlay change: the base image is
// cached, so Render copies it and draws the (here empty) overlays.
func BenchmarkRenderCachedBase(b *testing.B) {
	a := testAtlas(b)
	v := view(b, a, "sahel")
	m := New(a, Options{Capitals: sahelCapitals})
	m.Render(nil, v)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		m.Render(nil, v)
	}
}

// BenchmarkNew is the cost of New: the focus countries' neighbours.
func BenchmarkNew(b *testing.B) {
	a := testAtlas(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		New(a, Options{Capitals: sahelCapitals})
	}
}

// BenchmarkSVGSahel writes the Sahel base map as SVG (10m geometry as geo
// simplifies it for the view: ≤ 1 px error).
func BenchmarkSVGSahel(b *testing.B) {
	a := testAtlas(b)
	v := view(b, a, "sahel")
	m := New(a, Options{Capitals: sahelCapitals})
	var n countingWriter
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		n = 0
		s := draw.NewSVG(&n, 1920, 1080)
		m.RenderTo(s, v)
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n), "bytes")
}

// BenchmarkPDFSahel writes the Sahel base map as an A4 landscape PDF.
func BenchmarkPDFSahel(b *testing.B) {
	a := testAtlas(b)
	v := view(b, a, "sahel")
	m := New(a, Options{Capitals: sahelCapitals})
	var n countingWriter
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		n = 0
		p := draw.NewPDF(1920, 1080, draw.PageA4Landscape)
		m.RenderTo(p, v)
		if err := p.Output(&n); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n), "bytes")
}

// countingWriter counts and discards what is written.
type countingWriter int

func (c *countingWriter) Write(p []byte) (int, error) {
	*c += countingWriter(len(p))
	return len(p), nil
}

// BenchmarkRenderToCachedBase is BenchmarkRenderCachedBase drawing into a
// reused image through one Raster, as the window does.
func BenchmarkRenderToCachedBase(b *testing.B) {
	a := testAtlas(b)
	v := view(b, a, "sahel")
	m := New(a, Options{Capitals: sahelCapitals})
	r := draw.NewRaster(m.Render(nil, v))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		m.RenderTo(r, v)
	}
}

// BenchmarkRivers draws the rivers and lakes alone, as every new base
// image does: the coarse level on a Sahel frame, the fine one on a Mali
// frame.
func BenchmarkRivers(b *testing.B) {
	a := testAtlas(b)
	for _, name := range []string{"sahel", "mali"} {
		b.Run(name, func(b *testing.B) {
			v := view(b, a, name)
			l := newRiversLayer()
			r := draw.NewRaster(image.NewRGBA(image.Rect(0, 0, 1920, 1080)))
			l.Draw(r, v)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				l.Draw(r, v)
			}
		})
	}
}

// BenchmarkNames places and draws the names of a Mali frame over a
// cached base map, with towns, as every frame of the window does once
// the overlays are drawn (here none).
func BenchmarkNames(b *testing.B) {
	a := testAtlas(b)
	v := view(b, a, "mali")
	m := New(a, Options{Capitals: sahelCapitals, Towns: func() []Town { return testTowns }})
	r := draw.NewRaster(m.Render(nil, v))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		drawNames(r, v, m.placeNames(r, v, nil))
	}
}

// BenchmarkSnapshotSahelSmall is what a 320×180 snapshot does with its
// map, from a new Map: counts the places left unnamed, then draws the
// Sahel frame once, with a few dozen event symbols and their names.
func BenchmarkSnapshotSahelSmall(b *testing.B) {
	a := testAtlas(b)
	bound, err := geo.ViewBound("sahel", a)
	if err != nil {
		b.Fatal(err)
	}
	v := geo.Fit(bound, 1920, 1080, 1.0/6)
	w, h := v.PixelSize()
	x, y := v.Project(orb.Point{-3, 14})
	events := grid(x, y, 6, 2, 4)
	b.ReportAllocs()
	for b.Loop() {
		m := New(a, Options{Capitals: sahelCapitals})
		c := draw.NewRaster(image.NewRGBA(image.Rect(0, 0, w, h)))
		m.UnnamedPlaces(c, v, events)
		m.RenderOnce(c, v, events)
	}
}
