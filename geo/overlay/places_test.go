package overlay

import (
	"math"
	"testing"

	"github.com/sahelatlas/sahelatlas/data"
)

// Issue 13 item 5: an event drawn at a place its sources do not give has a
// dotted ring around its symbol, one its sources place only near there a
// thin whole ring, and one of a given place none; the legend says which.
func TestInferredPlaces(t *testing.T) {
	for _, c := range []struct {
		name     string
		place    data.PlacePrecision
		inferred bool
		approx   bool
	}{
		{"given", data.PlaceGiven, false, false},
		{"approximate", data.PlaceApproximate, false, true},
		{"an analyst's region", data.PlaceRegion, false, true},
		{"inferred", data.PlaceInferred, true, false},
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
			if c.approx && inked < ring/4 {
				t.Errorf("%d of %d pixels around the symbol are inked, want a ring", inked, ring)
			}
			if !c.inferred && !c.approx && inked > 0 {
				t.Errorf("%d of %d pixels around the symbol are inked, want none", inked, ring)
			}
			if got := l.Legend(v).Inferred; got != c.inferred {
				t.Errorf("Legend.Inferred = %v, want %v", got, c.inferred)
			}
			if got := l.Legend(v).PlaceApprox; got != c.approx {
				t.Errorf("Legend.PlaceApprox = %v, want %v", got, c.approx)
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

// A cluster holding an event of an inferred place is ringed as dotted, and
// the legend says so; a cluster of given places is not.
func TestInferredPlacesInClusters(t *testing.T) {
	for _, inferred := range []bool{false, true} {
		d := testDataset(t, ev{id: "a", place: "niamey", kind: data.KindCoup}, ev{id: "b", place: "niamey", kind: data.KindTalks})
		if inferred {
			d.Event("b").PlacePrecision = data.PlaceInferred
		}
		v := viewAt(2.11, 13.51, 6)
		l := NewEventLayer()
		l.SetEvents(d.Events, data.Date{}, data.Date{})
		img := paint(v, l)
		x, y := v.Project(d.Event("a").At())
		disc := ClusterMarker(2, FamilyDiplomacy, 1)
		inner, outer := (disc.Size+disc.OutlineWidth)/2+1.5, (disc.Size+8)/2+1.5
		ring, inked := 0, 0
		for dy := -20; dy <= 20; dy++ {
			for dx := -20; dx <= 20; dx++ {
				if r := math.Hypot(float64(dx), float64(dy)); r < inner || r > outer {
					continue
				}
				ring++
				if !similar(pixel(img, x+float64(dx), y+float64(dy)), white, 16) {
					inked++
				}
			}
		}
		if inferred && inked < ring/5 {
			t.Errorf("a cluster with an inferred place: %d of %d pixels around it inked, want a dotted ring", inked, ring)
		}
		if !inferred && inked > 0 {
			t.Errorf("a cluster of given places: %d of %d pixels around it inked, want none", inked, ring)
		}
		if got := l.Legend(v).Inferred; got != inferred {
			t.Errorf("cluster, inferred %v: Legend.Inferred = %v", inferred, got)
		}
	}
}
