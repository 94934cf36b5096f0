package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/geo"
)

// SearchResult is one thing the search box found.
type SearchResult struct {
	Label   string
	Event   *data.Event
	Actor   *data.Actor
	Place   *data.Place
	Country *geo.Country
}

// Searcher finds events, actors, places and countries by text, ignoring
// case and diacritics ("Goita" finds Goïta).
type Searcher struct {
	Data  *data.Dataset
	Atlas *geo.Atlas
	// Gaz returns the GeoNames gazetteer (read on first use); nil for none.
	Gaz func() *data.Gazetteer
}

// BundledGazetteer is data.BundledGazetteer for the search box: nil when
// it cannot be read (the search then finds no GeoNames places).
func BundledGazetteer() *data.Gazetteer {
	g, _ := data.BundledGazetteer()
	return g
}

// Find returns up to limit results of each sort: events, actors, places, countries.
func (s Searcher) Find(text string, limit int) []SearchResult {
	q := data.Fold(strings.TrimSpace(text))
	if q == "" {
		return nil
	}
	var out []SearchResult
	for i, e := range s.Data.Search(text) {
		if i == limit {
			break
		}
		out = append(out, SearchResult{Label: "Event: " + EventLine(e), Event: e})
	}
	n := 0
	for _, a := range s.Data.Actors {
		if n == limit {
			break
		}
		for _, name := range a.Names() {
			if strings.Contains(data.Fold(name), q) {
				out = append(out, SearchResult{Label: fmt.Sprintf("Actor: %s (%s)", a.Name, a.Kind), Actor: a})
				n++
				break
			}
		}
	}
	seenPlace := map[string]bool{}
	n = 0
	for _, p := range s.Data.Places {
		if n == limit {
			break
		}
		for _, name := range p.Names() {
			if strings.Contains(data.Fold(name), q) {
				out = append(out, SearchResult{Label: fmt.Sprintf("Place: %s, %s", p.Name, p.Country), Place: p})
				seenPlace[p.Name+p.Country] = true
				n++
				break
			}
		}
	}
	var gaz *data.Gazetteer
	if s.Gaz != nil {
		gaz = s.Gaz()
	}
	if gaz != nil {
		for _, p := range gaz.Search(text, limit) {
			if n == limit {
				break
			}
			if seenPlace[p.Name+p.Country] {
				continue
			}
			out = append(out, SearchResult{Label: fmt.Sprintf("Place: %s, %s", p.Name, p.Country), Place: p})
			n++
		}
	}
	n = 0
	for _, c := range s.Atlas.Countries() {
		if n == limit {
			break
		}
		if strings.Contains(data.Fold(c.Name), q) || strings.EqualFold(c.Code, q) {
			out = append(out, SearchResult{Label: "Country: " + c.Name, Country: c})
			n++
		}
	}
	return out
}

// SearchBox is one entry that finds events, actors, places and countries.
// Its results show in List, which the window puts where the event list is
// while there is text to search; typing goes on in the entry meanwhile.
type SearchBox struct {
	*widget.Entry
	s       Searcher
	results []SearchResult
	// List holds the results; it is hidden while the entry is empty.
	List *widget.List
	// OnPicked is called when the analyst picks a result.
	OnPicked func(r SearchResult)
	// OnResults is called after every search with whether there are results to show.
	OnResults func(showing bool)
}

// NewSearchBox makes the search box.
func NewSearchBox(s Searcher) *SearchBox {
	b := &SearchBox{s: s, Entry: widget.NewEntry()}
	b.Entry.SetPlaceHolder("Search events, actors, places, countries (Ctrl+F)")
	b.List = widget.NewList(
		func() int { return len(b.results) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("Event: 11 Jan 2025 · a result line for sizing")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(b.results) {
				o.(*widget.Label).SetText(b.results[id].Label)
			}
		})
	b.List.OnSelected = func(id widget.ListItemID) {
		if id < len(b.results) {
			b.Pick(b.results[id])
		}
		b.List.UnselectAll()
	}
	b.Entry.OnChanged = func(text string) { b.update(text) }
	b.Entry.OnSubmitted = func(string) {
		if len(b.results) > 0 {
			b.Pick(b.results[0])
		}
	}
	return b
}

// Results returns what the last search found.
func (b *SearchBox) Results() []SearchResult { return b.results }

// Pick acts on a result: calls OnPicked; the results stay until the
// search is cleared (Escape in the box, or the Clear button).
func (b *SearchBox) Pick(r SearchResult) {
	if b.OnPicked != nil {
		b.OnPicked(r)
	}
}

// Clear empties the box and hides the results.
func (b *SearchBox) Clear() { b.Entry.SetText("") }

func (b *SearchBox) update(text string) {
	b.results = b.s.Find(text, 8)
	b.List.Refresh()
	b.List.ScrollToTop()
	if b.OnResults != nil {
		b.OnResults(strings.TrimSpace(text) != "")
	}
}
