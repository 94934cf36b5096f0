package ui

import (
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/sahelatlas/sahelatlas/data"
)

// newGatedSearchBox makes a search box whose searches the test lets finish
// one by one, with results handed to a queue the test drains.
func newGatedSearchBox(t *testing.T) (*SearchBox, *gate, *uiQueue) {
	t.Helper()
	test.NewTempApp(t)
	g := newGate()
	q := &uiQueue{ch: make(chan func(), 64)}
	b := NewSearchBox(Searcher{})
	b.find = func(_ Searcher, text string) []SearchResult {
		return []SearchResult{{Label: g.compute(text)}}
	}
	b.work.do = q.do
	return b, g, q
}

// labels returns the result lines the search box's list shows.
func labels(b *SearchBox) []string {
	var out []string
	for i := range b.List.Length() {
		out = append(out, b.results[i].Label)
	}
	return out
}

func TestSearchBoxShowsOnlyTheNewestText(t *testing.T) {
	b, g, q := newGatedSearchBox(t)
	var shown [][]string
	b.OnResults = func(bool) { shown = append(shown, labels(b)) }

	test.Type(b.Entry, "G")
	if s := g.waitStart(t); s != "G" {
		t.Fatalf("searched %q first, want G", s)
	}
	// Typed while G is searched: the entry keeps up; only the last text is searched next.
	test.Type(b.Entry, "oita")
	if b.Entry.Text != "Goita" {
		t.Fatalf("the entry shows %q while a search runs", b.Entry.Text)
	}
	g.release <- struct{}{}
	q.next(t) // G's results: stale
	if len(shown) != 0 {
		t.Fatalf("the results of an older text were shown: %q", shown)
	}
	if s := g.waitStart(t); s != "Goita" {
		t.Fatalf("searched %q after G, want Goita", s)
	}
	g.release <- struct{}{}
	q.next(t)
	want := [][]string{{"result of Goita"}}
	if !slices.EqualFunc(shown, want, slices.Equal) {
		t.Fatalf("shown %q, want %q", shown, want)
	}
	if want := []string{"G", "Goita"}; !slices.Equal(g.calls, want) {
		t.Fatalf("searched %q, want %q", g.calls, want)
	}
}

func TestSearchBoxEnterBeforeResultsPicksTheNewest(t *testing.T) {
	b, g, q := newGatedSearchBox(t)
	var picked []string
	b.OnPicked = func(r SearchResult) { picked = append(picked, r.Label) }

	test.Type(b.Entry, "B")
	if s := g.waitStart(t); s != "B" {
		t.Fatalf("searched %q, want B", s)
	}
	test.Type(b.Entry, "a")
	g.release <- struct{}{}
	q.next(t) // B's results: stale, "Ba" was typed meanwhile
	b.Entry.OnSubmitted(b.Entry.Text)
	if len(picked) != 0 {
		t.Fatalf("Enter picked %q before the results of Ba came", picked)
	}
	if s := g.waitStart(t); s != "Ba" {
		t.Fatalf("searched %q, want Ba", s)
	}
	g.release <- struct{}{}
	q.next(t)
	if want := []string{"result of Ba"}; !slices.Equal(picked, want) {
		t.Fatalf("picked %q, want %q", picked, want)
	}
}

func TestSearchBoxClearHidesResultsAtOnce(t *testing.T) {
	b, g, q := newGatedSearchBox(t)
	var showing []bool
	b.OnResults = func(on bool) { showing = append(showing, on) }

	test.Type(b.Entry, "M")
	g.waitStart(t)
	b.Clear() // while M is searched
	if want := []bool{false}; !slices.Equal(showing, want) {
		t.Fatalf("OnResults got %v after Clear, want %v", showing, want)
	}
	g.release <- struct{}{}
	q.next(t)
	if len(b.Results()) != 0 || len(showing) != 1 {
		t.Fatalf("the results of a cleared search were shown: %+v", b.Results())
	}
}

// TestSearchBoxSearchesNewData: when the window's events change (an
// import merged, a layer hidden), the text in the box is searched again
// in the new events, and an empty box starts no search.
func TestSearchBoxSearchesNewData(t *testing.T) {
	b, g, q := newGatedSearchBox(t)
	old, merged := &data.Dataset{}, &data.Dataset{}
	b.s.Data = old
	b.find = func(s Searcher, text string) []SearchResult {
		in := "old"
		if s.Data == merged {
			in = "merged"
		}
		return []SearchResult{{Label: g.compute(text + " in " + in)}}
	}

	b.Entry.SetText("Goita")
	if s := g.waitStart(t); s != "Goita in old" {
		t.Fatalf("searched %q, want Goita in old", s)
	}
	g.release <- struct{}{}
	q.next(t)
	if got, want := labels(b), []string{"result of Goita in old"}; !slices.Equal(got, want) {
		t.Fatalf("shown %q, want %q", got, want)
	}

	b.setData(merged)
	if s := g.waitStart(t); s != "Goita in merged" {
		t.Fatalf("searched %q after the data changed, want Goita in merged", s)
	}
	g.release <- struct{}{}
	q.next(t)
	if got, want := labels(b), []string{"result of Goita in merged"}; !slices.Equal(got, want) {
		t.Fatalf("shown %q after the data changed, want %q", got, want)
	}

	b.Clear()
	b.setData(old)
	if !b.work.settled() || len(b.Results()) != 0 {
		t.Fatalf("an empty box searched the new data: settled %v, results %+v", b.work.settled(), b.Results())
	}
}

// TestSearchBoxReadsTheGazetteerWhenAsked: the box does not read the
// gazetteer until the analyst starts a search, then starts reading it
// once, however much is typed.
func TestSearchBoxReadsTheGazetteerWhenAsked(t *testing.T) {
	test.NewTempApp(t)
	read := make(chan struct{}, 8)
	b := NewSearchBox(Searcher{Gaz: func() *data.Gazetteer { read <- struct{}{}; return nil }})
	b.find = func(Searcher, string) []SearchResult { return nil } // the searches' own reads aside
	b.work.do = func(func()) {}                                   // and their results
	select {
	case <-read:
		t.Fatal("the gazetteer was read before any search")
	default:
	}
	test.Type(b.Entry, "Gao")
	b.Warm()
	select {
	case <-read: // started by the first key
	case <-time.After(10 * time.Second):
		t.Fatal("typing in the box did not start reading the gazetteer")
	}
	select {
	case <-read:
		t.Fatal("the gazetteer was read twice")
	case <-time.After(50 * time.Millisecond):
	}
}
