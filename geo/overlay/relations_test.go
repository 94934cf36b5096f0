package overlay

import (
	"slices"
	"testing"

	"github.com/sahelatlas/sahelatlas/data"
)

func TestRelationLayerStatus(t *testing.T) {
	d := bundled(t)
	v := sahelView(t, 1280, 720)
	// A point on the Paris–Bamako line a quarter of the way from Paris,
	// where no other relation runs.
	px, py := v.Project(d.Place("paris").Point)
	bx, by := v.Project(d.Place("bamako").Point)
	x, y := px+(bx-px)/4, py+(by-py)/4
	cases := []struct {
		day  data.Date
		want data.Status
	}{
		{data.D(2012, 6, 1), data.StatusUnknown},
		{data.D(2019, 1, 1), data.StatusCooperating},
		{data.D(2025, 9, 1), data.StatusStrained},
		{data.D(2025, 9, 30), data.StatusSuspended},
	}
	for _, c := range cases {
		t.Run(c.day.String(), func(t *testing.T) {
			if st, _ := d.RelationStatus("FRA", "MLI", c.day); st != c.want {
				t.Fatalf("bundled data: France–Mali on %s is %q, the test expects %q", c.day, st, c.want)
			}
			l, err := NewRelationLayer(d, c.day)
			if err != nil {
				t.Fatal(err)
			}
			h := l.HitTest(v, x, y)
			img := paint(v, l)
			if c.want == data.StatusUnknown {
				if h.OK() {
					t.Errorf("hit %v %v on a day with no status", h.Relation.ID, h.Status)
				}
				if got := pixel(img, x, y); !similar(got, white, 0) {
					t.Errorf("pixel %v drawn on a day with no status", got)
				}
				return
			}
			if h.Kind != HitRelation || h.Relation != d.Relation("FRA", "MLI") || h.Status != c.want {
				t.Errorf("hit %v %v %q, want fra-mli %q", h.Kind, h.Relation, h.Status, c.want)
			}
			if got := pixel(img, x, y); !similar(got, StatusColour[c.want], 6) {
				t.Errorf("line drawn %v, want %q's %v", got, c.want, StatusColour[c.want])
			}
			if !slices.Contains(l.StatusesInView(v), c.want) {
				t.Errorf("StatusesInView = %v, lacks %q", l.StatusesInView(v), c.want)
			}
		})
	}
}

func TestRelationLayerSetDate(t *testing.T) {
	d := bundled(t)
	v := sahelView(t, 1280, 720)
	l, err := NewRelationLayer(d, data.D(2020, 1, 1))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		day  data.Date
		want []data.Status
	}{
		// 2020: France–Mali cooperating; nothing else begun.
		{data.D(2020, 1, 1), []data.Status{data.StatusCooperating}},
		// 2025-04-09: Mali–Russia allied, Mali–Sudan cooperating, Mali–USA
		// thawing, France–Mali and Burkina–France strained.
		{data.D(2025, 4, 9), []data.Status{data.StatusAllied, data.StatusCooperating, data.StatusThawing, data.StatusStrained}},
	}
	for _, c := range cases {
		l.SetDate(c.day)
		var want []data.Status
		for _, st := range Statuses {
			for _, r := range d.Relations {
				if s, _ := r.StatusOn(c.day); s == st && !slices.Contains(want, st) {
					want = append(want, st)
				}
			}
		}
		if !slices.Equal(want, c.want) {
			t.Fatalf("bundled data on %s has statuses %v; the test expects %v", c.day, want, c.want)
		}
		if got := l.StatusesInView(v); !slices.Equal(got, c.want) {
			t.Errorf("%s: statuses drawn %v, want %v", c.day, got, c.want)
		}
	}
}

func TestCapital(t *testing.T) {
	d := bundled(t)
	cases := []struct {
		code, want string
		err        bool
	}{
		{"MLI", "Bamako", false},
		{"FRA", "Paris", false},
		{"SDN", "Khartoum", false},
		{"SEN", "Dakar", false}, // not in the dataset: from the gazetteer
		{"XXX", "", true},
	}
	for _, c := range cases {
		p, err := Capital(d, c.code)
		if (err != nil) != c.err {
			t.Errorf("Capital(%s) error %v, want error %v", c.code, err, c.err)
			continue
		}
		if err == nil && p.Name != c.want {
			t.Errorf("Capital(%s) = %s, want %s", c.code, p.Name, c.want)
		}
	}
}

func TestStatusColours(t *testing.T) {
	seen := map[any]data.Status{}
	for _, st := range Statuses {
		c, ok := StatusColour[st]
		if !ok {
			t.Errorf("no colour for %q", st)
		}
		if other, dup := seen[c]; dup {
			t.Errorf("%q and %q share a colour", st, other)
		}
		seen[c] = st
		if !st.Valid() {
			t.Errorf("Statuses lists %q, which data does not define", st)
		}
	}
}
