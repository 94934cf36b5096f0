package render

import (
	"math"
	"sync"

	"github.com/paulmach/orb"
)

// placerCell is the side, in device pixels, of the grid cells a placer
// indexes obstacles by.
const placerCell = 64

// placer keeps what labels must stay clear of on a w×h canvas: hard boxes
// (symbols, dots, the labels already placed), which a label never
// overlaps, soft lines, which a label avoids where it can, and leader
// lines, which no label crosses. Boxes and soft lines are indexed in a
// grid of placerCell cells, so a frame with thousands of symbols still
// places each label in a few microseconds; the leaders are few.
type placer struct {
	screen     orb.Bound
	cols, rows int
	boxes      []orb.Bound
	named      []bool    // per box: it is a placed name's
	hard       [][]int32 // per cell, indexes into boxes
	segs       [][2]orb.Point
	soft       [][]int32 // per cell, indexes into segs
	leaders    [][2]orb.Point
	spots      []leaderSpot // scratch of leader
}

// newPlacer returns an empty placer for a w×h canvas.
func newPlacer(w, h int) *placer {
	cols := max(1, int(math.Ceil(float64(w)/placerCell)))
	rows := max(1, int(math.Ceil(float64(h)/placerCell)))
	return &placer{
		screen: orb.Bound{Max: orb.Point{float64(w), float64(h)}},
		cols:   cols, rows: rows,
		hard: make([][]int32, cols*rows),
		soft: make([][]int32, cols*rows),
	}
}

// kept is the placer of the last frame drawn, emptied, so that the next
// frame of the same size fills the lists it grew rather than growing its
// own: a frame places its names with no garbage in proportion to its
// symbols. One is enough: the window draws a frame at a time, and a page
// of another size makes its own. (A sync.Pool would lose it at every
// collection, and at random under the race detector.)
var kept struct {
	sync.Mutex
	p *placer
}

// getPlacer returns an empty placer for a w×h canvas: the kept one when
// it is of that size; putPlacer gives it back once nothing reads it.
func getPlacer(w, h int) *placer {
	kept.Lock()
	p := kept.p
	kept.p = nil
	kept.Unlock()
	if p == nil || p.screen.Max != (orb.Point{float64(w), float64(h)}) {
		return newPlacer(w, h)
	}
	return p
}

// putPlacer empties p, keeping the room its lists grew, and keeps it for
// getPlacer.
func putPlacer(p *placer) {
	for i := range p.hard {
		p.hard[i] = p.hard[i][:0]
	}
	for i := range p.soft {
		p.soft[i] = p.soft[i][:0]
	}
	p.boxes, p.named, p.segs, p.leaders, p.spots = p.boxes[:0], p.named[:0], p.segs[:0], p.leaders[:0], p.spots[:0]
	kept.Lock()
	kept.p = p
	kept.Unlock()
}

// cells returns the range of cells b touches, clamped to the grid; ok is
// false when b lies wholly off the canvas.
func (p *placer) cells(b orb.Bound) (x0, y0, x1, y1 int, ok bool) {
	if b.Max[0] < 0 || b.Max[1] < 0 || b.Min[0] > p.screen.Max[0] || b.Min[1] > p.screen.Max[1] ||
		math.IsNaN(b.Min[0]) || math.IsNaN(b.Min[1]) || math.IsNaN(b.Max[0]) || math.IsNaN(b.Max[1]) {
		return 0, 0, 0, 0, false
	}
	clampCol := func(v float64) int { return min(p.cols-1, max(0, int(v/placerCell))) }
	clampRow := func(v float64) int { return min(p.rows-1, max(0, int(v/placerCell))) }
	return clampCol(b.Min[0]), clampRow(b.Min[1]), clampCol(b.Max[0]), clampRow(b.Max[1]), true
}

// addBox makes b a hard obstacle.
func (p *placer) addBox(b orb.Bound) { p.add(b, false) }

// addName makes b, a placed name's box, a hard obstacle: a leader line
// never crosses it.
func (p *placer) addName(b orb.Bound) { p.add(b, true) }

