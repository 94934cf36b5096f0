package overlay

import (
	"image/color"
	"math"
	"slices"
	"sync"
	"testing"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
)

func TestEventLayerClusters(t *testing.T) {
	cases := []struct {
		name   string
		events []ev
		view   geo.Viewport
		// want is the count of each symbol drawn, in drawing order
		// (single symbols first, then clusters).
		want []int32
	}{
		{
			name:   "two events at one place, low zoom",
			events: []ev{{id: "a", place: "bamako", kind: data.KindVisit}, {id: "b", place: "bamako", kind: data.KindCoup}},
			view:   viewAt(0, 15, 3),
			want:   []int32{2},
		},
		{
			name:   "two events at one place, high zoom",
			events: []ev{{id: "a", place: "bamako", kind: data.KindVisit}, {id: "b", place: "bamako", kind: data.KindCoup}},
			view:   viewAt(-8, 12.65, 14),
			want:   []int32{2},
		},
		{
			name:   "far apart",
			events: []ev{{id: "a", place: "bamako", kind: data.KindVisit}, {id: "b", place: "khartoum", kind: data.KindCoup}},
			view:   viewAt(12, 15, 3),
			want:   []int32{1, 1},
		},
		{
			name:   "five kilometres apart, low zoom",
			events: []ev{{id: "a", place: "bamako", kind: data.KindVisit}, {id: "b", place: "bamako-east", kind: data.KindCoup}},
			view:   viewAt(-8, 12.65, 5),
			want:   []int32{2},
		},
		{
			name:   "five kilometres apart, zoomed in",
			events: []ev{{id: "a", place: "bamako", kind: data.KindVisit}, {id: "b", place: "bamako-east", kind: data.KindCoup}},
			view:   viewAt(-8, 12.65, 12),
			want:   []int32{1, 1},
		},
		{
			name: "cluster of three and a single",
			events: []ev{
				{id: "a", place: "bamako", kind: data.KindVisit}, {id: "b", place: "bamako-east", kind: data.KindCoup},
				{id: "c", place: "bamako", kind: data.KindTalks}, {id: "d", place: "paris", kind: data.KindStatement},
			},
			view: viewAt(0, 30, 3),
			want: []int32{1, 3},
		},
		{
			name:   "off the view",
			events: []ev{{id: "a", place: "paris", kind: data.KindVisit}},
			view:   viewAt(32.53, 15.55, 8),
			want:   nil,
		},
		{
			name:   "a view of NaN degrees (--view NaN,NaN,NaN,NaN) shows nothing",
			events: []ev{{id: "a", place: "bamako", kind: data.KindVisit}, {id: "b", place: "paris", kind: data.KindCoup}},
			view:   geo.Viewport{Center: orb.Point{math.NaN(), math.NaN()}, Zoom: geo.MaxZoom, Width: 2138, Height: 982, Scale: 0.0927},
			want:   nil,
		},
		{
			name:   "a view at an infinite zoom shows nothing",
			events: []ev{{id: "a", place: "bamako", kind: data.KindVisit}},
			view:   viewAt(-8, 12.65, math.Inf(1)),
			want:   nil,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := testDataset(t, c.events...)
			l := NewEventLayer()
			l.SetEvents(d.Events, data.Date{}, data.Date{})
			lo := l.layout(c.view)
			var got []int32
			for _, s := range lo.symbols {
				got = append(got, s.count)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("symbol counts %v, want %v", got, c.want)
			}
		})
	}
}

