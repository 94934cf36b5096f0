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
			want := wrapWordByWord(c, tc.s, tc.st, tc.width)
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

// wrapWordByWord is wrap as it was first written: every word added to
// the line and the line measured whole.
func wrapWordByWord(c draw.Canvas, s string, st draw.TextStyle, width float64) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		try := word
		if line != "" {
			try = line + " " + word
		}
		if w, _ := c.MeasureText(try, st); w > width && line != "" {
			lines = append(lines, line)
			line = word
			continue
		}
		line = try
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// wrapMeasured sets the words left on one line when they fit: the same
// lines as adding them word by word, at every width, in English, French
// (accents, dashes, ellipses, arrows), with a name in Arabic (measured
// word by word) and at every size and weight a page uses.
func TestWrapMeasuredIsWordByWord(t *testing.T) {
	c := draw.NewRaster(image.NewRGBA(image.Rect(0, 0, 1, 1)))
	texts := []string{
		credits,
		"Sources des événements : ACLED (acleddata.com), Le Monde, RFI — « Jeune Afrique » ; frontières : Natural Earth… 1–24 → p. 2",
		"Visite à Bamako puis à الخرطوم (Khartoum) et retour par N'Djamena, Niamey, Ouagadougou.",
		"  spaced\tout   words\n and  a verylongwordthatfitsnowhereatanywidthatall  ",
		"Événements 1–24 listés après la carte. 3 lieux ne sont pas nommés faute de place.",
	}
	for _, text := range texts {
		for _, size := range []float64{2, 12 * 320.0 / ReferenceWidth, 12, 24} {
			for _, bold := range []bool{false, true} {
				st := draw.TextStyle{Size: size, Bold: bold}
				full, _ := c.MeasureText(text, st)
				for width := 0.0; width <= full+size; width += max(size/3, full/50) {
					got, want := wrapMeasured(c, text, st, width), wrapWordByWord(c, text, st, width)
					if !slices.Equal(got, want) {
						t.Fatalf("%q at %g px (bold %v), width %g: %q, want %q", text, size, bold, width, got, want)
					}
				}
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
