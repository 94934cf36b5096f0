package layout

import (
	"image"
	"image/color"
	"math"
	"strings"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/data/lang"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
	"github.com/sahelatlas/sahelatlas/geo/render"
)

// The page's colours.
var (
	ColourPaper   = color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}
	ColourInk     = color.RGBA{0x1A, 0x1A, 0x1A, 0xFF}
	ColourMuted   = color.RGBA{0x55, 0x55, 0x55, 0xFF}
	ColourRule    = color.RGBA{0x99, 0x99, 0x99, 0xFF}
	ColourBand    = color.RGBA{0x20, 0x20, 0x20, 0xFF}
	ColourBandInk = color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}
	ColourPanel   = color.RGBA{0xF0, 0xF0, 0xF0, 0xF0} // premultiplied white at 94 %
)

// Reference is the page size, in device pixels, at which one layout pixel
// is one device pixel: a 16:9 slide.
const (
	ReferenceWidth  = 1920
	ReferenceHeight = 1080
)

// Page is a laid-out snapshot page of Width×Height device pixels: where
// the map's frame, the title and the footer go. Make it with New, get the
// map's viewport with Fit, then Draw.
type Page struct {
	Width, Height int
	// Unit is device pixels per layout pixel: the smaller of
	// Width/ReferenceWidth and Height/ReferenceHeight.
	Unit float64
	// Map is the map's frame in device pixels.
	Map     image.Rectangle
	Options Options

	band            float64  // height of each caveat band; 0 for none
	titleY, subY    float64  // middles of the title and subtitle lines
	credits         []string // the note and the credits, wrapped
	notes           int      // how many of credits' lines are the note's
	list            listPanel
	footerY         float64 // top of the footer
	madeAt          string
	titleStyle      draw.TextStyle
	subtitleStyle   draw.TextStyle
	smallStyle      draw.TextStyle
	bandStyle       draw.TextStyle
	margin, lineGap float64
}

// New lays out a page the size of c, measuring text with c (every
// backend measures the same).
func New(c draw.Canvas, o Options) *Page {
	w, h := c.Size()
	u := math.Min(float64(w)/ReferenceWidth, float64(h)/ReferenceHeight)
	p := &Page{Width: w, Height: h, Unit: u, Options: o, margin: 16 * u, lineGap: 4 * u}
	p.titleStyle = draw.TextStyle{Size: 30 * u, Bold: true, Colour: ColourInk, Anchor: draw.AnchorLeft}
	p.subtitleStyle = draw.TextStyle{Size: 18 * u, Colour: ColourMuted, Anchor: draw.AnchorLeft}
	p.smallStyle = draw.TextStyle{Size: 12 * u, Colour: ColourMuted, Anchor: draw.AnchorLeft}
	p.bandStyle = draw.TextStyle{Size: 15 * u, Bold: true, Colour: ColourBandInk, Anchor: draw.AnchorCentre}

	top, bottom := 0.0, float64(h)
	if o.shows(Caveat) && strings.TrimSpace(o.Caveat) != "" {
		p.band = 28 * u
		top, bottom = p.band, bottom-p.band
	}
	top += p.margin
	if o.shows(Title) && o.Title != "" {
		_, th := c.MeasureText(o.Title, p.titleStyle)
		p.titleY = top + th/2
		top += th + p.lineGap
	}
	if o.shows(Subtitle) && o.Subtitle != "" {
		_, sh := c.MeasureText(o.Subtitle, p.subtitleStyle)
		p.subY = top + sh/2
		top += sh + p.lineGap
	}
	if p.titleY > 0 || p.subY > 0 {
		top += 6 * u
	}

	bottom -= p.margin
	width := float64(w) - 2*p.margin
	if o.shows(MadeAt) && !o.MadeAt.IsZero() {
		p.madeAt = lang.T("page.made", lang.Current().DateTime(o.MadeAt))
		mw, _ := c.MeasureText(p.madeAt, p.smallStyle)
		width -= mw + 24*u
	}
	if note := p.note(c); note != "" {
		p.credits = wrap(c, note, p.smallStyle, width)
		p.notes = len(p.credits)
	}
	if o.shows(Credits) && o.Credits != "" {
		p.credits = append(p.credits, wrap(c, o.Credits, p.smallStyle, width)...)
	}
	lines := len(p.credits)
	if lines == 0 && p.madeAt != "" {
		lines = 1
	}
	if lines > 0 {
		_, lh := c.MeasureText("Hg", p.smallStyle)
		bottom -= float64(lines)*(lh+2*u) + 8*u
		p.footerY = bottom + 8*u
	}
	right := float64(w) - p.margin
	if o.shows(EventList) && len(o.Events) > 0 && !o.ListApart {
		right = p.layoutList(c, top, bottom)
	}
	p.Map = image.Rect(int(math.Round(p.margin)), int(math.Round(top)),
		int(math.Round(right)), int(math.Round(bottom)))
	if p.Map.Dx() < 1 || p.Map.Dy() < 1 {
		// A page too small for its text: the map gets what is left.
		p.Map = image.Rect(0, 0, max(w, 1), max(h, 1))
	}
	return p
}

