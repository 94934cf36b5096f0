package overlay

import (
	"fmt"
	"image"
	"testing"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
	"github.com/sahelatlas/sahelatlas/geo/render"
)

// benchViews are the peer's frames: 1920×1080, Sahel/Europe and world.
var benchViews = []string{"sahel", "world"}

// benchView returns the named view at 1920×1080.
func benchView(b *testing.B, name string) geo.Viewport {
	b.Helper()
	atlas, err := geo.LoadAtlas()
	if err != nil {
		b.Fatal(err)
	}
	bound, err := geo.ViewBound(name, atlas)
	if err != nil {
		b.Fatal(err)
	}
	return geo.Fit(bound, 1920, 1080, 1)
}

// benchMap returns the base map with its cache warmed for v.
func benchMap(b *testing.B, v geo.Viewport) *render.Map {
	b.Helper()
	atlas, err := geo.LoadAtlas()
	if err != nil {
		b.Fatal(err)
	}
	m := render.New(atlas, render.Options{})
	m.Render(nil, v)
	return m
}

// frameRaster is a Raster onto a frame of v's size, reused from frame to
// frame as the window's renderer reuses its own.
func frameRaster(v geo.Viewport) *draw.Raster {
	w, h := v.PixelSize()
	return draw.NewRaster(image.NewRGBA(image.Rect(0, 0, w, h)))
}

var synthetic100k *data.Dataset

func benchDataset() *data.Dataset {
	if synthetic100k == nil {
		synthetic100k = data.SyntheticEvents(100_000, 1)
	}
	return synthetic100k
}

// BenchmarkSliderStep is one step of the date slider with 100,000
// synthetic events, rendered over a copy of the cached base map at
// 1920×1080 by render.Map. The window is a year moved by a month a step,
// or the whole 26 years (every event) moved by a day. "query" is the step
// as the UI may do it: Dataset.Query for the window, then SetEvents on the
// event and visit layers; "window" gives the layers every event once and
// moves the window with SetWindow.
func BenchmarkSliderStep(b *testing.B) {
	d := benchDataset()
	for _, name := range benchViews {
		for _, win := range []struct {
			name       string
			days, step int
		}{{"year", 365, 30}, {"all", 26 * 366, 1}} {
			for _, how := range []string{"query", "window"} {
				b.Run(fmt.Sprintf("%s/%s/%s", name, win.name, how), func(b *testing.B) {
					v := benchView(b, name)
					m := benchMap(b, v)
					events := NewEventLayer()
					visits := NewVisitLayer(d)
					r := frameRaster(v)
					from := data.D(2010, 1, 1)
					if win.name == "all" {
						from = data.D(2000, 1, 1)
					}
					events.SetEvents(d.Events, data.Date{}, data.Date{}) // the layer has seen them
					visits.SetEvents(d.Events, data.Date{}, data.Date{})
					b.ReportAllocs()
					b.ResetTimer()
					for i := 0; b.Loop(); i++ {
						f := from.AddDays((i % 60) * win.step)
						t := f.AddDays(win.days)
						if how == "query" {
							sel := d.Query(f, t, data.Filter{})
							events.SetEvents(sel, f, t)
							visits.SetEvents(sel, f, t)
						} else {
							events.SetWindow(f, t)
							visits.SetEvents(nil, f, t) // no synthetic visit has an origin
						}
						m.RenderTo(r, v, visits, events)
					}
				})
			}
		}
	}
}

// BenchmarkSetEvents100k gives the event layer 100,000 events, as a slider
// step over the whole time span does, once it has seen them.
func BenchmarkSetEvents100k(b *testing.B) {
	d := benchDataset()
	l := NewEventLayer()
	l.SetEvents(d.Events, data.Date{}, data.Date{})
	from, to := data.D(2000, 1, 1), data.D(2025, 12, 31)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		l.SetEvents(d.Events, from, to)
	}
}

