package draw

import (
	"errors"
	"fmt"
	"image/color"
	"io"
	"math"

	"github.com/go-pdf/fpdf"
)

// Page is a PDF page size in points (1/72 inch).
type Page struct{ Width, Height float64 }

// Common page sizes.
var (
	PageA4Landscape = Page{841.89, 595.28}
	PageA3Landscape = Page{1190.55, 841.89}
)

// PDF is the Canvas that writes a vector PDF (one page, or more with
// NewPage) with github.com/go-pdf/fpdf: paths as PDF paths, markers as small paths, and
// text as real text in the embedded Go font. The map's width×height
// pixels are scaled to fit the page, centred, and clipped to their own
// rectangle. Call Output to write the document.
type PDF struct {
	doc           *fpdf.Fpdf
	width, height int
	k, ox, oy     float64 // page point = o + k·pixel
	faces         faces
	alpha         float64
	written       bool // Output was called
	page          Page
	frames        []pdfFrame // the open frames, innermost last
}

// NewPDF starts a one-page PDF for a width×height pixel drawing on page;
// a zero Page makes the page width×height points.
func NewPDF(width, height int, page Page) *PDF {
	if page.Width <= 0 || page.Height <= 0 {
		page = Page{float64(width), float64(height)}
	}
	doc := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: page.Width, Ht: page.Height}})
	doc.SetMargins(0, 0, 0)
	doc.SetAutoPageBreak(false, 0)
	doc.SetCreator("Sahel Atlas", true)
	regular, bold := Fonts()
	doc.AddUTF8FontFromBytes("go", "", regular)
	doc.AddUTF8FontFromBytes("go", "B", bold)
	doc.AddUTF8FontFromBytes("arabic", "", ArabicFont())
	// "P" keeps Wd and Ht as given; "L" would swap them.
	doc.AddPageFormat("P", fpdfSize(page))
	k := math.Min(page.Width/float64(width), page.Height/float64(height))
	p := &PDF{
		doc: doc, width: width, height: height, k: k,
		ox:    (page.Width - k*float64(width)) / 2,
		oy:    (page.Height - k*float64(height)) / 2,
		faces: faces{}, alpha: 1, page: page,
	}
	doc.ClipRect(p.ox, p.oy, k*float64(width), k*float64(height), false)
	return p
}

// SetInfo records the document's title and subject in its metadata, which
// readers show (pdfinfo, a viewer's window title); "" leaves one unset.
func (p *PDF) SetInfo(title, subject string) {
	if title != "" {
		p.doc.SetTitle(title, true)
	}
	if subject != "" {
		p.doc.SetSubject(subject, true)
	}
}

// Size is the drawing's size in pixels (not the page's), or the
// innermost frame's.
func (p *PDF) Size() (w, h int) {
	if n := len(p.frames); n > 0 {
		return p.frames[n-1].w, p.frames[n-1].h
	}
	return p.width, p.height
}

// Output finishes the page and writes the document to w. It may be
// called once; draw nothing after it.
func (p *PDF) Output(w io.Writer) error {
	if p.written {
		return errors.New("draw: PDF.Output called twice: make a new PDF for another document")
	}
	p.written = true
	for range p.frames {
		p.doc.ClipEnd()
	}
	p.frames = nil
	p.doc.ClipEnd()
	if err := p.doc.Output(w); err != nil {
		return fmt.Errorf("draw: writing PDF: %w", err)
	}
	return nil
}

// FillPath fills p with the nonzero rule.
func (p *PDF) FillPath(path Path, fill color.RGBA) {
	if fill.A == 0 || path.empty() {
		return
	}
	p.setAlpha(fill.A)
	r, g, b := unpremultiply(fill)
	p.doc.SetFillColor(int(r), int(g), int(b))
	if p.addPath(path, true) {
		p.doc.DrawPath("F")
	}
}

// StrokePath strokes every subpath of p with round joins.
func (p *PDF) StrokePath(path Path, width float64, c color.RGBA) {
	if c.A == 0 || width <= 0 || path.empty() {
		return
	}
	p.setAlpha(c.A)
	r, g, b := unpremultiply(c)
	p.doc.SetDrawColor(int(r), int(g), int(b))
	p.doc.SetLineWidth(width * p.k)
	p.doc.SetLineJoinStyle("round")
	if p.addPath(path, false) {
		p.doc.DrawPath("D")
	}
}

