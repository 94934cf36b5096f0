package geo

import (
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/project"
)

// Viewport is what a map view shows: Web Mercator, zoom z means the world is
// 256·2^z logical pixels wide.
type Viewport struct {
	Center        orb.Point // lon/lat
	Zoom          float64
	Width, Height int     // logical pixels
	Scale         float64 // device pixels per logical pixel (HiDPI); 0 means 1
}

// The zoom range ZoomAt keeps to. Fit may go below MinZoom to show a large
// area in a small window.
const (
	MinZoom = 0.0
	MaxZoom = 20.0
)

// MaxLatitude is the latitude where the Web Mercator world ends (its square's
// top edge).
const MaxLatitude = 85.05112878

// tileSize is the width in logical pixels of the world at zoom 0.
const tileSize = 256

// earthHalf is half the circumference of the Mercator sphere in metres.
const earthHalf = orb.EarthRadius * math.Pi

// ToWorld returns the Web Mercator position of a lon/lat point as a
// fraction of the world square: x from 0 (180°W) to 1, y from 0 (top) to 1.
// A layer that draws the same places in many views works it out once per
// place; a view's WorldTransform then takes it to pixels with a
// multiply-add.
func ToWorld(p orb.Point) orb.Point {
	m := project.WGS84.ToMercator(p)
	return orb.Point{0.5 + m[0]/(2*earthHalf), 0.5 - m[1]/(2*earthHalf)}
}

// fromWorld is the inverse of ToWorld.
func fromWorld(w orb.Point) orb.Point {
	return project.Mercator.ToWGS84(orb.Point{(w[0] - 0.5) * 2 * earthHalf, (0.5 - w[1]) * 2 * earthHalf})
}

// DeviceScale is the device pixels per logical pixel: Scale, or 1 when
// Scale is unset.
func (v Viewport) DeviceScale() float64 {
	if v.Scale <= 0 {
		return 1
	}
	return v.Scale
}

// worldSize is the width of the world in device pixels.
func (v Viewport) worldSize() float64 {
	return tileSize * math.Exp2(v.Zoom) * v.DeviceScale()
}

// PixelSize returns the size of the view in device pixels: Width·Scale by
// Height·Scale, rounded.
func (v Viewport) PixelSize() (w, h int) {
	s := v.DeviceScale()
	return int(math.Round(float64(v.Width) * s)), int(math.Round(float64(v.Height) * s))
}

// origin returns the world position of the top-left device pixel and the
// world size in device pixels.
func (v Viewport) origin() (orb.Point, float64) {
	w, h := v.PixelSize()
	size := v.worldSize()
	c := ToWorld(v.Center)
	return orb.Point{c[0] - float64(w)/2/size, c[1] - float64(h)/2/size}, size
}

// WorldTransform takes world positions (ToWorld) to one view's device
// pixels.
type WorldTransform struct {
	Origin orb.Point // the world position of the view's top-left device pixel
	Size   float64   // the world square's side in device pixels
}

// Pixel returns the device pixel of the world position w.
func (t WorldTransform) Pixel(w orb.Point) (x, y float64) {
	return (w[0] - t.Origin[0]) * t.Size, (w[1] - t.Origin[1]) * t.Size
}

// WorldTransform returns the transform from world positions to v's device
// pixels: v.Project(p) is v.WorldTransform().Pixel(ToWorld(p)).
func (v Viewport) WorldTransform() WorldTransform {
	o, size := v.origin()
	return WorldTransform{Origin: o, Size: size}
}

// Project returns the device pixel (origin top-left) of the lon/lat point p.
func (v Viewport) Project(p orb.Point) (x, y float64) {
	return v.WorldTransform().Pixel(ToWorld(p))
}

// Unproject returns the lon/lat point at device pixel x, y. Points beyond the
// world's edges have longitudes beyond ±180° and latitudes up to ±90°.
func (v Viewport) Unproject(x, y float64) orb.Point {
	o, size := v.origin()
	return fromWorld(orb.Point{o[0] + x/size, o[1] + y/size})
}

