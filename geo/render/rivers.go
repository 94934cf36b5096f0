package render

import (
	"image/color"
	"math"
	"sync"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/clip"
	"github.com/sahelatlas/sahelatlas/assets"
	"github.com/sahelatlas/sahelatlas/assets/rivers"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
)

// The colours of rivers and lakes: a faint blue, lighter than borders, so
// they orient the reader without competing with the symbols.
var (
	ColourRiver = color.RGBA{0x7d, 0xaf, 0xd6, 0xff}
	ColourLake  = color.RGBA{0xbd, 0xd8, 0xec, 0xff}
)

// riverWidth is the width of a river in logical pixels.
const riverWidth = 0.9

// riversLayer draws the rivers and lakes of the embedded GSHHG data at
// the level of detail of the view's zoom, none below the coarsest level's
// zoom (a world map).
type riversLayer struct {
	once   sync.Once
	levels []riverLevel
}

// riverLevel is one level of detail in Web Mercator world units, each
// line and lake with its bound.
type riverLevel struct {
	minZoom float64
	file    *rivers.File // the level is decoded and projected by project when first drawn
	index   int          // in file
	once    sync.Once
	rivers  []worldLine
	lakes   []worldLine // the outer rings
}

// worldLine is a line in world units and its bound.
type worldLine struct {
	line  orb.LineString
	bound orb.Bound
}

func newRiversLayer() *riversLayer { return &riversLayer{} }

// load reads the levels of the embedded file once (each is decoded when
// first drawn, see project). A broken file draws no rivers: it
// is checked by the assets' tests, and a map without rivers is still a
// map.
func (l *riversLayer) load() {
	l.once.Do(func() {
		f, err := rivers.Open(assets.Rivers)
		if err != nil {
			return
		}
		l.levels = make([]riverLevel, len(f.Zooms))
		for i, z := range f.Zooms {
			l.levels[i] = riverLevel{minZoom: z, file: f, index: i}
		}
	})
}

// project decodes the level and converts its lines to world units the
// first time it is drawn: a start-up draws one level, and decoding and
// projecting are most of the cost of loading them all. A level that does
// not decode draws no rivers, as a broken file does.
func (rl *riverLevel) project() {
	rl.once.Do(func() {
		src, err := rl.file.Level(rl.index)
		if err != nil {
			return
		}
		rl.rivers = make([]worldLine, 0, len(src.Rivers))
		for _, r := range src.Rivers {
			rl.rivers = append(rl.rivers, toWorldLine(r))
		}
		rl.lakes = make([]worldLine, 0, len(src.Lakes))
		for _, p := range src.Lakes {
			if len(p) > 0 {
				rl.lakes = append(rl.lakes, toWorldLine(orb.LineString(p[0])))
			}
		}
	})
}

// toWorldLine projects a lon/lat line to world units in place (the
// decoded level's lines are the layer's own) and bounds it, as
// orb.LineString.Bound would.
func toWorldLine(ls orb.LineString) worldLine {
	if len(ls) == 0 {
		return worldLine{line: ls, bound: ls.Bound()}
	}
	for i, p := range ls {
		ls[i] = geo.ToWorld(p)
	}
	b := orb.Bound{Min: ls[0], Max: ls[0]}
	for _, p := range ls[1:] {
		b.Min[0], b.Max[0] = min(b.Min[0], p[0]), max(b.Max[0], p[0])
		b.Min[1], b.Max[1] = min(b.Min[1], p[1]), max(b.Max[1], p[1])
	}
	return worldLine{line: ls, bound: b}
}

// level returns the level of detail for logical zoom z, or nil.
func (l *riversLayer) level(z float64) *riverLevel {
	l.load()
	var best *riverLevel
	for i := range l.levels {
		if z >= l.levels[i].minZoom {
			best = &l.levels[i]
		}
	}
	if best != nil {
		best.project()
	}
	return best
}

// riverPiece is how many segments of a river go into one piece of a
// path: rivers are stroked in pieces grouped by fillCell cell, so the
// raster backend's rasteriser stays near the size of a cell rather than
// of the frame.
const riverPiece = 24

// Draw fills the lakes and strokes the rivers in view, grouped by cell.
func (l *riversLayer) Draw(c draw.Canvas, v geo.Viewport) {
	lv := l.level(v.Zoom)
	if lv == nil {
		return
	}
	w, h := c.Size()
	s := v.DeviceScale()
	af := v.WorldTransform()
	box := orb.Bound{Min: orb.Point{-4, -4}, Max: orb.Point{float64(w) + 4, float64(h) + 4}}
	type cell struct{ x, y int }
	var (
		order  []cell
		groups = map[cell]*[3]draw.Path{} // lakes, shores, rivers
	)
	group := func(b orb.Bound) *[3]draw.Path {
		ctr := b.Center()
		k := cell{int(math.Floor(ctr[0] / fillCell)), int(math.Floor(ctr[1] / fillCell))}
		g := groups[k]
		if g == nil {
			g = new([3]draw.Path)
			groups[k] = g
			order = append(order, k)
		}
		return g
	}
	for _, lk := range lv.lakes {
		if ring := projectIn(af, lk, box); ring != nil {
			if r := clip.Ring(box, orb.Ring(ring)); len(r) > 2 {
				g := group(r.Bound())
				g[0].AddRing(r)
				g[1].AddLine(append(orb.LineString(r[:len(r):len(r)]), r[0]))
			}
		}
	}
	for _, r := range lv.rivers {
		ls := projectIn(af, r, box)
		if ls == nil {
			continue
		}
		for _, piece := range clip.LineString(box, ls) {
			for i := 0; i+1 < len(piece); i += riverPiece {
				part := piece[i:min(i+riverPiece+1, len(piece))]
				group(part.Bound())[2].AddLine(part)
			}
		}
	}
	if len(order) == 0 {
		return
	}
	draw.BeginGroup(c, "rivers")
	for _, k := range order {
		g := groups[k]
		if len(g[0]) > 0 {
			c.FillPath(g[0], ColourLake)
			c.StrokePath(g[1], 0.6*s, ColourRiver)
		}
		if len(g[2]) > 0 {
			c.StrokePath(g[2], riverWidth*s, ColourRiver)
		}
	}
	draw.EndGroup(c)
}

// projectIn projects wl to device pixels when its bound meets box; nil
// when it does not, or when it is smaller than a pixel.
func projectIn(af geo.WorldTransform, wl worldLine, box orb.Bound) orb.LineString {
	x0, y0 := af.Pixel(wl.bound.Min)
	x1, y1 := af.Pixel(wl.bound.Max)
	b := orb.Bound{Min: orb.Point{math.Min(x0, x1), math.Min(y0, y1)}, Max: orb.Point{math.Max(x0, x1), math.Max(y0, y1)}}
	if !b.Intersects(box) || (b.Max[0]-b.Min[0] < 1 && b.Max[1]-b.Min[1] < 1) {
		return nil
	}
	out := make(orb.LineString, len(wl.line))
	for i, p := range wl.line {
		out[i][0], out[i][1] = af.Pixel(p)
	}
	return out
}
