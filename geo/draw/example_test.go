package draw_test

import (
	"image/color"
	"os"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/geo/draw"
)

// The same calls draw on any backend; here an SVG, whose text is the
// glyph outlines of the Go font.
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
	// <path d="M51.3 23.67L51.3 16.44L52.72 16.44L54.7 22.03L56.73 16.44L58.02 16.44L58.02 23.67L57.05 23.67L57.05 17.8L55.08 23.19L54.09 23.19L52.17 17.78L52.17 23.67L51.3 23.67ZM62.59 23Q61.72 23.8 60.84 23.8Q60.14 23.8 59.72 23.39Q59.28 22.98 59.28 22.33Q59.28 20.53 62.22 20.53L62.45 20.53L62.45 19.89Q62.45 18.97 61.44 18.97Q60.61 18.97 59.73 19.44L59.73 18.64Q60.7 18.25 61.61 18.25Q62.55 18.25 62.98 18.64Q63.41 19.03 63.41 19.89L63.41 22.3Q63.41 23.13 63.92 23.13Q63.98 23.13 64.11 23.11L64.17 23.64Q63.84 23.8 63.45 23.8Q62.78 23.8 62.59 23ZM62.45 22.47L62.45 21.11L62.14 21.09Q60.27 21.09 60.27 22.17Q60.27 23 61.17 23Q61.8 23 62.45 22.47ZM66.09 22.03Q66.09 22.31 66.14 22.52Q66.19 22.7 66.3 22.83Q66.41 22.95 66.56 23.02Q66.72 23.08 66.92 23.06L66.92 23.77Q66.83 23.8 66.64 23.8Q66.31 23.8 66.03 23.69Q65.75 23.58 65.55 23.38Q65.34 23.17 65.23 22.88Q65.13 22.58 65.13 22.2L65.13 15.97L66.09 15.97L66.09 22.03ZM67.8 23.67L67.8 18.38L68.77 18.38L68.77 23.67L67.8 23.67ZM67.75 17.41L67.75 16.34L68.81 16.34L68.81 17.41L67.75 17.41Z" fill="#000000"/>
	// </svg>
}
