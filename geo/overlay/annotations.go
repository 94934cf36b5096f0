package overlay

import (
	"image/color"
	"math"
	"slices"
	"strconv"
	"sync"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
)

// AnnotationColour is the colour of annotations that have none of their own.
var AnnotationColour = color.RGBA{0x8e, 0x24, 0xaa, 0xff}

// DraftColour is the colour of a line or an area being drawn.
var DraftColour = color.RGBA{0xe9, 0x1e, 0x63, 0xff}

// AnnotationLayer draws the analyst's annotations: pins with their titles,
// lines, and outlined areas with a light fill. Annotations that carry a
// date or a date range show only while it overlaps the date window; the
// others always show. It also draws the line or area being drawn (the
// draft).
//
// It is safe for concurrent use, like EventLayer.
type AnnotationLayer struct {
	mu         sync.Mutex
	all        []data.Annotation
	shown      []data.Annotation
	from, to   data.Date
	draft      orb.LineString
	draftArea  bool
	hasWindow  bool
	selectedID string
}

// NewAnnotationLayer returns an empty layer.
func NewAnnotationLayer() *AnnotationLayer { return &AnnotationLayer{} }

// SetAnnotations replaces the annotations drawn.
func (l *AnnotationLayer) SetAnnotations(as []data.Annotation) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.all = slices.Clone(as)
	l.refilter()
}

// SetWindow shows only the dated annotations that overlap from–to.
func (l *AnnotationLayer) SetWindow(from, to data.Date) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.from, l.to, l.hasWindow = from, to, true
	l.refilter()
}

// SetSelected highlights the annotation with id ("" for none).
func (l *AnnotationLayer) SetSelected(id string) {
	l.mu.Lock()
	l.selectedID = id
	l.mu.Unlock()
}

// SetDraft sets the vertices of the line or area being drawn (nil for none).
func (l *AnnotationLayer) SetDraft(vertices orb.LineString, area bool) {
	l.mu.Lock()
	l.draft, l.draftArea = append(orb.LineString(nil), vertices...), area
	l.mu.Unlock()
}

// Shown returns the annotations drawn for the current window.
func (l *AnnotationLayer) Shown() []data.Annotation {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]data.Annotation(nil), l.shown...)
}

// ShownCount is how many annotations are shown, without copying them (the
// legend asks after every frame).
func (l *AnnotationLayer) ShownCount() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.shown)
}

// InWindow reports whether a is shown in the window from–to: undated
// annotations always are, dated ones when their dates overlap it.
func InWindow(a data.Annotation, from, to data.Date) bool {
	if a.From.IsZero() {
		return true
	}
	end := a.To
	if end.IsZero() {
		end = a.From
	}
	return a.From.Compare(to) <= 0 && end.Compare(from) >= 0
}

// refilter makes a new shown slice, never changing the old one, which
// Draw and HitTest may still be reading outside the lock.
func (l *AnnotationLayer) refilter() {
	var shown []data.Annotation
	for _, a := range l.all {
		if !l.hasWindow || InWindow(a, l.from, l.to) {
			shown = append(shown, a)
		}
	}
	l.shown = shown
}

// ParseColour reads an annotation's "#rrggbb" colour; an empty or bad one
// gives AnnotationColour.
func ParseColour(s string) color.RGBA {
	if len(s) != 7 || s[0] != '#' {
		return AnnotationColour
	}
	n, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return AnnotationColour
	}
	return color.RGBA{uint8(n >> 16), uint8(n >> 8), uint8(n), 0xff}
}

