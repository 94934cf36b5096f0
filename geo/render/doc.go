// Package render draws the Sahel Atlas map: the sea, every country filled
// (the focus countries Mali, Sudan and France each in its own colour,
// their land neighbours in one shared tint, the rest neutral), borders and
// coastlines, country names where they fit, and the capitals of the focus
// countries and their neighbours; then whatever overlay layers (events,
// relations, annotations) the application adds.
//
// Everything is drawn through a draw.Canvas, so the same Map makes the
// window's image, a PNG, an SVG or a PDF. Map.Render keeps the base layers'
// image for the last viewport, so changing only the overlays redraws only
// the overlays.
package render
