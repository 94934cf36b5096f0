package overlay

import (
	"slices"
	"testing"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/render"
)

// namesOf lists the names asked for, and which of them are far ends.
func namesOf(occ render.Occupancy) (sites, edges []string) {
	for _, n := range occ.Names {
		if n.Edge {
			edges = append(edges, n.Text)
		} else {
			sites = append(sites, n.Text)
		}
	}
	return sites, edges
}

// The event layer reports a box around every symbol it draws and asks for
// the name of each one's place: a cluster is named after its busiest
// place, and the busiest are asked for first.
func TestEventLayerOccupied(t *testing.T) {
	d := testDataset(t,
		ev{id: "a", place: "bamako", kind: data.KindMeeting},
		ev{id: "b", place: "bamako", kind: data.KindTalks},
		ev{id: "c", place: "bamako-east", kind: data.KindStatement},
		ev{id: "d", place: "niamey", kind: data.KindCoup},
		ev{id: "e", place: "khartoum", kind: data.KindVisit},
	)
	cases := []struct {
		name   string
		places bool
		want   []string
	}{
		{"with places", true, []string{"Bamako", "Niamey", "Khartoum"}},
		{"without places", false, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			l := NewEventLayer()
			if tc.places {
				l.SetPlaces(d)
			}
			l.SetEvents(d.Events, data.Date{}, data.Date{})
			v := sahelView(t, 1920, 1080)
			occ := l.Occupied(v)
			lo := l.layout(v)
			if len(occ.Boxes) != len(lo.symbols) {
				t.Fatalf("%d boxes for %d symbols", len(occ.Boxes), len(lo.symbols))
			}
			for i, s := range lo.symbols {
				if b := occ.Boxes[i]; !b.Contains(orb.Point{s.x - s.marker.Size/2, s.y - s.marker.Size/2}) || !b.Contains(orb.Point{s.x + s.marker.Size/2, s.y + s.marker.Size/2}) {
					t.Errorf("box %v does not hold symbol %d at %.0f, %.0f (%.0f px)", b, i, s.x, s.y, s.marker.Size)
				}
			}
			sites, edges := namesOf(occ)
			if !slices.Equal(sites, tc.want) || len(edges) != 0 {
				t.Errorf("names %q, far ends %q; want %q and none", sites, edges, tc.want)
			}
		})
	}
}

// Issue 13 item 2: on a 2025 Sahel frame the relation lines to Moscow and
// Washington and the visit arc from Washington leave the frame, and the
// layers ask for their far ends' names where they leave it; lines wholly
// inside ask for none.
func TestFarEndsNamed(t *testing.T) {
	d := bundled(t)
	day := data.D(2025, 12, 31)
	rel, err := NewRelationLayer(d, day)
	if err != nil {
		t.Fatal(err)
	}
	visits := NewVisitLayer(d)
	visits.SetEvents(d.Events, data.D(2025, 1, 1), day)
	cases := []struct {
		name  string
		view  geo.Viewport
		layer render.Occupant
		want  []string
		not   []string
	}{
		{"relations, Sahel", sahelView(t, 1920, 1080), rel, []string{"Moscow", "Washington, D.C."}, []string{"Bamako", "Paris"}},
		{"visits, Sahel", sahelView(t, 1920, 1080), visits, []string{"Washington, D.C."}, []string{"Port Sudan"}},
		{"relations, the world", geo.Fit(orb.Bound{Min: orb.Point{-130, -40}, Max: orb.Point{140, 65}}, 1920, 1080, 1), rel, nil, []string{"Moscow", "Washington, D.C."}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			occ := tc.layer.Occupied(tc.view)
			_, edges := namesOf(occ)
			for _, w := range tc.want {
				if !slices.Contains(edges, w) {
					t.Errorf("far ends %q lack %q", edges, w)
				}
			}
			for _, n := range tc.not {
				if slices.Contains(edges, n) {
					t.Errorf("far ends %q name %q, which is in the frame", edges, n)
				}
			}
			w, h := tc.view.PixelSize()
			for _, n := range occ.Names {
				c := n.At.Center()
				if !n.Edge || c[0] < -3 || c[1] < -3 || c[0] > float64(w)+3 || c[1] > float64(h)+3 {
					continue
				}
				if c[0] > 3 && c[1] > 3 && c[0] < float64(w)-3 && c[1] < float64(h)-3 {
					t.Errorf("%q is asked for at %v, not on the frame's edge", n.Text, c)
				}
			}
			if len(occ.Lines) == 0 {
				t.Error("no lines reported")
			}
		})
	}
}

// 100,000 unclustered symbols at 500 places: every symbol lies inside a
// box reported, and there are at most two boxes a place.
func TestEventLayerOccupiedUnclustered(t *testing.T) {
	d := benchDataset()
	l := NewEventLayer()
	l.SetClustering(false)
	l.SetEvents(d.Events, data.Date{}, data.Date{})
	v := sahelView(t, 1920, 1080)
	occ := l.Occupied(v)
	if len(occ.Boxes) > 2*len(d.Places) { // a place's symbols with and without the ring of an inferred place
		t.Errorf("%d boxes for %d places", len(occ.Boxes), len(d.Places))
	}
	symbols := l.layout(v).symbols
	for i := 0; i < len(symbols); i += 37 { // a sample: every symbol would take seconds under -race
		s := symbols[i]
		c := orb.Point{s.x, s.y}
		if !slices.ContainsFunc(occ.Boxes, func(b orb.Bound) bool { return b.Contains(c) && b.Max[0]-b.Min[0] >= s.marker.Size }) {
			t.Fatalf("symbol at %v (%.0f px) in no box reported", c, s.marker.Size)
		}
	}
}
