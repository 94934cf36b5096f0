package layout

import (
	"fmt"
	"math"
	"strings"

	"github.com/sahelatlas/sahelatlas/data/lang"
	"github.com/sahelatlas/sahelatlas/geo/draw"
)

// ListItem is one event of a page's list: the number it has on the map,
// its date, a one-line title and the outlet that reports it.
type ListItem struct {
	Number int
	Date   string // as the page writes it, "14 Sep 2025"
	Title  string // cut to one line when drawn
	Outlet string // "" when no source names one
}

// listPanel is where the event list goes beside the map: its rectangle
// and how many rows of items it holds.
type listPanel struct {
	x0, y0, x1, y1 float64
	rows           int // items drawn; 0 for no panel
	more           int // items left off, counted on a last line
}

// The event list's share of the page's width, and its least width in
// layout pixels.
const (
	listShare    = 0.22
	listMinWidth = 340
)

// listStyles are the event list's text styles at unit u: the heading, an
// item's number, its date and outlet, and its title.
func listStyles(u float64) (head, number, meta, title draw.TextStyle) {
	head = draw.TextStyle{Size: 14 * u, Bold: true, Colour: ColourInk, Anchor: draw.AnchorLeft}
	number = draw.TextStyle{Size: 13 * u, Bold: true, Colour: ColourInk, Anchor: draw.AnchorRight}
	meta = draw.TextStyle{Size: 11 * u, Colour: ColourMuted, Anchor: draw.AnchorLeft}
	title = draw.TextStyle{Size: 12 * u, Colour: ColourInk, Anchor: draw.AnchorLeft}
	return head, number, meta, title
}

// listRowHeight is the height of one item: its date and outlet over its
// title, and a gap.
func listRowHeight(c draw.Canvas, u float64) float64 {
	_, _, meta, title := listStyles(u)
	_, mh := c.MeasureText("Hg", meta)
	_, th := c.MeasureText("Hg", title)
	return mh + th + 8*u
}

// layoutList places the event list's panel at the right of the page
// between top and bottom and returns where the map's frame now ends.
func (p *Page) layoutList(c draw.Canvas, top, bottom float64) (right float64) {
	u := p.Unit
	wd := math.Max(listShare*float64(p.Width), listMinWidth*u)
	if wd > 0.5*float64(p.Width) {
		return float64(p.Width) - p.margin // too narrow a page for a panel
	}
	pl := listPanel{x0: float64(p.Width) - p.margin - wd, y0: top, x1: float64(p.Width) - p.margin, y1: bottom}
	head, _, _, _ := listStyles(u)
	_, hh := c.MeasureText("Hg", head)
	fit := int((pl.y1 - pl.y0 - 2*8*u - hh - 6*u) / listRowHeight(c, u))
	n := len(p.Options.Events)
	switch {
	case fit < 1:
		return float64(p.Width) - p.margin
	case n <= fit:
		pl.rows = n
	default:
		pl.rows, pl.more = fit-1, n-(fit-1) // the last row counts the rest
	}
	// The panel is as tall as its rows; the map keeps the panel's width.
	used := 2*8*u + hh + 6*u + float64(pl.rows)*listRowHeight(c, u)
	if pl.more > 0 {
		used += listRowHeight(c, u)
	}
	pl.y1 = math.Min(pl.y1, pl.y0+used)
	p.list = pl
	return pl.x0 - p.margin
}

// ListOverflow is how many of the page's events its list panel leaves
// off for want of room (0 without a panel): a PDF lists them on pages of
// their own instead (ListApart).
func (p *Page) ListOverflow() int { return p.list.more }

// note is what the page says in small type under the map: Options.Note,
// and where the events listed are when they are on pages of their own.
func (p *Page) note(c draw.Canvas) string {
	var parts []string
	if n := strings.TrimSpace(p.Options.Note); n != "" {
		parts = append(parts, n)
	}
	if ev := p.Options.Events; p.Options.ListApart && p.Options.shows(EventList) && len(ev) > 0 {
		pages := ListPages(c, p.Options)
		last := pages[len(pages)-1]
		if listed := last[len(last)-1].Number; listed < ev[len(ev)-1].Number {
			parts = append(parts, lang.T("page.list.after.upto", numberRange(ev), listed))
		} else {
			parts = append(parts, lang.T("page.list.after", numberRange(ev)))
		}
	}
	return strings.Join(parts, " ")
}

