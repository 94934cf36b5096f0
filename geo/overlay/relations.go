package overlay

import (
	"fmt"
	"image/color"
	"sync"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
)

// StatusColour is the colour of a relation line for each status, from
// allied (dark blue) through thawing (light blue) to strained (light red)
// and ruptured (dark red): a blue–red diverging scheme (ColorBrewer RdBu)
// that readers with red–green colour blindness still tell apart. Lines are
// drawn over a white casing so the light ones read on any fill.
var StatusColour = map[data.Status]color.RGBA{
	data.StatusAllied:      {0x05, 0x30, 0x61, 0xFF},
	data.StatusCooperating: {0x21, 0x66, 0xAC, 0xFF},
	data.StatusThawing:     {0x67, 0xA9, 0xCF, 0xFF},
	data.StatusStrained:    {0xF4, 0xA5, 0x82, 0xFF},
	data.StatusSuspended:   {0xD6, 0x60, 0x4D, 0xFF},
	data.StatusRuptured:    {0x67, 0x00, 0x1F, 0xFF},
}

// Statuses lists the statuses in legend order, closest first.
var Statuses = []data.Status{
	data.StatusAllied, data.StatusCooperating, data.StatusThawing,
	data.StatusStrained, data.StatusSuspended, data.StatusRuptured,
}

// RelationWidth is the width of a relation line in logical pixels.
const RelationWidth = 3

// RelationLayer draws, for every relation the dataset tracks, a straight
// line between the two countries' capitals coloured by the relation's
// status on a date (StatusColour). A relation whose status that day is
// unknown (before its first change) is not drawn.
//
// It is safe for concurrent use, like EventLayer.
type RelationLayer struct {
	relations []capitalPair

	mu      sync.Mutex
	day     data.Date
	layouts layoutCache[*relationLayout]
}

// capitalPair is a relation with its countries' capitals.
type capitalPair struct {
	rel      *data.Relation
	from, to orb.Point // Web Mercator
	names    [2]string // the capitals' names, for a line leaving the frame
}

// NewRelationLayer returns a layer for d's relations, drawn for day. A
// country's capital is the dataset's place with feature PPLC in that
// country, or failing that the most populous PPLC of the bundled GeoNames
// gazetteer. It fails when a relation names a country with no capital in
// either.
func NewRelationLayer(d *data.Dataset, day data.Date) (*RelationLayer, error) {
	l := &RelationLayer{day: day}
	for _, r := range d.Relations {
		a, err := Capital(d, r.Countries[0])
		if err != nil {
			return nil, fmt.Errorf("overlay: relation %s: %w", r.ID, err)
		}
		b, err := Capital(d, r.Countries[1])
		if err != nil {
			return nil, fmt.Errorf("overlay: relation %s: %w", r.ID, err)
		}
		l.relations = append(l.relations, capitalPair{rel: r, from: geo.ToWorld(a.Point), to: geo.ToWorld(b.Point), names: [2]string{a.Name, b.Name}})
	}
	return l, nil
}

// Capital returns the capital of the country with alpha-3 code: the
// dataset's place with feature PPLC there (the most populous if several),
// or else the most populous PPLC of the bundled gazetteer.
func Capital(d *data.Dataset, code string) (*data.Place, error) {
	if p := bestCapital(d.Places, code); p != nil {
		return p, nil
	}
	geo, err := data.BundledGazetteerPlaces()
	if err != nil {
		return nil, fmt.Errorf("overlay: no capital of %s in the dataset, and the gazetteer does not load: %w", code, err)
	}
	if p := bestCapital(geo, code); p != nil {
		return p, nil
	}
	return nil, fmt.Errorf("overlay: no place with feature PPLC in country %s, in the dataset or the gazetteer; add its capital to places.json", code)
}

// bestCapital is the most populous PPLC of places in country code, the
// first of equals; nil when there is none.
func bestCapital(places []*data.Place, code string) *data.Place {
	var best *data.Place
	for _, p := range places {
		if p.Feature == "PPLC" && p.Country == code && (best == nil || p.Population > best.Population) {
			best = p
		}
	}
	return best
}

