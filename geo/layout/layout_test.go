package layout

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/png"
	"math"
	"testing"
	"time"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
	"github.com/sahelatlas/sahelatlas/geo/render"
)

func TestScaleLength(t *testing.T) {
	cases := []struct {
		name           string
		mpp, max       float64
		metres, pixels float64
	}{
		{"Sahel slide", 4000, 180, 500_000, 125},
		{"just fits 1000 km", 5000, 200, 1_000_000, 200},
		{"two hundred", 1500, 180, 200_000, 200_000.0 / 1500},
		{"city", 2, 180, 200, 100},
		{"one metre", 0.01, 180, 1, 100},
		{"no scale", 0, 180, 0, 0},
	}
	for _, tc := range cases {
		m, px := ScaleLength(tc.mpp, tc.max)
		if m != tc.metres || math.Abs(px-tc.pixels) > 1e-9 {
			t.Errorf("%s: ScaleLength(%g, %g) = %g m, %g px; want %g m, %g px", tc.name, tc.mpp, tc.max, m, px, tc.metres, tc.pixels)
		}
		if px > tc.max {
			t.Errorf("%s: bar of %g px is longer than %g", tc.name, px, tc.max)
		}
	}
}

func TestDateRange(t *testing.T) {
	d := func(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, time.UTC) }
	cases := []struct {
		from, to time.Time
		want     string
	}{
		{d(2025, 1, 1), d(2025, 9, 30), "1 Jan – 30 Sep 2025"},
		{d(2025, 9, 1), d(2025, 9, 30), "1–30 Sep 2025"},
		{d(2025, 9, 5), d(2025, 9, 5), "5 Sep 2025"},
		{d(2024, 12, 1), d(2025, 1, 31), "1 Dec 2024 – 31 Jan 2025"},
	}
	for _, tc := range cases {
		if got := DateRange(tc.from, tc.to); got != tc.want {
			t.Errorf("DateRange(%v, %v) = %q, want %q", tc.from, tc.to, got, tc.want)
		}
	}
}

// A world file of the whole world at zoom 0 in a 256×256 frame: each
// pixel is 1/256 of the Mercator square, whose corners are ±20037508.34 m.
func TestWorldFile(t *testing.T) {
	const half = 20037508.342789244
	v := geo.Viewport{Center: orb.Point{0, 0}, Zoom: 0, Width: 256, Height: 256}
	for _, tc := range []struct {
		name  string
		frame image.Rectangle
	}{
		{"frame is the image", image.Rect(0, 0, 256, 256)},
		{"frame inset in a page", image.Rect(16, 90, 272, 346)},
	} {
		wf := WorldFile(v, tc.frame)
		px := 2 * half / 256
		want := [6]float64{px, 0, 0, -px,
			-half + px/2 - float64(tc.frame.Min.X)*px,
			half - px/2 + float64(tc.frame.Min.Y)*px}
		for i := range wf {
			if math.Abs(wf[i]-want[i]) > 1e-6 {
				t.Errorf("%s: world file = %v, want %v", tc.name, wf, want)
				break
			}
		}
	}
	var buf bytes.Buffer
	if err := WriteWorldFile(&buf, [6]float64{1.5, 0, 0, -1.5, -10, 20}); err != nil {
		t.Fatal(err)
	}
	if got := buf.String(); got != "1.5\n0\n0\n-1.5\n-10\n20\n" {
		t.Errorf("written as %q", got)
	}
}

// physDPI reads the pHYs chunk of a PNG, as dots per inch.
func physDPI(t *testing.T, b []byte) (x, y float64, ok bool) {
	t.Helper()
	for i := 8; i+8 <= len(b); {
		n := int(binary.BigEndian.Uint32(b[i:]))
		if string(b[i+4:i+8]) == "pHYs" {
			d := b[i+8 : i+8+n]
			if d[8] != 1 {
				t.Fatalf("pHYs unit %d, want 1 (metre)", d[8])
			}
			return float64(binary.BigEndian.Uint32(d)) * 0.0254, float64(binary.BigEndian.Uint32(d[4:])) * 0.0254, true
		}
		i += 12 + n
	}
	return 0, 0, false
}

func TestEncodePNGResolution(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 40, 30))
	draw.NewRaster(img).Clear(ColourPaper)
	for _, dpi := range []float64{96, 300} {
		var buf bytes.Buffer
		if err := EncodePNG(&buf, img, dpi); err != nil {
			t.Fatal(err)
		}
		// image/png checks every chunk's CRC.
		got, err := png.Decode(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatalf("%g dpi: does not decode: %v", dpi, err)
		}
		if got.Bounds() != img.Bounds() {
			t.Errorf("%g dpi: bounds %v", dpi, got.Bounds())
		}
		x, y, ok := physDPI(t, buf.Bytes())
		if !ok || math.Abs(x-dpi) > 0.05 || math.Abs(y-dpi) > 0.05 {
			t.Errorf("pHYs = %g×%g dpi (found %v), want %g", x, y, ok, dpi)
		}
	}
}

