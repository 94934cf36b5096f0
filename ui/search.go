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
	Gaz   *data.Gazetteer // may be nil
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
	if s.Gaz != nil {
		for _, p := range s.Gaz.Search(text, limit) {
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

// SearchBox is one entry that finds events, actors, places and countries,
// with the results in a drop-down list.
type SearchBox struct {
	*widget.Entry
	s       Searcher
	results []SearchResult
	list    *widget.List
	popup   *widget.PopUp
	// OnPicked is called when the analyst picks a result.
	OnPicked func(r SearchResult)
}

// NewSearchBox makes the search box.
func NewSearchBox(s Searcher) *SearchBox {
	b := &SearchBox{s: s, Entry: widget.NewEntry()}
	b.Entry.SetPlaceHolder("Search events, actors, places, countries (Ctrl+F)")
	b.list = widget.NewList(
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
	b.list.OnSelected = func(id widget.ListItemID) {
		if id < len(b.results) {
			b.Pick(b.results[id])
		}
		b.list.UnselectAll()
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

// Pick acts on a result: hides the drop-down and calls OnPicked.
func (b *SearchBox) Pick(r SearchResult) {
	if b.popup != nil {
		b.popup.Hide()
	}
	if b.OnPicked != nil {
		b.OnPicked(r)
	}
}

func (b *SearchBox) update(text string) {
	b.results = b.s.Find(text, 6)
	b.list.Refresh()
	c := fyne.CurrentApp().Driver().CanvasForObject(b.Entry)
	if c == nil {
		return
	}
	if len(b.results) == 0 {
		if b.popup != nil {
			b.popup.Hide()
		}
		return
	}
	if b.popup == nil {
		b.popup = widget.NewPopUp(b.list, c)
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b.Entry)
	w := max(b.Entry.Size().Width, 420)
	h := min(float32(len(b.results))*38+8, 420)
	b.popup.Resize(fyne.NewSize(w, h))
	b.popup.ShowAtPosition(pos.Add(fyne.NewPos(0, b.Entry.Size().Height)))
	c.Focus(b.Entry) // keep typing in the box while the list shows
}
