package overlay

import (
	"math"
	"slices"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/data/lang"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/render"
)

// The layers are render.Occupants: the map places its names clear of
// their symbols and pins and over their lines' halos, and names the
// places they ask for.
var (
	_ render.Occupant = (*EventLayer)(nil)
	_ render.Occupant = (*RelationLayer)(nil)
	_ render.Occupant = (*VisitLayer)(nil)
	_ render.Occupant = (*ItineraryLayer)(nil)
	_ render.Occupant = (*AnnotationLayer)(nil)
)

// maxSiteNames is how many event places a frame asks to have named, the
// busiest first: enough for any briefing, few enough that 100,000 events
// do not slow the frame.
const maxSiteNames = 150

// SetPlaces gives the layer the places of its events (a *data.Dataset),
// so that Occupied asks the map to name the place of every symbol drawn.
// Without it, the layer asks for no names.
func (l *EventLayer) SetPlaces(p Places) {
	l.mu.Lock()
	l.places = p
	l.mu.Unlock()
}

// Occupied is the box of every symbol and cluster drawn for v (an
// inferred place's dotted ring included) and the name of each one's
// place, the busiest maxSiteNames of them: a cluster is named after the
// place with most of its events.
func (l *EventLayer) Occupied(v geo.Viewport) render.Occupancy {
	lo := l.layout(v)
	l.mu.Lock()
	places := l.places
	l.mu.Unlock()
	scale := v.DeviceScale()
	occ := render.Occupancy{Boxes: make([]orb.Bound, 0, min(len(lo.symbols), 4096))}
	// Unclustered, many symbols share a place: report each pixel's box
	// once, so a frame of 100,000 symbols hands the map thousands.
	w, h := v.PixelSize()
	var seen [2][]uint64 // pixels with a single symbol reported: without a ring, with one
	radius := [2]float64{
		(1.2*SymbolSize+2.5)/2*scale + scale, // the largest single symbol (ApproximateStyleFor)
		(PlaceHalo(scale).Size + 1.5*scale) / 2,
	}
	if len(lo.symbols) > 4096 {
		seen = [2][]uint64{make([]uint64, (w*h+63)/64), make([]uint64, (w*h+63)/64)}
	}
	for i := range lo.symbols {
		s := &lo.symbols[i]
		b := lo.box(s, scale)
		if px, py := int(s.x), int(s.y); seen[0] != nil && !s.cluster() && px >= 0 && py >= 0 && px < w && py < h {
			ring := 0
			if st := lo.set.style(s.event); codeInferred(st) || codePlaceApprox(st) {
				ring = 1
			}
			k := py*w + px
			if seen[ring][k/64]&(1<<(k%64)) != 0 {
				continue // reported here already, as large as any such symbol
			}
			seen[ring][k/64] |= 1 << (k % 64)
			r := max(radius[ring], b.Max[0]-s.x)
			b = orb.Bound{Min: orb.Point{s.x - r, s.y - r}, Max: orb.Point{s.x + r, s.y + r}}
		}
		occ.Boxes = append(occ.Boxes, b)
	}
	if places == nil {
		return occ
	}
	order := make([]int32, len(lo.symbols))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(a, b int32) int { return int(lo.symbols[b].count - lo.symbols[a].count) })
	for _, i := range order[:min(len(order), maxSiteNames)] {
		s := &lo.symbols[i]
		e := lo.set.event(s.event)
		if s.cluster() {
			e = lo.set.event(lo.set.sites[lo.busiest(s)].single)
		}
		if name := placeName(places, e.Place); name != "" {
			occ.Names = append(occ.Names, render.PlaceName{Text: nameIn(name), At: lo.box(s, scale), Rank: -int(s.count)})
		}
	}
	return occ
}

// box is the bound of symbol s drawn at scale, with its outline, a pixel
// more, and the dotted ring of an inferred place.
func (lo *eventLayout) box(s *symbol, scale float64) orb.Bound {
	r := (s.marker.Size+s.marker.OutlineWidth)/2 + scale
	if (s.cluster() && s.inferred) || (!s.cluster() && (codeInferred(lo.set.style(s.event)) || codePlaceApprox(lo.set.style(s.event)))) {
		r = max(r, (placeHaloAround(s.marker.Size, scale).Size+1.5*scale)/2)
	}
	return orb.Bound{Min: orb.Point{s.x - r, s.y - r}, Max: orb.Point{s.x + r, s.y + r}}
}

// busiest is the site of cluster s with the most events, the first of
// equals.
func (lo *eventLayout) busiest(s *symbol) int32 {
	if s.sites == 1 {
		return s.site
	}
	best := lo.members[s.member]
	for _, k := range lo.members[s.member : s.member+s.sites] {
		if lo.set.sites[k].n > lo.set.sites[best].n {
			best = k
		}
	}
	return best
}

// placeName is the name of the place with id, or "".
func placeName(places Places, id string) string {
	if places == nil || id == "" {
		return ""
	}
	if p := places.Place(id); p != nil {
		return p.Name
	}
	return ""
}

