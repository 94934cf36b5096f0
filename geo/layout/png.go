package layout

import (
	"encoding/binary"
	"hash/crc32"
	"image"
	"io"
	"math"

	"github.com/sahelatlas/sahelatlas/geo/draw"
)

// pngHeaderSize is the PNG signature and the IHDR chunk, which come first
// in every PNG: the pHYs chunk goes right after them.
const pngHeaderSize = 8 + 4 + 4 + 13 + 4

// EncodePNG writes img with draw.EncodePNG and records its resolution,
// dpi dots per inch, in a pHYs chunk (in dots per metre, as PNG wants),
// so that print and layout programs size it right. dpi ≤ 0 records none.
func EncodePNG(w io.Writer, img *image.RGBA, dpi float64) error {
	if dpi <= 0 {
		return draw.EncodePNG(w, img)
	}
	return draw.EncodePNG(&physWriter{w: w, chunk: physChunk(dpi)}, img)
}

// physChunk is a whole pHYs chunk for dpi: length, type, data, CRC.
func physChunk(dpi float64) []byte {
	ppm := uint32(math.Round(dpi / 0.0254))
	b := make([]byte, 4+4+9+4)
	binary.BigEndian.PutUint32(b[0:], 9)
	copy(b[4:], "pHYs")
	binary.BigEndian.PutUint32(b[8:], ppm)
	binary.BigEndian.PutUint32(b[12:], ppm)
	b[16] = 1 // the unit is the metre
	binary.BigEndian.PutUint32(b[17:], crc32.ChecksumIEEE(b[4:17]))
	return b
}

// physWriter passes a PNG through, inserting chunk after the header.
type physWriter struct {
	w     io.Writer
	chunk []byte
	n     int // bytes passed so far
}

func (p *physWriter) Write(b []byte) (int, error) {
	written := 0
	if p.n < pngHeaderSize && p.n+len(b) >= pngHeaderSize {
		k := pngHeaderSize - p.n
		if _, err := p.w.Write(b[:k]); err != nil {
			return 0, err
		}
		if _, err := p.w.Write(p.chunk); err != nil {
			return k, err
		}
		p.n += k
		written, b = k, b[k:]
	}
	n, err := p.w.Write(b)
	p.n += n
	return written + n, err
}
