package render

import "image/color"

// The map's colours, exported so the UI and tests can recognise pixels.
// color.RGBA is alpha-premultiplied: all but ColourHalo are opaque.
var (
	ColourSea       = color.RGBA{0xb4, 0xd2, 0xe7, 0xff} // the sea, pale blue
	ColourLand      = color.RGBA{0xe6, 0xe3, 0xdb, 0xff} // every country neither focus nor neighbour
	ColourNeighbour = color.RGBA{0xf5, 0xe9, 0xc8, 0xff} // land neighbours of the focus countries
	ColourMali      = color.RGBA{0xd9, 0x8c, 0x3f, 0xff} // Mali, ochre
	ColourSudan     = color.RGBA{0xb8, 0x4a, 0x4a, 0xff} // Sudan, brick red
	ColourFrance    = color.RGBA{0x4f, 0x7c, 0xb8, 0xff} // France, blue
	ColourBorder    = color.RGBA{0x70, 0x6c, 0x64, 0xff} // borders and coastlines
	ColourLabel     = color.RGBA{0x2b, 0x2b, 0x2b, 0xff} // country and capital names
	ColourHalo      = color.RGBA{0xd0, 0xd0, 0xd0, 0xd0} // light halo under names: white at 82 %
	ColourCapital   = color.RGBA{0x1e, 0x1e, 0x1e, 0xff} // capital dots
)
