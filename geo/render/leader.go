package render

import (
	"math"
	"slices"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/geo/draw"
)

// leaderReach bounds how far a name may go from what it names, in heights
// of the name: the longest leader line. A name further off, across other
// places, would mislead more than no name.
const leaderReach = 3

// groupReach is how far, in heights of the name, a group of touching
// symbols may reach from what is named for the name to be set beside the
// whole group, with no leader: a name without a leader is read as the
// nearest symbol's.
const groupReach = 1

// leaderGaps are the gaps, in heights of the name, a name on a leader
// line keeps from what it names, nearest first.
var leaderGaps = []float64{0.5, 1, 1.5, 2, 2.5, 3}

// leaderDirs are the directions a name moves out in, right first; the
// last four set it above or below with one end over what it names.
var leaderDirs = [][3]float64{
	{1, 0, 0}, {-1, 0, 0}, {0, -1, 0}, {0, 1, 0},
	{1, -1, 0}, {1, 1, 0}, {-1, -1, 0}, {-1, 1, 0},
	{0, -1, 1}, {0, -1, -1}, {0, 1, 1}, {0, 1, -1},
}

// leaderSpot is one place a name on a leader line may go.
type leaderSpot struct {
	centre orb.Point
	box    orb.Bound
	a, b   orb.Point // the leader line, from what is named to the name
	length float64
}

// grow is over, f grown by what is drawn over it (an obstacle holding it
// whole: a symbol over a capital's dot, a cluster over a symbol), and
// group, over grown by every obstacle touching it, and those they touch,
// so long as the group stays within reach pixels of over: a name may go
// beside the whole group. A group reaching further (a crowd of clusters)
// is over alone. Names already placed are not part of anything.
func (p *placer) grow(f orb.Bound, reach float64) (over, group orb.Bound) {
	over = f
	p.eachBox(f, func(b orb.Bound) {
		if inside(f, b.Pad(1)) {
			over = over.Union(b)
		}
	})
	limit := over.Pad(reach)
	g := over
	for range 4 {
		n := g
		p.eachBox(g, func(b orb.Bound) {
			if b.Intersects(g) {
				n = n.Union(b)
			}
		})
		if n == g {
			return over, g
		}
		if !inside(n, limit) {
			return over, over
		}
		g = n
	}
	return over, over
}

// boxGap is the distance between the boxes a and b, 0 when they meet.
func boxGap(a, b orb.Bound) float64 {
	dx := max(0, a.Min[0]-b.Max[0], b.Min[0]-a.Max[0])
	dy := max(0, a.Min[1]-b.Max[1], b.Min[1]-a.Max[1])
	return math.Hypot(dx, dy)
}

// eachBox calls fn with every obstacle that is not a name in the cells b
// touches (an obstacle may come more than once).
func (p *placer) eachBox(b orb.Bound, fn func(orb.Bound)) {
	x0, y0, x1, y1, ok := p.cells(b)
	if !ok {
		return
	}
	for y := y0; y <= y1; y++ {
		for x := x0; x <= x1; x++ {
			for _, i := range p.hard[y*p.cols+x] {
				if !p.named[i] {
					fn(p.boxes[i])
				}
			}
		}
	}
}

// leader finds a place for wd near its feature, at most leaderReach of
// its heights away, the nearest first: where neither the name nor the
// line crosses a symbol or a line, else where the line crosses symbols
// but, as always, no name and no other leader. It returns the label, its
// box and the leader; nothing when the feature is in a crowd no short
// leader leaves: the name is then better left off.
func (p *placer) leader(wd *wanted) (Label, orb.Bound, orb.LineString, bool) {
	f := wd.feature
	c := f.Center()
	fx, fy := (f.Max[0]-f.Min[0])/2, (f.Max[1]-f.Min[1])/2
	reach := leaderReach * wd.h
	spots := p.spots[:0]
	for _, d := range leaderGaps {
		for _, dir := range leaderDirs {
			cx := c[0] + dir[0]*(fx+d*wd.h+wd.w/2) + dir[2]*(wd.w/2-fx)
			cy := c[1] + dir[1]*(fy+d*wd.h+wd.h/2)
			to := orb.Point{cx, cy}
			box := orb.Bound{Min: orb.Point{cx - wd.w/2, cy - wd.h/2}, Max: orb.Point{cx + wd.w/2, cy + wd.h/2}}
			a := exitPoint(c, to, f.Pad(1))
			b := exitPoint(to, c, box.Pad(1))
			if n := math.Hypot(b[0]-a[0], b[1]-a[1]); n <= reach {
				spots = append(spots, leaderSpot{to, box, a, b, n})
			}
		}
	}
	p.spots = spots
	slices.SortStableFunc(spots, func(x, y leaderSpot) int {
		switch {
		case x.length < y.length:
			return -1
		case x.length > y.length:
			return 1
		}
		return 0
	})
	for pass := range 2 {
		clear := pass == 0
		for _, s := range spots {
			if !p.fits(s.box, orb.Bound{}) || (clear && p.crosses(s.box)) ||
				p.crossesLeader(s.a, s.b) || p.segmentHits(s.a, s.b, !clear) {
				continue
			}
			lb := wd.Label
			lb.X, lb.Y, lb.Style.Anchor = s.centre[0], s.centre[1], draw.AnchorCentre
			return lb, s.box, orb.LineString{s.a, s.b}, true
		}
	}
	return wd.Label, orb.Bound{}, nil, false
}

