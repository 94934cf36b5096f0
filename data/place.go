package data

import "github.com/paulmach/orb"

// Place is a named point: a town, a capital, a site. Point is (lon, lat) in
// degrees.
type Place struct {
	ID         string    `json:"id"`
	Name       string    `json:"name"`
	Aliases    []string  `json:"aliases,omitempty"`
	Point      orb.Point `json:"point"`             // [lon, lat]
	Country    string    `json:"country"`           // ISO 3166 alpha-3
	Feature    string    `json:"feature,omitempty"` // GeoNames feature code: PPLC capital, PPLA seat, PPL town
	Population int       `json:"population,omitempty"`
	Note       string    `json:"note,omitempty"` // where the coordinates come from when not GeoNames
}

// Lon returns the place's longitude in degrees.
func (p *Place) Lon() float64 { return p.Point[0] }

// Lat returns the place's latitude in degrees.
func (p *Place) Lat() float64 { return p.Point[1] }

// Names returns the place's name followed by its aliases.
func (p *Place) Names() []string {
	return append([]string{p.Name}, p.Aliases...)
}
