package overlay

import (
	"math"
	"slices"
	"testing"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/geo"
)

const koneVisit = "2025-04-09-kone-meets-burhan-port-sudan"

func dist(a, b orb.Point) float64 { return math.Hypot(a[0]-b[0], a[1]-b[1]) }

func TestNewArc(t *testing.T) {
	cases := []struct {
		name string
		a, b orb.Point
		// side is the sign of the bow's y (screen, y down) for a
		// horizontal chord, or 0 to skip.
		side float64
	}{
		{"eastbound bows north", orb.Point{0, 100}, orb.Point{300, 100}, -1},
		{"westbound bows south", orb.Point{300, 100}, orb.Point{0, 100}, 1},
		{"diagonal", orb.Point{10, 10}, orb.Point{200, 400}, 0},
		{"short", orb.Point{10, 10}, orb.Point{20, 10}, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			gap := 6.0
			arc := NewArc(c.a, c.b, 1, gap)
			chord := dist(c.a, c.b)
			if got := dist(arc.Tip, c.b); chord > gap && math.Abs(got-gap) > 0.5 {
				t.Errorf("tip %.2f px from the destination, want %.1f", got, gap)
			}
			if arc.Arrow[0] != arc.Tip || arc.Arrow[len(arc.Arrow)-1] != arc.Tip {
				t.Errorf("arrowhead %v does not start and end at the tip %v", arc.Arrow, arc.Tip)
			}
			// The arrowhead's base is on the origin's side of its tip.
			base := orb.Point{(arc.Arrow[1][0] + arc.Arrow[2][0]) / 2, (arc.Arrow[1][1] + arc.Arrow[2][1]) / 2}
			if dist(base, c.b) <= dist(arc.Tip, c.b) {
				t.Errorf("arrowhead base %v is not behind its tip %v", base, arc.Tip)
			}
			if math.Abs(dist(base, arc.Tip)-arrowLength) > 1e-6 {
				t.Errorf("arrowhead %.2f px long, want %d", dist(base, arc.Tip), arrowLength)
			}
			if len(arc.Line) > 0 {
				if arc.Line[0] != c.a {
					t.Errorf("curve starts at %v, want %v", arc.Line[0], c.a)
				}
				if end := arc.Line[len(arc.Line)-1]; dist(end, base) > 0.5 {
					t.Errorf("curve ends at %v, want the arrowhead's base %v", end, base)
				}
			}
			if c.side != 0 {
				mid := bezier(c.a, arc.Control, c.b, 0.5)
				if (mid[1]-c.a[1])*c.side <= 0 {
					t.Errorf("middle of the curve %v is on the wrong side of the chord", mid)
				}
				if got, want := math.Abs(mid[1]-c.a[1]), Bow*chord/2; math.Abs(got-want) > 1e-6 {
					t.Errorf("bow %.2f px, want %.2f", got, want)
				}
			}
		})
	}
}

func TestVisitLayerKone(t *testing.T) {
	d := bundled(t)
	kone := d.Event(koneVisit)
	if kone == nil || kone.Origin != "bamako" || kone.Place != "port-sudan" {
		t.Fatalf("bundled dataset: %s is %+v, want a visit from bamako to port-sudan", koneVisit, kone)
	}
	l := NewVisitLayer(d)
	day := data.D(2025, 4, 9)
	l.SetEvents(d.Between(day, day), day, day)
	v := sahelView(t, 1280, 720)
	arcs := l.Arcs(v)
	if len(arcs) != 1 {
		t.Fatalf("%d arcs on %s, want Koné's one", len(arcs), day)
	}
	bamako := orb.Point{}
	bamako[0], bamako[1] = v.Project(d.Place("bamako").Point)
	port := orb.Point{}
	port[0], port[1] = v.Project(d.Place("port-sudan").Point)
	arc := arcs[0]
	if arc.From != bamako || arc.To != port {
		t.Errorf("arc %v → %v, want Bamako %v → Port Sudan %v", arc.From, arc.To, bamako, port)
	}
	if got := dist(arc.Tip, port); got > SymbolSize {
		t.Errorf("arrowhead tip %.1f px from Port Sudan, want within %d", got, SymbolSize)
	}
	if dist(arc.Tip, port) >= dist(arc.Tip, bamako) {
		t.Error("arrowhead is at the Bamako end")
	}

	// Hit tests on the drawn arc.
	mid := arc.Line[len(arc.Line)/2]
	cases := []struct {
		name string
		p    orb.Point
		hit  bool
	}{
		{"on the curve", mid, true},
		{"beside the curve", orb.Point{mid[0], mid[1] + 3}, true},
		{"on the arrowhead", orb.Point{(arc.Arrow[0][0] + arc.Arrow[1][0] + arc.Arrow[2][0]) / 3, (arc.Arrow[0][1] + arc.Arrow[1][1] + arc.Arrow[2][1]) / 3}, true},
		{"on the chord, away from the bowed curve", orb.Point{(bamako[0] + port[0]) / 2, (bamako[1] + port[1]) / 2}, false},
		{"far away", orb.Point{10, 10}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := l.HitTest(v, c.p[0], c.p[1])
			if h.OK() != c.hit {
				t.Fatalf("hit %v, want %v", h.OK(), c.hit)
			}
			if c.hit && (h.Kind != HitArc || !slices.Equal(ids(h.Events), []string{koneVisit})) {
				t.Errorf("hit %v %v, want the arc of %s", h.Kind, ids(h.Events), koneVisit)
			}
		})
	}

	// The arc is drawn: its middle is in the visit colour.
	img := paint(v, l)
	if c := pixel(img, mid[0], mid[1]); !similar(c, VisitColour, 40) {
		t.Errorf("middle of the arc is %v, want %v", c, VisitColour)
	}
}

