package draw

import "image"

// hugePageImage is the least size in bytes of a page image that
// NewPageImage maps outside the Go heap: one huge page (2 MiB on x86-64).
const hugePageImage = 2 << 20

// NewPageImage returns a zeroed w×h RGBA image for a page drawn once and
// then encoded (a single PNG snapshot), and release, to call once the
// image is no longer used, never before, and then never to touch the
// image again. On Linux a page of hugePageImage bytes or more is mapped
// outside the Go heap and advised into transparent huge pages
// (madvise(MADV_HUGEPAGE)): a 1920×1080 page is first touched in 4
// faults instead of 2,025, which cost 10–30 µs each on a virtual machine
// (about 40 ms of a cold 1920×1080 snapshot). Elsewhere, or when the
// mapping fails, it is image.NewRGBA and release does nothing.
func NewPageImage(w, h int) (img *image.RGBA, release func()) {
	r := image.Rect(0, 0, w, h)
	if 4*w*h >= hugePageImage {
		if pix, release := mapPixels(4 * w * h); pix != nil {
			return &image.RGBA{Pix: pix, Stride: 4 * w, Rect: r}, release
		}
	}
	return image.NewRGBA(r), func() {}
}
