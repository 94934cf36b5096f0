package overlay

import (
	"math"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/geo"
)

// TestDensityWhereSymbolsCarpet: a view holding more events than
// DensityEvents draws hexagons coloured on the ramp, explained by the
// legend and hit-tested as clusters; zoomed in on one place the symbols
// come back.
func TestDensityWhereSymbolsCarpet(t *testing.T) {
	d := data.SyntheticEvents(DensityEvents+5_000, 1)
	l := NewEventLayer()
	l.SetEvents(d.Dated(), data.Date{}, data.Date{})
	wide := sahelView(t, 1280, 800)
	close := geo.Viewport{Center: d.Dated()[0].At(), Zoom: 12, Width: 800, Height: 600}
	for _, c := range []struct {
		name    string
		v       geo.Viewport
		density bool
	}{{"the Sahel", wide, true}, {"one place up close", close, false}} {
		t.Run(c.name, func(t *testing.T) {
			lg := l.Legend(c.v)
			if got := len(lg.Density) > 0; got != c.density {
				t.Fatalf("density drawn = %v, want %v (legend %+v)", got, c.density, lg)
			}
			if symbols := len(lg.Kinds) > 0 || lg.Clusters; c.density == symbols {
				t.Errorf("legend %+v with density %v: symbols and hexagons are exclusive", lg, c.density)
			}
			lo := l.layout(c.v)
			if !c.density {
				return
			}
			total := int32(0)
			for _, cell := range lo.cells {
				total += cell.count
				if int(cell.class) >= len(lg.Density) {
					t.Fatalf("class %d beyond the ramp", cell.class)
				}
			}
			if total == 0 || int(total) > len(d.Dated()) {
				t.Fatalf("hexagons hold %d events of %d", total, len(d.Dated()))
			}
			last := lg.Density[len(lg.Density)-1]
			least, most := lo.cells[0].count, lo.cells[0].count
			for _, cell := range lo.cells {
				least, most = min(least, cell.count), max(most, cell.count)
			}
			if last.Colour != DensityRamp[len(DensityRamp)-1] || lg.Density[0].Low != float64(least) || last.High != float64(most) {
				t.Errorf("classes %+v: want the emptiest hexagon's %d up to the fullest's %d, ending in the ramp's last colour", lg.Density, least, most)
			}
			cell := lo.cells[len(lo.cells)/2]
			h := l.HitTest(c.v, cell.x, cell.y)
			if h.Kind != HitCluster || len(h.Events) != int(cell.count) {
				t.Errorf("hit on a hexagon of %d events: %v with %d events", cell.count, h.Kind, len(h.Events))
			}
		})
	}
}

// TestDensityByFatalities: when the events give their fatalities, the
// hexagons count those and the legend says so.
func TestDensityByFatalities(t *testing.T) {
	d := data.SyntheticEvents(DensityEvents+5_000, 2)
	for _, e := range d.Dated() {
		e.Fields = []data.Field{{Name: "fatalities", Value: "2"}}
	}
	l := NewEventLayer()
	l.SetEvents(d.Dated(), data.Date{}, data.Date{})
	v := sahelView(t, 1280, 800)
	lg := l.Legend(v)
	if !lg.Weighted || len(lg.Density) == 0 {
		t.Fatalf("legend %+v: want density weighted by fatalities", lg)
	}
	top := 0.0
	for _, c := range l.layout(v).cells {
		if c.weight != 2*float64(c.count) {
			t.Fatalf("hexagon of %d events weighs %v fatalities, want %d", c.count, c.weight, 2*c.count)
		}
		top = math.Max(top, c.weight)
	}
	if got := lg.Density[len(lg.Density)-1].High; got != top {
		t.Errorf("the last class ends at %v, want the fullest hexagon's %v", got, top)
	}
	if got := lg.Density[0].Label(true); !strings.HasSuffix(got, "fatalities per hexagon") {
		t.Errorf("first class %q: want fatalities", got)
	}
}