func TestVisitLayerViewEdge(t *testing.T) {
	d := bundled(t)
	l := NewVisitLayer(d)
	l.SetEvents([]*data.Event{d.Event(koneVisit)}, data.Date{}, data.Date{})
	cases := []struct {
		name          string
		v             geo.Viewport
		pieces, arrow bool
	}{
		{"Port Sudan only", viewAt(37.2, 19.6, 7), true, true},
		{"Bamako only", viewAt(-8, 12.65, 7), true, false},
		{"neither, arc passes", viewAt(14, 21, 6), true, false},
		{"far away", viewAt(2.35, 48.85, 8), false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lo := l.layout(c.v)
			w, h := c.v.PixelSize()
			var pieces bool
			var arrow bool
			for _, a := range lo.arcs {
				arrow = arrow || a.arrow
				for _, p := range a.pieces {
					pieces = true
					for _, pt := range p {
						if !viewBound(w, h, 4.01).Contains(pt) {
							t.Errorf("drawn point %v outside the view", pt)
						}
					}
				}
			}
			if pieces != c.pieces || arrow != c.arrow {
				t.Errorf("curve drawn %v, arrowhead %v; want %v, %v", pieces, arrow, c.pieces, c.arrow)
			}
			paint(c.v, l) // clipped arcs draw without trouble
		})
	}
}

func TestVisitLayerRoutes(t *testing.T) {
	d := testDataset(t,
		ev{id: "out", place: "paris", origin: "bamako", kind: data.KindVisit, day: data.D(2025, 1, 1)},
		ev{id: "again", place: "paris", origin: "bamako", kind: data.KindVisit, precision: data.PrecisionMonth, day: data.D(2025, 3, 1)},
		ev{id: "back", place: "bamako", origin: "paris", kind: data.KindVisit, precision: data.PrecisionYear, day: data.D(2025, 6, 1)},
		ev{id: "no-origin", place: "niamey", kind: data.KindVisit},
		ev{id: "talks", place: "niamey", origin: "paris", kind: data.KindTalks},
	)
	l := NewVisitLayer(d)
	l.SetEvents(d.Events, data.Date{}, data.Date{})
	lo := l.layout(viewAt(0, 30, 3))
	type got struct {
		visits []string
		dashed bool
	}
	var routes []got
	for _, a := range lo.arcs {
		routes = append(routes, got{ids(a.visits), a.dashed})
	}
	want := []got{{[]string{"out", "again"}, false}, {[]string{"back"}, true}}
	if len(routes) != len(want) {
		t.Fatalf("routes %v, want %v", routes, want)
	}
	for i := range want {
		if !slices.Equal(routes[i].visits, want[i].visits) || routes[i].dashed != want[i].dashed {
			t.Errorf("route %d: %v, want %v", i, routes[i], want[i])
		}
	}
	if lo.arcs[0].width <= lo.arcs[1].width {
		t.Errorf("route of two visits %.1f px wide, of one %.1f: want wider", lo.arcs[0].width, lo.arcs[1].width)
	}
}

func TestItinerary(t *testing.T) {
	d := bundled(t)
	l := NewItineraryLayer(d, "burhan")
	l.SetEvents(d.Events, data.D(2024, 1, 1), data.D(2025, 12, 31))
	want := []string{"2025-01-11-burhan-visits-bamako", koneVisit}
	if got := ids(l.Stops()); !slices.Equal(got, want) {
		t.Fatalf("stops %v, want %v", got, want)
	}
	v := sahelView(t, 1280, 720)
	bx, by := v.Project(d.Place("bamako").Point)
	px, py := v.Project(d.Place("port-sudan").Point)
	cases := []struct {
		name string
		x, y float64
		kind HitKind
		stop int
		ids  []string
	}{
		{"stop 1 at Bamako", bx, by, HitStop, 1, want[:1]},
		{"stop 2 at Port Sudan", px, py, HitStop, 2, want[1:]},
		{"open sea", 5, 5, HitNone, 0, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := l.HitTest(v, c.x, c.y)
			if h.Kind != c.kind || h.Stop != c.stop || !slices.Equal(ids(h.Events), c.ids) {
				t.Errorf("hit %v stop %d %v, want %v stop %d %v", h.Kind, h.Stop, ids(h.Events), c.kind, c.stop, c.ids)
			}
		})
	}
	// Two legs: Port Sudan → Bamako (stop 1), Bamako → Port Sudan (stop 2);
	// each ends with an arrowhead at its stop.
	lo := l.layout(v)
	if len(lo.legs) != 2 {
		t.Fatalf("%d legs, want 2", len(lo.legs))
	}
	for i, leg := range lo.legs {
		to := orb.Point{bx, by}
		if i == 1 {
			to = orb.Point{px, py}
		}
		if leg.stop != i+1 || !leg.arrow || dist(leg.arc.Tip, to) > stopSize {
			t.Errorf("leg %d: stop %d, arrow %v, tip %.1f px from its stop", i, leg.stop, leg.arrow, dist(leg.arc.Tip, to))
		}
	}
	paint(v, l)
	l.SetActor("nobody")
	if len(l.Stops()) != 0 || l.HitTest(v, bx, by).OK() {
		t.Error("an actor with no visits has stops")
	}
}