// add makes b a hard obstacle, a placed name's when name is set.
func (p *placer) add(b orb.Bound, name bool) {
	x0, y0, x1, y1, ok := p.cells(b)
	if !ok {
		return
	}
	i := int32(len(p.boxes))
	p.boxes = append(p.boxes, b)
	p.named = append(p.named, name)
	for y := y0; y <= y1; y++ {
		for x := x0; x <= x1; x++ {
			p.hard[y*p.cols+x] = append(p.hard[y*p.cols+x], i)
		}
	}
}

// addLine makes the polyline ls a soft obstacle. Long segments are cut
// into pieces no longer than a cell, so each is indexed in a few cells.
func (p *placer) addLine(ls orb.LineString) {
	for i := 1; i < len(ls); i++ {
		a, b := ls[i-1], ls[i]
		n := max(1, int(math.Ceil(math.Hypot(b[0]-a[0], b[1]-a[1])/placerCell)))
		if n > 4096 { // a line from far off screen: index only what is near it
			n = 4096
		}
		for k := 0; k < n; k++ {
			f0, f1 := float64(k)/float64(n), float64(k+1)/float64(n)
			s := [2]orb.Point{
				{a[0] + (b[0]-a[0])*f0, a[1] + (b[1]-a[1])*f0},
				{a[0] + (b[0]-a[0])*f1, a[1] + (b[1]-a[1])*f1},
			}
			x0, y0, x1, y1, ok := p.cells(orb.Bound{Min: s[0], Max: s[0]}.Extend(s[1]))
			if !ok {
				continue
			}
			j := int32(len(p.segs))
			p.segs = append(p.segs, s)
			for y := y0; y <= y1; y++ {
				for x := x0; x <= x1; x++ {
					p.soft[y*p.cols+x] = append(p.soft[y*p.cols+x], j)
				}
			}
		}
	}
}

// blocked reports whether b, grown by labelGap, touches a hard obstacle.
func (p *placer) blocked(b orb.Bound) bool {
	g := b.Pad(labelGap)
	x0, y0, x1, y1, ok := p.cells(g)
	if !ok {
		return false
	}
	for y := y0; y <= y1; y++ {
		for x := x0; x <= x1; x++ {
			for _, i := range p.hard[y*p.cols+x] {
				if g.Intersects(p.boxes[i]) {
					return true
				}
			}
		}
	}
	return false
}

// crosses reports whether a soft line passes through b.
func (p *placer) crosses(b orb.Bound) bool {
	x0, y0, x1, y1, ok := p.cells(b)
	if !ok {
		return false
	}
	for y := y0; y <= y1; y++ {
		for x := x0; x <= x1; x++ {
			for _, i := range p.soft[y*p.cols+x] {
				if segmentHitsBound(p.segs[i][0], p.segs[i][1], b) {
					return true
				}
			}
		}
	}
	return false
}

// fits reports whether b may hold a label: inside the canvas, inside
// within (unless it is the zero Bound), clear of hard obstacles and of
// leader lines.
func (p *placer) fits(b, within orb.Bound) bool {
	return inside(b, p.screen) && (within == orb.Bound{} || inside(b, within)) && !p.blocked(b) && !p.onLeader(b)
}

// segmentHitsBound reports whether the segment a–b meets the rectangle r
// (Liang–Barsky clipping).
func segmentHitsBound(a, b orb.Point, r orb.Bound) bool {
	t0, t1 := 0.0, 1.0
	dx, dy := b[0]-a[0], b[1]-a[1]
	for _, e := range [4][2]float64{
		{-dx, a[0] - r.Min[0]}, {dx, r.Max[0] - a[0]},
		{-dy, a[1] - r.Min[1]}, {dy, r.Max[1] - a[1]},
	} {
		pp, q := e[0], e[1]
		if pp == 0 {
			if q < 0 {
				return false
			}
			continue
		}
		t := q / pp
		if pp < 0 {
			t0 = max(t0, t)
		} else {
			t1 = min(t1, t)
		}
		if t0 > t1 {
			return false
		}
	}
	return true
}
