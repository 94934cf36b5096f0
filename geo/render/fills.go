package render

import (
	"image/color"

	"github.com/sahelatlas/sahelatlas/data/lang"
	"github.com/sahelatlas/sahelatlas/geo"
)

// Fill is a colour the base map fills countries with, named for a legend.
type Fill struct {
	Label  string
	Colour color.RGBA
}

// Fills lists the country fills the map of v shows, for its legend: each
// focus country with geometry in the view, "Mali (focus country)", in the
// focus order, then "neighbour of …" when a neighbour has. It reads the atlas's
// projected geometry of v, which drawing v has just cached.
func (m *Map) Fills(v geo.Viewport) []Fill {
	shown := map[string]bool{}
	neighbour := false
	for _, pc := range m.atlas.Projected(v) {
		shown[pc.Country.Code] = true
		neighbour = neighbour || m.style.neighbours[pc.Country.Code]
	}
	var out []Fill
	for _, code := range m.style.focusOrder {
		if shown[code] {
			out = append(out, Fill{Label: lang.T("legend.focus", lang.Current().Country(code, m.atlas.Country(code).Name)), Colour: m.style.focus[code]})
		}
	}
	if neighbour {
		out = append(out, Fill{Label: lang.T("legend.neighbour", focusNames(m)), Colour: ColourNeighbour})
	}
	return out
}

// focusNames names the focus countries as a legend says them: "Mali,
// Sudan or France".
func focusNames(m *Map) string {
	var names []string
	for _, code := range m.style.focusOrder {
		if c := m.atlas.Country(code); c != nil {
			names = append(names, lang.Current().Country(c.Code, c.Name))
		}
	}
	switch len(names) {
	case 0:
		return lang.T("legend.focus.none")
	case 1:
		return names[0]
	}
	s := names[0]
	for _, n := range names[1 : len(names)-1] {
		s += ", " + n
	}
	return s + " " + lang.T("legend.or") + " " + names[len(names)-1]
}