// BenchmarkEventLayer100k draws all 100,000 synthetic events, clustered
// and (as Mapnik's dots are) one symbol each, onto a 1920×1080 raster for
// a new viewport each time, so the layout is made afresh every frame.
func BenchmarkEventLayer100k(b *testing.B) {
	d := benchDataset()
	for _, name := range benchViews {
		for _, clustered := range []bool{true, false} {
			b.Run(fmt.Sprintf("%s/clustered=%v", name, clustered), func(b *testing.B) {
				v := benchView(b, name)
				l := NewEventLayer()
				l.SetClustering(clustered)
				l.SetEvents(d.Events, data.Date{}, data.Date{})
				w, h := v.PixelSize()
				img := image.NewRGBA(image.Rect(0, 0, w, h))
				r := draw.NewRaster(img)
				b.ReportAllocs()
				b.ResetTimer()
				for i := 0; b.Loop(); i++ {
					vv := v.Pan(float64(i%7), 0) // a new layout every frame (the layer keeps two)
					l.Draw(r, vv)
				}
			})
		}
	}
}

// BenchmarkFullFrame100k renders a whole frame from nothing: base map
// (countries, borders, names) and 100,000 event symbols, as the peer's
// full_world and full_sahel cases do.
func BenchmarkFullFrame100k(b *testing.B) {
	d := benchDataset()
	for _, name := range benchViews {
		for _, clustered := range []bool{true, false} {
			b.Run(fmt.Sprintf("%s/clustered=%v", name, clustered), func(b *testing.B) {
				v := benchView(b, name)
				atlas, err := geo.LoadAtlas()
				if err != nil {
					b.Fatal(err)
				}
				l := NewEventLayer()
				l.SetClustering(clustered)
				l.SetEvents(d.Events, data.Date{}, data.Date{})
				m := render.New(atlas, render.Options{})
				r := frameRaster(v)
				m.RenderTo(r, v, l)
				b.ReportAllocs()
				b.ResetTimer()
				for i := 0; b.Loop(); i++ {
					vv := v.Pan(float64(i%7), 0) // neither base nor layout cached
					m.RenderTo(r, vv, l)
				}
			})
		}
	}
}

// BenchmarkHitTest is a hover over the clustered 100,000 events and the
// visit arcs of the bundled dataset, for the viewport last drawn.
func BenchmarkHitTest(b *testing.B) {
	d := benchDataset()
	v := benchView(b, "sahel")
	l := NewEventLayer()
	l.SetEvents(d.Events, data.Date{}, data.Date{})
	w, h := v.PixelSize()
	l.Draw(draw.NewRaster(image.NewRGBA(image.Rect(0, 0, w, h))), v)
	b.Run("events", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			l.HitTest(v, float64(i*37%w), float64(i*91%h))
		}
	})
	bundled, err := data.LoadBundled()
	if err != nil {
		b.Fatal(err)
	}
	vl := NewVisitLayer(bundled)
	vl.SetEvents(bundled.Events, data.Date{}, data.Date{})
	vl.Draw(draw.NewRaster(image.NewRGBA(image.Rect(0, 0, w, h))), v)
	b.Run("arcs", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			vl.HitTest(v, float64(i*37%w), float64(i*91%h))
		}
	})
}

// BenchmarkSliderStepNamed is SliderStep's "window" step over a year of
// the 100,000 synthetic events with the places of the events named, as
// the window names them: the busiest maxSiteNames places a frame, the
// first maxMustPlaces on leader lines when no room is left beside them.
func BenchmarkSliderStepNamed(b *testing.B) {
	d := benchDataset()
	for _, name := range benchViews {
		b.Run(name, func(b *testing.B) {
			v := benchView(b, name)
			m := benchMap(b, v)
			events := NewEventLayer()
			events.SetPlaces(d)
			r := frameRaster(v)
			from := data.D(2010, 1, 1)
			events.SetEvents(d.Events, data.Date{}, data.Date{})
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				f := from.AddDays((i % 60) * 30)
				events.SetWindow(f, f.AddDays(365))
				m.RenderTo(r, v, events)
			}
		})
	}
}
