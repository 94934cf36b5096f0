package scene

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/geo/draw"
	"github.com/sahelatlas/sahelatlas/geo/layout"
)

// Issue 13 item 7: an SVG page drawn by another renderer (rsvg-convert,
// librsvg, as GNOME, Inkscape's import and many office suites use) looks
// like the PNG of the same page, text included, apart from anti-aliasing:
// with text as outlines by default, and with editable text set in the
// embedded Go font.
func TestSVGLooksLikeThePNG(t *testing.T) {
	rsvg, err := exec.LookPath("rsvg-convert")
	if err != nil {
		t.Fatal("rsvg-convert is not installed, and this test compares an SVG page drawn by it with the PNG: " +
			"install it (apt-get install librsvg2-bin, or make deps-test)")
	}
	s := testScene(t)
	dir := t.TempDir()
	base := Snapshot{
		Width: 960, Height: 540, From: data.D(2025, 1, 1), To: data.D(2025, 12, 31),
		Bound: orb.Bound{Min: orb.Point{-18, 8}, Max: orb.Point{40, 22}},
		Layout: layout.Options{Title: "Sahel, 2025: what happened", Caveat: "UNCLASSIFIED // TRAINING",
			Subtitle: "1 Jan – 31 Dec 2025"},
	}
	pngPage := base
	pngPage.Format = FormatPNG
	var pngBuf bytes.Buffer
	if err := Encode(context.Background(), s, &pngBuf, pngPage); err != nil {
		t.Fatal(err)
	}
	want, err := png.Decode(&pngBuf)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		mode draw.TextMode
		// the mean difference per channel allowed, of 255: anti-aliasing;
		// editable, also the renderer's own font (librsvg 2.5x ignores
		// @font-face and sets the text in DejaVu Sans, a little wider);
		// text is the mean over the caveat band and the title
		mean, text float64
	}{
		{"outlines", draw.TextOutlines, 2.0, 2.0},
		{"editable", draw.TextEditable, 5.0, 12.0},
	} {
		o := base
		o.Format, o.SVGText = FormatSVG, c.mode
		svgPath := filepath.Join(dir, c.name+".svg")
		if err := Write(s, svgPath, o); err != nil {
			t.Fatal(err)
		}
		svg, err := os.ReadFile(svgPath)
		if err != nil {
			t.Fatal(err)
		}
		texts := bytes.Count(svg, []byte("<text"))
		if c.mode == draw.TextOutlines && texts != 0 {
			t.Errorf("%s: the SVG has %d <text> elements, want its text as outlines", c.name, texts)
		}
		if c.mode == draw.TextEditable && (texts == 0 || !bytes.Contains(svg, []byte("@font-face")) || !bytes.Contains(svg, []byte("data:font/ttf;base64,"))) {
			t.Errorf("%s: the SVG has %d <text> elements and no font embedded as data, want both", c.name, texts)
		}
		outPath := filepath.Join(dir, c.name+".png")
		if out, err := exec.Command(rsvg, "-o", outPath, svgPath).CombinedOutput(); err != nil {
			t.Fatalf("%s: rsvg-convert: %v: %s", c.name, err, strings.TrimSpace(string(out)))
		}
		f, err := os.Open(outPath)
		if err != nil {
			t.Fatal(err)
		}
		got, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if got.Bounds() != want.Bounds() {
			t.Fatalf("%s: rsvg-convert drew %v, the PNG is %v", c.name, got.Bounds(), want.Bounds())
		}
		mean, textMean := meanDifference(got, want, image.Rect(0, 0, 960, 40))
		t.Logf("%s: mean %.3f, text %.3f", c.name, mean, textMean)
		if mean > c.mean {
			t.Errorf("%s: rsvg-convert's drawing differs from the PNG by %.2f a channel on average, want at most %.1f (files in %s)", c.name, mean, c.mean, dir)
		}
		// The caveat band and title: text on its own, where a wrong font
		// or a text running over shows most.
		if textMean > c.text {
			t.Errorf("%s: the caveat band and title differ by %.2f a channel on average, want at most %.1f", c.name, textMean, c.text)
		}
	}
}

// meanDifference is the mean absolute difference per colour channel of a
// and b (the same size), over the whole image and over the rectangle r.
func meanDifference(a, b image.Image, r image.Rectangle) (all, in float64) {
	var sum, sumIn float64
	var n, nIn int
	bd := a.Bounds()
	for y := bd.Min.Y; y < bd.Max.Y; y++ {
		for x := bd.Min.X; x < bd.Max.X; x++ {
			r1, g1, b1, _ := a.At(x, y).RGBA()
			r2, g2, b2, _ := b.At(x, y).RGBA()
			d := (channelDiff(r1, r2) + channelDiff(g1, g2) + channelDiff(b1, b2)) / 3 / 257
			sum += d
			n++
			if (image.Point{x, y}).In(r) {
				sumIn += d
				nIn++
			}
		}
	}
	return sum / float64(n), sumIn / float64(max(nIn, 1))
}

func channelDiff(a, b uint32) float64 {
	if a > b {
		return float64(a - b)
	}
	return float64(b - a)
}