func TestEventLayerHitTest(t *testing.T) {
	d := testDataset(t,
		ev{id: "visit", place: "bamako", kind: data.KindVisit},
		ev{id: "talks", place: "bamako-east", kind: data.KindTalks},
		ev{id: "coup", place: "niamey", kind: data.KindCoup},
		ev{id: "statement", place: "khartoum", kind: data.KindStatement},
		ev{id: "later", place: "khartoum", kind: data.KindAttack},
	)
	v := viewAt(10, 14, 4)
	l := NewEventLayer()
	l.SetEvents(d.Events, data.Date{}, data.Date{})
	at := func(id string) (float64, float64) { return v.Project(d.Place(id).Point) }
	bx, by := at("bamako")
	bex, bey := at("bamako-east")
	nx, ny := at("niamey")
	kx, ky := at("khartoum")
	cases := []struct {
		name string
		x, y float64
		kind HitKind
		ids  []string
	}{
		{"single symbol centre", nx, ny, HitEvent, []string{"coup"}},
		{"single symbol edge", nx + SymbolSize/2, ny, HitEvent, []string{"coup"}},
		{"beside a single symbol", nx + SymbolSize, ny, HitNone, nil},
		{"cluster of two places", (bx + bex) / 2, (by + bey) / 2, HitCluster, []string{"talks", "visit"}}, // dataset order: by date, then id
		{"cluster of one place", kx, ky + 7, HitCluster, []string{"later", "statement"}},
		{"open sea", 5, 5, HitNone, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := l.HitTest(v, c.x, c.y)
			if h.Kind != c.kind || !slices.Equal(ids(h.Events), c.ids) {
				t.Errorf("hit %v %v, want %v %v", h.Kind, ids(h.Events), c.kind, c.ids)
			}
		})
	}
	// Zooming in splits the Bamako cluster: each event is hit alone.
	z := viewAt(-7.975, 12.65, 12)
	for _, id := range []string{"visit", "talks"} {
		x, y := z.Project(d.Event(id).At())
		if h := l.HitTest(z, x, y); h.Kind != HitEvent || len(h.Events) != 1 || h.Events[0].ID != id {
			t.Errorf("zoomed in at %s: hit %v %v, want one event %s", id, h.Kind, ids(h.Events), id)
		}
	}
}

func TestEventLayerHitTestMatchesDrawing(t *testing.T) {
	// Every pixel the layer paints is covered by some hit, and the
	// centres of hits are painted.
	d := data.SyntheticEvents(2000, 7)
	v := sahelView(t, 480, 270)
	l := NewEventLayer()
	l.SetEvents(d.Events, data.Date{}, data.Date{})
	img := paint(v, l)
	w, h := v.PixelSize()
	white := color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}
	painted, missed := 0, 0
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := img.RGBAAt(x, y)
			if c == white || c.A == 0 {
				continue
			}
			painted++
			if !l.HitTest(v, float64(x)+0.5, float64(y)+0.5).OK() {
				missed++
			}
		}
	}
	if painted == 0 || missed > 0 {
		t.Errorf("%d of %d painted pixels have no hit", missed, painted)
	}
}

func TestEventLegend(t *testing.T) {
	d := testDataset(t,
		ev{id: "visit", place: "bamako", kind: data.KindVisit},
		ev{id: "report", place: "niamey", kind: data.KindReport},
		ev{id: "coup", place: "paris", kind: data.KindCoup},
		ev{id: "attack", place: "khartoum", kind: data.KindAttack},
		ev{id: "talks", place: "khartoum", kind: data.KindTalks},
	)
	l := NewEventLayer()
	l.SetEvents(d.Events, data.Date{}, data.Date{})
	cases := []struct {
		name     string
		v        geo.Viewport
		want     []data.Kind
		clusters bool
	}{
		// Khartoum's two events are a cluster: their kinds are not drawn.
		{"Sahel and France", viewAt(10, 30, 3), []data.Kind{data.KindVisit, data.KindCoup, data.KindReport}, true},
		{"Bamako and Niamey", viewAt(-3, 13, 6), []data.Kind{data.KindVisit, data.KindReport}, false},
		{"Khartoum only", viewAt(32.53, 15.55, 8), nil, true},
		{"nothing", viewAt(-40, 0, 6), nil, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if lg := l.Legend(c.v); lg.Clusters != c.clusters || !slices.Equal(lg.Kinds, c.want) {
				t.Errorf("Legend = %+v, want kinds %v clusters %v", lg, c.want, c.clusters)
			}
		})
	}
}

