package ui

import (
	"fmt"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
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
		out = append(out, SearchResult{Label: lang.L("Event: ") + EventLine(e), Event: e})
	}
	n := 0
	for _, a := range s.Data.Actors {
		if n == limit {
			break
		}
		for _, name := range append(a.Names(), a.FrenchNames()...) {
			if strings.Contains(data.Fold(name), q) {
				out = append(out, SearchResult{Label: fmt.Sprintf(lang.L("Actor: %s (%s)"), actorName(a), a.Kind), Actor: a})
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
				out = append(out, SearchResult{Label: fmt.Sprintf(lang.L("Place: %s, %s"), p.Name, p.Country), Place: p})
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
		// Best first, by GeoNames' other names too ("Tombouctou" finds Timbuktu).
		for _, m := range gaz.Match(text, "", limit) {
			p := m.Place
			if n == limit {
				break
			}
			if seenPlace[p.Name+p.Country] {
				continue
			}
			label := fmt.Sprintf(lang.L("Place: %s, %s"), p.Name, p.Country)
			if m.Matched != p.Name {
				label = fmt.Sprintf(lang.L("Place: %s (%s), %s"), p.Name, m.Matched, p.Country)
			}
			out = append(out, SearchResult{Label: label, Place: p})
			n++
		}
	}
	n = 0
	for _, c := range s.Atlas.Countries() {
		if n == limit {
			break
		}
		if strings.Contains(data.Fold(countrySearchText(c.Code, c.Name)), q) || strings.EqualFold(c.Code, q) {
			out = append(out, SearchResult{Label: lang.L("Country: ") + countryIn(c.Code, c.Name), Country: c})
			n++
		}
	}
	return out
}

// searchLimit is how many results of each sort the search box lists.
const searchLimit = 8

// SearchBox is one entry that finds events, actors, places and countries.
// Its results show in List, which the window puts where the event list is
// while there is text to search; typing goes on in the entry meanwhile.
// The search runs off the UI goroutine (110–150 ms a keystroke with
// 100,000 events): keystrokes typed while it runs replace one another, and
// the results of a text already changed are never shown.
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

	work      *newestWorker[searchRequest, []SearchResult]
	warm      sync.Once                                    // the gazetteer's read, started by Warm
	find      func(s Searcher, text string) []SearchResult // Searcher.Find; tests pass a slower one they control
	pickFirst bool                                         // Enter was pressed before the results of the text came
}

// searchRequest is one search: the text and the data it searched, as they
// were when the analyst typed it.
type searchRequest struct {
	s    Searcher
	text string
}

// NewSearchBox makes the search box.
func NewSearchBox(s Searcher) *SearchBox {
	b := &SearchBox{s: s, Entry: widget.NewEntry()}
	b.find = func(s Searcher, text string) []SearchResult { return s.Find(text, searchLimit) }
	b.work = newNewestWorker(func(r searchRequest) []SearchResult { return b.find(r.s, r.text) }, b.show, fyne.Do, 0)
	b.Entry.SetPlaceHolder(lang.L("Search events, actors, places, countries (Ctrl+F)"))
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
		if !b.work.settled() {
			b.pickFirst = true // when the results of what is typed come
			return
		}
		if len(b.results) > 0 {
			b.Pick(b.results[0])
		}
	}
	return b
}

// Results returns what the last search shown found.
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

// setData makes the box search d, and searches d again for the text in
// the box, so that the results shown never point at events the window no
// longer has (after an import is merged or a layer hidden).
// An Enter pressed before the results came still picks the first of the
// new ones.
func (b *SearchBox) setData(d *data.Dataset) {
	b.s.Data = d
	if strings.TrimSpace(b.Entry.Text) != "" {
		b.work.request(searchRequest{s: b.s, text: b.Entry.Text})
	}
}

// Warm starts reading the gazetteer on a goroutine of its own, once,
// when the analyst is about to search (Ctrl+F, the first key typed): the
// window does not hold its 36,000 places (about 13 MB) for a search
// nobody asked for, and the first results need not wait for all of it.
func (b *SearchBox) Warm() {
	b.warm.Do(func() {
		if b.s.Gaz != nil {
			go b.s.Gaz()
		}
	})
}

// update asks for the results of text; an empty box hides them at once.
func (b *SearchBox) update(text string) {
	b.Warm()
	b.pickFirst = false
	if strings.TrimSpace(text) == "" {
		b.work.cancel()
		b.show(nil)
		return
	}
	b.work.request(searchRequest{s: b.s, text: text})
}

// show puts the results of the newest search in the list, on the UI goroutine.
func (b *SearchBox) show(results []SearchResult) {
	b.results = results
	b.List.Refresh()
	b.List.ScrollToTop()
	if b.OnResults != nil {
		b.OnResults(strings.TrimSpace(b.Entry.Text) != "")
	}
	if b.pickFirst {
		b.pickFirst = false
		if len(results) > 0 {
			b.Pick(results[0])
		}
	}
}
