package overlay

import (
	"image"
	"image/color"
	"testing"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
)

// testPlaces are the places of the small datasets the tests build.
var testPlaces = []*data.Place{
	{ID: "bamako", Name: "Bamako", Point: orb.Point{-8.0, 12.65}, Country: "MLI", Feature: "PPLC"},
	{ID: "bamako-east", Name: "Bamako east", Point: orb.Point{-7.95, 12.65}, Country: "MLI"},
	{ID: "khartoum", Name: "Khartoum", Point: orb.Point{32.53, 15.55}, Country: "SDN", Feature: "PPLC"},
	{ID: "paris", Name: "Paris", Point: orb.Point{2.35, 48.85}, Country: "FRA", Feature: "PPLC"},
	{ID: "niamey", Name: "Niamey", Point: orb.Point{2.11, 13.51}, Country: "NER", Feature: "PPLC"},
}

// ev describes an event of a test dataset.
type ev struct {
	id, place, origin string
	kind              data.Kind
	precision         data.Precision // "" means day
	day               data.Date
}

// testDataset builds a valid dataset of the events es at testPlaces.
func testDataset(t testing.TB, es ...ev) *data.Dataset {
	t.Helper()
	src := &data.Source{Document: "test"}
	actor := &data.Actor{ID: "a", Name: "A", Kind: data.ActorPerson}
	var events []*data.Event
	for _, e := range es {
		day := e.day
		if day.IsZero() {
			day = data.D(2025, 4, 9)
		}
		x := &data.Event{
			ID: e.id, Kind: e.kind, Title: e.id, Place: e.place, Origin: e.origin,
			Actors: []string{"a"}, Countries: []string{"MLI"}, Sources: []data.SourceRef{{Document: "test"}},
			Precision: data.PrecisionDay, Start: day, End: day,
		}
		switch e.precision {
		case data.PrecisionMonth:
			x.Precision = data.PrecisionMonth
			x.Start = data.D(day.Year(), day.Month(), 1)
			x.End = x.Start.AddDays(32)
			x.End = data.D(x.End.Year(), x.End.Month(), 1).AddDays(-1)
		case data.PrecisionYear:
			x.Precision = data.PrecisionYear
			x.Start, x.End = data.D(day.Year(), 1, 1), data.D(day.Year(), 12, 31)
		}
		events = append(events, x)
	}
	d, err := data.New([]*data.Source{src}, testPlaces, []*data.Actor{actor}, events, nil)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// sahelView is the Sahel/Europe frame at w×h logical pixels.
func sahelView(t testing.TB, w, h int) geo.Viewport {
	t.Helper()
	return geo.Fit(orb.Bound{Min: orb.Point{-25, -5}, Max: orb.Point{50, 50}}, w, h, 1)
}

// viewAt is a view centred on lon/lat at zoom, 800×600.
func viewAt(lon, lat, zoom float64) geo.Viewport {
	return geo.Viewport{Center: orb.Point{lon, lat}, Zoom: zoom, Width: 800, Height: 600}
}

var white = color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}

// paint draws the layers for v on a white raster.
func paint(v geo.Viewport, layers ...interface {
	Draw(draw.Canvas, geo.Viewport)
}) *image.RGBA {
	w, h := v.PixelSize()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	r := draw.NewRaster(img)
	r.Clear(color.RGBA{0xFF, 0xFF, 0xFF, 0xFF})
	for _, l := range layers {
		l.Draw(r, v)
	}
	return img
}

// pixel returns the colour of img at the pixel holding x, y.
func pixel(img *image.RGBA, x, y float64) color.RGBA {
	return img.RGBAAt(int(x), int(y))
}

// similar reports whether colours a and b differ by at most tol in every
// channel.
func similar(a, b color.RGBA, tol int) bool {
	d := func(x, y uint8) bool { return int(x)-int(y) <= tol && int(y)-int(x) <= tol }
	return d(a.R, b.R) && d(a.G, b.G) && d(a.B, b.B) && d(a.A, b.A)
}

// ids returns the ids of events.
func ids(events []*data.Event) []string {
	var out []string
	for _, e := range events {
		out = append(out, e.ID)
	}
	return out
}

// bundled loads the bundled dataset.
func bundled(t testing.TB) *data.Dataset {
	t.Helper()
	d, err := data.LoadBundled()
	if err != nil {
		t.Fatal(err)
	}
	return d
}
