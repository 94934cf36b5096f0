package draw

import (
	"bytes"
	"encoding/binary"
	"hash/adler32"
	"image"
	"image/color"
	"image/png"
	"slices"
	"strings"
	"testing"

	"github.com/paulmach/orb"
)

func TestEncodePNG(t *testing.T) {
	cases := []struct {
		name string
		fill func(r *Raster)
	}{
		{"opaque map-like", func(r *Raster) {
			r.Clear(white)
			var p Path
			p.AddPolygon(square(3.3, 4.7, 40.2, 21.9))
			r.FillPath(p, red)
			r.Text(30, 20, "Ségou", TextStyle{Size: 12, Colour: black, Halo: white})
		}},
		{"translucent", func(r *Raster) {
			r.Clear(color.RGBA{0, 0, 0, 0})
			r.Marker(20, 15, Marker{Shape: Circle, Size: 12, Fill: color.RGBA{0x40, 0x20, 0, 0x80}, Outline: blue})
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			img := image.NewRGBA(image.Rect(0, 0, 47, 31))
			tc.fill(NewRaster(img))
			var buf bytes.Buffer
			if err := EncodePNG(&buf, img); err != nil {
				t.Fatal(err)
			}
			got, err := png.Decode(&buf)
			if err != nil {
				t.Fatalf("image/png cannot decode it: %v", err)
			}
			if got.Bounds() != img.Bounds() {
				t.Fatalf("bounds %v, want %v", got.Bounds(), img.Bounds())
			}
			for y := 0; y < 31; y++ {
				for x := 0; x < 47; x++ {
					want := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
					have := color.NRGBAModel.Convert(got.At(x, y)).(color.NRGBA)
					if want != have {
						t.Fatalf("pixel %d,%d = %v, want %v", x, y, have, want)
					}
				}
			}
		})
	}
}

func TestEncodePNGWriteError(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 300, 300))
	if err := EncodePNG(failingWriter{}, img); err == nil {
		t.Error("EncodePNG to a failing writer returned no error")
	}
	if err := EncodePNG(&bytes.Buffer{}, image.NewRGBA(image.Rect(0, 0, 0, 5))); err == nil {
		t.Error("EncodePNG of an empty image returned no error")
	}
}

func TestEncodePNGStrips(t *testing.T) {
	// In several strips, with content crossing their seams.
	img := image.NewRGBA(image.Rect(0, 0, 97, 513))
	r := NewRaster(img)
	r.Clear(white)
	var p Path
	p.AddPolygon(orb.Polygon{star(300, 97, 513)})
	r.FillPath(p, red)
	var buf bytes.Buffer
	if err := (PNGEncoder{strips: 3}).Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	got, err := png.Decode(&buf)
	if err != nil {
		t.Fatalf("image/png cannot decode it: %v", err)
	}
	for y := 0; y < 513; y++ {
		for x := 0; x < 97; x++ {
			if w, h := img.RGBAAt(x, y), color.RGBAModel.Convert(got.At(x, y)); w != h {
				t.Fatalf("pixel %d,%d = %v, want %v", x, y, h, w)
			}
		}
	}
}

// TestStripCount checks that a small image is deflated whole and a
// large one on every proc, up to four strips.
func TestStripCount(t *testing.T) {
	for _, c := range []struct {
		name                    string
		rowBytes, height, procs int
		want                    int
	}{
		{"320x180 RGB", 1 + 320*3, 180, 2, 1},
		{"800x600 RGB", 1 + 800*3, 600, 2, 1},
		{"1920x1080 RGB, two procs", 1 + 1920*3, 1080, 2, 2},
		{"1920x1080 RGBA, eight procs", 1 + 1920*4, 1080, 8, 4},
		{"1920x1080 RGB, one proc", 1 + 1920*3, 1080, 1, 1},
		{"very wide, few rows", 1 + 20000*4, 100, 4, 1},
		{"one row", 4, 1, 4, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := stripCount(c.rowBytes, c.height, c.procs); got != c.want {
				t.Errorf("stripCount(%d, %d, %d) = %d, want %d", c.rowBytes, c.height, c.procs, got, c.want)
			}
		})
	}
}

