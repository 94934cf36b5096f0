package scene

import (
	"bytes"
	"context"
	"math"
	"regexp"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
	"github.com/sahelatlas/sahelatlas/geo/layout"
	"github.com/sahelatlas/sahelatlas/geo/overlay"
)

// numberEvents numbers symbols by their earliest event and the events of
// each by date, so a cluster's numbers run on.
func TestNumberEvents(t *testing.T) {
	ev := func(id, title string, d data.Date) *data.Event {
		return &data.Event{ID: id, Title: title, Start: d, End: d, Precision: data.PrecisionDay}
	}
	sep14 := ev("a", "Mali expels five French diplomats", data.D(2025, 9, 14))
	sep19 := ev("b", "France suspends cooperation", data.D(2025, 9, 19))
	jan := ev("c", "Burhan visits Bamako", data.D(2025, 1, 11))
	apr := ev("d", "Koné in Port Sudan", data.D(2025, 4, 9))
	for _, c := range []struct {
		name   string
		syms   []overlay.Symbol
		labels []string
		titles []string
	}{
		{"one event", []overlay.Symbol{{X: 5, Events: []*data.Event{sep14}}}, []string{"1"}, []string{sep14.Title}},
		{"a cluster runs on, by date", []overlay.Symbol{{X: 5, Events: []*data.Event{sep19, jan, sep14}}},
			[]string{"1–3"}, []string{jan.Title, sep14.Title, sep19.Title}},
		{"symbols by their earliest event", []overlay.Symbol{
			{X: 9, Events: []*data.Event{sep19, sep14}}, {X: 1, Events: []*data.Event{apr}}, {X: 5, Events: []*data.Event{jan}}},
			[]string{"1", "2", "3–4"}, []string{jan.Title, apr.Title, sep14.Title, sep19.Title}},
	} {
		marks, items := numberEvents(nil, c.syms)
		var labels, titles []string
		for _, m := range marks {
			labels = append(labels, m.label())
		}
		for i, it := range items {
			titles = append(titles, it.Title)
			if it.Number != i+1 {
				t.Errorf("%s: item %d numbered %d", c.name, i, it.Number)
			}
		}
		if strings.Join(labels, "|") != strings.Join(c.labels, "|") || strings.Join(titles, "|") != strings.Join(c.titles, "|") {
			t.Errorf("%s: labels %q, list %q; want %q, %q", c.name, labels, titles, c.labels, c.titles)
		}
	}
}

// Issue 13 item 3: a page numbers the events it shows on the map and lists
// them beside it, with date, title and outlet; --no-event-list (Hide
// EventList) leaves both out; what the frame leaves off is said in small
// type.
func TestPageListsItsEvents(t *testing.T) {
	s := testScene(t)
	sahel := orb.Bound{Min: orb.Point{-18, 8}, Max: orb.Point{40, 22}}
	for _, c := range []struct {
		name       string
		hide       layout.Element
		want, none []string
	}{
		{"Sahel, 2025", 0,
			[]string{`<g id="event-numbers"`, `<g id="event-list"`, "Events on the map", "Mali expels five French diplomats",
				"14 Sep 2025 · African Security Analysis (ASA)", ">1–", `<g id="note"`, "Not on this map: ", "no date"},
			nil},
		{"Sahel, 2025, no list", layout.EventList,
			[]string{`<g id="note"`},
			[]string{`<g id="event-numbers"`, `<g id="event-list"`, "Events on the map"}},
	} {
		var buf bytes.Buffer
		o := Snapshot{Format: FormatSVG, SVGText: draw.TextEditable, Bound: sahel, From: data.D(2025, 1, 1), To: data.D(2025, 12, 31),
			Layout: layout.Options{Title: c.name, Hide: c.hide}}
		if err := Encode(context.Background(), s, &buf, o); err != nil {
			t.Fatal(err)
		}
		for _, w := range c.want {
			if !bytes.Contains(buf.Bytes(), []byte(w)) {
				t.Errorf("%s: the page lacks %q", c.name, w)
			}
		}
		for _, w := range c.none {
			if bytes.Contains(buf.Bytes(), []byte(w)) {
				t.Errorf("%s: the page has %q", c.name, w)
			}
		}
	}
}

