package layout

import (
	"cmp"
	"image"
	"image/color"
	"slices"
)

// Palette is up to 256 colours for an animated GIF of frames like
// samples (the first, middle and last frames of a series, say): the
// colours in must (the map's symbol and line colours), then the colours
// most common across the samples, then an even 6×6×6 cube for whatever
// other frames bring. Near-equal colours (same 5 bits a channel) count as
// one.
func Palette(samples []*image.RGBA, must []color.RGBA) color.Palette {
	const cube = 6 * 6 * 6
	p := make(color.Palette, 0, 256)
	seen := map[uint16]bool{}
	key := func(c color.RGBA) uint16 { return uint16(c.R>>3)<<10 | uint16(c.G>>3)<<5 | uint16(c.B>>3) }
	add := func(c color.RGBA) {
		c.A = 255
		if k := key(c); !seen[k] && len(p) < 256-cube {
			seen[k] = true
			p = append(p, c)
		}
	}
	for _, c := range must {
		add(c)
	}
	counts := map[uint16]int{}
	sample := map[uint16]color.RGBA{}
	for _, img := range samples {
		pix := img.Pix
		for i := 0; i+3 < len(pix); i += 4 * 3 { // every third pixel is plenty
			c := color.RGBA{pix[i], pix[i+1], pix[i+2], 255}
			k := key(c)
			if counts[k] == 0 {
				sample[k] = c
			}
			counts[k]++
		}
	}
	keys := make([]uint16, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b uint16) int { return cmp.Or(counts[b]-counts[a], cmp.Compare(a, b)) })
	for _, k := range keys {
		add(sample[k])
	}
	for r := 0; r < 6; r++ {
		for g := 0; g < 6; g++ {
			for b := 0; b < 6; b++ {
				p = append(p, color.RGBA{uint8(r * 51), uint8(g * 51), uint8(b * 51), 255})
			}
		}
	}
	return p
}

// Paletted maps img onto palette, each pixel to the nearest colour
// without dithering (a map's flat fills stay flat), remembering the
// answer for every colour met, so a frame costs one lookup a pixel.
func Paletted(img *image.RGBA, palette color.Palette) *image.Paletted {
	out := image.NewPaletted(img.Rect, palette)
	index := map[uint32]uint8{}
	b := img.Rect
	for y := b.Min.Y; y < b.Max.Y; y++ {
		src := img.Pix[img.PixOffset(b.Min.X, y):][:4*b.Dx()]
		dst := out.Pix[out.PixOffset(b.Min.X, y):][:b.Dx()]
		var last uint32 = 1 << 31 // no colour: alpha is always 255 here
		var lastIdx uint8
		for x := range dst {
			c := uint32(src[4*x])<<16 | uint32(src[4*x+1])<<8 | uint32(src[4*x+2])
			if c == last {
				dst[x] = lastIdx
				continue
			}
			i, ok := index[c]
			if !ok {
				i = uint8(palette.Index(color.RGBA{src[4*x], src[4*x+1], src[4*x+2], 255}))
				index[c] = i
			}
			dst[x], last, lastIdx = i, c, i
		}
	}
	return out
}
