package overlay

import (
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
)

// When a view holds more events than can be read as symbols, the event
// layer draws their density instead: hexagons of DensityHexSize logical
// pixels, coloured by how many events fall in each (or by their
// fatalities, when the data gives them), as kepler.gl's hexbin layer
// does. Zooming in spreads the events over more hexagons until few enough
// remain in view, and the symbols come back.
const (
	// DensityEvents is the most events a view draws as symbols.
	DensityEvents = 20_000
	// DensitySpacing is, in logical pixels, the side of the square each
	// symbol needs to be read: a view that would draw more symbols (or
	// clusters) than fit its area at that spacing draws density.
	DensitySpacing = 36
	// DensityHexSize is a hexagon's height, corner to corner, in logical
	// pixels.
	DensityHexSize = 22
)

// DensityRamp is the density layer's colours, fewest events first:
// kepler.gl's default "Global Warming" ramp (a sequential ramp dark
// purple to yellow), drawn at kepler's 80 % opacity.
var DensityRamp = []color.RGBA{
	{0x5A, 0x18, 0x46, 0xff}, {0x90, 0x0C, 0x3F, 0xff}, {0xC7, 0x00, 0x39, 0xff},
	{0xE3, 0x61, 0x1C, 0xff}, {0xF1, 0x92, 0x0E, 0xff}, {0xFF, 0xC3, 0x00, 0xff},
}

// densityOpacity is the density hexagons' alpha.
const densityOpacity = 0.8

// DensityClass is one colour of the density layer and the counts (or
// fatalities) it stands for, Low to High inclusive.
type DensityClass struct {
	Colour    color.RGBA
	Low, High float64
}

// Label says what the class stands for: "4–12 events per hexagon",
// "fatalities 0–3 per hexagon".
func (c DensityClass) Label(weighted bool) string {
	what := "events"
	switch {
	case weighted && c.Low == 1 && c.High == 1:
		what = "fatality"
	case weighted:
		what = "fatalities"
	case c.Low == 1 && c.High == 1:
		what = "event"
	}
	r := strconv.FormatFloat(c.Low, 'f', 0, 64)
	if c.High > c.Low {
		r += "–" + strconv.FormatFloat(c.High, 'f', 0, 64)
	}
	return fmt.Sprintf("%s %s per hexagon", r, what)
}

// HexMarker is the marker of one density hexagon of class colour c at
// scale: slightly smaller than the grid, so the bins stay apart.
func HexMarker(c color.RGBA, scale float64) draw.Marker {
	a := densityOpacity
	fill := color.RGBA{uint8(float64(c.R) * a), uint8(float64(c.G) * a), uint8(float64(c.B) * a), uint8(255 * a)}
	return draw.Marker{Shape: draw.Hexagon, Size: DensityHexSize * 0.92 * scale, Fill: fill}
}

// Fatalities returns the fatalities an imported event's fields give
// (ACLED's "fatalities" column), and whether they give any.
func Fatalities(e *data.Event) (float32, bool) {
	for _, f := range e.Fields {
		if strings.EqualFold(f.Name, "fatalities") {
			n, err := strconv.ParseFloat(strings.TrimSpace(f.Value), 32)
			if err != nil || n < 0 || math.IsNaN(n) || math.IsInf(n, 0) {
				return 0, false
			}
			return float32(n), true
		}
	}
	return 0, false
}

// hexCell is one density hexagon: the sites in it are
// eventLayout.members[member : member+sites].
type hexCell struct {
	x, y          float64 // centre, device pixels
	count         int32
	weight        float64
	member, sites int32
	class         uint8
}

// tooDense reports whether events events, drawn as symbols symbols in a
// w×h view at scale, would carpet it.
func tooDense(events, symbols int, w, h int, scale float64) bool {
	area := float64(w) * float64(h) / (scale * scale)
	return events > DensityEvents || float64(symbols) > area/(DensitySpacing*DensitySpacing)
}

