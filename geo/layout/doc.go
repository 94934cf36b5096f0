// Package layout composes a snapshot page: the map in its frame, a title
// and a subtitle, a legend of what the map shows, a scale bar true at the
// latitude shown, a north arrow, the credits, caveat bands at the top and
// bottom and the date and time the page was made; the list of the events
// numbered on the map, in a panel beside it or on pages of their own
// (ListPages, DrawListPage); a note of what the map leaves out.
//
// Everything is drawn through a draw.Canvas, so one page goes to a PNG
// (draw.Raster), an SVG (draw.SVG) or a PDF (draw.PDF) the same
// way; the map itself is drawn by any render.Layer (a *render.Map) into a
// draw frame, moved and clipped to its rectangle.
//
// Sizes are in layout pixels: a 1920×1080 page has one device pixel to a
// layout pixel, and a larger page scales everything by Page.Unit, the map
// symbols too (Fit gives the viewport that Scale).
//
// The package also writes what goes with a page: a PNG with its
// resolution recorded (EncodePNG), a world file and a .prj placing it in
// Web Mercator (WorldFile, PRJWebMercator), and an animated GIF's palette
// (Palette, Paletted).
package layout
