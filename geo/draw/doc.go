// Package draw is the one drawing surface of Sahel Atlas: every map layer
// (countries, borders, labels, events, annotations) draws through a Canvas
// in device pixels, and the same calls produce the screen image, a PNG, an
// SVG or a PDF.
//
// Three backends implement Canvas:
//
//   - Raster draws anti-aliased onto an *image.RGBA with
//     golang.org/x/image/vector; each shape gets a rasteriser sized to its
//     clipped on-screen bound, and markers are pre-rasterised stamps.
//   - SVG writes true vector output (<path>, <use>, <text>) to an io.Writer.
//   - PDF writes vector paths and real text with github.com/go-pdf/fpdf.
//
// Coordinates are device pixels with the origin at the top-left corner and
// y growing downwards. Colours are color.RGBA, which is alpha-premultiplied
// as everywhere in Go's image packages. Text uses the embedded Go fonts in
// every backend, so measurements agree and French names (Côte d'Ivoire,
// Ségou) render everywhere.
//
// None of the backends is safe for concurrent use; use one per goroutine.
package draw
