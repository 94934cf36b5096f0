package render

import (
	"image/color"
	"strings"

	"github.com/sahelatlas/sahelatlas/geo"
)

// class is how much a country matters to the map.
type class int

const (
	classFocus class = iota
	classNeighbour
	classOther
)

// style is what Options become once the atlas is known: which countries
// are focus countries or neighbours, and their colours.
type style struct {
	focus      map[string]color.RGBA
	focusOrder []string
	neighbours map[string]bool
}

// newStyle works out the neighbours of opts' focus countries from the
// atlas's geometry.
func newStyle(atlas *geo.Atlas, opts Options) *style {
	focus := opts.Focus
	if focus == nil {
		focus = DefaultFocus
	}
	s := &style{focus: map[string]color.RGBA{}, neighbours: map[string]bool{}}
	for _, f := range focus {
		code := strings.ToUpper(f.Code)
		s.focus[code] = f.Colour
		s.focusOrder = append(s.focusOrder, code)
	}
	for _, code := range s.focusOrder {
		for _, n := range atlas.Neighbours(code) {
			if _, isFocus := s.focus[n]; !isFocus {
				s.neighbours[n] = true
			}
		}
	}
	return s
}

// classOf is the class of the country with the given alpha-3 code.
func (s *style) classOf(code string) class {
	if _, ok := s.focus[code]; ok {
		return classFocus
	}
	if s.neighbours[code] {
		return classNeighbour
	}
	return classOther
}

// fill is the colour a country is filled with.
func (s *style) fill(code string) color.RGBA {
	switch s.classOf(code) {
	case classFocus:
		return s.focus[code]
	case classNeighbour:
		return ColourNeighbour
	}
	return ColourLand
}