// numberRange writes the numbers of items, "1–24", or "1" for one.
func numberRange(items []ListItem) string {
	first, last := items[0].Number, items[len(items)-1].Number
	if first == last {
		return fmt.Sprint(first)
	}
	return fmt.Sprintf("%d–%d", first, last)
}

// drawList draws the event list's panel.
func (p *Page) drawList(c draw.Canvas) {
	u, pl := p.Unit, p.list
	p.panel(c, pl.x0, pl.y0, pl.x1, pl.y1)
	head, _, meta, _ := listStyles(u)
	pad := 8 * u
	_, hh := c.MeasureText("Hg", head)
	c.Text(pl.x0+pad, pl.y0+pad+hh/2, lang.T("page.list.heading"), head)
	y := pl.y0 + pad + hh + 6*u
	items := p.Options.Events[:pl.rows]
	drawItems(c, items, pl.x0+pad, y, pl.x1-pl.x0-2*pad, u)
	if pl.more > 0 {
		y += float64(pl.rows) * listRowHeight(c, u)
		_, mh := c.MeasureText("Hg", meta)
		c.Text(pl.x0+pad, y+mh/2, lang.T("page.list.more", pl.more), meta)
	}
}

// drawItems draws items one under the other from x, y in a column width
// wide: the number on the left, then the date and outlet over the title,
// each cut to the column.
func drawItems(c draw.Canvas, items []ListItem, x, y, width, u float64) {
	_, number, meta, title := listStyles(u)
	numW, _ := c.MeasureText(fmt.Sprint(items[len(items)-1].Number), number)
	textX := x + numW + 8*u
	textW := width - (textX - x)
	_, mh := c.MeasureText("Hg", meta)
	_, th := c.MeasureText("Hg", title)
	row := listRowHeight(c, u)
	for _, it := range items {
		c.Text(x+numW, y+mh/2+th/2, fmt.Sprint(it.Number), number)
		line := it.Date
		if it.Outlet != "" {
			line += " · " + it.Outlet
		}
		c.Text(textX, y+mh/2, fitText(c, line, meta, textW), meta)
		c.Text(textX, y+mh+th/2, fitText(c, it.Title, title, textW), title)
		y += row
	}
}

// fitText is s cut at a rune, ending with "…", to be no wider than width
// set in st; s itself when it fits.
func fitText(c draw.Canvas, s string, st draw.TextStyle, width float64) string {
	if w, _ := c.MeasureText(s, st); w <= width {
		return s
	}
	r := []rune(strings.TrimSpace(s))
	lo, hi := 0, len(r) // the longest prefix that fits lies in [lo, hi)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if w, _ := c.MeasureText(strings.TrimRight(string(r[:mid]), " ,;:·")+"…", st); w <= width {
			lo = mid
		} else {
			hi = mid
		}
	}
	return strings.TrimRight(string(r[:lo]), " ,;:·") + "…"
}

// MaxListPages bounds the pages of their own an event list takes: past
// them, the last page counts the events it does not list (a page of a
// hundred thousand events would otherwise list them on a thousand pages).
const MaxListPages = 10

// ListPages splits o.Events into the pages of their own a PDF lists them
// on, for pages the size of c, in columns: each page's items, in order, at
// most MaxListPages.
func ListPages(c draw.Canvas, o Options) [][]ListItem {
	if len(o.Events) == 0 {
		return nil
	}
	lp := newListPage(c, o)
	per := lp.perColumn * lp.columns
	var pages [][]ListItem
	for items := o.Events; len(items) > 0 && len(pages) < MaxListPages; {
		n := min(per, len(items))
		if len(pages) == MaxListPages-1 && n < len(items) {
			n = max(1, n-1) // room for the line counting the rest
		}
		pages = append(pages, items[:n])
		items = items[n:]
	}
	return pages
}

