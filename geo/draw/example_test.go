package draw_test

import (
	"image/color"
	"os"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/geo/draw"
)

// The same calls draw on any backend; here an SVG.
func ExampleSVG() {
	s := draw.NewSVG(os.Stdout, 120, 60)
	var p draw.Path
	p.AddPolygon(orb.Polygon{{{10, 10}, {110, 10}, {110, 50}, {10, 50}, {10, 10}}})
	s.FillPath(p, color.RGBA{0xd9, 0x8c, 0x3f, 0xff})
	s.Marker(60, 30, draw.Marker{Shape: draw.Square, Size: 6, Fill: color.RGBA{0, 0, 0, 0xff}})
	s.Text(60, 20, "Mali", draw.TextStyle{Size: 10, Colour: color.RGBA{0, 0, 0, 0xff}})
	s.Close()
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="120" height="60" viewBox="0 0 120 60">
	// <path d="M10 10L110 10 110 50 10 50 10 10Z" fill="#d98c3f"/>
	// <defs><g id="m0"><path d="M-3 -3L3 -3 3 3 -3 3 -3 -3Z" fill="#000000"/></g></defs>
	// <use xlink:href="#m0" x="60" y="30"/>
	// <text x="60" y="23.7" font-family="Go, 'DejaVu Sans', sans-serif" font-size="10" text-anchor="middle" fill="#000000">Mali</text>
	// </svg>
}
