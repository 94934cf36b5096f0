package draw

import (
	"encoding/binary"
	"image"
	"image/color"
	stddraw "image/draw"
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/clip"
	"golang.org/x/image/vector"
)

// Raster is the Canvas that draws anti-aliased onto an *image.RGBA.
//
// Every FillPath and StrokePath gets one rasteriser sized to the on-screen
// bound of what it draws (a vector.Rasterizer costs in proportion to its
// own size), so draw many shapes of one style as one Path. Markers are
// rendered once per distinct Marker and then blended as stamps. Buffers
// are reused from call to call; a Raster is not safe for concurrent use.
type Raster struct {
	img    *image.RGBA
	ras    vector.Rasterizer
	stamps map[Marker]*stamp
	// lastMarker and lastStamp skip the map for runs of one symbol.
	lastMarker Marker
	lastStamp  *stamp
	faces      faces
	cover      []uint8                // scratch coverage mask for fills and strokes
	texts      map[textKey]*textStamp // set texts, see Text
	frames     []*image.RGBA          // the images BeginFrame replaced, innermost last
}

// NewRaster returns a Raster drawing onto img, which it keeps and changes.
func NewRaster(img *image.RGBA) *Raster {
	return &Raster{img: img, stamps: map[Marker]*stamp{}, faces: faces{}}
}

// ReserveScratch gives a new Raster, at once, the buffers it rasterises
// shapes in, as large as its image: the coverage mask's and the
// rasteriser's, in both of x/image/vector's modes (fixed-point up to
// 512×512 pixels, floating-point beyond). Otherwise they grow shape by
// shape, each larger shape allocating anew; reserved, they are touched
// only as far as the largest shape reaches, since memory not yet written
// costs address space, not pages. For a page drawn once (a PNG
// snapshot): a Raster kept for many pages grows its buffers as it needs
// them. Call it before drawing anything.
func (r *Raster) ReserveScratch() {
	w, h := r.img.Bounds().Dx(), r.img.Bounds().Dy()
	if cap(r.cover) < w*h {
		r.cover = make([]uint8, 0, w*h)
	}
	r.ras.Reset(min(w, 512), min(h, 512))
	if w > 512 || h > 512 {
		r.ras.Reset(w, h)
	}
}

// SetImage makes the Raster draw onto img from now on, keeping its
// buffers, rendered markers and font faces for reuse.
func (r *Raster) SetImage(img *image.RGBA) { r.img = img }

// Image is the image the Raster draws onto.
func (r *Raster) Image() *image.RGBA { return r.img }

// Size is the size of the image in pixels.
func (r *Raster) Size() (w, h int) {
	s := r.img.Bounds().Size()
	return s.X, s.Y
}

// Clear paints the whole image c, replacing what was there.
func (r *Raster) Clear(c color.RGBA) {
	b := r.img.Bounds()
	if b.Empty() {
		return
	}
	first := r.img.Pix[r.img.PixOffset(b.Min.X, b.Min.Y):][:4*b.Dx()]
	for x := 0; x < len(first); x += 4 {
		first[x], first[x+1], first[x+2], first[x+3] = c.R, c.G, c.B, c.A
	}
	for y := b.Min.Y + 1; y < b.Max.Y; y++ {
		copy(r.img.Pix[r.img.PixOffset(b.Min.X, y):], first)
	}
}

// FillPath fills p with the nonzero rule, anti-aliased.
func (r *Raster) FillPath(p Path, fill color.RGBA) {
	if fill.A == 0 || p.empty() {
		return
	}
	pb := p.Bound()
	box := r.box(pb, 0)
	if box.Empty() {
		return
	}
	if fill.A == 255 && isPixelRect(p) {
		// A background or a frame: no rasteriser needed.
		stddraw.Draw(r.img, box, image.NewUniform(fill), image.Point{}, stddraw.Src)
		return
	}
	// The rasteriser walks every row between a segment's ends even when
	// they are off its canvas: clip paths reaching far outside the image.
	if far := r.safeBound(); !far.Contains(pb.Min) || !far.Contains(pb.Max) {
		p = clipPath(p, r.clipBound(1))
	}
	r.ras.Reset(box.Dx(), box.Dy())
	ox, oy := float64(box.Min.X), float64(box.Min.Y)
	for _, sp := range p {
		if len(sp) < 3 {
			continue
		}
		r.ras.MoveTo(float32(sp[0][0]-ox), float32(sp[0][1]-oy))
		for _, pt := range sp[1:] {
			r.ras.LineTo(float32(pt[0]-ox), float32(pt[1]-oy))
		}
		r.ras.ClosePath()
	}
	r.blend(box, fill)
}

// StrokePath draws every subpath of p as a polyline width pixels wide,
// anti-aliased, with square-ish joins on lines wider than 2 pixels.
func (r *Raster) StrokePath(p Path, width float64, c color.RGBA) {
	if c.A == 0 || width <= 0 || p.empty() {
		return
	}
	box := r.box(p.Bound(), width/2+1)
	if box.Empty() {
		return
	}
	band := box.Dy()
	if box.Dx()*box.Dy() > strokeBandArea {
		band = max(strokeBandArea/box.Dx(), 16)
	}
	r.strokeBands(p, width, c, box, band)
}