// A page with more events than its panel holds lists them on pages of
// their own in a PDF, and counts the rest on a PNG's or SVG's panel.
func TestDenseListGoesOnItsOwnPage(t *testing.T) {
	base := testScene(t)
	s := base.WithData(data.SyntheticEvents(300, 7))
	o := Snapshot{Bound: orb.Bound{Min: orb.Point{-18, 0}, Max: orb.Point{40, 40}}, Width: 1920, Height: 1080,
		From: data.D(2020, 1, 1), To: data.D(2025, 12, 31), Layout: layout.Options{Title: "Dense"}}
	pdf := o
	pdf.Format = FormatPDF
	var buf bytes.Buffer
	if err := Encode(context.Background(), s, &buf, pdf); err != nil {
		t.Fatal(err)
	}
	if pages := len(regexp.MustCompile(`/Type /Page\b[^s]`).FindAll(buf.Bytes(), -1)); pages < 2 {
		t.Errorf("a dense PDF has %d pages, want its event list on a page of its own", pages)
	}
	svg := o
	svg.Format, svg.SVGText = FormatSVG, draw.TextEditable
	buf.Reset()
	if err := Encode(context.Background(), s, &buf, svg); err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`… and [0-9]+ more`).Match(buf.Bytes()) {
		t.Error("a dense SVG's panel does not count the events it leaves off")
	}
}

// A page with more symbols than maxNumberedSymbols numbers none and says
// why, in small type.
func TestTooManyToNumber(t *testing.T) {
	s := testScene(t).WithData(data.SyntheticEvents(40000, 3))
	var buf bytes.Buffer
	o := Snapshot{Format: FormatSVG, SVGText: draw.TextEditable, Bound: orb.Bound{Min: orb.Point{-18, 0}, Max: orb.Point{40, 40}},
		From: data.D(2000, 1, 1), To: data.D(2025, 12, 31)}
	if err := Encode(context.Background(), s, &buf, o); err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`The [0-9]+ events, (in [0-9]+ symbols|drawn by their density), are too many to number and list`).Match(buf.Bytes()) {
		t.Error("a page of 40,000 events does not say they are too many to number")
	}
	for _, g := range []string{`<g id="event-numbers"`, `<g id="event-list"`} {
		if bytes.Contains(buf.Bytes(), []byte(g)) {
			t.Errorf("a page of 40,000 events draws %s", g)
		}
	}
}

// Numbers piled on each other name nothing: a page whose numbers would
// mostly overlap numbers none (crowded), one whose numbers stand apart
// keeps them.
func TestCrowdedNumbers(t *testing.T) {
	v := geo.Viewport{Center: orb.Point{0, 15}, Zoom: 3, Width: 1920, Height: 1080}
	apart := []mark{{x: 100, y: 100, size: 12, first: 1, last: 1}, {x: 400, y: 100, size: 12, first: 2, last: 2}, {x: 700, y: 300, size: 12, first: 3, last: 9}}
	piled := []mark{{x: 100, y: 100, size: 12, first: 1, last: 1}, {x: 104, y: 102, size: 12, first: 2, last: 2}, {x: 98, y: 99, size: 12, first: 3, last: 9}, {x: 700, y: 300, size: 12, first: 10, last: 10}}
	for _, c := range []struct {
		name  string
		marks []mark
		want  bool
	}{
		{"none", nil, false},
		{"apart", apart, false},
		{"piled", piled, true},
	} {
		if got := crowded(c.marks, v); got != c.want {
			t.Errorf("%s: crowded = %v, want %v", c.name, got, c.want)
		}
	}
}

// The room the numbers take, which the map's names keep clear of, is the
// text as drawn, measured, with its halo: not a guess from how many
// characters it has.
func TestNumbersOccupyWhatTheyDraw(t *testing.T) {
	cases := []struct {
		name  string
		mark  mark
		scale float64
	}{
		{"one digit", mark{x: 100, y: 100, size: 12, first: 7, last: 7}, 1},
		{"ones", mark{x: 100, y: 100, size: 12, first: 111, last: 111}, 1},
		{"a cluster's run", mark{x: 300, y: 200, size: 20, first: 12, last: 14}, 1},
		{"a long run", mark{x: 300, y: 200, size: 30, first: 1234, last: 1240}, 1},
		{"a long run at double scale", mark{x: 300, y: 200, size: 30, first: 1234, last: 1240}, 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			v := geo.Viewport{Center: orb.Point{0, 15}, Zoom: 3, Width: 1920, Height: 1080, Scale: tc.scale}
			ml := numberLayer{tc.mark}
			rec := newPageRecorder(1920, 1080)
			ml.Draw(rec, v)
			if len(rec.items) != 1 || rec.items[0].text != tc.mark.label() {
				t.Fatalf("drew %v, want the one number %q", rec.items, tc.mark.label())
			}
			halo := numberStyle(v.DeviceScale()).HaloWidth
			want := rec.items[0].box.Pad(halo)
			boxes := ml.Occupied(v).Boxes
			if len(boxes) != 1 {
				t.Fatalf("%d boxes occupied, want 1", len(boxes))
			}
			got := boxes[0]
			for i := range 2 {
				if math.Abs(got.Min[i]-want.Min[i]) > 0.5 || math.Abs(got.Max[i]-want.Max[i]) > 0.5 {
					t.Errorf("%q occupies %v, but is drawn over %v with its halo", tc.mark.label(), got, want)
					break
				}
			}
		})
	}
}
