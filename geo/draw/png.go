package draw

import (
	"bufio"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"fmt"
	"hash/adler32"
	"hash/crc32"
	"image"
	"io"
	"math"
	"runtime"
	"sync"
)

// EncodePNG writes img as a PNG, several times faster than image/png at
// png.BestSpeed. image/png tries every row filter on every row, which is
// most of its time on a map frame; EncodePNG gives every row the Sub
// filter, which turns a map's flat fills into runs of zeros, compresses at
// flate.BestSpeed, and compresses horizontal strips of the image on up to
// GOMAXPROCS goroutines (each strip's deflate stream starts afresh, as
// pigz does, so the file is a few per cent larger). A wholly opaque image
// is written as RGB, otherwise as non-premultiplied RGBA. It records no
// resolution; PNGEncoder does.
func EncodePNG(w io.Writer, img *image.RGBA) error {
	return PNGEncoder{}.Encode(w, img)
}

// PNGEncoder writes PNGs as EncodePNG does, with the options it holds.
// The zero PNGEncoder is EncodePNG.
type PNGEncoder struct {
	// DPI, when above zero, is the image's resolution in dots per inch,
	// recorded in a pHYs chunk (as dots per metre, the unit PNG knows) so
	// that print and layout programs give the image its size on paper.
	DPI float64

	// strips, when above zero, is the number of strips to deflate in
	// (tests set it to cross the seams of a small image); else stripCount.
	strips int
}

// Encode writes img as a PNG: its signature, IHDR, a pHYs chunk when
// e.DPI is set (PNG wants it before the image data), IDAT and IEND.
func (e PNGEncoder) Encode(w io.Writer, img *image.RGBA) error {
	b := img.Bounds()
	width, height := b.Dx(), b.Dy()
	if width <= 0 || height <= 0 {
		return fmt.Errorf("draw: cannot encode an empty %dx%d image as PNG", width, height)
	}
	var phys []byte
	if e.DPI > 0 {
		var err error
		if phys, err = physData(e.DPI); err != nil {
			return err
		}
	}
	opaque := img.Opaque()
	bpp, colourType := 4, byte(6) // RGBA
	if opaque {
		bpp, colourType = 3, 2 // RGB
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.WriteString("\x89PNG\r\n\x1a\n")
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(width))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(height))
	ihdr[8], ihdr[9] = 8, colourType // 8 bits a sample; compression, filter, interlace 0
	writeChunk(bw, "IHDR", ihdr[:])
	if phys != nil {
		writeChunk(bw, "pHYs", phys)
	}

	n := e.strips
	if n <= 0 {
		n = stripCount(1+width*bpp, height, runtime.GOMAXPROCS(0))
	}
	strips := encodeStrips(img, bpp, opaque, n)
	cw := &chunkWriter{w: bw, kind: "IDAT"}
	cw.Write([]byte{0x78, 0x01}) // zlib header: deflate, 32 KiB window, fastest
	var sum uint32 = 1
	for _, s := range strips {
		if s.err != nil {
			return fmt.Errorf("draw: PNG: %w", s.err)
		}
		cw.Write(s.deflated.Bytes())
		sum = adler32Combine(sum, s.adler, s.n)
	}
	var tail [4]byte
	binary.BigEndian.PutUint32(tail[:], sum)
	cw.Write(tail[:])
	if err := cw.flush(); err != nil {
		return fmt.Errorf("draw: writing PNG: %w", err)
	}
	writeChunk(bw, "IEND", nil)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("draw: writing PNG: %w", err)
	}
	return nil
}

// strip is one band of rows, filtered and deflated.
type strip struct {
	deflated bytes.Buffer
	adler    uint32 // of the filtered rows
	n        int    // length of the filtered rows
	err      error
}

// stripBytes is the least a strip deflates, in filtered bytes: each
// strip's deflate writer allocates about 1 MB (its hash table, window and
// tokens), which a brief process pays for in page faults, so a small
// image is not worth splitting.
const stripBytes = 1 << 20

// stripCount is how many strips an image of height rows of rowBytes
// filtered bytes is deflated in, with procs goroutines running at once:
// one per proc up to four, each of at least 64 rows and stripBytes.
func stripCount(rowBytes, height, procs int) int {
	return max(1, min(procs, 4, height/64, rowBytes*height/stripBytes))
}

