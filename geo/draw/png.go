package draw

import (
	"bufio"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"io"
)

// EncodePNG writes img as a PNG, faster than image/png at the same
// compression level: image/png tries every row filter on every row, which
// is most of its time on a map frame. EncodePNG gives every row the Sub
// filter, which turns a map's flat fills into runs of zeros, and
// compresses with zlib.BestSpeed. A wholly opaque image is written as RGB,
// otherwise as non-premultiplied RGBA.
func EncodePNG(w io.Writer, img *image.RGBA) error {
	b := img.Bounds()
	width, height := b.Dx(), b.Dy()
	if width <= 0 || height <= 0 {
		return fmt.Errorf("draw: cannot encode an empty %dx%d image as PNG", width, height)
	}
	opaque := img.Opaque()
	bpp, colourType := 4, byte(6) // RGBA
	if opaque {
		bpp, colourType = 3, 2 // RGB
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	cw := &chunkWriter{w: bw, kind: "IDAT"}
	bw.WriteString("\x89PNG\r\n\x1a\n")
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(width))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(height))
	ihdr[8], ihdr[9] = 8, colourType // 8 bits a sample; compression, filter, interlace 0
	writeChunk(bw, "IHDR", ihdr[:])

	zw, err := zlib.NewWriterLevel(cw, zlib.BestSpeed)
	if err != nil {
		return fmt.Errorf("draw: PNG: %w", err)
	}
	row := make([]byte, 1+width*bpp)
	row[0] = 1 // Sub: each byte minus the same sample of the pixel to its left
	for y := b.Min.Y; y < b.Max.Y; y++ {
		src := img.Pix[img.PixOffset(b.Min.X, y):][:4*width]
		px := row[1:]
		if opaque {
			for x := 0; x < width; x++ {
				px[3*x], px[3*x+1], px[3*x+2] = src[4*x], src[4*x+1], src[4*x+2]
			}
		} else {
			for x := 0; x < width; x++ {
				r, g, bl, a := src[4*x], src[4*x+1], src[4*x+2], src[4*x+3]
				if a != 0 && a != 255 {
					// As color.NRGBAModel does, so decoders agree with image/png.
					a16 := uint32(a) * 0x101
					r = uint8((uint32(r) * 0x101 * 0xffff / a16) >> 8)
					g = uint8((uint32(g) * 0x101 * 0xffff / a16) >> 8)
					bl = uint8((uint32(bl) * 0x101 * 0xffff / a16) >> 8)
				}
				px[4*x], px[4*x+1], px[4*x+2], px[4*x+3] = r, g, bl, a
			}
		}
		for i := len(px) - 1; i >= bpp; i-- {
			px[i] -= px[i-bpp]
		}
		if _, err := zw.Write(row); err != nil {
			return fmt.Errorf("draw: writing PNG: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("draw: writing PNG: %w", err)
	}
	if err := cw.flush(); err != nil {
		return fmt.Errorf("draw: writing PNG: %w", err)
	}
	writeChunk(bw, "IEND", nil)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("draw: writing PNG: %w", err)
	}
	return nil
}

// writeChunk writes one PNG chunk; errors stay in the bufio.Writer.
func writeChunk(w *bufio.Writer, kind string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	w.Write(n[:])
	crc := crc32.NewIEEE()
	crc.Write([]byte(kind))
	crc.Write(data)
	w.WriteString(kind)
	w.Write(data)
	binary.BigEndian.PutUint32(n[:], crc.Sum32())
	w.Write(n[:])
}

// chunkWriter cuts what is written to it into chunks of one kind.
type chunkWriter struct {
	w    *bufio.Writer
	kind string
	buf  []byte
}

const chunkSize = 256 << 10

func (c *chunkWriter) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		k := min(len(p), chunkSize-len(c.buf))
		c.buf = append(c.buf, p[:k]...)
		p = p[k:]
		if len(c.buf) == chunkSize {
			if err := c.flush(); err != nil {
				return n - len(p), err
			}
		}
	}
	return n, nil
}

// flush writes what is buffered as one chunk and reports the writer's
// first error so far.
func (c *chunkWriter) flush() error {
	if len(c.buf) > 0 {
		writeChunk(c.w, c.kind, c.buf)
		c.buf = c.buf[:0]
	}
	_, err := c.w.Write(nil)
	return err
}
