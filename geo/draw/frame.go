package draw

import (
	"fmt"
	"image"

	"github.com/go-pdf/fpdf"
)

// Framer is implemented by canvases that can draw into a rectangle of
// themselves as if it were the whole canvas: *Raster, *SVG and *PDF. A
// page layout uses it to draw the map into its frame beside a title and a
// legend. Use the BeginFrame and EndFrame functions rather than asserting
// it yourself.
type Framer interface {
	// BeginFrame moves the origin to x, y (in the current frame's
	// pixels) and clips everything drawn until EndFrame to the w×h
	// rectangle there; Size reports w, h meanwhile. Frames nest.
	BeginFrame(x, y, w, h int)
	// EndFrame goes back to the frame that was current before the last
	// BeginFrame.
	EndFrame()
}

// BeginFrame opens a frame on c and reports whether c supports frames;
// when it does not, nothing changes.
func BeginFrame(c Canvas, x, y, w, h int) bool {
	f, ok := c.(Framer)
	if ok {
		f.BeginFrame(x, y, w, h)
	}
	return ok
}

// EndFrame closes the frame opened last by BeginFrame, if c supports frames.
func EndFrame(c Canvas) {
	if f, ok := c.(Framer); ok {
		f.EndFrame()
	}
}

// BeginFrame makes the Raster draw into the rectangle x, y, w×h of its
// image (clipped to the image) through a view of the same pixels whose
// origin is the rectangle's corner: nothing is copied.
func (r *Raster) BeginFrame(x, y, w, h int) {
	r.frames = append(r.frames, r.img)
	sub := r.img.Rect.Intersect(image.Rect(x, y, x+w, y+h))
	view := &image.RGBA{Stride: r.img.Stride, Rect: sub.Sub(image.Pt(x, y))}
	if !sub.Empty() {
		view.Pix = r.img.Pix[r.img.PixOffset(sub.Min.X, sub.Min.Y):]
	} else {
		view.Rect = image.Rectangle{}
	}
	r.img = view
}

// EndFrame draws onto the image of before the last BeginFrame again.
func (r *Raster) EndFrame() {
	if n := len(r.frames); n > 0 {
		r.img = r.frames[n-1]
		r.frames = r.frames[:n-1]
	}
}

// BeginFrame writes a clip path for the w×h rectangle and opens
// <g transform="translate(x y)"> with a group clipped to it inside, so the
// frame's content keeps its own coordinates in an editor.
func (s *SVG) BeginFrame(x, y, w, h int) {
	s.clips++
	fmt.Fprintf(s.w, `<defs><clipPath id="frame%d"><rect x="0" y="0" width="%d" height="%d"/></clipPath></defs>`+"\n"+
		`<g transform="translate(%d %d)"><g clip-path="url(#frame%d)">`+"\n", s.clips, w, h, x, y, s.clips)
	s.frames = append(s.frames, [2]int{w, h})
}

// EndFrame closes the groups BeginFrame opened.
func (s *SVG) EndFrame() {
	if n := len(s.frames); n > 0 {
		s.w.WriteString("</g></g>\n")
		s.frames = s.frames[:n-1]
	}
}

// pdfFrame is one open frame of a PDF: its origin in the drawing's pixels
// and its size.
type pdfFrame struct {
	x, y float64
	w, h int
}

// BeginFrame clips the page to the w×h rectangle at x, y and draws
// everything after it from that corner.
func (p *PDF) BeginFrame(x, y, w, h int) {
	ox, oy := p.dx()+float64(x), p.dy()+float64(y)
	p.frames = append(p.frames, pdfFrame{ox, oy, w, h})
	p.doc.ClipRect(p.ox+ox*p.k, p.oy+oy*p.k, float64(w)*p.k, float64(h)*p.k, false)
}

// EndFrame ends the frame's clip. Ending it restores the graphics state of
// before, so the opacity is set afresh by the next drawing call.
func (p *PDF) EndFrame() {
	if n := len(p.frames); n > 0 {
		p.doc.ClipEnd()
		p.frames = p.frames[:n-1]
		p.alpha = -1
	}
}

// dx and dy are the innermost frame's origin in the drawing's pixels.
func (p *PDF) dx() float64 {
	if n := len(p.frames); n > 0 {
		return p.frames[n-1].x
	}
	return 0
}

func (p *PDF) dy() float64 {
	if n := len(p.frames); n > 0 {
		return p.frames[n-1].y
	}
	return 0
}

// NewPage ends the current page (closing any open frame) and starts
// another of the same size, for a document of several pages such as a
// dated series.
func (p *PDF) NewPage() {
	for range p.frames {
		p.doc.ClipEnd()
	}
	p.frames = nil
	p.doc.ClipEnd()
	p.doc.AddPageFormat("P", fpdfSize(p.page)) // as NewPDF: the size as given

	p.doc.ClipRect(p.ox, p.oy, p.k*float64(p.width), p.k*float64(p.height), false)
	p.alpha = -1
}

// PageCount is the number of pages begun so far.
func (p *PDF) PageCount() int { return p.doc.PageCount() }

// fpdfSize is pg as fpdf wants it.
func fpdfSize(pg Page) fpdf.SizeType { return fpdf.SizeType{Wd: pg.Width, Ht: pg.Height} }
