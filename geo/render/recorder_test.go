package render

import (
	"image"
	"image/color"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
)

// op is one drawing call a recorder saw, in order.
type op struct {
	kind  string // "fill", "stroke", "marker", "text"
	group string // the innermost group it was drawn in
	path  draw.Path
	box   orb.Bound // a marker's or a text's box
	text  string
	style draw.TextStyle
}

// recorder is a canvas that keeps every call, measuring text as a Raster
// does.
type recorder struct {
	w, h   int
	meas   *draw.Raster
	groups []string
	ops    []op
}

func newRecorder(w, h int) *recorder {
	return &recorder{w: w, h: h, meas: draw.NewRaster(image.NewRGBA(image.Rect(0, 0, 1, 1)))}
}

func (r *recorder) group() string {
	if len(r.groups) == 0 {
		return ""
	}
	return r.groups[len(r.groups)-1]
}

func (r *recorder) Size() (int, int)       { return r.w, r.h }
func (r *recorder) BeginGroup(name string) { r.groups = append(r.groups, name) }
func (r *recorder) EndGroup()              { r.groups = r.groups[:len(r.groups)-1] }
func (r *recorder) FillPath(p draw.Path, _ color.RGBA) {
	r.ops = append(r.ops, op{kind: "fill", group: r.group(), path: p})
}
func (r *recorder) StrokePath(p draw.Path, _ float64, _ color.RGBA) {
	r.ops = append(r.ops, op{kind: "stroke", group: r.group(), path: p})
}
func (r *recorder) Marker(x, y float64, m draw.Marker) {
	s := m.Size / 2
	r.ops = append(r.ops, op{kind: "marker", group: r.group(), box: orb.Bound{Min: orb.Point{x - s, y - s}, Max: orb.Point{x + s, y + s}}})
}
func (r *recorder) Text(x, y float64, s string, st draw.TextStyle) {
	l := Label{Text: s, X: x, Y: y, Style: st}
	r.ops = append(r.ops, op{kind: "text", group: r.group(), box: l.Box(r.meas), text: s, style: st})
}
func (r *recorder) MeasureText(s string, st draw.TextStyle) (float64, float64) {
	return r.meas.MeasureText(s, st)
}

// texts are the texts drawn in group.
func (r *recorder) texts(group string) []op {
	var out []op
	for _, o := range r.ops {
		if o.kind == "text" && o.group == group {
			out = append(out, o)
		}
	}
	return out
}

// fakeOverlay is an overlay drawing markers and lines, in group
// "overlay", and reporting them and its names as an Occupant.
type fakeOverlay struct {
	markers []orb.Bound
	lines   []orb.LineString
	names   []PlaceName
}

func (f fakeOverlay) Draw(c draw.Canvas, _ geo.Viewport) {
	draw.BeginGroup(c, "overlay")
	defer draw.EndGroup(c)
	for _, l := range f.lines {
		c.StrokePath(draw.Path{l}, 3, color.RGBA{0x21, 0x66, 0xac, 0xff})
	}
	for _, b := range f.markers {
		ctr := b.Center()
		c.Marker(ctr[0], ctr[1], draw.Marker{Shape: draw.Circle, Size: b.Max[0] - b.Min[0], Fill: color.RGBA{0, 0, 0, 0xff}})
	}
}

func (f fakeOverlay) Occupied(geo.Viewport) Occupancy {
	return Occupancy{Boxes: f.markers, Lines: f.lines, Names: f.names}
}
