package draw

import (
	"image"
	"math"

	"github.com/paulmach/orb"
)

// stamp is one Marker rendered once: premultiplied RGBA pixels w×h whose
// centre lies cx, cy pixels from the top-left corner.
type stamp struct {
	pix    []uint8
	w, h   int
	cx, cy float64
}

// Marker blends the stamp of m centred on the pixel nearest x, y.
// Markers wholly off the image cost a comparison. The cost is mostly
// memory traffic: 100k 4 px markers in random order take about 3 times as
// long as the same markers drawn in row order (sorted by y), so keep many
// markers roughly sorted by y.
func (r *Raster) Marker(x, y float64, m Marker) {
	st := r.lastStamp
	if st == nil || m != r.lastMarker {
		if st = r.stamps[m]; st == nil {
			st = r.newStamp(m)
			r.stamps[m] = st
		}
		r.lastMarker, r.lastStamp = m, st
	}
	x0 := int(math.Round(x - st.cx))
	y0 := int(math.Round(y - st.cy))
	b := r.img.Bounds()
	if x0 >= b.Max.X || y0 >= b.Max.Y || x0+st.w <= b.Min.X || y0+st.h <= b.Min.Y {
		return
	}
	sx0, sy0 := max(0, b.Min.X-x0), max(0, b.Min.Y-y0)
	sx1, sy1 := min(st.w, b.Max.X-x0), min(st.h, b.Max.Y-y0)
	for sy := sy0; sy < sy1; sy++ {
		src := st.pix[(sy*st.w+sx0)*4 : (sy*st.w+sx1)*4]
		i := r.img.PixOffset(x0+sx0, y0+sy)
		dst := r.img.Pix[i : i+len(src)]
		for j := 0; j+3 < len(src); j += 4 {
			a := uint32(src[j+3])
			switch a {
			case 0:
				continue
			case 255:
				dst[j], dst[j+1], dst[j+2], dst[j+3] = src[j], src[j+1], src[j+2], 255
				continue
			}
			k := 255 - a
			dst[j] = src[j] + uint8(div255(uint32(dst[j])*k))
			dst[j+1] = src[j+1] + uint8(div255(uint32(dst[j+1])*k))
			dst[j+2] = src[j+2] + uint8(div255(uint32(dst[j+2])*k))
			dst[j+3] = src[j+3] + uint8(div255(uint32(dst[j+3])*k))
		}
	}
}

// newStamp renders m: its fill, then its outline (dashed if asked) over it.
func (r *Raster) newStamp(m Marker) *stamp {
	ow := m.outlineWidth()
	side := int(math.Ceil(m.Size+ow)) + 2
	st := &stamp{pix: make([]uint8, side*side*4), w: side, h: side, cx: float64(side) / 2, cy: float64(side) / 2}
	ring := m.Shape.ring(st.cx, st.cy, m.Size)

	fill := make([]float64, side*side)
	if m.Fill.A > 0 {
		r.ras.Reset(side, side)
		addRing(r, ring)
		r.coverage(fill, side)
	}
	outline := make([]float64, side*side)
	if ow > 0 {
		r.ras.Reset(side, side)
		all := orb.Bound{Min: orb.Point{-1, -1}, Max: orb.Point{float64(side) + 1, float64(side) + 1}}
		strokeInto(&r.ras, Path{orb.LineString(ring)}, ow, all, 0, 0)
		joint(&r.ras, ring[0][0], ring[0][1], ow/2)
		r.coverage(outline, side)
		if m.Dashed {
			dash(outline, side, st.cx, st.cy, m.dashes())
		}
	}
	f := [4]float64{float64(m.Fill.R), float64(m.Fill.G), float64(m.Fill.B), float64(m.Fill.A)}
	o := [4]float64{float64(m.Outline.R), float64(m.Outline.G), float64(m.Outline.B), float64(m.Outline.A)}
	for i := range fill {
		fa, oa := fill[i], outline[i]
		under := 1 - oa*o[3]/255
		a := math.Round(math.Min(255, o[3]*oa+f[3]*fa*under))
		st.pix[i*4+3] = uint8(a)
		for c := 0; c < 3; c++ {
			// Premultiplied: no channel above alpha, or blending overflows.
			st.pix[i*4+c] = uint8(math.Min(a, math.Round(o[c]*oa+f[c]*fa*under)))
		}
	}
	return st.trim()
}

// trim drops the stamp's fully transparent border rows and columns, so
// blending touches as few image rows as the symbol needs.
func (st *stamp) trim() *stamp {
	x0, y0, x1, y1 := st.w, st.h, 0, 0
	for y := 0; y < st.h; y++ {
		for x := 0; x < st.w; x++ {
			if st.pix[(y*st.w+x)*4+3] != 0 {
				x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x+1), max(y1, y+1)
			}
		}
	}
	if x0 >= x1 {
		return &stamp{}
	}
	out := &stamp{w: x1 - x0, h: y1 - y0, cx: st.cx - float64(x0), cy: st.cy - float64(y0)}
	out.pix = make([]uint8, 0, out.w*out.h*4)
	for y := y0; y < y1; y++ {
		out.pix = append(out.pix, st.pix[(y*st.w+x0)*4:(y*st.w+x1)*4]...)
	}
	return out
}

// addRing adds ring to the Raster's rasteriser as one closed subpath.
func addRing(r *Raster, ring orb.Ring) {
	r.ras.MoveTo(float32(ring[0][0]), float32(ring[0][1]))
	for _, p := range ring[1:] {
		r.ras.LineTo(float32(p[0]), float32(p[1]))
	}
	r.ras.ClosePath()
}

// coverage rasterises what was added to r.ras into cov, 0..1 a pixel.
func (r *Raster) coverage(cov []float64, side int) {
	mask := image.NewAlpha(image.Rect(0, 0, side, side))
	r.ras.Draw(mask, mask.Bounds(), image.Opaque, image.Point{})
	for i, a := range mask.Pix {
		cov[i] = float64(a) / 255
	}
}

// dash keeps every other of 2n equal angular sectors around cx, cy of the
// outline coverage cov, turning a ring into n dashes.
func dash(cov []float64, side int, cx, cy float64, n int) {
	for y := 0; y < side; y++ {
		for x := 0; x < side; x++ {
			a := math.Atan2(float64(y)+0.5-cy, float64(x)+0.5-cx) + math.Pi
			if int(a/(math.Pi/float64(n)))%2 == 1 {
				cov[y*side+x] = 0
			}
		}
	}
}