// addPath adds path's subpaths, dropping points within 0.1 px of the
// previous one; it reports whether anything was added.
func (p *PDF) addPath(path Path, closed bool) bool {
	added := false
	for _, sp := range path {
		if len(sp) < 2 {
			continue
		}
		last := sp[0]
		p.doc.MoveTo(p.x(last[0]), p.y(last[1]))
		for _, pt := range sp[1:] {
			if math.Abs(pt[0]-last[0]) < 0.1 && math.Abs(pt[1]-last[1]) < 0.1 {
				continue
			}
			p.doc.LineTo(p.x(pt[0]), p.y(pt[1]))
			last = pt
		}
		if closed {
			p.doc.ClosePath()
		}
		added = true
	}
	return added
}

// Marker draws m as a small path (a true circle for Circle).
func (p *PDF) Marker(x, y float64, m Marker) {
	style := ""
	if m.Fill.A > 0 {
		p.setAlpha(m.Fill.A)
		r, g, b := unpremultiply(m.Fill)
		p.doc.SetFillColor(int(r), int(g), int(b))
		style = "F"
	}
	if ow := m.outlineWidth(); ow > 0 {
		p.setAlpha(m.Outline.A) // PDF has one alpha here: the outline's wins
		r, g, b := unpremultiply(m.Outline)
		p.doc.SetDrawColor(int(r), int(g), int(b))
		p.doc.SetLineWidth(ow * p.k)
		style += "D"
		if m.Dashed {
			d := math.Pi * m.Size / float64(2*m.dashes()) * p.k
			p.doc.SetDashPattern([]float64{d, d}, 0)
		}
	}
	if style == "" {
		return
	}
	if m.Shape == Circle {
		p.doc.Circle(p.x(x), p.y(y), m.Size/2*p.k, style)
	} else {
		ring := m.Shape.ring(x, y, m.Size)
		p.doc.MoveTo(p.x(ring[0][0]), p.y(ring[0][1]))
		for _, pt := range ring[1:] {
			p.doc.LineTo(p.x(pt[0]), p.y(pt[1]))
		}
		p.doc.ClosePath()
		p.doc.DrawPath(style)
	}
	if m.Dashed && m.outlineWidth() > 0 {
		p.doc.SetDashPattern(nil, 0)
	}
}

// MeasureText is the width and height of s set in st, in pixels.
func (p *PDF) MeasureText(s string, st TextStyle) (w, h float64) {
	return p.faces.measure(s, st)
}

// Text writes s as PDF text in the Go font; a halo is the same text
// stroked first, under it.
func (p *PDF) Text(x, y float64, s string, st TextStyle) {
	if s == "" || st.Size <= 0 {
		return
	}
	s = visual(s) // Arabic joined and right to left
	tb := p.faces.layout(x, y, s, st)
	weight := ""
	if st.Bold {
		weight = "B"
	}
	p.doc.SetFont("go", weight, st.Size*p.k)
	if hw := st.haloWidth(); hw > 0 {
		p.setAlpha(st.Halo.A)
		r, g, b := unpremultiply(st.Halo)
		p.doc.SetDrawColor(int(r), int(g), int(b))
		p.doc.SetLineWidth(2 * hw * p.k)
		p.doc.SetLineJoinStyle("round")
		p.doc.SetTextRenderingMode(1)
		p.writeText(tb.left, tb.baseline, s, st, weight)
		p.doc.SetTextRenderingMode(0)
	}
	p.setAlpha(st.Colour.A)
	r, g, b := unpremultiply(st.Colour)
	p.doc.SetTextColor(int(r), int(g), int(b))
	p.writeText(tb.left, tb.baseline, s, st, weight)
}

func (p *PDF) x(px float64) float64 { return p.ox + (p.dx()+px)*p.k }
func (p *PDF) y(px float64) float64 { return p.oy + (p.dy()+px)*p.k }

// setAlpha sets the opacity of what follows when it changed.
func (p *PDF) setAlpha(a uint8) {
	if v := float64(a) / 255; v != p.alpha {
		p.doc.SetAlpha(v, "Normal")
		p.alpha = v
	}
}
