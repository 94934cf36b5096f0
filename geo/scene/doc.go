// Package scene is Sahel Atlas's map engine: what a map view draws from
// (a Scene: the countries, the dataset and the renderer), the time layers
// fed the events of a date window (Layers), their legend, and snapshots:
// titled, dated, credited pages written as PNG, SVG, PDF or GIF, one at a
// time or as a dated series.
//
// The window and the commands both draw through it, so a snapshot shows
// what the window shows: the window feeds Layers and renders frames with
// render.Map.RenderTo; Write lays out a page (package layout) around the
// same call. The package draws only; reading stores and files is the
// caller's work.
package scene
