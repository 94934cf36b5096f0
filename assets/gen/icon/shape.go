package main

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"strconv"

	"golang.org/x/image/vector"
)

// op is one step of a path: 'M' move, 'L' line, 'C' cubic curve (two
// control points and the end), 'Z' close.
type op struct {
	verb byte
	pts  [][2]float32
}

// path is a closed outline, kept as its steps so that it can be both
// rasterised and written as SVG.
type path struct{ ops []op }

func (p *path) moveTo(x, y float32) { p.ops = append(p.ops, op{'M', [][2]float32{{x, y}}}) }
func (p *path) lineTo(x, y float32) { p.ops = append(p.ops, op{'L', [][2]float32{{x, y}}}) }
func (p *path) close()              { p.ops = append(p.ops, op{verb: 'Z'}) }
func (p *path) cubeTo(x1, y1, x2, y2, x, y float32) {
	p.ops = append(p.ops, op{'C', [][2]float32{{x1, y1}, {x2, y2}, {x, y}}})
}

// raster returns the path in a size×size rasterizer.
func (p *path) raster() *vector.Rasterizer {
	z := &vector.Rasterizer{}
	z.Reset(size, size)
	for _, o := range p.ops {
		q := o.pts
		switch o.verb {
		case 'M':
			z.MoveTo(q[0][0], q[0][1])
		case 'L':
			z.LineTo(q[0][0], q[0][1])
		case 'C':
			z.CubeTo(q[0][0], q[0][1], q[1][0], q[1][1], q[2][0], q[2][1])
		case 'Z':
			z.ClosePath()
		}
	}
	return z
}

// svgData returns the path as SVG path data, to two decimals.
func (p *path) svgData() string {
	var b bytes.Buffer
	for _, o := range p.ops {
		b.WriteByte(o.verb)
		for _, q := range o.pts {
			fmt.Fprintf(&b, "%s %s ", num(q[0]), num(q[1]))
		}
	}
	return b.String()
}

func num(v float32) string {
	return strconv.FormatFloat(float64(int64(float64(v)*100+0.5))/100, 'f', -1, 64)
}

// shape is a filled path, drawn only inside clip when clip is not nil.
type shape struct {
	path *path
	fill color.RGBA
	clip *path
}

// writePNG paints shapes in order on a transparent size×size image and
// writes it as a PNG.
func writePNG(name string, shapes []shape) error {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	for _, s := range shapes {
		if s.clip == nil {
			s.path.raster().Draw(img, img.Bounds(), image.NewUniform(s.fill), image.Point{})
			continue
		}
		layer := image.NewRGBA(img.Bounds())
		s.path.raster().Draw(layer, layer.Bounds(), image.NewUniform(s.fill), image.Point{})
		mask := image.NewAlpha(img.Bounds())
		s.clip.raster().Draw(mask, mask.Bounds(), image.Opaque, image.Point{})
		draw.DrawMask(img, img.Bounds(), layer, image.Point{}, mask, image.Point{}, draw.Over)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return err
	}
	return os.WriteFile(name, buf.Bytes(), 0o644)
}

// svg returns shapes as an SVG document of the same size.
func svg(shapes []shape) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">\n", size, size, size, size)
	b.WriteString("<title>Sahel Atlas</title>\n")
	clips := map[*path]string{}
	for _, s := range shapes {
		if s.clip != nil && clips[s.clip] == "" {
			id := fmt.Sprintf("clip%d", len(clips)+1)
			clips[s.clip] = id
			fmt.Fprintf(&b, "<clipPath id=\"%s\"><path d=\"%s\"/></clipPath>\n", id, s.clip.svgData())
		}
	}
	for _, s := range shapes {
		fmt.Fprintf(&b, "<path fill=\"#%02x%02x%02x\"", s.fill.R, s.fill.G, s.fill.B)
		if s.clip != nil {
			fmt.Fprintf(&b, " clip-path=\"url(#%s)\"", clips[s.clip])
		}
		fmt.Fprintf(&b, " d=\"%s\"/>\n", s.path.svgData())
	}
	b.WriteString("</svg>\n")
	return b.Bytes()
}
