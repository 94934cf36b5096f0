// Package geo holds Sahel Atlas's map geometry: the Natural Earth countries at
// three levels of detail (Atlas, loaded from the embedded assets), lookups by
// code, by point and by shared border, and the Web Mercator Viewport that turns
// lon/lat into device pixels and back.
//
// Geometry is lon/lat (orb.Point{lon, lat}) unless a name says otherwise.
// Atlas.Projected prepares countries for drawing: simplified to about one
// device pixel, clipped to the view and projected, with the work cached per
// zoom level so panning is cheap. Drawing itself lives in geo/draw and
// geo/render; this package never imports Fyne and never opens a network
// connection.
package geo
