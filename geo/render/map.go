package render

import (
	"image"
	"sync"

	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
)

// Map draws the base map (sea, countries, borders, names, capitals) and the
// overlay layers over it.
//
// Concurrency: Render, RenderTo, Draw and SetOverlays may be called from
// any goroutine. Render calls are serialised (they share the cached base
// image and one draw.Raster, whose rendered markers and font faces
// overlays reuse from frame to frame); Draw holds no lock, so an export can
// be drawn while the screen renders. Overlay layers must therefore be safe
// to Draw concurrently.
type Map struct {
	atlas *geo.Atlas
	base  []Layer

	overlayMu sync.Mutex
	overlays  []Layer

	mu        sync.Mutex // guards the fields below and serialises Render
	cached    bool
	cacheView geo.Viewport
	cache     *image.RGBA  // the base map of cacheView, never handed out
	raster    *draw.Raster // reused by Render: keeps its buffers and stamps
	baseDraws int          // times the base layers were drawn by Render
}

// New returns a Map of atlas's countries styled by opts. It works out the
// focus countries' neighbours from the atlas's geometry.
func New(atlas *geo.Atlas, opts Options) *Map {
	st := newStyle(atlas, opts)
	capitals := append([]Place(nil), opts.Capitals...)
	return &Map{
		atlas: atlas,
		base: []Layer{
			seaLayer{},
			&countriesLayer{atlas: atlas, style: st},
			&namesLayer{atlas: atlas, style: st, capitals: capitals},
		},
	}
}

// SetOverlays replaces the layers drawn over the base map, in order. The
// next Render reuses the cached base image and redraws only these.
func (m *Map) SetOverlays(layers ...Layer) {
	m.overlayMu.Lock()
	m.overlays = append([]Layer(nil), layers...)
	m.overlayMu.Unlock()
}

// overlayLayers is a snapshot of the overlay layers.
func (m *Map) overlayLayers() []Layer {
	m.overlayMu.Lock()
	defer m.overlayMu.Unlock()
	return m.overlays
}

// DrawBase draws only the base layers on c.
func (m *Map) DrawBase(c draw.Canvas, v geo.Viewport) {
	for _, l := range m.base {
		l.Draw(c, v)
	}
}

// Draw draws the base layers and the overlays on c: the path used by SVG
// and PDF exports. Nothing is cached.
func (m *Map) Draw(c draw.Canvas, v geo.Viewport) {
	m.DrawBase(c, v)
	for _, l := range m.overlayLayers() {
		l.Draw(c, v)
	}
}

// Render returns a new image of v at its device pixel size: the base map,
// drawn afresh only when v differs from the previous Render's viewport,
// with the overlays drawn over a copy of it. The caller owns the result.
func (m *Map) Render(v geo.Viewport) *image.RGBA {
	return m.RenderTo(nil, v)
}

// RenderTo is Render drawing into dst, which it returns, when dst has
// v's pixel size; otherwise it allocates a new image as Render does. A
// caller that alternates two images (one shown, one being drawn) saves an
// 8 MB allocation a 1920×1080 frame. dst must not be in use elsewhere
// while RenderTo runs.
func (m *Map) RenderTo(dst *image.RGBA, v geo.Viewport) *image.RGBA {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.cached || m.cacheView != v {
		m.renderBase(v)
	}
	if dst == nil || dst.Rect != m.cache.Rect {
		dst = image.NewRGBA(m.cache.Rect)
	}
	copy(dst.Pix, m.cache.Pix)
	if overlays := m.overlayLayers(); len(overlays) > 0 {
		m.raster.SetImage(dst)
		for _, l := range overlays {
			l.Draw(m.raster, v)
		}
	}
	return dst
}

// renderBase draws the base map of v into the cache image, reusing its
// pixels when the size is unchanged. The caller holds m.mu.
func (m *Map) renderBase(v geo.Viewport) {
	w, h := v.PixelSize()
	if m.cache == nil || m.cache.Rect.Dx() != w || m.cache.Rect.Dy() != h {
		m.cache = image.NewRGBA(image.Rect(0, 0, w, h))
	}
	if m.raster == nil {
		m.raster = draw.NewRaster(m.cache)
	}
	m.raster.SetImage(m.cache)
	m.DrawBase(m.raster, v)
	m.cacheView, m.cached = v, true
	m.baseDraws++
}