func TestApproximateDates(t *testing.T) {
	cases := []struct {
		name      string
		precision data.Precision
		approx    bool
	}{
		{"day", data.PrecisionDay, false},
		{"month", data.PrecisionMonth, true},
		{"year", data.PrecisionYear, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := testDataset(t, ev{id: "x", place: "niamey", kind: data.KindCoup, precision: c.precision})
			e := d.Event("x")
			if Approximate(e) != c.approx {
				t.Fatalf("Approximate = %v, want %v", Approximate(e), c.approx)
			}
			m := MarkerFor(e, 1)
			if m.Dashed != c.approx || (m.Fill == ApproximateFill) != c.approx {
				t.Errorf("marker %+v: dashed %v, pale %v; want both %v", m, m.Dashed, m.Fill == ApproximateFill, c.approx)
			}
			v := viewAt(2.11, 13.51, 6)
			l := NewEventLayer()
			l.SetEvents(d.Events, data.Date{}, data.Date{})
			img := paint(v, l)
			x, y := v.Project(e.At())
			centre := pixel(img, x, y)
			colour := StyleOf(data.KindCoup).Colour
			if c.approx && (centre.R < 0xE8 || centre.G < 0xE8 || centre.B < 0xE8) {
				t.Errorf("centre of an approximate symbol is %v, want the pale fill", centre)
			}
			if !c.approx && !similar(centre, colour, 8) {
				t.Errorf("centre of an exact symbol is %v, want %v", centre, colour)
			}
			if got := l.Legend(v).Approximate; got != c.approx {
				t.Errorf("Legend.Approximate = %v, want %v", got, c.approx)
			}
		})
	}
	// An event with no year on the calendar is approximate too.
	if !Approximate(&data.Event{Precision: data.PrecisionDay, NoYear: &data.MonthDay{Month: 2, Day: 7}}) {
		t.Error("an event with no year is not approximate")
	}
	// Undated events are kept whatever the window, and drawn approximate.
	b := bundled(t)
	l := NewEventLayer()
	l.SetEvents(b.Undated(), data.D(2025, 1, 1), data.D(2025, 1, 31))
	if lg := l.Legend(viewAt(-8, 12.65, 3)); !lg.Approximate {
		t.Errorf("undated events: legend %+v, want approximate symbols", lg)
	}
}

func TestSetEventsWindow(t *testing.T) {
	d := testDataset(t,
		ev{id: "jan", place: "bamako", kind: data.KindVisit, day: data.D(2025, 1, 11)},
		ev{id: "apr", place: "niamey", kind: data.KindTalks, day: data.D(2025, 4, 9)},
		ev{id: "year", place: "paris", kind: data.KindReport, precision: data.PrecisionYear, day: data.D(2024, 6, 1)},
	)
	v := viewAt(0, 30, 3)
	cases := []struct {
		from, to data.Date
		want     []data.Kind
	}{
		{data.Date{}, data.Date{}, []data.Kind{data.KindVisit, data.KindTalks, data.KindReport}},
		{data.D(2025, 1, 1), data.D(2025, 1, 31), []data.Kind{data.KindVisit}},
		{data.D(2024, 12, 31), data.D(2025, 4, 9), []data.Kind{data.KindVisit, data.KindTalks, data.KindReport}},
		{data.D(2025, 5, 1), data.D(2025, 12, 31), nil},
	}
	l := NewEventLayer()
	moved := NewEventLayer()
	moved.SetEvents(d.Events, data.Date{}, data.Date{})
	for _, c := range cases {
		l.SetEvents(d.Events, c.from, c.to)
		if got := l.Legend(v).Kinds; !slices.Equal(got, c.want) {
			t.Errorf("window %s–%s: kinds %v, want %v", c.from, c.to, got, c.want)
		}
		moved.SetWindow(c.from, c.to)
		if got := moved.Legend(v).Kinds; !slices.Equal(got, c.want) {
			t.Errorf("SetWindow(%s, %s): kinds %v, want %v", c.from, c.to, got, c.want)
		}
		if f, to := l.Window(); f != c.from || to != c.to {
			t.Errorf("Window() = %s–%s, want %s–%s", f, to, c.from, c.to)
		}
	}
}

