package overlay

import (
	"math"
	"testing"

	"github.com/sahelatlas/sahelatlas/data"
)

// Issue 13 item 5: an event drawn at a place its sources do not give has a
// dotted ring around its symbol, which an event of a given or approximate
// place has not, and the legend says so.
func TestInferredPlaces(t *testing.T) {
	for _, c := range []struct {
		name     string
		place    data.PlacePrecision
		inferred bool
	}{
		{"given", data.PlaceGiven, false},
		{"approximate", data.PlaceApproximate, false},
		{"inferred", data.PlaceInferred, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := testDataset(t, ev{id: "x", place: "niamey", kind: data.KindCoup})
			e := d.Event("x")
			e.PlacePrecision = c.place
			if PlaceInferred(e) != c.inferred {
				t.Fatalf("PlaceInferred = %v, want %v", PlaceInferred(e), c.inferred)
			}
			v := viewAt(2.11, 13.51, 6)
			l := NewEventLayer()
			l.SetEvents(d.Events, data.Date{}, data.Date{})
			img := paint(v, l)
			x, y := v.Project(e.At())
			// Pixels painted in the ring between the symbol and the halo's
			// radius, where only the halo draws.
			ring, inked := 0, 0
			for dy := -12; dy <= 12; dy++ {
				for dx := -12; dx <= 12; dx++ {
					r := math.Hypot(float64(dx), float64(dy))
					if r < 8.5 || r > 11 {
						continue
					}
					ring++
					if !similar(pixel(img, x+float64(dx), y+float64(dy)), white, 16) {
						inked++
					}
				}
			}
			if c.inferred && inked < ring/4 {
				t.Errorf("%d of %d pixels around the symbol are inked, want a dotted ring (at least a quarter)", inked, ring)
			}
			if !c.inferred && inked > 0 {
				t.Errorf("%d of %d pixels around the symbol are inked, want none", inked, ring)
			}
			if got := l.Legend(v).Inferred; got != c.inferred {
				t.Errorf("Legend.Inferred = %v, want %v", got, c.inferred)
			}
		})
	}
	// The bundled events placed where no source gives a place draw so.
	b := bundled(t)
	l := NewEventLayer()
	l.SetEvents(b.Dated(), data.D(2025, 10, 1), data.D(2025, 10, 31))
	if lg := l.Legend(viewAt(35.74, -6.17, 6)); !lg.Inferred {
		t.Errorf("Tanzania's election, drawn at Dodoma: legend %+v, want an inferred place", lg)
	}
}