// SetDate changes the day whose statuses are drawn.
func (l *RelationLayer) SetDate(day data.Date) {
	l.mu.Lock()
	if day != l.day {
		l.day = day
		l.layouts.clear()
	}
	l.mu.Unlock()
}

// drawnRelation is a relation line laid out for one viewport.
type drawnRelation struct {
	rel    *data.Relation
	status data.Status
	pieces orb.MultiLineString
	line   orb.LineString // the whole line, from capital to capital, in device pixels
	names  [2]string      // the capitals' names
}

type relationLayout struct {
	lines []drawnRelation
}

// layout returns the relation lines for v, laying them out if the last
// two viewports were different.
func (l *RelationLayer) layout(v geo.Viewport) *relationLayout {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.layouts.get(v, l.makeLayout)
}

// makeLayout lays out the lines of l.day's statuses for v; l.mu is held.
func (l *RelationLayer) makeLayout(v geo.Viewport) *relationLayout {
	lo := &relationLayout{}
	af, scale := v.WorldTransform(), v.DeviceScale()
	w, h := v.PixelSize()
	view := viewBound(w, h, RelationWidth*scale)
	for _, p := range l.relations {
		st, _ := p.rel.StatusOn(l.day)
		if st == data.StatusUnknown {
			continue
		}
		ax, ay := af.Pixel(p.from)
		bx, by := af.Pixel(p.to)
		pieces := clipLine(view, orb.LineString{{ax, ay}, {bx, by}})
		if len(pieces) > 0 {
			lo.lines = append(lo.lines, drawnRelation{rel: p.rel, status: st, pieces: pieces,
				line: orb.LineString{{ax, ay}, {bx, by}}, names: p.names})
		}
	}
	return lo
}

// Draw draws the relation lines for v: one white casing under all, then
// the lines of each status as one path.
func (l *RelationLayer) Draw(c draw.Canvas, v geo.Viewport) {
	lo := l.layout(v)
	if len(lo.lines) == 0 {
		return
	}
	scale := v.DeviceScale()
	draw.BeginGroup(c, "relations")
	var all draw.Path
	byStatus := map[data.Status]*draw.Path{}
	for _, ln := range lo.lines {
		p := byStatus[ln.status]
		if p == nil {
			p = &draw.Path{}
			byStatus[ln.status] = p
		}
		for _, piece := range ln.pieces {
			all.AddLine(piece)
			p.AddLine(piece)
		}
	}
	c.StrokePath(all, (RelationWidth+2)*scale, casing)
	for _, st := range Statuses {
		if p := byStatus[st]; p != nil {
			c.StrokePath(*p, RelationWidth*scale, StatusColour[st])
		}
	}
	draw.EndGroup(c)
}

// HitTest returns the relation whose line drawn for v passes within a few
// pixels of device pixel x, y (the nearest), with its status that day.
func (l *RelationLayer) HitTest(v geo.Viewport, x, y float64) Hit {
	lo := l.layout(v)
	scale := v.DeviceScale()
	tol := RelationWidth*scale/2 + ArcTolerance*scale
	p := orb.Point{x, y}
	best, bestD := Hit{}, 0.0
	for _, ln := range lo.lines {
		for _, piece := range ln.pieces {
			d, at := nearestOnLine(p, piece)
			if d <= tol && (!best.OK() || d < bestD) {
				best = Hit{Kind: HitRelation, X: at[0], Y: at[1], Relation: ln.rel, Status: ln.status}
				bestD = d
			}
		}
	}
	return best
}

// StatusesInView returns the statuses of the relation lines drawn for v,
// in Statuses order, for the legend.
func (l *RelationLayer) StatusesInView(v geo.Viewport) []data.Status {
	lo := l.layout(v)
	var out []data.Status
	for _, st := range Statuses {
		for _, ln := range lo.lines {
			if ln.status == st {
				out = append(out, st)
				break
			}
		}
	}
	return out
}
