package store

import (
	"math/rand/v2"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/sahelatlas/sahelatlas/data"
)

// BenchmarkSave measures one annotation save, fsync'd (SyncPolicy Always
// plus the store's own fsync), on the disk under the test's temp folder,
// and reports the 99th percentile as p99-ms.
func BenchmarkSave(b *testing.B) {
	s, _ := openTest(b)
	a := sample(2)
	a.Text = "A few lines of notes,\nas an analyst writes them,\nabout a meeting in Niamey."
	times := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a.ID = ""
		start := time.Now()
		if _, err := s.Add(a); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
	}
	b.StopTimer()
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	b.ReportMetric(float64(times[len(times)*99/100].Microseconds())/1000, "p99-ms")
}

// viewStore fills a store with n annotations spread like the performance
// notes' events (lon -18..40, lat 0..40): points, lines and areas.
func viewStore(b *testing.B, n int) *Store {
	path := filepath.Join(b.TempDir(), "workspace.db")
	s, _, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	rng := rand.New(rand.NewPCG(1, 2))
	batch := make([]data.Annotation, 0, 1000)
	for i := 0; i < n; i++ {
		a := sample(i)
		lon, lat := -18+rng.Float64()*58, rng.Float64()*40
		switch g := a.Geometry.(type) {
		case orb.Point:
			a.Geometry = orb.Point{lon, lat}
		case orb.LineString:
			a.Geometry = orb.LineString{{lon, lat}, {lon + 0.3, lat + 0.2}}
		case orb.Polygon:
			_ = g
			a.Geometry = orb.Polygon{{{lon, lat}, {lon + 0.2, lat}, {lon + 0.2, lat + 0.2}, {lon, lat + 0.2}, {lon, lat}}}
		}
		a.ID = data.NewAnnotationID()
		batch = append(batch, a)
		if len(batch) == cap(batch) || i == n-1 {
			if err := s.PutAll(batch); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	return s
}

// BenchmarkInView measures the viewport query over 100,000 annotations:
// a city-scale view (2°×2°, about 170 annotations) and a country-scale
// view (10°×10°, about 4,300). The first query of each view fills the
// decoded-annotation cache; the timed ones are the map's redraws.
func BenchmarkInView(b *testing.B) {
	s := viewStore(b, 100_000)
	for _, v := range []struct {
		name string
		b    orb.Bound
	}{
		{"city-2deg", orb.Bound{Min: orb.Point{-9, 11.5}, Max: orb.Point{-7, 13.5}}},
		{"country-10deg", orb.Bound{Min: orb.Point{-12, 10}, Max: orb.Point{-2, 20}}},
	} {
		b.Run(v.name, func(b *testing.B) {
			got, err := s.InView(v.b)
			if err != nil || len(got) == 0 {
				b.Fatalf("InView: %d, %v", len(got), err)
			}
			b.ReportMetric(float64(len(got)), "annotations")
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := s.InView(v.b); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkOpen measures opening a store of 100,000 annotations: the
// store's own check of the file, buntdb's load and the spatial index.
func BenchmarkOpen(b *testing.B) {
	s := viewStore(b, 100_000)
	path := s.Path()
	s.Close()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s, rec, err := Open(path)
		if err != nil || rec != nil {
			b.Fatal(err, rec)
		}
		s.Close()
	}
}