// Fit returns the viewport that shows all of the lon/lat bound b in the
// map's frame, at the page's Unit as its Scale so the map's symbols grow
// with the page. The frame is trimmed to the viewport's pixel size.
func (p *Page) Fit(b orb.Bound) geo.Viewport {
	fw, fh := p.Map.Dx(), p.Map.Dy()
	v := geo.Fit(b, max(1, int(float64(fw)/p.Unit)), max(1, int(float64(fh)/p.Unit)), p.Unit)
	pw, ph := v.PixelSize()
	p.Map.Max = p.Map.Min.Add(image.Pt(min(pw, fw), min(ph, fh)))
	return v
}

// Draw draws the page on c: the map m for the viewport v in its frame
// (moved and clipped there when c is a draw.Framer), then the scale bar,
// the north arrow, the legend's items, the titles, the footer and the
// caveat bands, each unless hidden.
func (p *Page) Draw(c draw.Canvas, v geo.Viewport, m render.Layer, legend []LegendItem) {
	var bg draw.Path
	bg.AddRect(0, 0, float64(p.Width), float64(p.Height))
	c.FillPath(bg, ColourPaper)

	draw.BeginGroup(c, "map")
	if draw.BeginFrame(c, p.Map.Min.X, p.Map.Min.Y, p.Map.Dx(), p.Map.Dy()) {
		m.Draw(c, v)
		draw.EndFrame(c)
	} else {
		m.Draw(c, v)
	}
	draw.EndGroup(c)
	var border draw.Path
	border.AddRect(float64(p.Map.Min.X), float64(p.Map.Min.Y), float64(p.Map.Max.X), float64(p.Map.Max.Y))
	c.StrokePath(border, p.Unit, ColourRule)

	if p.Options.shows(ScaleBar) {
		draw.BeginGroup(c, "scale")
		p.drawScaleBar(c, v)
		draw.EndGroup(c)
	}
	if p.Options.shows(NorthArrow) {
		draw.BeginGroup(c, "north")
		p.drawNorthArrow(c)
		draw.EndGroup(c)
	}
	if p.list.rows > 0 {
		draw.BeginGroup(c, "event-list")
		p.drawList(c)
		draw.EndGroup(c)
	}
	if p.Options.shows(Legend) && len(legend) > 0 {
		draw.BeginGroup(c, "legend")
		p.drawLegend(c, legend)
		draw.EndGroup(c)
	}
	draw.BeginGroup(c, "titles")
	if p.titleY > 0 {
		c.Text(p.margin, p.titleY, p.Options.Title, p.titleStyle)
	}
	if p.subY > 0 {
		c.Text(p.margin, p.subY, p.Options.Subtitle, p.subtitleStyle)
	}
	draw.EndGroup(c)
	p.drawFooter(c)
	if p.band > 0 {
		draw.BeginGroup(c, "caveat")
		for _, y := range []float64{0, float64(p.Height) - p.band} {
			var r draw.Path
			r.AddRect(0, y, float64(p.Width), y+p.band)
			c.FillPath(r, ColourBand)
			c.Text(float64(p.Width)/2, y+p.band/2, p.Options.Caveat, p.bandStyle)
		}
		draw.EndGroup(c)
	}
}

// drawFooter writes the note and the credits on the left and when the
// page was made on the right, under the map.
func (p *Page) drawFooter(c draw.Canvas) {
	if p.footerY == 0 {
		return
	}
	_, lh := c.MeasureText("Hg", p.smallStyle)
	y := p.footerY + lh/2
	for _, part := range []struct {
		group string
		lines []string
		st    draw.TextStyle
	}{
		{"note", p.credits[:p.notes], draw.TextStyle{Size: p.smallStyle.Size, Colour: ColourInk, Anchor: draw.AnchorLeft}},
		{"credits", p.credits[p.notes:], p.smallStyle},
	} {
		if len(part.lines) == 0 {
			continue
		}
		draw.BeginGroup(c, part.group)
		for _, line := range part.lines {
			c.Text(p.margin, y, line, part.st)
			y += lh + 2*p.Unit
		}
		draw.EndGroup(c)
	}
	if p.madeAt != "" {
		draw.BeginGroup(c, "made-at")
		st := p.smallStyle
		st.Anchor = draw.AnchorRight
		c.Text(float64(p.Width)-p.margin, p.footerY+lh/2, p.madeAt, st)
		draw.EndGroup(c)
	}
}

// panel fills a rectangle with the translucent panel colour and a rule.
func (p *Page) panel(c draw.Canvas, x0, y0, x1, y1 float64) {
	var r draw.Path
	r.AddRect(x0, y0, x1, y1)
	c.FillPath(r, ColourPanel)
	c.StrokePath(r, p.Unit, ColourRule)
}