func TestAdler32Combine(t *testing.T) {
	a := bytes.Repeat([]byte("Tombouctou "), 9000)
	b := bytes.Repeat([]byte{0, 255, 7}, 70000)
	want := adler32.Checksum(append(append([]byte(nil), a...), b...))
	if got := adler32Combine(adler32.Checksum(a), adler32.Checksum(b), len(b)); got != want {
		t.Errorf("adler32Combine = %08x, want %08x", got, want)
	}
	if got := adler32Combine(1, adler32.Checksum(b), len(b)); got != adler32.Checksum(b) {
		t.Errorf("combining with the empty checksum = %08x, want %08x", got, adler32.Checksum(b))
	}
}

// chunks returns the types of a PNG's chunks in order, and the data of
// its pHYs chunk, checking the signature and every chunk's length.
func chunks(t *testing.T, b []byte) (kinds []string, phys []byte) {
	t.Helper()
	if !bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) {
		t.Fatalf("no PNG signature: % x", b[:min(8, len(b))])
	}
	for i := 8; i < len(b); {
		if i+12 > len(b) {
			t.Fatalf("a chunk at byte %d is cut short", i)
		}
		n := int(binary.BigEndian.Uint32(b[i:]))
		if i+12+n > len(b) {
			t.Fatalf("chunk %q at byte %d runs past the end", b[i+4:i+8], i)
		}
		kind := string(b[i+4 : i+8])
		if kind == "pHYs" {
			phys = b[i+8 : i+8+n]
		}
		kinds = append(kinds, kind)
		i += 12 + n
	}
	return kinds, phys
}

func TestPNGEncoderResolution(t *testing.T) {
	cases := []struct {
		name   string
		dpi    float64
		kinds  []string // the chunks, a run of IDAT as one
		ppm    uint32   // pixels per metre, both ways
		errSay string   // in the error, when it fails
	}{
		{"none", 0, []string{"IHDR", "IDAT", "IEND"}, 0, ""},
		{"negative records none", -72, []string{"IHDR", "IDAT", "IEND"}, 0, ""},
		{"screen", 96, []string{"IHDR", "pHYs", "IDAT", "IEND"}, 3780, ""},
		{"print", 300, []string{"IHDR", "pHYs", "IDAT", "IEND"}, 11811, ""},
		{"fractional", 72.5, []string{"IHDR", "pHYs", "IDAT", "IEND"}, 2854, ""},
		{"too fine for the chunk", 2e8, nil, 0, "cannot be recorded"},
		{"too coarse for the chunk", 0.001, nil, 0, "cannot be recorded"},
	}
	img := image.NewRGBA(image.Rect(0, 0, 40, 30))
	NewRaster(img).Clear(white)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := PNGEncoder{DPI: tc.dpi}.Encode(&buf, img)
			if tc.errSay != "" {
				if err == nil || !strings.Contains(err.Error(), tc.errSay) || buf.Len() != 0 {
					t.Fatalf("Encode: %v with %d bytes written, want an error saying %q before writing", err, buf.Len(), tc.errSay)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			kinds, phys := chunks(t, buf.Bytes())
			kinds = slices.Compact(kinds)
			if !slices.Equal(kinds, tc.kinds) {
				t.Errorf("chunks %v, want %v", kinds, tc.kinds)
			}
			if tc.ppm != 0 {
				want := binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint32(nil, tc.ppm), tc.ppm)
				if want = append(want, 1); !bytes.Equal(phys, want) {
					t.Errorf("pHYs data % x, want % x", phys, want)
				}
			}
			// image/png checks every chunk's CRC.
			if _, err := png.Decode(&buf); err != nil {
				t.Errorf("image/png cannot decode it: %v", err)
			}
		})
	}
}
