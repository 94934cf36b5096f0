package scene

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"io"
)

// gifStream writes an animated GIF one frame at a time, so a series of a
// thousand frames holds one frame in memory, not a thousand: image/gif
// encodes each frame (as a one-frame GIF with the series's palette as its
// global colour table), and the stream keeps the file's head once and each
// frame's blocks after it. Frames share one palette and one size.
type gifStream struct {
	w       io.Writer
	palette color.Palette
	width   int
	height  int
	started bool
	buf     bytes.Buffer
}

// netscapeLoop is the application extension that makes a GIF loop
// forever (NETSCAPE2.0, loop count 0).
var netscapeLoop = []byte{0x21, 0xFF, 0x0B, 'N', 'E', 'T', 'S', 'C', 'A', 'P', 'E', '2', '.', '0', 0x03, 0x01, 0x00, 0x00, 0x00}

// frame encodes img, shown for delay hundredths of a second, and writes
// it.
func (g *gifStream) frame(img *image.Paletted, delay int) error {
	g.buf.Reset()
	one := &gif.GIF{
		Image:  []*image.Paletted{img},
		Delay:  []int{delay},
		Config: image.Config{ColorModel: g.palette, Width: g.width, Height: g.height},
	}
	if err := gif.EncodeAll(&g.buf, one); err != nil {
		return err
	}
	head, blocks, err := splitGIF(g.buf.Bytes())
	if err != nil {
		return err
	}
	if !g.started {
		if _, err := g.w.Write(head); err != nil {
			return err
		}
		if _, err := g.w.Write(netscapeLoop); err != nil {
			return err
		}
		g.started = true
	}
	_, err = g.w.Write(blocks)
	return err
}

// close ends the file.
func (g *gifStream) close() error {
	if !g.started {
		return errors.New("scene: a GIF needs at least one frame")
	}
	_, err := g.w.Write([]byte{0x3B}) // the trailer
	return err
}

// splitGIF cuts a one-frame GIF89a as image/gif writes it into its head
// (signature, logical screen descriptor and global colour table) and the
// blocks of its frame (graphic control extension, image descriptor and
// image data), without the trailer.
func splitGIF(b []byte) (head, blocks []byte, err error) {
	const lsd = 6 + 7 // "GIF89a" and the logical screen descriptor
	if len(b) < lsd+1 || string(b[:6]) != "GIF89a" || b[len(b)-1] != 0x3B {
		return nil, nil, fmt.Errorf("scene: image/gif wrote no GIF89a (%d bytes)", len(b))
	}
	n := lsd
	if packed := b[10]; packed&0x80 != 0 {
		n += 3 << ((packed & 0x07) + 1)
	}
	if n >= len(b)-1 || (b[n] != 0x21 && b[n] != 0x2C) {
		return nil, nil, errors.New("scene: image/gif wrote a GIF whose frame does not follow its colour table")
	}
	return b[:n], b[n : len(b)-1], nil
}
