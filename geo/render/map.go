package render

import (
	"image"
	"sync"

	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
)

// Map draws the base map (sea, countries, borders, names, capitals) with
// layers over it. RenderTo is the one way a frame is composed (RenderOnce
// the same for a page drawn once): the window's frames, the export preview
// and every exported page go through it.
//
// Concurrency: RenderTo and Render may be called from any goroutine at
// once (the window renders while an export draws). The cached base images
// are shared read-only; overlay layers must therefore be safe to Draw
// concurrently with themselves when the same layer is given to two calls.
type Map struct {
	atlas *geo.Atlas
	style *style
	base  []Layer
	names *namesLayer

	mu        sync.Mutex   // guards the fields below
	cache     []*baseImage // most recently used first, at most maxBaseImages
	raster    *draw.Raster // draws base images, keeping its stamps and faces; nil while in use
	labelSets []*labelSet  // most recent first, at most maxLabelSets
	placement *placement   // the names placed last
}

// baseImage is the base map of one viewport, drawn once and copied into
// every raster frame of that viewport.
type baseImage struct {
	view    geo.Viewport
	img     *image.RGBA // never changed once in the cache
	readers int         // RenderTo calls copying from img; guarded by Map.mu
}

// The base cache holds the base images of the two viewports drawn last
// (typically the window's and an export's), each at most
// maxBasePixels: a larger page draws its base map directly, so an A3 or
// 16384-pixel export never pins hundreds of megabytes.
const (
	maxBaseImages = 2
	maxBasePixels = 20 << 20 // 80 MB of RGBA; an A3 page at 300 dpi fits
)

// New returns a Map of atlas's countries styled by opts. It works out the
// focus countries' neighbours from the atlas's geometry.
func New(atlas *geo.Atlas, opts Options) *Map {
	st := newStyle(atlas, opts)
	capitals := append([]Place(nil), opts.Capitals...)
	names := &namesLayer{atlas: atlas, style: st, capitals: capitals, towns: &towns{load: opts.Towns}}
	return &Map{
		atlas: atlas,
		style: st,
		names: names,
		base: []Layer{
			seaLayer{},
			&countriesLayer{atlas: atlas, style: st},
			newRiversLayer(),
			names, // the capital dots
		},
	}
}

// RenderTo draws the map of v on c: the base map, then overlays in order,
// bottom first, then the names: countries', capitals', towns' by zoom and
// those the overlays ask for (see Occupant), placed clear of every symbol
// and pin the overlays drew and drawn over their lines. On a *draw.Raster (a screen frame, a PNG or GIF page, or
// the raster's current frame within a page) the base map is copied from a
// cache image drawn once per viewport; on a vector canvas (SVG, PDF) it is
// drawn as paths and text.
func (m *Map) RenderTo(c draw.Canvas, v geo.Viewport, overlays ...Layer) {
	w, h := v.PixelSize()
	if r, ok := c.(*draw.Raster); ok && w*h <= maxBasePixels {
		b := m.acquire(v)
		copyPixels(r.Image(), b.img)
		m.release(b)
	} else {
		m.drawBase(c, v)
	}
	m.drawOverlays(c, v, overlays)
}

// RenderOnce draws the map of v on c as RenderTo does, but draws the base
// map straight on c, never through the cache: for a page drawn once (a
// single PNG snapshot), where a cache image would cost a second
// full-frame image, the first touch of its memory and a copy, and would
// not be read again.
func (m *Map) RenderOnce(c draw.Canvas, v geo.Viewport, overlays ...Layer) {
	m.drawBase(c, v)
	m.drawOverlays(c, v, overlays)
}

// drawOverlays draws overlays on c in order, bottom first, then the names
// placed clear of them.
func (m *Map) drawOverlays(c draw.Canvas, v geo.Viewport, overlays []Layer) {
	for _, l := range overlays {
		l.Draw(c, v)
	}
	drawNames(c, v, m.placeNames(c, v, overlays))
}

// Render draws the map of v with overlays into dst, when dst has v's pixel
// size, or else into a new image, and returns the image drawn.
func (m *Map) Render(dst *image.RGBA, v geo.Viewport, overlays ...Layer) *image.RGBA {
	w, h := v.PixelSize()
	if dst == nil || dst.Rect != image.Rect(0, 0, w, h) {
		dst = image.NewRGBA(image.Rect(0, 0, w, h))
	}
	m.RenderTo(draw.NewRaster(dst), v, overlays...)
	return dst
}

// drawBase draws the base layers on c.
func (m *Map) drawBase(c draw.Canvas, v geo.Viewport) {
	for _, l := range m.base {
		l.Draw(c, v)
	}
}

// acquire returns the base image of v, drawing it (outside the lock) when
// it is not cached, marked as being read until release.
func (m *Map) acquire(v geo.Viewport) *baseImage {
	w, h := v.PixelSize()
	rect := image.Rect(0, 0, w, h)
	m.mu.Lock()
	for i, b := range m.cache {
		if b.view == v {
			copy(m.cache[1:i+1], m.cache[:i])
			m.cache[0] = b
			b.readers++
			m.mu.Unlock()
			return b
		}
	}
	// A miss: reuse the pixels of the image about to be evicted when no one
	// reads them, as a window panning from frame to frame does.
	var img *image.RGBA
	if n := len(m.cache); n == maxBaseImages && m.cache[n-1].readers == 0 && m.cache[n-1].img.Rect == rect {
		img = m.cache[n-1].img
		m.cache = m.cache[:n-1]
	}
	r := m.raster
	m.raster = nil
	m.mu.Unlock()

	if img == nil {
		img = image.NewRGBA(rect)
	}
	if r == nil {
		r = draw.NewRaster(img)
	}
	r.SetImage(img)
	m.drawBase(r, v)
	b := &baseImage{view: v, img: img, readers: 1}

	m.mu.Lock()
	defer m.mu.Unlock()
	if m.raster == nil {
		m.raster = r
	}
	m.cache = slicesDeleteView(m.cache, v) // another call may have drawn v meanwhile
	m.cache = append([]*baseImage{b}, m.cache...)
	if len(m.cache) > maxBaseImages {
		m.cache = m.cache[:maxBaseImages]
	}
	return b
}

// release ends a read of b begun by acquire.
func (m *Map) release(b *baseImage) {
	m.mu.Lock()
	b.readers--
	m.mu.Unlock()
}

// slicesDeleteView drops the entry of v from cache, if any.
func slicesDeleteView(cache []*baseImage, v geo.Viewport) []*baseImage {
	out := cache[:0]
	for _, b := range cache {
		if b.view != v {
			out = append(out, b)
		}
	}
	return out
}

// copyPixels copies the overlap of src into dst, both anchored at their
// top-left corners: dst may be a frame within a page (a view of a larger
// image), src is a base image.
func copyPixels(dst, src *image.RGBA) {
	w := min(dst.Rect.Dx(), src.Rect.Dx())
	h := min(dst.Rect.Dy(), src.Rect.Dy())
	if w <= 0 || h <= 0 {
		return
	}
	n := 4 * w
	for y := 0; y < h; y++ {
		copy(dst.Pix[dst.PixOffset(dst.Rect.Min.X, dst.Rect.Min.Y+y):][:n], src.Pix[src.PixOffset(0, y):][:n])
	}
}
