package render

import (
	"image/color"

	"github.com/paulmach/orb"
)

// Focus is a country the map is about: it is filled in its own colour and
// its land neighbours in ColourNeighbour.
type Focus struct {
	Code   string // ISO 3166 alpha-3
	Colour color.RGBA
}

// DefaultFocus is Mali, Sudan and France in their colours.
var DefaultFocus = []Focus{
	{"MLI", ColourMali},
	{"SDN", ColourSudan},
	{"FRA", ColourFrance},
}

// Place is a named point drawn on the base map, such as a capital.
type Place struct {
	Name    string
	Point   orb.Point // lon, lat
	Country string    // ISO 3166 alpha-3
}

// Options says what the base map shows.
type Options struct {
	// Focus lists the focus countries in the order their names are
	// placed; nil means DefaultFocus.
	Focus []Focus
	// Capitals are national capitals, typically every PPLC place of the
	// gazetteer; those of the focus countries and their neighbours are
	// drawn as dots with names.
	Capitals []Place
	// Towns, unless nil, returns the towns the map names as the zoom
	// allows (see Town); it is called once, when a view first needs
	// them.
	Towns func() []Town
}