func TestEventLayerWithoutClustering(t *testing.T) {
	d := testDataset(t, ev{id: "a", place: "bamako", kind: data.KindVisit}, ev{id: "b", place: "bamako", kind: data.KindCoup})
	l := NewEventLayer()
	l.SetClustering(false)
	l.SetEvents(d.Events, data.Date{}, data.Date{})
	v := viewAt(0, 15, 3)
	x, y := v.Project(d.Place("bamako").Point)
	// The coup is drawn last, on top.
	if h := l.HitTest(v, x, y); h.Kind != HitEvent || !slices.Equal(ids(h.Events), []string{"b"}) {
		t.Errorf("hit %v %v, want the event b", h.Kind, ids(h.Events))
	}
	if got := l.Legend(v).Kinds; !slices.Equal(got, []data.Kind{data.KindVisit, data.KindCoup}) {
		t.Errorf("kinds %v", got)
	}
}

func TestEventLayerConcurrent(t *testing.T) {
	d := data.SyntheticEvents(3000, 3)
	l := NewEventLayer()
	v := sahelView(t, 320, 200)
	var wg sync.WaitGroup
	wg.Add(3)
	go func() {
		defer wg.Done()
		for i := 0; i < 20; i++ {
			from := data.D(2000+i, 1, 1)
			l.SetEvents(d.Between(from, from.AddDays(365)), from, from.AddDays(365))
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 20; i++ {
			paint(v, l)
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 200; i++ {
			l.HitTest(v.Pan(float64(i%3), 0), float64(i), float64(i%200))
		}
	}()
	wg.Wait()
	// The hit test after the last SetEvents sees what Draw drew.
	img := paint(v, l)
	lo := l.layout(v)
	for _, s := range lo.symbols {
		if h := l.HitTest(v, s.x, s.y); !h.OK() {
			t.Fatalf("no hit at a symbol drawn at %v,%v", s.x, s.y)
		}
		if c := pixel(img, s.x, s.y); c == (color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}) && !s.marker.Dashed {
			t.Fatalf("nothing painted at the symbol at %v,%v", s.x, s.y)
		}
	}
}

func TestStyles(t *testing.T) {
	seen := map[[2]any]data.Kind{}
	for i, k := range data.Kinds {
		st := StyleOf(k)
		if KindStyles[i].Kind != k {
			t.Errorf("KindStyles[%d] is %s, want %s (data.Kinds order)", i, KindStyles[i].Kind, k)
		}
		key := [2]any{st.Shape, st.Colour}
		if other, dup := seen[key]; dup {
			t.Errorf("%s and %s share shape and colour", k, other)
		}
		seen[key] = k
	}
	// Diplomacy and conflict never share a colour.
	for _, a := range KindStyles {
		for _, b := range KindStyles {
			if a.Family == FamilyDiplomacy && b.Family == FamilyConflict && a.Colour == b.Colour {
				t.Errorf("%s (diplomacy) and %s (conflict) share a colour", a.Kind, b.Kind)
			}
		}
	}
	if m := StyleFor(data.KindVisit, 2); m.Size != 2*SymbolSize || m.Shape != draw.Circle {
		t.Errorf("StyleFor(visit, 2) = %+v", m)
	}
}

func TestAffineMatchesProject(t *testing.T) {
	views := []geo.Viewport{viewAt(0, 0, 0), viewAt(-8, 12.65, 7.3), {Center: orb.Point{150, -40}, Zoom: 11, Width: 300, Height: 200, Scale: 2}}
	points := []orb.Point{{-8, 12.65}, {37.2, 19.6}, {179, 80}, {-179, -70}}
	for _, v := range views {
		a := v.WorldTransform()
		for _, p := range points {
			x, y := a.Pixel(geo.ToWorld(p))
			wx, wy := v.Project(p)
			if d := (x-wx)*(x-wx) + (y-wy)*(y-wy); d > 1e-6 {
				t.Errorf("view %+v point %v: %v,%v, want %v,%v", v, p, x, y, wx, wy)
			}
		}
	}
}
