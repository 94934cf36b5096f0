package assets

import _ "embed" // for the boundary files

// The Natural Earth admin-0 country boundaries in the compact form of package
// assets/boundaries, one file per scale, written by the generator in
// gen/boundaries. Source: Natural Earth 4.1.0 (public domain), through the npm
// package world-atlas@2.0.2.
var (
	//go:embed boundaries/countries-10m.bin
	boundaries10m []byte
	//go:embed boundaries/countries-50m.bin
	boundaries50m []byte
	//go:embed boundaries/countries-110m.bin
	boundaries110m []byte
	//go:embed boundaries/levels.bin
	levels []byte
)

// Levels returns what package geo would otherwise work out from the
// boundaries at every start (each country's neighbours and its geometry
// simplified for the common zoom levels), written by the generator in
// gen/levels from the boundaries files. The bytes are shared, not copied:
// do not change them.
func Levels() []byte { return levels }

// Boundaries returns the embedded country boundaries at a Natural Earth scale
// ("10m", "50m" or "110m") in the compact form read by boundaries.Decode, or
// nil for any other scale. The bytes are shared, not copied: do not change
// them.
func Boundaries(scale string) []byte {
	switch scale {
	case "10m":
		return boundaries10m
	case "50m":
		return boundaries50m
	case "110m":
		return boundaries110m
	}
	return nil
}
