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

// testTowns are a few towns of Mali and its neighbours, as the gazetteer
// gives them.
var testTowns = []Town{
	{Name: "Gao", Point: orb.Point{-0.04472, 16.27167}, Country: "MLI", Population: 87000, Seat: true},
	{Name: "Timbuktu", Point: orb.Point{-3.00742, 16.77348}, Country: "MLI", Population: 32460, Seat: true},
	{Name: "Kidal", Point: orb.Point{1.40778, 18.44111}, Country: "MLI", Population: 11643, Seat: true},
	{Name: "Ménaka", Point: orb.Point{2.40220, 15.91820}, Country: "MLI", Population: 9110, Seat: true},
	{Name: "Ségou", Point: orb.Point{-6.26, 13.44}, Country: "MLI", Population: 130690, Seat: true},
	{Name: "Mopti", Point: orb.Point{-4.19, 14.49}, Country: "MLI", Population: 114406, Seat: true},
	{Name: "Sikasso", Point: orb.Point{-5.67, 11.32}, Country: "MLI", Population: 144786, Seat: true},
	{Name: "Agadez", Point: orb.Point{7.99, 16.97}, Country: "NER", Population: 124324, Seat: true},
	{Name: "Tiny", Point: orb.Point{-2.0, 15.0}, Country: "MLI", Population: 800},
}