// sea draws the sea only: a stand-in for the map.
var sea = render.LayerFunc(func(c draw.Canvas, v geo.Viewport) {
	w, h := c.Size()
	var p draw.Path
	p.AddRect(0, 0, float64(w), float64(h))
	c.FillPath(p, render.ColourSea)
})

func TestPageLayout(t *testing.T) {
	full := Options{Title: "Sahel", Subtitle: "1–30 Sep 2025", Caveat: "UNCLASSIFIED", Credits: "Natural Earth; GeoNames",
		MadeAt: time.Date(2025, 10, 1, 12, 0, 0, 0, time.UTC)}
	bare := full
	bare.Hide = Title | Subtitle | Caveat | Credits | MadeAt
	c := draw.NewRaster(image.NewRGBA(image.Rect(0, 0, 1920, 1080)))
	pf, pb := New(c, full), New(c, bare)
	if !pf.Map.In(image.Rect(0, 0, 1920, 1080)) || pf.Map.Dy() < 700 {
		t.Errorf("map frame %v: not inside the page or too small", pf.Map)
	}
	if !pf.Map.In(pb.Map) || pf.Map == pb.Map {
		t.Errorf("hiding the text should give the map more room: %v with, %v without", pf.Map, pb.Map)
	}
	if pf.Unit != 1 {
		t.Errorf("unit of a 1920x1080 page = %g, want 1", pf.Unit)
	}
	big := New(draw.NewRaster(image.NewRGBA(image.Rect(0, 0, 3840, 2160))), full)
	if big.Unit != 2 || math.Abs(float64(big.Map.Dy())-2*float64(pf.Map.Dy())) > 4 {
		t.Errorf("a 4K page should be the slide at twice the size: unit %g, frame %v vs %v", big.Unit, big.Map, pf.Map)
	}

	// Drawn: the caveat band at the top, the map in its frame, paper around.
	v := pf.Fit(orb.Bound{Min: orb.Point{-25, -5}, Max: orb.Point{50, 50}})
	if w, h := v.PixelSize(); w > pf.Map.Dx() || h > pf.Map.Dy() || v.Scale != 1 {
		t.Errorf("viewport %dx%d at scale %g does not fit the frame %v", w, h, v.Scale, pf.Map)
	}
	pf.Draw(c, v, sea, []LegendItem{{Label: "visit", Marker: draw.Marker{Shape: draw.Circle, Size: 10, Fill: color.RGBA{0, 0x72, 0xB2, 0xFF}}}})
	img := c.Image()
	mid := pf.Map.Min.Add(image.Pt(pf.Map.Dx()/2, pf.Map.Dy()/2))
	for _, tc := range []struct {
		name string
		at   image.Point
		want color.RGBA
	}{
		{"caveat band", image.Pt(5, 5), ColourBand},
		{"map", mid, render.ColourSea},
		{"margin", image.Pt(pf.Map.Min.X-5, mid.Y), ColourPaper},
		{"bottom band", image.Pt(5, 1075), ColourBand},
	} {
		if got := img.RGBAAt(tc.at.X, tc.at.Y); got != tc.want {
			t.Errorf("%s: pixel %v = %v, want %v", tc.name, tc.at, got, tc.want)
		}
	}
}

func TestPalette(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 64, 64))
	r := draw.NewRaster(img)
	r.Clear(render.ColourSea)
	var p draw.Path
	p.AddRect(0, 0, 32, 64)
	r.FillPath(p, render.ColourMali)
	must := []color.RGBA{{0xD5, 0x5E, 0x00, 0xFF}}
	pal := Palette([]*image.RGBA{img}, must)
	if len(pal) > 256 {
		t.Fatalf("palette of %d colours", len(pal))
	}
	out := Paletted(img, pal)
	for _, pt := range []image.Point{{5, 5}, {50, 50}} {
		if got, want := color.RGBAModel.Convert(out.At(pt.X, pt.Y)), color.Color(img.RGBAAt(pt.X, pt.Y)); got != want {
			t.Errorf("pixel %v = %v after the palette, want %v exactly", pt, got, want)
		}
	}
	if pal[pal.Index(must[0])] != color.Color(must[0]) {
		t.Errorf("colour %v not kept exactly", must[0])
	}
}
