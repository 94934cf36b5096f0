// Package render draws the Sahel Atlas map: the sea, every country filled
// (the focus countries Mali, Sudan and France each in its own colour,
// their land neighbours in one shared tint, the rest neutral), borders and
// coastlines, the rivers and lakes faintly (GSHHG, at the zoom's level of
// detail), the capitals of the focus countries and their neighbours; then
// whatever overlay layers (events, relations, annotations) the application
// adds; then the names.
//
// Names are placed last, once every overlay is known (Occupant): country
// names, capitals, towns as the zoom allows (Town, townRule), the places
// of the events shown and the far ends of lines leaving the frame, most
// important first, none over a symbol, a cluster or a pin, avoiding lines
// where they can and drawn over them on a wider halo where they cannot; a
// name that must show and finds no room beside what it names moves out to
// a short leader line.
//
// Everything is drawn through a draw.Canvas, so the same Map makes the
// window's image, a PNG, an SVG or a PDF. Map.Render keeps the base layers'
// image for the last viewport, so changing only the overlays redraws only
// the overlays and the names.
package render
