package render

import (
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

func insidePolygon(p orb.Polygon, pt orb.Point) bool { return planar.PolygonContains(p, pt) }

// sahelCapitals are the capitals of the focus countries and a few
// neighbours, as the gazetteer gives them.
var sahelCapitals = []Place{
	{"Bamako", orb.Point{-8.0029, 12.6392}, "MLI"},
	{"Khartoum", orb.Point{32.5342, 15.5518}, "SDN"},
	{"Paris", orb.Point{2.3488, 48.8534}, "FRA"},
	{"Niamey", orb.Point{2.1098, 13.5137}, "NER"},
	{"N'Djamena", orb.Point{15.0444, 12.1067}, "TCD"},
	{"Dakar", orb.Point{-17.4441, 14.6937}, "SEN"},
	{"Cairo", orb.Point{31.2357, 30.0444}, "EGY"},
}
