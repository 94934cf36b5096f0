package layout

import (
	"image"
	"image/color"
	"testing"
	"time"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/geo/draw"
	"github.com/sahelatlas/sahelatlas/geo/render"
)

// Furniture reports, in the map frame's own pixels, the boxes of what the
// page draws over the map, each shown one only: the pixels Draw paints
// there on a map of one colour lie inside them.
func TestFurniture(t *testing.T) {
	legend := []LegendItem{{Label: "visit", Marker: draw.Marker{Shape: draw.Circle, Size: 10, Fill: color.RGBA{0, 0x72, 0xB2, 0xFF}}}}
	o := Options{Title: "Sahel", Credits: "Natural Earth", MadeAt: time.Date(2025, 10, 1, 12, 0, 0, 0, time.UTC)}
	cases := []struct {
		name   string
		hide   Element
		legend []LegendItem
		want   int
	}{
		{"scale bar, north arrow, legend", 0, legend, 3},
		{"no legend items", 0, nil, 2},
		{"all hidden", ScaleBar | NorthArrow | Legend, legend, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			o.Hide = tc.hide
			c := draw.NewRaster(image.NewRGBA(image.Rect(0, 0, 1920, 1080)))
			p := New(c, o)
			v := p.Fit(orb.Bound{Min: orb.Point{-25, -5}, Max: orb.Point{50, 50}})
			boxes := p.Furniture(c, v, tc.legend)
			if len(boxes) != tc.want {
				t.Fatalf("%d boxes %v, want %d", len(boxes), boxes, tc.want)
			}
			p.Draw(c, v, sea, tc.legend)
			img := c.Image()
			frame := orb.Bound{Max: orb.Point{float64(p.Map.Dx()), float64(p.Map.Dy())}}
			for _, b := range boxes {
				if !frame.Contains(b.Min) || !frame.Contains(b.Max) {
					t.Errorf("box %v is not inside the map frame %v", b, frame)
				}
			}
			// Every pixel of the frame that is not the sea is under a box
			// (the frame's border aside).
			for y := p.Map.Min.Y + 2; y < p.Map.Max.Y-2; y += 3 {
				for x := p.Map.Min.X + 2; x < p.Map.Max.X-2; x += 3 {
					if img.RGBAAt(x, y) == render.ColourSea {
						continue
					}
					at := orb.Point{float64(x - p.Map.Min.X), float64(y - p.Map.Min.Y)}
					covered := false
					for _, b := range boxes {
						covered = covered || b.Contains(at)
					}
					if !covered {
						t.Fatalf("pixel %v (frame %v) painted by the page outside every box %v", image.Pt(x, y), at, boxes)
					}
				}
			}
		})
	}
}
