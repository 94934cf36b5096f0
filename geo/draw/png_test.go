package draw

import (
	"bytes"
	"hash/adler32"
	"image"
	"image/color"
	"image/png"
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
	// Tall enough for several strips, with content crossing their seams.
	img := image.NewRGBA(image.Rect(0, 0, 97, 513))
	r := NewRaster(img)
	r.Clear(white)
	var p Path
	p.AddPolygon(orb.Polygon{star(300, 97, 513)})
	r.FillPath(p, red)
	var buf bytes.Buffer
	if err := EncodePNG(&buf, img); err != nil {
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