// listPage lays out a page of the event list: under the title, columns of
// items between the caveat bands.
type listPage struct {
	u, margin, band float64
	titleY, top     float64
	columns         int
	perColumn       int
	columnW, rowH   float64
	title, ban      draw.TextStyle
}

// newListPage lays out a list page the size of c for o.
func newListPage(c draw.Canvas, o Options) listPage {
	w, h := c.Size()
	u := math.Min(float64(w)/ReferenceWidth, float64(h)/ReferenceHeight)
	lp := listPage{u: u, margin: 16 * u}
	lp.title = draw.TextStyle{Size: 24 * u, Bold: true, Colour: ColourInk, Anchor: draw.AnchorLeft}
	lp.ban = draw.TextStyle{Size: 15 * u, Bold: true, Colour: ColourBandInk, Anchor: draw.AnchorCentre}
	top, bottom := 0.0, float64(h)
	if o.shows(Caveat) && strings.TrimSpace(o.Caveat) != "" {
		lp.band = 28 * u
		top, bottom = lp.band, bottom-lp.band
	}
	top += lp.margin
	_, th := c.MeasureText("Hg", lp.title)
	lp.titleY = top + th/2
	top += th + 12*u
	lp.top = top
	lp.rowH = listRowHeight(c, u)
	lp.perColumn = max(1, int((bottom-lp.margin-top)/lp.rowH))
	lp.columns = max(1, int((float64(w)-2*lp.margin)/(480*u)))
	lp.columnW = (float64(w) - 2*lp.margin - float64(lp.columns-1)*24*u) / float64(lp.columns)
	return lp
}

// DrawListPage draws one page of the event list on c: the page's title
// ("Events on the map" and o's title and subtitle), the items in columns
// and o's caveat bands. part and parts number the page among the list's
// pages (ListPages) when there are several.
func DrawListPage(c draw.Canvas, o Options, items []ListItem, part, parts int) {
	lp := newListPage(c, o)
	w, h := c.Size()
	var bg draw.Path
	bg.AddRect(0, 0, float64(w), float64(h))
	c.FillPath(bg, ColourPaper)
	heading := lang.T("page.list.heading")
	if o.shows(Title) && strings.TrimSpace(o.Title) != "" {
		heading += ": " + o.Title
	}
	if o.shows(Subtitle) && strings.TrimSpace(o.Subtitle) != "" {
		heading += ", " + o.Subtitle
	}
	if parts > 1 {
		heading += fmt.Sprintf(" (%d of %d)", part, parts)
	}
	draw.BeginGroup(c, "event-list")
	c.Text(lp.margin, lp.titleY, fitText(c, heading, lp.title, float64(w)-2*lp.margin), lp.title)
	for col := 0; col*lp.perColumn < len(items); col++ {
		chunk := items[col*lp.perColumn : min(len(items), (col+1)*lp.perColumn)]
		x := lp.margin + float64(col)*(lp.columnW+24*lp.u)
		drawItems(c, chunk, x, lp.top, lp.columnW, lp.u)
	}
	if more := o.Events[len(o.Events)-1].Number - items[len(items)-1].Number; part == parts && more > 0 {
		n := len(items)
		col, row := n/lp.perColumn, n%lp.perColumn
		_, _, meta, _ := listStyles(lp.u)
		_, mh := c.MeasureText("Hg", meta)
		c.Text(lp.margin+float64(col)*(lp.columnW+24*lp.u), lp.top+float64(row)*lp.rowH+mh/2,
			fmt.Sprintf("… and %d more events, not listed: narrow the frame, the dates or the filters", more), meta)
	}
	draw.EndGroup(c)
	if lp.band > 0 {
		draw.BeginGroup(c, "caveat")
		for _, y := range []float64{0, float64(h) - lp.band} {
			var r draw.Path
			r.AddRect(0, y, float64(w), y+lp.band)
			c.FillPath(r, ColourBand)
			c.Text(float64(w)/2, y+lp.band/2, o.Caveat, lp.ban)
		}
		draw.EndGroup(c)
	}
}
