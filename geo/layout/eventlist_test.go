package layout

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
	"github.com/sahelatlas/sahelatlas/geo/render"
)

// items makes n list items.
func items(n int) []ListItem {
	out := make([]ListItem, n)
	for i := range out {
		out[i] = ListItem{Number: i + 1, Date: "14 Sep 2025", Title: fmt.Sprintf("Event number %d, with a title long enough to be cut short at the panel's edge", i+1), Outlet: "Le Monde"}
	}
	return out
}

// The event list takes a panel beside the map, as tall as its rows; a
// list too long for it counts the rest, or, apart, leaves the map its
// width and is said under it; ListPages splits it over pages.
func TestEventListPanel(t *testing.T) {
	none := New(draw.NewSVG(&bytes.Buffer{}, 1920, 1080), Options{})
	for _, c := range []struct {
		name      string
		o         Options
		panel     bool
		overflow  bool
		says      string
		listPages int
	}{
		{"a short list", Options{Events: items(5)}, true, false, "", 1},
		{"a long list", Options{Events: items(80)}, true, true, "… and ", 1},
		{"a long list apart", Options{Events: items(80), ListApart: true}, false, false, "(1–80) are listed after this page", 1},
		{"a very long list apart", Options{Events: items(400), ListApart: true}, false, false, "(1–400) are listed after this page", 5},
		{"a list too long to list", Options{Events: items(5000), ListApart: true}, false, false, "(1–5000) are listed after this page up to ", MaxListPages},
		{"hidden", Options{Events: items(5), Hide: EventList}, false, false, "", 1},
	} {
		var buf bytes.Buffer
		c2 := draw.NewSVG(&buf, 1920, 1080)
		c2.SetTextMode(draw.TextEditable)
		p := New(c2, c.o)
		v := p.Fit(orb.Bound{Min: orb.Point{-18, 8}, Max: orb.Point{40, 22}})
		p.Draw(c2, v, render.LayerFunc(func(draw.Canvas, geo.Viewport) {}), nil)
		if err := c2.Close(); err != nil {
			t.Fatal(err)
		}
		narrower := p.Map.Max.X < none.Map.Max.X-300
		if narrower != c.panel || bytes.Contains(buf.Bytes(), []byte(`id="event-list"`)) != c.panel {
			t.Errorf("%s: map frame %v (without a list %v), panel drawn %v; want a panel %v", c.name, p.Map, none.Map,
				bytes.Contains(buf.Bytes(), []byte(`id="event-list"`)), c.panel)
		}
		if (p.ListOverflow() > 0) != c.overflow {
			t.Errorf("%s: %d items left off the panel", c.name, p.ListOverflow())
		}
		if c.says != "" && !bytes.Contains(buf.Bytes(), []byte(c.says)) {
			t.Errorf("%s: the page does not say %q", c.name, c.says)
		}
		if !bytes.Contains(buf.Bytes(), []byte("Event number 1,")) && c.panel {
			t.Errorf("%s: the panel does not list the first event", c.name)
		}
		if got := len(ListPages(c2, c.o)); got != c.listPages {
			t.Errorf("%s: %d list pages, want %d", c.name, got, c.listPages)
		}
	}
}

// The last of the list's pages counts the events past MaxListPages.
func TestListPagesCountTheRest(t *testing.T) {
	o := Options{Events: items(5000), ListApart: true}
	var buf bytes.Buffer
	c := draw.NewSVG(&buf, 1920, 1080)
	c.SetTextMode(draw.TextEditable)
	pages := ListPages(c, o)
	last := pages[len(pages)-1]
	DrawListPage(c, o, last, len(pages), len(pages))
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("… and %d more events, not listed", 5000-last[len(last)-1].Number)
	if !bytes.Contains(buf.Bytes(), []byte(want)) || !bytes.Contains(buf.Bytes(), []byte(fmt.Sprintf("(%d of %d)", len(pages), len(pages)))) {
		t.Errorf("the last list page does not say %q and its place among the pages", want)
	}
}

// fitText cuts a text to a width, ending with "…" (all that is left of
// it in the narrowest), and keeps one that fits.
func TestFitText(t *testing.T) {
	c := draw.NewSVG(&bytes.Buffer{}, 100, 100)
	st := draw.TextStyle{Size: 12}
	for _, c2 := range []struct {
		s     string
		width float64
		cut   bool
	}{
		{"Mali", 200, false},
		{"Mali expels five French diplomats after a week of accusations", 120, true},
		{"Bamako", 1, true},
	} {
		got := fitText(c, c2.s, st, c2.width)
		w, _ := c.MeasureText(got, st)
		if c2.cut != (got != c2.s) || (c2.cut && got != "…" && (w > c2.width || got[len(got)-3:] != "…")) {
			t.Errorf("fitText(%q, %g) = %q (%.0f px)", c2.s, c2.width, got, w)
		}
	}
}