// Draw draws the annotations shown and the draft.
func (l *AnnotationLayer) Draw(c draw.Canvas, v geo.Viewport) {
	l.mu.Lock()
	shown := l.shown // never changed once made: see refilter
	draft, area, selected := l.draft, l.draftArea, l.selectedID
	l.mu.Unlock()
	s := v.DeviceScale()
	w, h := c.Size()
	view := orb.Bound{Min: orb.Point{-50 * s, -50 * s}, Max: orb.Point{float64(w) + 50*s, float64(h) + 50*s}}
	draw.BeginGroup(c, "annotations")
	defer draw.EndGroup(c)
	label := draw.TextStyle{Size: 12 * s, Bold: true, Colour: color.RGBA{0x20, 0x20, 0x20, 0xff},
		Halo: color.RGBA{0xe0, 0xe0, 0xe0, 0xe0}, HaloWidth: 2 * s, Anchor: draw.AnchorLeft}
	for _, a := range shown {
		col := ParseColour(a.Colour)
		width := 2.5 * s
		if a.ID == selected {
			width = 4.5 * s
		}
		var lx, ly float64
		switch g := a.Geometry.(type) {
		case orb.Point:
			x, y := v.Project(g)
			if !view.Contains(orb.Point{x, y}) {
				continue
			}
			pin := draw.Marker{Shape: draw.Diamond, Size: 16 * s, Fill: col, Outline: color.RGBA{0xff, 0xff, 0xff, 0xff}, OutlineWidth: 1.5 * s}
			if a.ID == selected {
				pin.Size, pin.Outline = 22*s, color.RGBA{0xff, 0x00, 0x90, 0xff}
			}
			c.Marker(x, y, pin)
			lx, ly = x+10*s, y
		case orb.LineString:
			pl := projectLine(v, g)
			if !pl.Bound().Intersects(view) {
				continue
			}
			var p draw.Path
			p.AddLine(pl)
			c.StrokePath(p, width+2*s, color.RGBA{0xc0, 0xc0, 0xc0, 0xc0})
			c.StrokePath(p, width, col)
			lx, ly = pl[len(pl)-1][0]+6*s, pl[len(pl)-1][1]
		case orb.Polygon:
			if len(g) == 0 {
				continue
			}
			ring := orb.Ring(projectLine(v, orb.LineString(g[0])))
			if !ring.Bound().Intersects(view) {
				continue
			}
			var p draw.Path
			p.AddRing(ring)
			fill := col
			fill.A = 0x38
			c.FillPath(p, premultiply(fill))
			var outline draw.Path
			outline.AddLine(orb.LineString(append(ring[:len(ring):len(ring)], ring[0])))
			c.StrokePath(outline, width, col)
			ctr := ring.Bound().Center()
			lx, ly = ctr[0], ctr[1]
		default:
			continue
		}
		if a.Title != "" {
			c.Text(lx, ly, a.Title, label)
		}
	}
	if len(draft) > 0 {
		pl := projectLine(v, draft)
		var p draw.Path
		line := pl
		if area && len(pl) > 2 {
			line = append(pl[:len(pl):len(pl)], pl[0])
		}
		p.AddLine(line)
		c.StrokePath(p, 2.5*s, DraftColour)
		for _, pt := range pl {
			c.Marker(pt[0], pt[1], draw.Marker{Shape: draw.Circle, Size: 8 * s, Fill: DraftColour, Outline: color.RGBA{0xff, 0xff, 0xff, 0xff}})
		}
	}
}

// premultiply turns a non-premultiplied colour into the premultiplied
// color.RGBA the canvases take.
func premultiply(c color.RGBA) color.RGBA {
	a := uint32(c.A)
	return color.RGBA{uint8(uint32(c.R) * a / 255), uint8(uint32(c.G) * a / 255), uint8(uint32(c.B) * a / 255), c.A}
}

func projectLine(v geo.Viewport, ls orb.LineString) orb.LineString {
	out := make(orb.LineString, len(ls))
	for i, p := range ls {
		out[i][0], out[i][1] = v.Project(p)
	}
	return out
}

// HitTest returns the id of the annotation drawn under device pixel x, y
// (the last drawn when several are), or "".
func (l *AnnotationLayer) HitTest(v geo.Viewport, x, y float64) string {
	l.mu.Lock()
	shown := l.shown
	l.mu.Unlock()
	s := v.DeviceScale()
	pt := orb.Point{x, y}
	for i := len(shown) - 1; i >= 0; i-- {
		a := shown[i]
		switch g := a.Geometry.(type) {
		case orb.Point:
			px, py := v.Project(g)
			if math.Hypot(px-x, py-y) <= 10*s {
				return a.ID
			}
		case orb.LineString:
			if planar.DistanceFrom(projectLine(v, g), pt) <= 5*s {
				return a.ID
			}
		case orb.Polygon:
			if len(g) > 0 && planar.RingContains(orb.Ring(projectLine(v, orb.LineString(g[0]))), pt) {
				return a.ID
			}
		}
	}
	return ""
}