// strokeBands strokes p within box in bands of band rows.
func (r *Raster) strokeBands(p Path, width float64, c color.RGBA, box image.Rectangle, band int) {
	for y := box.Min.Y; y < box.Max.Y; y += band {
		b := image.Rect(box.Min.X, y, box.Max.X, min(y+band, box.Max.Y))
		r.ras.Reset(b.Dx(), b.Dy())
		clipTo := orb.Bound{
			Min: orb.Point{float64(b.Min.X) - width, float64(b.Min.Y) - width},
			Max: orb.Point{float64(b.Max.X) + width, float64(b.Max.Y) + width},
		}
		strokeInto(&r.ras, p, width, clipTo, float64(b.Min.X), float64(b.Min.Y))
		r.blend(b, c)
	}
}

// strokeBandArea is the most pixels a stroke is rasterised in at once: a
// larger one (every border of a map, a page's frame) is drawn in bands of
// rows, each with a rasteriser and coverage mask of its own size, instead
// of buffers as large as the frame to clear, fault in and walk.
const strokeBandArea = 1 << 18

// blend turns what was added to the rasteriser (sized to box) into a
// coverage mask with the package's SIMD path, then blends c through it
// into box: uncovered pixels are skipped and fully covered ones with an
// opaque c are stored, which is most pixels of a map.
func (r *Raster) blend(box image.Rectangle, c color.RGBA) {
	w, h := box.Dx(), box.Dy()
	if cap(r.cover) < w*h {
		r.cover = make([]uint8, w*h)
	}
	mask := &image.Alpha{Pix: r.cover[:w*h], Stride: w, Rect: image.Rect(0, 0, w, h)}
	r.ras.DrawOp = stddraw.Src
	r.ras.Draw(mask, mask.Rect, image.Opaque, image.Point{})
	cr, cg, cb, ca := uint32(c.R), uint32(c.G), uint32(c.B), uint32(c.A)
	opaque := binary.LittleEndian.Uint32([]byte{c.R, c.G, c.B, c.A})
	for y := 0; y < h; y++ {
		m := mask.Pix[y*w : y*w+w]
		i := r.img.PixOffset(box.Min.X, box.Min.Y+y)
		dst := r.img.Pix[i : i+4*w]
		for x := 0; x < w; {
			// Most of a map is wholly outside or wholly inside a shape:
			// skip or store eight pixels at a time.
			if x+8 <= w {
				switch binary.LittleEndian.Uint64(m[x:]) {
				case 0:
					x += 8
					continue
				case ^uint64(0):
					if ca == 255 {
						for k := 4 * x; k < 4*x+32; k += 4 {
							binary.LittleEndian.PutUint32(dst[k:], opaque)
						}
						x += 8
						continue
					}
				}
			}
			a := m[x]
			if a == 0 {
				x++
				continue
			}
			d := dst[4*x : 4*x+4 : 4*x+4]
			if a == 255 && ca == 255 {
				binary.LittleEndian.PutUint32(d, opaque)
				x++
				continue
			}
			ma := uint32(a)
			k := 255 - div255(ca*ma)
			d[0] = uint8(div255(cr*ma + uint32(d[0])*k))
			d[1] = uint8(div255(cg*ma + uint32(d[1])*k))
			d[2] = uint8(div255(cb*ma + uint32(d[2])*k))
			d[3] = uint8(div255(ca*ma + uint32(d[3])*k))
			x++
		}
	}
}

// div255 is x/255 rounded, exact for x ≤ 65535.
func div255(x uint32) uint32 {
	x += 128
	return (x + x>>8) >> 8
}

// isPixelRect reports whether p is one axis-aligned rectangle whose
// corners lie on whole pixels.
func isPixelRect(p Path) bool {
	if len(p) != 1 || len(p[0]) < 4 || len(p[0]) > 5 {
		return false
	}
	sp := p[0]
	if len(sp) == 5 && sp[4] != sp[0] {
		return false
	}
	for i := 0; i < 4; i++ {
		a, b := sp[i], sp[(i+1)%4]
		if a[0] != math.Trunc(a[0]) || a[1] != math.Trunc(a[1]) || (a[0] != b[0] && a[1] != b[1]) {
			return false
		}
	}
	return true
}

// box is the pixel rectangle of the image covered by b grown by pad.
func (r *Raster) box(b orb.Bound, pad float64) image.Rectangle {
	rect := image.Rect(
		int(math.Floor(b.Min[0]-pad)), int(math.Floor(b.Min[1]-pad)),
		int(math.Ceil(b.Max[0]+pad)), int(math.Ceil(b.Max[1]+pad)),
	)
	return rect.Intersect(r.img.Bounds())
}

// safeBound is the area within which paths are drawn without clipping.
func (r *Raster) safeBound() orb.Bound {
	b := r.img.Bounds()
	w, h := float64(b.Dx()), float64(b.Dy())
	return orb.Bound{
		Min: orb.Point{float64(b.Min.X) - w, float64(b.Min.Y) - h},
		Max: orb.Point{float64(b.Max.X) + w, float64(b.Max.Y) + h},
	}
}

// clipBound is the image's bound grown by pad pixels.
func (r *Raster) clipBound(pad float64) orb.Bound {
	b := r.img.Bounds()
	return orb.Bound{
		Min: orb.Point{float64(b.Min.X) - pad, float64(b.Min.Y) - pad},
		Max: orb.Point{float64(b.Max.X) + pad, float64(b.Max.Y) + pad},
	}
}

// clipPath clips every subpath of p, as a ring, to b. The result is new;
// p is not changed.
func clipPath(p Path, b orb.Bound) Path {
	out := make(Path, 0, len(p))
	for _, sp := range p {
		if c := clip.Ring(b, orb.Ring(sp).Clone()); len(c) > 2 {
			out = append(out, orb.LineString(c))
		}
	}
	return out
}