// Bound returns the lon/lat bound of what is visible, clamped to ±180° of
// longitude and ±MaxLatitude.
func (v Viewport) Bound() orb.Bound {
	w, h := v.PixelSize()
	nw, se := v.Unproject(0, 0), v.Unproject(float64(w), float64(h))
	return orb.Bound{
		Min: orb.Point{math.Max(nw[0], -180), math.Max(se[1], -MaxLatitude)},
		Max: orb.Point{math.Min(se[0], 180), math.Min(nw[1], MaxLatitude)},
	}
}

// Pan returns the view moved by dx, dy device pixels, as when the map is
// dragged: dragging right (dx > 0) moves the map right, so the centre moves
// west. The centre's longitude wraps to ±180° and its latitude stays within
// ±MaxLatitude.
func (v Viewport) Pan(dx, dy float64) Viewport {
	w, h := v.PixelSize()
	v.Center = normalize(v.Unproject(float64(w)/2-dx, float64(h)/2-dy))
	return v
}

// ZoomAt returns the view zoomed by factor (2 zooms in one level, 0.5 out)
// keeping the point under device pixel x, y where it is. The zoom stays
// within MinZoom (or the current zoom, if lower) and MaxZoom.
func (v Viewport) ZoomAt(x, y, factor float64) Viewport {
	if !(factor > 0) || math.IsInf(factor, 0) {
		return v
	}
	o, size := v.origin()
	at := orb.Point{o[0] + x/size, o[1] + y/size}
	v.Zoom = math.Min(math.Max(v.Zoom+math.Log2(factor), math.Min(MinZoom, v.Zoom)), MaxZoom)
	size = v.worldSize()
	w, h := v.PixelSize()
	c := orb.Point{at[0] - (x-float64(w)/2)/size, at[1] - (y-float64(h)/2)/size}
	v.Center = normalize(fromWorld(c))
	return v
}

// MetresPerPixel returns the ground distance one device pixel covers at the
// centre's latitude.
func (v Viewport) MetresPerPixel() float64 {
	lat := math.Max(-MaxLatitude, math.Min(MaxLatitude, v.Center[1]))
	return 2 * earthHalf / v.worldSize() / project.MercatorScaleFactor(orb.Point{v.Center[0], lat})
}

// Fit returns the view of width by height logical pixels at scale device
// pixels per logical pixel (0 means 1) with the largest zoom at which all of
// the lon/lat bound b shows, centred on b in Mercator. Latitudes beyond
// ±MaxLatitude are clamped; a bound of a single point gets MaxZoom.
func Fit(b orb.Bound, width, height int, scale float64) Viewport {
	v := Viewport{Width: max(width, 1), Height: max(height, 1), Scale: scale}
	clampLat := func(lat float64) float64 { return math.Max(-MaxLatitude, math.Min(MaxLatitude, lat)) }
	nw := ToWorld(orb.Point{b.Min[0], clampLat(b.Max[1])})
	se := ToWorld(orb.Point{b.Max[0], clampLat(b.Min[1])})
	w, h := v.PixelSize()
	fit := math.Min(float64(w)/(se[0]-nw[0]), float64(h)/(se[1]-nw[1])) // world size in device pixels
	v.Zoom = MaxZoom
	if !math.IsInf(fit, 1) && !math.IsNaN(fit) {
		v.Zoom = math.Min(math.Log2(fit/(tileSize*v.DeviceScale())), MaxZoom)
	}
	v.Center = fromWorld(orb.Point{(nw[0] + se[0]) / 2, (nw[1] + se[1]) / 2})
	return v
}

// normalize wraps p's longitude into −180..180 and clamps its latitude to
// ±MaxLatitude.
func normalize(p orb.Point) orb.Point {
	lon := math.Mod(p[0]+180, 360)
	if lon < 0 {
		lon += 360
	}
	return orb.Point{lon - 180, math.Max(-MaxLatitude, math.Min(MaxLatitude, p[1]))}
}
