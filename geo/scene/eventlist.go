package scene

import (
	"fmt"
	"image"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/lang"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
	"github.com/sahelatlas/sahelatlas/geo/layout"
	"github.com/sahelatlas/sahelatlas/geo/overlay"
	"github.com/sahelatlas/sahelatlas/geo/render"
)

// mark is a symbol of a page's map with the numbers of its events: one
// number for an event, a run of them for a cluster ("3–9").
type mark struct {
	x, y, size  float64
	first, last int
}

// label is what the map writes beside the symbol.
func (m mark) label() string {
	if m.first == m.last {
		return fmt.Sprint(m.first)
	}
	return fmt.Sprintf("%d–%d", m.first, m.last)
}

// numberEvents numbers the events of the symbols a page draws. Symbols are
// taken in the order of their earliest event (then west to east) and the
// events of each by date, so that the numbers of a cluster run on. It
// returns the marks for the map and the list's items in number order.
func numberEvents(d *data.Dataset, syms []overlay.Symbol) ([]mark, []layout.ListItem) {
	type group struct {
		s      overlay.Symbol
		events []*data.Event
	}
	groups := make([]group, len(syms))
	for i, s := range syms {
		ev := slices.Clone(s.Events)
		slices.SortStableFunc(ev, compareEvents)
		groups[i] = group{s, ev}
	}
	slices.SortStableFunc(groups, func(a, b group) int {
		if c := compareEvents(a.events[0], b.events[0]); c != 0 {
			return c
		}
		switch {
		case a.s.X < b.s.X:
			return -1
		case a.s.X > b.s.X:
			return 1
		}
		return 0
	})
	var marks []mark
	var items []layout.ListItem
	n := 0
	for _, g := range groups {
		m := mark{x: g.s.X, y: g.s.Y, size: g.s.Size, first: n + 1}
		for _, e := range g.events {
			n++
			items = append(items, layout.ListItem{Number: n, Date: eventDate(e), Title: oneLine(e.TitleIn(lang.Current())), Outlet: outletOf(d, e)})
		}
		m.last = n
		marks = append(marks, m)
	}
	return marks, items
}

// compareEvents orders events by start, then end, then title.
func compareEvents(a, b *data.Event) int {
	if c := a.Start.Compare(b.Start); c != 0 {
		return c
	}
	if c := a.End.Compare(b.End); c != 0 {
		return c
	}
	return strings.Compare(a.Title, b.Title)
}

// eventDate writes an event's date as precisely as its sources give it:
// "14 Sep 2025", "11–13 Jan 2025", "Sep 2025", "2013", "since Mar 2021".
func eventDate(e *data.Event) string {
	if !e.Dated() {
		return lang.T("page.list.nodate")
	}
	var s string
	switch e.Precision {
	case data.PrecisionYear:
		s = fmt.Sprint(e.Start.Year())
		if e.End.Year() != e.Start.Year() && !e.Ongoing {
			s += fmt.Sprintf("–%d", e.End.Year())
		}
	case data.PrecisionMonth:
		s = monthYear(e.Start.Time())
		if end := monthYear(e.End.Time()); end != s && !e.Ongoing {
			s += " – " + end
		}
	default:
		if e.Ongoing {
			s = lang.Current().DateShort(e.Start.Time())
		} else {
			s = layout.DateRange(e.Start.Time(), e.End.Time())
		}
	}
	if e.Ongoing {
		s = lang.T("page.list.since", s)
	}
	return s
}

// oneLine is s on one line, its runs of white space made single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// outletOf is the outlet of the first of e's sources that names one, ""
// when none does.
func outletOf(d *data.Dataset, e *data.Event) string {
	for _, ref := range e.Sources {
		if s := d.Source(ref.Document); s != nil {
			if o := strings.TrimSpace(s.Outlet); o != "" {
				return o
			}
		}
	}
	return ""
}

// numberLayer writes the numbers of a page's events beside their symbols,
// over everything else on the map.
type numberLayer []mark

// numberStyle is how the numbers are written at device scale s: bold over
// a white halo.
func numberStyle(s float64) draw.TextStyle {
	return draw.TextStyle{Size: 13 * s, Bold: true, Colour: layout.ColourInk,
		Halo: layout.ColourPaper, HaloWidth: 2.5 * s, Anchor: draw.AnchorLeft}
}

// Draw writes each mark's number at the upper right of its symbol.
func (ml numberLayer) Draw(c draw.Canvas, v geo.Viewport) {
	if len(ml) == 0 {
		return
	}
	s := v.DeviceScale()
	st := numberStyle(s)
	draw.BeginGroup(c, "event-numbers")
	for _, m := range ml {
		c.Text(m.x+m.size/2+2*s, m.y-m.size/2, m.label(), st)
	}
	draw.EndGroup(c)
}

// Occupied is where the numbers are written, so that the map's names are
// placed clear of them: a box per number, the text as measured with the
// halo around.
func (ml numberLayer) Occupied(v geo.Viewport) render.Occupancy {
	if len(ml) == 0 {
		return render.Occupancy{}
	}
	s := v.DeviceScale()
	st := numberStyle(s)
	var o render.Occupancy
	for _, m := range ml {
		x := m.x + m.size/2 + 2*s
		w, h := measureNumber(m.label(), st)
		o.Boxes = append(o.Boxes, orb.Bound{
			Min: orb.Point{x, m.y - m.size/2 - h/2},
			Max: orb.Point{x + w, m.y - m.size/2 + h/2}}.Pad(st.HaloWidth))
	}
	return o
}

// numberMeasurer measures the numbers as every canvas does (each sets the
// Go font with the same faces): a 1×1 raster's, made on first use and
// shared behind its lock, as Occupied is called from any goroutine.
var numberMeasurer struct {
	sync.Mutex
	r *draw.Raster
}

// measureNumber is the width and height of the number s set in st.
func measureNumber(s string, st draw.TextStyle) (w, h float64) {
	numberMeasurer.Lock()
	defer numberMeasurer.Unlock()
	if numberMeasurer.r == nil {
		numberMeasurer.r = draw.NewRaster(image.NewRGBA(image.Rect(0, 0, 1, 1)))
	}
	return numberMeasurer.r.MeasureText(s, st)
}

// monthYear writes a month of a year in the page's language: "Sep 2025",
// "sept. 2025".
func monthYear(t time.Time) string {
	return lang.Current().MonthShort(t.Month()) + " " + strconv.Itoa(t.Year())
}
