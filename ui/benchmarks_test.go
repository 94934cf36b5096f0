package ui

import (
	"fmt"
	"testing"
	"time"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/scene"
)

// BenchmarkWindowSliderStep is one step of the window's date slider with
// 100,000 and 1,000,000 events, as the window does it: on the UI goroutine the Explorer
// finds the events of the new window and a layer state is handed over; on
// the render goroutine the layers take it and the frame is drawn over the
// cached base map into a recycled image, at 1920×1080. Budget: 16 ms.
func BenchmarkWindowSliderStep(b *testing.B) {
	sc, err := scene.Load()
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{100_000, 1_000_000} {
		d := data.SyntheticEvents(n, 1)
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) { benchSliderStep(b, sc.WithData(d)) })
	}
}

// benchSliderStep steps the slider over sc's events in two views and two
// window widths.
func benchSliderStep(b *testing.B, sc *scene.Scene) {
	d := sc.Data
	for _, view := range []string{"sahel", "world"} {
		for _, win := range []struct {
			name       string
			days, step int
		}{{"year", 365, 7}, {"all", 27 * 366, 1}} {
			b.Run(fmt.Sprintf("%s/%s", view, win.name), func(b *testing.B) {
				bound, err := geo.ViewBound(view, sc.Atlas)
				if err != nil {
					b.Fatal(err)
				}
				v := geo.Fit(bound, 1920, 1080, 1)
				x := NewExplorer(d)
				first, _ := x.Span()
				layers, err := sc.NewLayers(first.AddDays(win.days))
				if err != nil {
					b.Fatal(err)
				}
				r := newSceneRenderer(sc.Map)
				step := func(i int) {
					from := first.AddDays((i % 100) * win.step)
					to := from.AddDays(win.days)
					x.SetWindow(from, to)
					r.pending.Store(&layerState{layers: *layers,
						filtered: x.Filtered(), filterGen: x.FilterGen(), visits: x.Visits(),
						from: x.From, to: x.To, overlays: layers.Overlays()})
					r.Recycle(r.Render(v))
				}
				step(0) // the first frame sets the layers and caches the base map
				b.ReportAllocs()
				b.ResetTimer()
				for i := 1; b.Loop(); i++ {
					step(i)
				}
			})
		}
	}
}

// BenchmarkWindowLoad is what the window does with --synthetic N once
// its first map is on screen, in parts (ms each, reported as metrics):
// make the events (data.SyntheticEvents, off the UI goroutine) and hand
// them to the window on the UI goroutine (setData: the Explorer, the
// timeline, the filters, the search).
func BenchmarkWindowLoad(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000} {
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			ui, q := newTestWindowQueue(b)
			q.next(b)
			for b.Loop() {
				t0 := time.Now()
				d := data.SyntheticEvents(n, int64(b.N))
				d.Span() // as loadSynthetic does, off the UI goroutine
				t1 := time.Now()
				ui.setData(d)
				t2 := time.Now()
				drain(q)
				b.ReportMetric(float64(t1.Sub(t0).Milliseconds()), "make-ms")
				b.ReportMetric(float64(t2.Sub(t1).Milliseconds()), "setData-ms")
			}
		})
	}
}
