package render

import (
	"image/color"
	"math"
	"slices"
	"sort"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/data/lang"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
)

// labelSet is one viewport's own labels in one language, measured,
// before the overlays are known, and the boxes of its capital dots. It is
// never changed once made, so frames of the same viewport share it.
type labelSet struct {
	view   geo.Viewport
	lang   lang.Tag // the language its names are in
	wanted []wanted
	dots   []orb.Bound
}

// maxLabelSets is how many viewports' label sets a Map keeps.
const maxLabelSets = 2

// placed is a label placed in one frame.
type placed struct {
	Label
	box    orb.Bound
	cross  bool           // a line crosses it: drawn over a wider halo
	leader orb.LineString // from what it names to it, when it had to move away
	dot    orb.Point      // a town's dot, when hasDot
	hasDot bool
	edge   bool // the name of a line's far end
}

// Styles of the names overlays ask for.
var (
	// colourCrossHalo is the halo of a name a line crosses: nearly
	// opaque, so the line stops clearly at the name.
	colourCrossHalo = color.RGBA{0xee, 0xee, 0xee, 0xf0}
	// colourLeader is the colour of leader lines.
	colourLeader = color.RGBA{0x40, 0x40, 0x40, 0xff}
)

// labels returns the label set of v, measuring with m when it is not
// cached.
func (m *Map) labels(v geo.Viewport, meas Measurer, w, h int) *labelSet {
	t := lang.Current()
	m.mu.Lock()
	for _, ls := range m.labelSets {
		if ls.view == v && ls.lang == t {
			m.mu.Unlock()
			return ls
		}
	}
	m.mu.Unlock()
	dots, boxes := m.names.capitalDots(v, w, h)
	ls := &labelSet{view: v, lang: t, wanted: m.names.labels(v, meas, dots), dots: boxes}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.labelSets = append([]*labelSet{ls}, m.labelSets[:min(len(m.labelSets), maxLabelSets-1)]...)
	return ls
}

// placeNames places the map's names and the overlays' for v, clear of
// everything the overlays occupy.
func (m *Map) placeNames(c draw.Canvas, v geo.Viewport, overlays []Layer) []placed {
	w, h := c.Size()
	out, _ := m.placeAll(c, w, h, v, overlays, false)
	return out
}

// UnnamedPlaces is how many places of the events the overlays show
// RenderTo would leave unnamed on a canvas measuring text as meas does:
// those in so crowded a part of the map that no room is left beside
// them, nor at the end of a short leader line. A page says so rather
// than carry a name far from its place.
func (m *Map) UnnamedPlaces(meas Measurer, v geo.Viewport, overlays ...Layer) int {
	w, h := v.PixelSize()
	_, n := m.placeAll(meas, w, h, v, overlays, true)
	return n
}

// placeAll places the names of a w×h frame of v (see placeNames) and
// counts the places of events left unnamed. A placement made to count
// (reusable) is kept for the draw of the same frame that follows; any
// other forgets the one kept.
func (m *Map) placeAll(meas Measurer, w, h int, v geo.Viewport, overlays []Layer, reusable bool) ([]placed, int) {
	ls := m.labels(v, meas, w, h)
	occ := occupants(v, overlays)
	if pl := m.placed(v, w, h, ls, occ); pl != nil {
		return pl.names, pl.unnamed
	}
	p := getPlacer(w, h)
	defer putPlacer(p)
	for _, b := range ls.dots {
		p.addBox(b)
	}
	for _, o := range occ {
		for _, b := range o.Boxes {
			p.addBox(b)
		}
		for _, l := range o.Lines {
			p.addLine(l)
		}
	}
	list := mergeNames(ls.wanted, occ, meas, v, float64(w), float64(h))
	sort.SliceStable(list, func(i, j int) bool {
		if list[i].tier != list[j].tier {
			return list[i].tier < list[j].tier
		}
		return list[i].rank < list[j].rank
	})
	var (
		out     []placed
		unnamed int
	)
	for i := range list {
		if list[i].edge && repeats(out, &list[i], w, h) {
			continue
		}
		if pl, ok := p.place(&list[i]); ok {
			out = append(out, pl)
		} else if list[i].site {
			unnamed++
		}
	}
	if reusable {
		m.keepPlacement(&placement{view: v, w: w, h: h, labels: ls, occ: occ, names: out, unnamed: unnamed})
	} else {
		m.keepPlacement(nil)
	}
	return out, unnamed
}

