package layout

import (
	"image"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/geo/draw"
)

// counter is a canvas counting the texts it measures.
type counter struct {
	draw.Canvas
	measured int
}

func (c *counter) MeasureText(s string, st draw.TextStyle) (float64, float64) {
	c.measured++
	return c.Canvas.MeasureText(s, st)
}

const credits = "Events: ACLED (acleddata.com), Le Monde, RFI, Jeune Afrique, Reuters, AFP; " +
	"boundaries: Natural Earth; places: GeoNames; rivers and lakes: GSHHG (LGPL-3)"

// A text wrapped before is wrapped as it would be afresh, whatever was
// wrapped in between (other widths, sizes, weights, texts), and its
// lines are the caller's to change.
func TestWrapRemembersOnlyWhatItMeasured(t *testing.T) {
	c := draw.NewRaster(image.NewRGBA(image.Rect(0, 0, 320, 180)))
	small := draw.TextStyle{Size: 12 * 320.0 / ReferenceWidth}
	cases := []struct {
		name  string
		s     string
		st    draw.TextStyle
		width float64
	}{
		{"credits", credits, small, 250},
		{"credits narrower", credits, small, 120},
		{"credits larger", credits, draw.TextStyle{Size: 12}, 250},
		{"credits bold", credits, draw.TextStyle{Size: small.Size, Bold: true}, 250},
		{"a note", "Events 1–24 are listed on the pages after the map. 3 places are not named for lack of room.", small, 250},
		{"one word", "GSHHG", small, 10},
		{"nothing", "", small, 250},
	}
	for round := range 2 { // the second round finds every text wrapped
		for _, tc := range cases {
			want := wrapMeasured(c, tc.s, tc.st, tc.width)
			got := wrap(c, tc.s, tc.st, tc.width)
			if !slices.Equal(got, want) {
				t.Errorf("round %d, %s: wrap = %q, want %q", round, tc.name, got, want)
			}
			if len(got) > 0 {
				got[0] = "changed"
				_ = append(got[:1], "appended")
			}
		}
	}
}

// A page laid out again with the same credits measures none of them
// again: the scene lays a page out several times while its note settles.
func TestNewWrapsTheCreditsOnce(t *testing.T) {
	o := Options{Title: "Sahel", Subtitle: "1–30 Sep 2025", Credits: strings.Repeat(credits+"; ", 4),
		MadeAt: time.Date(2025, 10, 1, 12, 0, 0, 0, time.UTC)}
	c := &counter{Canvas: draw.NewRaster(image.NewRGBA(image.Rect(0, 0, 320, 180)))}
	first := New(c, o)
	n := c.measured
	c.measured = 0
	again := New(c, o)
	if c.measured >= n || !slices.Equal(first.credits, again.credits) || first.Map != again.Map {
		t.Errorf("laid out again: %d texts measured (first %d), credits %q then %q, frame %v then %v",
			c.measured, n, first.credits, again.credits, first.Map, again.Map)
	}
	if len(first.credits) < 2 {
		t.Errorf("credits %q: want them wrapped on a 320-pixel page", first.credits)
	}
}

// BenchmarkPageSmall lays a 320×180 page out as the scene does for a
// snapshot (four times, the note settling) and draws it round a map of
// sea: the page's own measuring and setting of text. Each page has
// credits of its own, as each snapshot process has.
func BenchmarkPageSmall(b *testing.B) {
	o := Options{Title: "Sahel", Subtitle: "1 Jan 2013 – 29 Oct 2025", Caveat: "UNCLASSIFIED"}
	bound := orb.Bound{Min: orb.Point{-25, -5}, Max: orb.Point{50, 50}}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		o.Credits = credits + "; " + strconv.Itoa(i)
		c := draw.NewRaster(image.NewRGBA(image.Rect(0, 0, 320, 180)))
		var p *Page
		for _, note := range []string{"", "3 places are not named for lack of room.", "", ""} {
			o.Note = note
			p = New(c, o)
		}
		p.Draw(c, p.Fit(bound), sea, nil)
	}
}
