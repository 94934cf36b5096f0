package layout

import (
	"image/color"
	"time"

	"github.com/sahelatlas/sahelatlas/data/lang"
	"github.com/sahelatlas/sahelatlas/geo/draw"
)

// Element is one part of a page other than the map, as a bit: Options.Hide
// is a set of them.
type Element uint16

// The elements of a page.
const (
	Title Element = 1 << iota
	Subtitle
	Legend
	ScaleBar
	NorthArrow
	Credits
	Caveat    // the bands at the top and the bottom
	MadeAt    // the date and time the page was made
	EventList // the events' numbers on the map and their list
)

// Options says what a page shows besides the map.
type Options struct {
	Title    string
	Subtitle string // typically the date window, as DateRange writes it
	// Caveat is free text such as "UNCLASSIFIED // FOR TRAINING", written
	// in a band at the top and the bottom; "" draws no bands.
	Caveat string
	// Credits is the attribution line, wrapped to the page's width.
	Credits string
	// MadeAt is when the page was made; the zero time writes nothing.
	MadeAt time.Time
	// Hide turns elements off, e.g. Legend|NorthArrow.
	Hide Element
	// Events are the events numbered on the map, listed in a panel beside
	// it, or on pages of their own (ListPages) when ListApart is set.
	Events    []ListItem
	ListApart bool
	// Note is said in small type under the map, before the credits: what
	// the page leaves out ("9 events have no date and are not drawn").
	Note string
}

// shows reports whether e is shown.
func (o Options) shows(e Element) bool { return o.Hide&e == 0 }

// LegendItem is one row of the legend: a symbol or a line, and its label.
type LegendItem struct {
	Label string
	// Marker is the symbol as drawn at scale 1 (the page scales it); a
	// zero Size draws a line of colour Line instead.
	Marker draw.Marker
	Line   color.RGBA
}

// DateRange writes the window from–to (days, inclusive) the short way:
// "5 Sep 2025", "1–30 Sep 2025", "1 Jan – 30 Sep 2025" or
// "1 Dec 2024 – 31 Jan 2025", in the current language (data/lang).
func DateRange(from, to time.Time) string {
	return lang.Current().DateRange(from, to) // French: "1–30 sept. 2025"
}
