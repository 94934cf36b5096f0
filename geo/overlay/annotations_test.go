package overlay

import (
	"fmt"
	"image"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
)

func TestAnnotationLayer(t *testing.T) {
	gossi := orb.Point{-1.3, 15.82}
	triBorder := orb.Polygon{{{0.5, 14.5}, {2.5, 14.5}, {2.5, 16}, {0.5, 16}, {0.5, 14.5}}}
	route := orb.LineString{{-8, 12.65}, {-4, 14.5}}
	as := []data.Annotation{
		{ID: "a", Geometry: gossi, Title: "Gossi", Colour: "#ff0000"},
		{ID: "b", Geometry: triBorder, Title: "Tri-border"},
		{ID: "c", Geometry: route, Title: "Route", From: data.D(2025, 9, 1), To: data.D(2025, 9, 30)},
	}
	l := NewAnnotationLayer()
	l.SetAnnotations(as)
	v := geo.Fit(orb.Bound{Min: orb.Point{-12, 10}, Max: orb.Point{5, 18}}, 800, 500, 1)

	tests := []struct {
		name     string
		from, to data.Date
		at       orb.Point
		want     string
	}{
		{"pin", data.D(2025, 1, 1), data.D(2025, 12, 31), gossi, "a"},
		{"inside the area", data.D(2025, 1, 1), data.D(2025, 12, 31), orb.Point{1.5, 15.2}, "b"},
		{"on the dated line in its window", data.D(2025, 9, 15), data.D(2025, 10, 15), orb.Point{-6, 13.575}, "c"},
		{"dated line outside its window", data.D(2024, 1, 1), data.D(2024, 12, 31), orb.Point{-6, 13.575}, ""},
		{"open country", data.D(2025, 1, 1), data.D(2025, 12, 31), orb.Point{-10, 17}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l.SetWindow(tt.from, tt.to)
			x, y := v.Project(tt.at)
			if got := l.HitTest(v, x, y); got != tt.want {
				t.Fatalf("HitTest at %v = %q, want %q", tt.at, got, tt.want)
			}
		})
	}
}

func TestAnnotationLayerDraws(t *testing.T) {
	l := NewAnnotationLayer()
	p := orb.Point{-1.3, 15.82}
	l.SetAnnotations([]data.Annotation{{ID: "a", Geometry: p, Title: "Gossi", Colour: "#00ff00"}})
	v := geo.Fit(orb.Bound{Min: orb.Point{-12, 10}, Max: orb.Point{5, 18}}, 400, 300, 1)
	img := image.NewRGBA(image.Rect(0, 0, 400, 300))
	l.Draw(draw.NewRaster(img), v)
	x, y := v.Project(p)
	if c := img.RGBAAt(int(x), int(y)); c.G < 0xc0 || c.R > 0x40 {
		t.Fatalf("pixel at the pin = %v, want the annotation's green", c)
	}
	l.SetDraft(orb.LineString{{-10, 12}, {-5, 12}}, false)
	img = image.NewRGBA(image.Rect(0, 0, 400, 300))
	l.Draw(draw.NewRaster(img), v)
	mx, my := v.Project(orb.Point{-7.5, 12})
	if c := img.RGBAAt(int(mx), int(my)); c.A == 0 {
		t.Fatal("the draft line is not drawn")
	}
}

func TestParseColour(t *testing.T) {
	tests := []struct {
		in   string
		want [3]uint8
	}{
		{"#ff8000", [3]uint8{0xff, 0x80, 0x00}},
		{"", [3]uint8{AnnotationColour.R, AnnotationColour.G, AnnotationColour.B}},
		{"#zzzzzz", [3]uint8{AnnotationColour.R, AnnotationColour.G, AnnotationColour.B}},
	}
	for _, tt := range tests {
		c := ParseColour(tt.in)
		if [3]uint8{c.R, c.G, c.B} != tt.want {
			t.Errorf("ParseColour(%q) = %v, want %v", tt.in, c, tt.want)
		}
	}
}

// Moving the window while the map is drawn and hovered is safe: run with -race.
func TestAnnotationLayerConcurrent(t *testing.T) {
	l := NewAnnotationLayer()
	var as []data.Annotation
	for i := 0; i < 50; i++ {
		day := data.D(2025, time.January, 1+i%28)
		as = append(as, data.Annotation{ID: fmt.Sprint(i), Geometry: orb.Point{-10 + float64(i)/5, 12}, Title: "n", From: day, To: day})
	}
	l.SetAnnotations(as)
	v := geo.Fit(orb.Bound{Min: orb.Point{-12, 10}, Max: orb.Point{5, 18}}, 200, 150, 1)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; i < 200; i++ {
			l.SetWindow(data.D(2025, 1, 1+i%28), data.D(2025, 1, 28))
		}
	}()
	img := image.NewRGBA(image.Rect(0, 0, 200, 150))
	r := draw.NewRaster(img)
	for i := 0; i < 200; i++ {
		l.HitTest(v, 100, 75)
		l.Draw(r, v)
	}
	<-done
}