// mergeNames adds the overlays' names to the map's own: an event's place
// that is a capital or town already named (same name, within 20 pixels)
// makes that label one that must be placed, beside both the dot and the
// symbol; other places get labels of their own, the busiest
// maxMustPlaces of them must be placed. Names of far ends are set along
// the frame's edge (see repeats).
func mergeNames(base []wanted, occ []Occupancy, meas Measurer, v geo.Viewport, w, h float64) []wanted {
	list := slices.Clone(base)
	byKey := map[string][]int{}
	for i := range list {
		if list[i].feature != (orb.Bound{}) {
			k := nameKey(list[i].Text)
			byKey[k] = append(byKey[k], i)
		}
	}
	var sites, edges []PlaceName
	for _, o := range occ {
		for _, n := range o.Names {
			switch {
			case n.Text == "":
			case n.Edge:
				edges = append(edges, n)
			default:
				sites = append(sites, n)
			}
		}
	}
	sort.SliceStable(sites, func(i, j int) bool { return sites[i].Rank < sites[j].Rank })
	s := v.DeviceScale()
	near := 20 * s
	st := draw.TextStyle{Size: sizeCapital * s, Colour: ColourLabel, Halo: ColourHalo, HaloWidth: 1.5 * s}
	musts := 0
next:
	for _, n := range sites {
		k := nameKey(n.Text)
		at := n.At.Center()
		for _, i := range byKey[k] {
			wd := &list[i]
			fc := wd.feature.Center()
			if math.Hypot(fc[0]-at[0], fc[1]-at[1]) > near {
				continue
			}
			if wd.dot && n.At.Contains(fc) {
				wd.dot = false // the symbol marks the town
			}
			wd.feature = wd.feature.Union(n.At)
			wd.Label, wd.inner = besideLabel(wd.Text, wd.Style, wd.feature, wd.h), nil
			wd.site = true
			if !wd.must || wd.tier > tierEventPlace {
				wd.must, wd.tier, wd.rank = musts < maxMustPlaces, min(wd.tier, tierEventPlace), float64(n.Rank)
				musts++
			}
			continue next
		}
		t, must := tierEventPlace, musts < maxMustPlaces
		if !must {
			t = tierMoreEventPlaces
		}
		musts++
		wd := beside(meas, n.Text, st, n.At, t, float64(n.Rank), must)
		wd.site = true
		list = append(list, wd)
		byKey[k] = append(byKey[k], len(list)-1)
	}
	for _, n := range edges {
		wd := edgeLabel(meas, n.Text, st, n.At, w, h)
		wd.rank = float64(n.Rank)
		list = append(list, wd)
	}
	return list
}

// repeats reports whether the name of a far end, wd, was placed already
// within a third of the frame of where it wants to go: the same far end
// on the same edge is named once.
func repeats(done []placed, wd *wanted, w, h int) bool {
	for _, d := range done {
		if d.edge && d.Text == wd.Text && math.Hypot(d.X-wd.X, d.Y-wd.Y) < float64(max(w, h))/3 {
			return true
		}
	}
	return false
}

// place places wd: at the first of its spots clear of hard obstacles and
// of lines, else at the first clear of hard obstacles (a line crossing
// it), else, for a label that must show, at the end of a short leader
// line (see leader); else not at all. A town whose dot would touch a
// symbol or a name is not named.
func (p *placer) place(wd *wanted) (placed, bool) {
	if wd.dot && p.blocked(wd.feature) {
		return placed{}, false
	}
	var near func(orb.Bound) bool // where a name beside a group may go
	from := wd.feature            // where a leader starts
	if !wd.edge && !wd.country && wd.feature != (orb.Bound{}) {
		// A symbol drawn over a capital's dot, or a small group of
		// symbols touching an event's, is part of what the name names:
		// set it beside them all, but no further from the place than
		// groupReach, lest it be read as a neighbour's name. A leader
		// starts on the symbol over the place.
		over, group := p.grow(wd.feature, groupReach*wd.h)
		if group != over {
			reach := groupReach * wd.h
			near = func(b orb.Bound) bool { return boxGap(b, over) <= reach }
		}
		if group != wd.feature {
			wd.feature = group
			wd.Label = besideLabel(wd.Text, wd.Style, group, wd.h)
		}
		from = over
	}
	l, box, ok := p.spotOf(wd, near)
	var leader orb.LineString
	if !ok && wd.must && !wd.edge && wd.feature != (orb.Bound{}) {
		wd.feature = from
		l, box, leader, ok = p.leader(wd)
	}
	if !ok {
		return placed{}, false
	}
	pl := placed{Label: l, box: box, cross: p.crosses(box), leader: leader, edge: wd.edge}
	p.addName(box)
	if wd.dot {
		pl.dot, pl.hasDot = wd.feature.Center(), true
		p.addBox(wd.feature)
	}
	if leader != nil {
		p.addLeader(leader[0], leader[1])
	}
	return pl, true
}

// spotOf is spot for wd, avoiding lines: a country's spots inside its
// polygon (innerSpots), which come last, are worked out only when no
// spot before them is clear of lines, and the spots are then tried again
// with them, in the same order as if they had been listed from the start.
func (p *placer) spotOf(wd *wanted, near func(orb.Bound) bool) (Label, orb.Bound, bool) {
	if wd.inner == nil {
		return p.spot(wd.Label, wd.w, wd.h, true, near)
	}
	if l, box, ok := p.spotPass(wd.Label, wd.w, wd.h, true, near); ok {
		return l, box, true
	}
	lb := wd.Label
	lb.Else = wd.inner.spots(lb)
	return p.spot(lb, wd.w, wd.h, true, near)
}

// drawNames draws the placed names over everything else: town dots,
// leader lines on a casing, then the names, those a line crosses over a
// wider, nearly opaque halo.
func drawNames(c draw.Canvas, v geo.Viewport, names []placed) {
	if len(names) == 0 {
		return
	}
	s := v.DeviceScale()
	draw.BeginGroup(c, "towns")
	dot := townMarker(s)
	for _, n := range names {
		if n.hasDot {
			c.Marker(n.dot[0], n.dot[1], dot)
		}
	}
	draw.EndGroup(c)
	// Each leader is stroked alone: one path of leaders all over the
	// frame would make the raster backend's rasteriser frame-sized.
	began := false
	for _, n := range names {
		if n.leader == nil {
			continue
		}
		if !began {
			draw.BeginGroup(c, "leaders")
			began = true
		}
		c.StrokePath(draw.Path{n.leader}, 3*s, ColourHalo)
		c.StrokePath(draw.Path{n.leader}, 1*s, colourLeader)
	}
	if began {
		draw.EndGroup(c)
	}
	draw.BeginGroup(c, "names")
	for _, n := range names {
		st := n.Style
		if n.cross {
			st.Halo, st.HaloWidth = colourCrossHalo, max(st.HaloWidth, 2.5*s)
		}
		c.Text(n.X, n.Y, n.Text, st)
	}
	draw.EndGroup(c)
}