// nameIn is a place's name as the map writes it in the current language:
// the usual French name of a capital where it differs ("Moscou",
// "Alger"), as the base map names it, so the two agree.
func nameIn(name string) string { return lang.Current().Capital(name) }

// Occupied is the relation lines drawn for v, and the names of the
// capitals at the far ends of those leaving the frame.
func (l *RelationLayer) Occupied(v geo.Viewport) render.Occupancy {
	lo := l.layout(v)
	w, h := v.PixelSize()
	var occ render.Occupancy
	for _, ln := range lo.lines {
		occ.Lines = append(occ.Lines, ln.pieces...)
		occ.Names = append(occ.Names, edgeNames(ln.line, ln.names, w, h)...)
	}
	return occ
}

// Occupied is the visit arcs drawn for v, their arrowheads' boxes, and
// the names of the ends of arcs leaving the frame.
func (l *VisitLayer) Occupied(v geo.Viewport) render.Occupancy {
	return arcsOccupied(l.layout(v).arcs, v)
}

// arcsOccupied is what arcs drawn for v cover.
func arcsOccupied(arcs []drawnArc, v geo.Viewport) render.Occupancy {
	w, h := v.PixelSize()
	var occ render.Occupancy
	for i := range arcs {
		a := &arcs[i]
		occ.Lines = append(occ.Lines, a.pieces...)
		if a.arrow {
			occ.Boxes = append(occ.Boxes, a.arc.Arrow.Bound())
		}
		if len(a.arc.Line) > 1 {
			occ.Names = append(occ.Names, edgeNames(a.arc.Line, a.names, w, h)...)
		}
	}
	return occ
}

// Occupied is the itinerary's stops, legs and connectors drawn for v.
func (l *ItineraryLayer) Occupied(v geo.Viewport) render.Occupancy {
	lo := l.layout(v)
	occ := arcsOccupied(lo.legs, v)
	occ.Names = nil // an itinerary's stops are numbered, not named
	occ.Lines = append(occ.Lines, lo.connectors...)
	r := (stopSize/2 + 1) * v.DeviceScale()
	for _, s := range lo.stops {
		occ.Boxes = append(occ.Boxes, orb.Bound{Min: orb.Point{s.x - r, s.y - r}, Max: orb.Point{s.x + r, s.y + r}})
	}
	return occ
}

// Occupied is the annotations drawn for v: their pins and titles (sized
// as the Go font sets them, within a few pixels), lines and outlines.
func (l *AnnotationLayer) Occupied(v geo.Viewport) render.Occupancy {
	l.mu.Lock()
	shown := l.shown
	l.mu.Unlock()
	s := v.DeviceScale()
	var occ render.Occupancy
	title := func(x, y float64, t string) {
		if t == "" {
			return
		}
		w := 0.62 * 12 * s * float64(len([]rune(t)))
		occ.Boxes = append(occ.Boxes, orb.Bound{Min: orb.Point{x - 2*s, y - 9*s}, Max: orb.Point{x + w + 2*s, y + 9*s}})
	}
	for _, a := range shown {
		switch g := a.Geometry.(type) {
		case orb.Point:
			x, y := v.Project(g)
			r := 12 * s
			occ.Boxes = append(occ.Boxes, orb.Bound{Min: orb.Point{x - r, y - r}, Max: orb.Point{x + r, y + r}})
			title(x+10*s, y, a.Title)
		case orb.LineString:
			pl := projectLine(v, g)
			occ.Lines = append(occ.Lines, pl)
			if len(pl) > 0 {
				title(pl[len(pl)-1][0]+6*s, pl[len(pl)-1][1], a.Title)
			}
		case orb.Polygon:
			if len(g) == 0 {
				continue
			}
			ring := projectLine(v, orb.LineString(g[0]))
			occ.Lines = append(occ.Lines, append(ring[:len(ring):len(ring)], ring[0]))
			c := ring.Bound().Center()
			title(c[0], c[1], a.Title)
		}
	}
	return occ
}

// edgeNames names the ends of line (device pixels) that lie outside the
// w×h frame, where the line crosses the frame's edge: names[0] for the
// start, names[1] for the end.
func edgeNames(line orb.LineString, names [2]string, w, h int) []render.PlaceName {
	frame := orb.Bound{Max: orb.Point{float64(w), float64(h)}}
	if len(line) < 2 || names == [2]string{} {
		return nil
	}
	start, end := line[0], line[len(line)-1]
	outStart, outEnd := !frame.Contains(start), !frame.Contains(end)
	if !outStart && !outEnd {
		return nil
	}
	pieces := clipLine(frame, line)
	if len(pieces) == 0 {
		return nil
	}
	var out []render.PlaceName
	at := func(p orb.Point, name string) {
		if name != "" && !math.IsNaN(p[0]) && !math.IsNaN(p[1]) {
			out = append(out, render.PlaceName{Text: nameIn(name), At: orb.Bound{Min: p, Max: p}.Pad(2), Edge: true})
		}
	}
	if outStart {
		at(pieces[0][0], names[0])
	}
	if outEnd {
		last := pieces[len(pieces)-1]
		at(last[len(last)-1], names[1])
	}
	return out
}