// encodeStrips filters and deflates img in n bands, one goroutine a band.
// Every band but the last ends with a sync flush, so the bands'
// streams concatenate into one valid deflate stream.
func encodeStrips(img *image.RGBA, bpp int, opaque bool, n int) []*strip {
	b := img.Bounds()
	height := b.Dy()
	n = max(1, min(n, height))
	per := (height + n - 1) / n
	strips := make([]*strip, 0, n)
	var wg sync.WaitGroup
	for y0 := b.Min.Y; y0 < b.Max.Y; y0 += per {
		s := &strip{}
		strips = append(strips, s)
		y1, last := min(y0+per, b.Max.Y), y0+per >= b.Max.Y
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.err = s.encode(img, y0, y1, bpp, opaque, last)
		}()
	}
	wg.Wait()
	return strips
}

// encode filters rows y0 to y1 of img and deflates them into s.
func (s *strip) encode(img *image.RGBA, y0, y1, bpp int, opaque, last bool) error {
	width := img.Bounds().Dx()
	fw, err := flate.NewWriter(&s.deflated, flate.BestSpeed)
	if err != nil {
		return err
	}
	sum := adler32.New()
	row := make([]byte, 1+width*bpp)
	row[0] = 1 // Sub: each byte minus the same sample of the pixel to its left
	for y := y0; y < y1; y++ {
		src := img.Pix[img.PixOffset(img.Bounds().Min.X, y):][:4*width]
		if opaque {
			subRGB(row[1:], src)
		} else {
			subNRGBA(row[1:], src)
		}
		sum.Write(row)
		if _, err := fw.Write(row); err != nil {
			return err
		}
		s.n += len(row)
	}
	s.adler = sum.Sum32()
	if last {
		return fw.Close()
	}
	return fw.Flush()
}

// subRGB writes the opaque RGBA row src as Sub-filtered RGB into dst.
func subRGB(dst, src []byte) {
	var pr, pg, pb byte
	for x := 0; x+3 < len(src); x += 4 {
		d := dst[x/4*3 : x/4*3+3 : x/4*3+3]
		r, g, b := src[x], src[x+1], src[x+2]
		d[0], d[1], d[2] = r-pr, g-pg, b-pb
		pr, pg, pb = r, g, b
	}
}

// subNRGBA writes the premultiplied RGBA row src as Sub-filtered
// non-premultiplied RGBA into dst.
func subNRGBA(dst, src []byte) {
	var pr, pg, pb, pa byte
	for x := 0; x+3 < len(src); x += 4 {
		r, g, b, a := src[x], src[x+1], src[x+2], src[x+3]
		if a != 0 && a != 255 {
			// As color.NRGBAModel does, so decoders agree with image/png.
			a16 := uint32(a) * 0x101
			r = uint8((uint32(r) * 0x101 * 0xffff / a16) >> 8)
			g = uint8((uint32(g) * 0x101 * 0xffff / a16) >> 8)
			b = uint8((uint32(b) * 0x101 * 0xffff / a16) >> 8)
		}
		d := dst[x : x+4 : x+4]
		d[0], d[1], d[2], d[3] = r-pr, g-pg, b-pb, a-pa
		pr, pg, pb, pa = r, g, b, a
	}
}

// adler32Combine is the Adler-32 of A followed by B, from the checksums
// of A and B and B's length (as zlib's adler32_combine).
func adler32Combine(a, b uint32, lenB int) uint32 {
	const base = 65521
	rem := uint32(lenB % base)
	sum1 := a & 0xffff
	sum2 := rem * sum1 % base
	sum1 += (b & 0xffff) + base - 1
	sum2 += (a >> 16) + (b >> 16) + base - rem
	if sum1 >= base {
		sum1 -= base
	}
	if sum1 >= base {
		sum1 -= base
	}
	if sum2 >= 2*base {
		sum2 -= 2 * base
	}
	if sum2 >= base {
		sum2 -= base
	}
	return sum1 | sum2<<16
}

// physData is the data of a pHYs chunk for dpi dots per inch: the pixels
// per metre across and down, and the unit, 1 for the metre. It fails for a
// resolution the chunk's 32-bit fields cannot hold.
func physData(dpi float64) ([]byte, error) {
	ppm := math.Round(dpi / 0.0254)
	if !(ppm >= 1 && ppm <= math.MaxUint32) {
		return nil, fmt.Errorf("draw: a resolution of %g dpi cannot be recorded in a PNG; give 1 to %.0f dpi", dpi, math.MaxUint32*0.0254)
	}
	d := make([]byte, 9)
	binary.BigEndian.PutUint32(d[0:], uint32(ppm))
	binary.BigEndian.PutUint32(d[4:], uint32(ppm))
	d[8] = 1
	return d, nil
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

// chunkWriter cuts what is written to it into chunks of one kind. Write
// errors surface in flush, from the bufio.Writer.
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