// exitPoint is where the ray from from towards to leaves b, which holds
// from.
func exitPoint(from, to orb.Point, b orb.Bound) orb.Point {
	dx, dy := to[0]-from[0], to[1]-from[1]
	t := 1.0
	if dx > 0 {
		t = min(t, (b.Max[0]-from[0])/dx)
	} else if dx < 0 {
		t = min(t, (b.Min[0]-from[0])/dx)
	}
	if dy > 0 {
		t = min(t, (b.Max[1]-from[1])/dy)
	} else if dy < 0 {
		t = min(t, (b.Min[1]-from[1])/dy)
	}
	t = max(0, t)
	return orb.Point{from[0] + dx*t, from[1] + dy*t}
}

// segmentHits reports whether the segment a–bb passes over a placed name,
// or, unless namesOnly, over any hard obstacle.
func (p *placer) segmentHits(a, bb orb.Point, namesOnly bool) bool {
	x0, y0, x1, y1, ok := p.cells(orb.Bound{Min: a, Max: a}.Extend(bb))
	if !ok {
		return false
	}
	for y := y0; y <= y1; y++ {
		for x := x0; x <= x1; x++ {
			for _, i := range p.hard[y*p.cols+x] {
				if namesOnly && !p.named[i] {
					continue
				}
				b := p.boxes[i]
				if p.named[i] {
					b = b.Pad(labelGap)
				}
				if segmentHitsBound(a, bb, b) {
					return true
				}
			}
		}
	}
	return false
}

// addLeader records the leader line a–b: no name is placed across it and
// no later leader crosses it.
func (p *placer) addLeader(a, b orb.Point) {
	p.leaders = append(p.leaders, [2]orb.Point{a, b})
}

// onLeader reports whether a leader line passes through b, grown by
// labelGap.
func (p *placer) onLeader(b orb.Bound) bool {
	g := b.Pad(labelGap)
	for _, l := range p.leaders {
		if segmentHitsBound(l[0], l[1], g) {
			return true
		}
	}
	return false
}

// crossesLeader reports whether the segment a–b crosses, or touches, a
// leader line placed before.
func (p *placer) crossesLeader(a, b orb.Point) bool {
	for _, l := range p.leaders {
		if segmentsMeet(a, b, l[0], l[1]) {
			return true
		}
	}
	return false
}

// segmentsMeet reports whether the segments a–b and c–d meet.
func segmentsMeet(a, b, c, d orb.Point) bool {
	o1, o2 := orient(a, b, c), orient(a, b, d)
	o3, o4 := orient(c, d, a), orient(c, d, b)
	if o1*o2 < 0 && o3*o4 < 0 {
		return true
	}
	on := func(p, q, r orb.Point, o float64) bool { // r on p–q, given collinear
		return o == 0 && min(p[0], q[0]) <= r[0] && r[0] <= max(p[0], q[0]) &&
			min(p[1], q[1]) <= r[1] && r[1] <= max(p[1], q[1])
	}
	return on(a, b, c, o1) || on(a, b, d, o2) || on(c, d, a, o3) || on(c, d, b, o4)
}

// orient is the sign of the turn a–b–c: positive anticlockwise, negative
// clockwise, 0 in line.
func orient(a, b, c orb.Point) float64 {
	v := (b[0]-a[0])*(c[1]-a[1]) - (b[1]-a[1])*(c[0]-a[0])
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	}
	return 0
}