// density bins the sites of pts into hexagons of a grid anchored to the
// world, so they stay put as the map pans, and classes them by count
// (or fatalities) on a logarithmic scale up to the fullest.
func (lo *eventLayout) density(pts []near, v geo.Viewport, w, h int) {
	lo.symbols, lo.members = nil, lo.members[:0]
	scale := v.DeviceScale()
	r := DensityHexSize * scale / 2 // circumradius
	t := v.WorldTransform()
	ox, oy := t.Origin[0]*t.Size, t.Origin[1]*t.Size // the view's corner in world pixels
	colW, rowH := math.Sqrt(3)*r, 1.5*r
	row0 := int(math.Floor((oy-r)/rowH)) - 1
	col0 := int(math.Floor((ox-colW)/colW)) - 1
	rows := int(math.Ceil(float64(h)/rowH)) + 6
	cols := int(math.Ceil(float64(w)/colW)) + 6
	cellOf := make([]int32, len(pts))
	count := make([]int32, rows*cols+1)
	for i, p := range pts {
		cellOf[i] = -1
		if p.x < -r || p.y < -r || p.x > float64(w)+r || p.y > float64(h)+r {
			continue
		}
		row, col := hexAt(p.x+ox, p.y+oy, r)
		row, col = row-row0, col-col0
		if row < 0 || col < 0 || row >= rows || col >= cols {
			continue
		}
		cellOf[i] = int32(row*cols + col)
		count[cellOf[i]+1]++
	}
	for i := 1; i < len(count); i++ {
		count[i] += count[i-1]
	}
	lo.members = make([]int32, count[len(count)-1])
	next := append([]int32(nil), count[:len(count)-1]...)
	for i, c := range cellOf {
		if c >= 0 {
			lo.members[next[c]] = pts[i].site
			next[c]++
		}
	}
	top, bottom := 0.0, math.Inf(1)
	for c := 0; c < rows*cols; c++ {
		if count[c] == count[c+1] {
			continue
		}
		cell := hexCell{member: count[c], sites: count[c+1] - count[c]}
		for _, k := range lo.members[cell.member : cell.member+cell.sites] {
			st := &lo.set.sites[k]
			cell.count += st.n
			cell.weight += st.weight
		}
		row, col := c/cols+row0, c%cols+col0
		cell.x, cell.y = hexCentre(row, col, r)
		cell.x, cell.y = cell.x-ox, cell.y-oy
		top, bottom = max(top, lo.densityValue(&cell)), min(bottom, lo.densityValue(&cell))
		lo.cells = append(lo.cells, cell)
	}
	lo.classes = densityClasses(bottom, top)
	for i := range lo.cells {
		lo.cells[i].class = classOf(lo.classes, lo.densityValue(&lo.cells[i]))
	}
	lo.hexes = make([]draw.Marker, len(lo.classes))
	for i, c := range lo.classes {
		lo.hexes[i] = HexMarker(c.Colour, scale)
	}
}

// densityValue is what colours a cell: its fatalities when the data gives
// them, else its count.
func (lo *eventLayout) densityValue(c *hexCell) float64 {
	if lo.set.base.weighted {
		return c.weight
	}
	return float64(c.count)
}

// classOf returns the index of the first of classes that reaches v.
func classOf(classes []DensityClass, v float64) uint8 {
	for i, c := range classes {
		if v <= c.High {
			return uint8(i)
		}
	}
	return uint8(len(classes) - 1)
}

// densityClasses returns the ramp's classes for values from bottom to
// top, of equal width in log(1+v) (kepler.gl quantizes its colour domain
// from the emptiest bin to the fullest): whole numbers, each class
// starting after the last one ended, the fullest always in the ramp's
// last colour.
func densityClasses(bottom, top float64) []DensityClass {
	n := len(DensityRamp)
	bottom = math.Max(0, math.Floor(math.Min(bottom, top)))
	out := make([]DensityClass, 0, n)
	low, lb, lt := bottom, math.Log1p(bottom), math.Log1p(top)
	for i := range n {
		high := math.Floor(math.Expm1(lb + (lt-lb)*float64(i+1)/float64(n)))
		if i == n-1 {
			high = top
		}
		if high < low {
			continue // a class no whole number falls in
		}
		out = append(out, DensityClass{Colour: DensityRamp[i], Low: low, High: high})
		low = high + 1
	}
	if len(out) == 0 { // top below bottom's whole number: one class
		out = append(out, DensityClass{Low: bottom, High: bottom})
	}
	out[len(out)-1].Colour = DensityRamp[n-1]
	return out
}

// hexAt returns the row and column ("odd-r" offset: odd rows shifted half
// a hexagon right) of the pointy-top hexagon of circumradius r holding
// world pixel x, y.
func hexAt(x, y, r float64) (row, col int) {
	q := (math.Sqrt(3)/3*x - y/3) / r
	s := 2.0 / 3 * y / r
	// Round the cube coordinates q, s, −q−s to the nearest hexagon.
	rq, rs, rc := math.Round(q), math.Round(s), math.Round(-q-s)
	dq, ds, dc := math.Abs(rq-q), math.Abs(rs-s), math.Abs(rc-(-q-s))
	switch {
	case dq > ds && dq > dc:
		rq = -rs - rc
	case ds > dc:
		rs = -rq - rc
	}
	row = int(rs)
	col = int(rq) + (row-(row&1))/2
	return row, col
}

// hexCentre is the world pixel at the centre of the hexagon at row, col.
func hexCentre(row, col int, r float64) (x, y float64) {
	x = math.Sqrt(3) * r * (float64(col) + 0.5*float64(row&1))
	return x, 1.5 * r * float64(row)
}

// drawDensity draws the hexagons.
func (lo *eventLayout) drawDensity(c draw.Canvas) {
	draw.BeginGroup(c, "density")
	for i := range lo.cells {
		cell := &lo.cells[i]
		c.Marker(cell.x, cell.y, lo.hexes[cell.class])
	}
	draw.EndGroup(c)
}

// hitCell returns the hexagon under device pixel x, y, or nil.
func (lo *eventLayout) hitCell(x, y, scale float64) *hexCell {
	r := DensityHexSize * scale / 2
	for i := range lo.cells {
		c := &lo.cells[i]
		if dx, dy := x-c.x, y-c.y; dx*dx+dy*dy <= r*r {
			return c
		}
	}
	return nil
}
