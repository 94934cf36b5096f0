package scene

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
	"github.com/sahelatlas/sahelatlas/geo/layout"
)

// Issue 13 item 4: the credits name the sources of the events in view by
// outlet, headline and date, never by file name, and count what they leave
// out.
func TestCredits(t *testing.T) {
	at := func(id string, docs ...string) *data.Event {
		e := &data.Event{ID: id, Kind: data.KindTalks, Title: id, Place: id, Precision: data.PrecisionUnknown, DateNote: "undated",
			Actors: []string{"someone"}, Countries: []string{"MLI"}}
		for _, d := range docs {
			e.Sources = append(e.Sources, data.SourceRef{Document: d})
		}
		return e
	}
	sources := []*data.Source{
		{Document: "a.txt", Outlet: "Le Monde", Headline: "Mali expels French diplomats after the arrest of a French national accused of spying", Published: data.D(2025, 9, 14)},
		{Document: "b.txt", Headline: "Intel brief"},
		{Document: "c.txt"},
	}
	for i := range 8 {
		sources = append(sources, &data.Source{Document: string(rune('d'+i)) + ".txt", Outlet: "Outlet " + string(rune('A'+i))})
	}
	places := []*data.Place{{ID: "bamako", Name: "Bamako", Point: orb.Point{-8, 12.6}, Country: "MLI"}, {ID: "paris", Name: "Paris", Point: orb.Point{2.35, 48.85}, Country: "FRA"}}
	bamako := at("bamako", "a.txt", "b.txt", "c.txt")
	var many []string
	for i := range 8 {
		many = append(many, string(rune('d'+i))+".txt")
	}
	paris := at("paris", many...)
	actors := []*data.Actor{{ID: "someone", Name: "Someone", Kind: data.ActorPerson}}
	d, err := data.New(sources, places, actors, []*data.Event{bamako, paris}, nil)
	if err != nil {
		t.Fatal(err)
	}
	mali := orb.Bound{Min: orb.Point{-13, 10}, Max: orb.Point{5, 25}}
	france := orb.Bound{Min: orb.Point{-5, 42}, Max: orb.Point{8, 51}}
	nowhere := orb.Bound{Min: orb.Point{100, 0}, Max: orb.Point{110, 10}}
	for _, c := range []struct {
		name      string
		bound     orb.Bound
		want, not []string
	}{
		{"Mali", mali, []string{"Sources of the events shown: Le Monde, “Mali expels French diplomats after the arrest of a French…”, 14 Sep 2025; “Intel brief”; 1 document naming no outlet, headline or date."},
			[]string{".txt", "Outlet"}},
		{"France", france, []string{"Outlet A; Outlet B", "Outlet F; 2 more."}, []string{".txt", "Le Monde", "Outlet G"}},
		{"no event in view", nowhere, []string{"Boundaries: Natural Earth"}, []string{"Sources", ".txt"}},
	} {
		got := Credits(d, d.Events, c.bound)
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: credits %q lack %q", c.name, got, w)
			}
		}
		for _, n := range c.not {
			if strings.Contains(got, n) {
				t.Errorf("%s: credits %q have %q", c.name, got, n)
			}
		}
	}
}

// Issue 13 item 4, on pages: a France view whose window has events only
// elsewhere cites no document, and a 2025 Sahel page names its outlets and
// no file.
func TestSnapshotCreditsSourcesInFrame(t *testing.T) {
	s := testScene(t)
	france, err := geo.ViewBound("france", s.Atlas)
	if err != nil {
		t.Fatal(err)
	}
	sahel, err := geo.ViewBound("sahel", s.Atlas)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name      string
		o         Snapshot
		want, not []string
	}{
		{"France, January 2025", Snapshot{Bound: france, From: data.D(2025, 1, 1), To: data.D(2025, 1, 31)}, []string{"Boundaries:"}, []string{".txt", "Sources"}},
		{"Sahel, 2025", Snapshot{Bound: sahel, From: data.D(2025, 1, 1), To: data.D(2025, 12, 31)}, []string{"Sources", "Analysis", "Intel"}, []string{".txt"}},
	} {
		file := filepath.Join(t.TempDir(), "page.svg")
		c.o.Width, c.o.Height = 1920, 1080
		c.o.SVGText = draw.TextEditable // the credits as <text>
		c.o.Layout = layout.Options{Title: c.name}
		if err := Write(s, file, c.o); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		svg := string(b)
		for _, w := range c.want {
			if !strings.Contains(svg, w) {
				t.Errorf("%s: the page's text lacks %q", c.name, w)
			}
		}
		for _, n := range c.not {
			if strings.Contains(svg, n) {
				t.Errorf("%s: the page's text has %q", c.name, n)
			}
		}
	}
}
