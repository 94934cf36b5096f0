package data

import (
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"
)

func TestAnnotationValidate(t *testing.T) {
	good := Annotation{
		ID: NewAnnotationID(), Geometry: orb.Point{-8, 12.65}, Title: "Checkpoint Bamako",
		Tags: []string{"mali"}, Colour: "#c0392b", From: D(2023, time.July, 26), To: D(2023, time.August, 2),
	}
	cases := []struct {
		name   string
		change func(a *Annotation)
		want   string // "" for valid
	}{
		{"good", func(a *Annotation) {}, ""},
		{"undated", func(a *Annotation) { a.From, a.To = Date{}, Date{} }, ""},
		{"single day", func(a *Annotation) { a.To = a.From }, ""},
		{"line", func(a *Annotation) { a.Geometry = orb.LineString{{1, 1}, {2, 2}} }, ""},
		{"area", func(a *Annotation) { a.Geometry = orb.Polygon{{{0, 0}, {1, 0}, {1, 1}, {0, 0}}} }, ""},
		{"bad id", func(a *Annotation) { a.ID = "x" }, "not a valid id"},
		{"upper-case id", func(a *Annotation) { a.ID = "ABCDEF" + good.ID[6:] }, "not a valid id"},
		{"no title", func(a *Annotation) { a.Title = "  " }, "no title"},
		{"two-line title", func(a *Annotation) { a.Title = "a\nb" }, "one line"},
		{"tag with comma", func(a *Annotation) { a.Tags = []string{"a,b"} }, "without commas"},
		{"empty tag", func(a *Annotation) { a.Tags = []string{" "} }, "non-empty"},
		{"bad colour", func(a *Annotation) { a.Colour = "red" }, "#rrggbb"},
		{"colour not hex", func(a *Annotation) { a.Colour = "#12345g" }, "#rrggbb"},
		{"latitude 95", func(a *Annotation) { a.Geometry = orb.Point{10, 95} }, "outside"},
		{"one-point line", func(a *Annotation) { a.Geometry = orb.LineString{{1, 1}} }, "at least 2"},
		{"open ring", func(a *Annotation) { a.Geometry = orb.Polygon{{{0, 0}, {1, 0}, {1, 1}, {0, 1}}} }, "closed"},
		{"area without ring", func(a *Annotation) { a.Geometry = orb.Polygon{} }, "outer ring"},
		{"multipoint", func(a *Annotation) { a.Geometry = orb.MultiPoint{{0, 0}} }, "not a point"},
		{"no geometry", func(a *Annotation) { a.Geometry = nil }, "no geometry"},
		{"range backwards", func(a *Annotation) { a.From, a.To = D(2024, time.February, 1), D(2024, time.January, 1) }, "before it starts"},
		{"end without start", func(a *Annotation) { a.From = Date{} }, "no start"},
		{"no such start", func(a *Annotation) { a.From = D(2023, time.February, 30) }, "start date 2023-02-30 does not exist"},
		{"no such end", func(a *Annotation) { a.To = D(2023, time.August, 32) }, "end date 2023-08-32 does not exist"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := good
			tc.change(&a)
			err := a.Validate()
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("Validate: %v, want nil", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Fatalf("Validate: %v, want an error containing %q", err, tc.want)
			case err != nil && !strings.HasPrefix(err.Error(), "data: annotation"):
				t.Fatalf("Validate: %q does not say it is about an annotation", err)
			}
		})
	}
}

func TestAnnotationPosition(t *testing.T) {
	cases := []struct {
		name string
		g    orb.Geometry
		want orb.Point
	}{
		{"point", orb.Point{-8, 12.65}, orb.Point{-8, 12.65}},
		{"line", orb.LineString{{0, 0}, {2, 4}}, orb.Point{1, 2}},
		{"area", orb.Polygon{{{0, 0}, {4, 0}, {4, 2}, {0, 0}}}, orb.Point{2, 1}},
		{"none", nil, orb.Point{0, 0}},
	}
	for _, tc := range cases {
		if got := (Annotation{Geometry: tc.g}).Position(); got != tc.want {
			t.Errorf("%s: Position %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestAnnotationIDsSortAndDiffer(t *testing.T) {
	seen := map[string]bool{}
	prev := ""
	for i := 0; i < 10000; i++ {
		id := NewAnnotationID()
		if !ValidAnnotationID(id) || seen[id] || id <= prev {
			t.Fatalf("id %d %q after %q (seen %v)", i, id, prev, seen[id])
		}
		seen[id], prev = true, id
	}
}
