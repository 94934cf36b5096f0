package overlay

import (
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/clip"
	"github.com/paulmach/orb/planar"
	"github.com/sahelatlas/sahelatlas/geo/draw"
)

// Bow is how far a visit arc bends: its control point lies this fraction
// of the chord's length from the chord's middle, to the left of the
// direction of travel as seen on the map (an eastbound arc bows north), so
// the way out and the way back do not overlap.
const Bow = 0.2

// arrowLength and arrowWidth are the arrowhead's length and base in
// logical pixels.
const (
	arrowLength = 9
	arrowWidth  = 8
)

// Arc is a directed curve drawn in device pixels: a quadratic Bézier from
// From to To bowed by Bow, flattened to a polyline, with an arrowhead
// whose tip is at Tip. The curve stops at the arrowhead's base.
type Arc struct {
	From, Control, To orb.Point
	Line              orb.LineString // flattened, From to the arrowhead's base
	Arrow             orb.Ring       // the arrowhead, closed; its tip is Tip
	Tip               orb.Point
}

// NewArc flattens the Bézier from a to b (device pixels). The arrowhead is
// scaled by scale and its tip set back gap pixels from b along the curve,
// so it touches the edge of a symbol drawn at b rather than hiding under
// it. A curve shorter than the arrowhead gets only the arrowhead.
func NewArc(a, b orb.Point, scale, gap float64) Arc {
	dx, dy := b[0]-a[0], b[1]-a[1]
	chord := math.Hypot(dx, dy)
	arc := Arc{From: a, To: b, Control: orb.Point{(a[0] + b[0]) / 2, (a[1] + b[1]) / 2}}
	if chord == 0 {
		return arc
	}
	arc.Control = orb.Point{arc.Control[0] + Bow*dy, arc.Control[1] - Bow*dx}
	n := min(64, max(8, int(chord/6)))
	line := make(orb.LineString, 0, n+2)
	for i := 0; i <= n; i++ {
		line = append(line, bezier(a, arc.Control, b, float64(i)/float64(n)))
	}
	// Set the tip back by gap and cut the curve at the arrow's base.
	tip, tipAt := cutBack(line, gap)
	line = line[:tipAt+1]
	line = append(line, tip)
	base, baseAt := cutBack(line, arrowLength*scale)
	arc.Tip = tip
	ux, uy := tip[0]-base[0], tip[1]-base[1]
	if l := math.Hypot(ux, uy); l > 0 {
		ux, uy = ux/l, uy/l
	} else {
		ux, uy = dx/chord, dy/chord
	}
	// The arrowhead: a fixed length along the curve's direction at the tip.
	bx, by := tip[0]-ux*arrowLength*scale, tip[1]-uy*arrowLength*scale
	hw := arrowWidth * scale / 2
	arc.Arrow = orb.Ring{tip, {bx - uy*hw, by + ux*hw}, {bx + uy*hw, by - ux*hw}, tip}
	arc.Line = append(line[:baseAt+1:baseAt+1], base)
	if len(arc.Line) < 2 || planar.Length(arc.Line) < 1e-9 {
		arc.Line = nil
	}
	return arc
}

// bezier is the point at t of the quadratic Bézier a, c, b.
func bezier(a, c, b orb.Point, t float64) orb.Point {
	u := 1 - t
	return orb.Point{
		u*u*a[0] + 2*u*t*c[0] + t*t*b[0],
		u*u*a[1] + 2*u*t*c[1] + t*t*b[1],
	}
}

// cutBack returns the point d pixels back along line from its end, and
// the index of the last vertex before it; the start when line is shorter.
func cutBack(line orb.LineString, d float64) (orb.Point, int) {
	for i := len(line) - 1; i > 0; i-- {
		p, q := line[i-1], line[i]
		l := math.Hypot(q[0]-p[0], q[1]-p[1])
		if l >= d {
			f := (l - d) / l
			return orb.Point{p[0] + (q[0]-p[0])*f, p[1] + (q[1]-p[1])*f}, i - 1
		}
		d -= l
	}
	return line[0], 0
}

// clipLine clips line to b, returning the pieces inside; line is not
// changed (clip.LineString builds new pieces).
func clipLine(b orb.Bound, line orb.LineString) orb.MultiLineString {
	if len(line) < 2 {
		return nil
	}
	lb := line.Bound()
	if !b.Intersects(lb) {
		return nil
	}
	if b.Contains(lb.Min) && b.Contains(lb.Max) {
		return orb.MultiLineString{line}
	}
	return clip.LineString(b, line)
}

// viewBound is the device-pixel bound of a w×h view grown by pad.
func viewBound(w, h int, pad float64) orb.Bound {
	return orb.Bound{Min: orb.Point{-pad, -pad}, Max: orb.Point{float64(w) + pad, float64(h) + pad}}
}

// addDashed appends line to p as dashes dash pixels long with gaps of gap
// pixels, the pattern running on across vertices.
func addDashed(p *draw.Path, line orb.LineString, dash, gap float64) {
	on, left := true, dash
	var cur orb.LineString
	for i := 1; i < len(line); i++ {
		a, b := line[i-1], line[i]
		l := math.Hypot(b[0]-a[0], b[1]-a[1])
		pos := 0.0
		for pos < l {
			step := math.Min(left, l-pos)
			f0, f1 := pos/l, (pos+step)/l
			if on {
				if len(cur) == 0 {
					cur = orb.LineString{{a[0] + (b[0]-a[0])*f0, a[1] + (b[1]-a[1])*f0}}
				}
				cur = append(cur, orb.Point{a[0] + (b[0]-a[0])*f1, a[1] + (b[1]-a[1])*f1})
			}
			pos += step
			left -= step
			if left <= 1e-9 {
				if on && len(cur) > 1 {
					p.AddLine(cur)
				}
				cur = nil
				on = !on
				left = dash
				if !on {
					left = gap
				}
			}
		}
	}
	if on && len(cur) > 1 {
		p.AddLine(cur)
	}
}

// nearestOnLine returns the distance from p to line and the point of line
// nearest to p, which a hit reports (Hit.X, Hit.Y): planar.DistanceFrom
// gives the distance but not the point. The first of equally near
// segments wins.
func nearestOnLine(p orb.Point, line orb.LineString) (float64, orb.Point) {
	if len(line) == 1 {
		return planar.Distance(p, line[0]), line[0]
	}
	best, seg := math.Inf(1), 0
	for i := 1; i < len(line); i++ {
		if d := planar.DistanceFromSegmentSquared(line[i-1], line[i], p); d < best {
			best, seg = d, i
		}
	}
	if seg == 0 {
		return best, orb.Point{}
	}
	a, b := line[seg-1], line[seg]
	t := 0.0
	if l2 := planar.DistanceSquared(a, b); l2 > 0 {
		t = max(0, min(1, ((p[0]-a[0])*(b[0]-a[0])+(p[1]-a[1])*(b[1]-a[1]))/l2))
	}
	return math.Sqrt(best), orb.Point{a[0] + t*(b[0]-a[0]), a[1] + t*(b[1]-a[1])}
}