func TestFatalities(t *testing.T) {
	for _, c := range []struct {
		fields []data.Field
		want   float32
		ok     bool
	}{
		{nil, 0, false},
		{[]data.Field{{Name: "admin1", Value: "Gao"}, {Name: "fatalities", Value: " 12 "}}, 12, true},
		{[]data.Field{{Name: "Fatalities", Value: "0"}}, 0, true},
		{[]data.Field{{Name: "fatalities", Value: "unknown"}}, 0, false},
		{[]data.Field{{Name: "fatalities", Value: "-3"}}, 0, false},
	} {
		got, ok := Fatalities(&data.Event{Fields: c.fields})
		if got != c.want || ok != c.ok {
			t.Errorf("Fatalities(%v) = %v, %v; want %v, %v", c.fields, got, ok, c.want, c.ok)
		}
	}
}

// TestHexGrid: every point lies in the hexagon whose centre is nearest,
// and a centre lies in its own hexagon.
func TestHexGrid(t *testing.T) {
	const r = 11.0
	for _, p := range []orb.Point{{0, 0}, {5, 3}, {-7, 12}, {100.5, -33.2}, {1e6 + 0.3, 2e6 - 7}, {-15, -15}} {
		row, col := hexAt(p[0], p[1], r)
		cx, cy := hexCentre(row, col, r)
		best := math.Hypot(p[0]-cx, p[1]-cy)
		for dr := -1; dr <= 1; dr++ {
			for dc := -1; dc <= 1; dc++ {
				x, y := hexCentre(row+dr, col+dc, r)
				if d := math.Hypot(p[0]-x, p[1]-y); d < best-1e-9 {
					t.Errorf("%v: in hexagon %d,%d (%.2f away) but %d,%d is nearer (%.2f)", p, row, col, best, row+dr, col+dc, d)
				}
			}
		}
		if r2, c2 := hexAt(cx, cy, r); r2 != row || c2 != col {
			t.Errorf("centre of %d,%d falls in %d,%d", row, col, r2, c2)
		}
	}
}

func TestDensityClasses(t *testing.T) {
	for _, c := range []struct {
		bottom, top float64
	}{{1, 1}, {1, 6}, {1, 1000}, {0, 0}, {0, 250}, {97, 612}, {3.5, 3.5}} {
		cs := densityClasses(c.bottom, c.top)
		if len(cs) == 0 {
			t.Fatalf("%v–%v: no class", c.bottom, c.top)
		}
		if cs[0].Low != math.Floor(c.bottom) {
			t.Errorf("%v–%v: the first class starts at %v", c.bottom, c.top, cs[0].Low)
		}
		for i := 1; i < len(cs); i++ {
			if cs[i].Low != cs[i-1].High+1 {
				t.Errorf("%v–%v: classes %+v leave a gap or overlap", c.bottom, c.top, cs)
			}
		}
		if got := classOf(cs, c.top); int(got) != len(cs)-1 || cs[got].Colour != DensityRamp[len(DensityRamp)-1] {
			t.Errorf("%v–%v: the top is in class %d of %+v, want the last, of the ramp's last colour", c.bottom, c.top, got, cs)
		}
	}
}

func TestDensityClassLabel(t *testing.T) {
	for _, c := range []struct {
		class    DensityClass
		weighted bool
		want     string
	}{
		{DensityClass{Low: 1, High: 1}, false, "1 event per hexagon"},
		{DensityClass{Low: 4, High: 12}, false, "4–12 events per hexagon"},
		{DensityClass{Low: 0, High: 3}, true, "0–3 fatalities per hexagon"},
		{DensityClass{Low: 1, High: 1}, true, "1 fatality per hexagon"},
	} {
		if got := c.class.Label(c.weighted); got != c.want {
			t.Errorf("%+v: %q, want %q", c.class, got, c.want)
		}
	}
}
