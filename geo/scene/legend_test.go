package scene

import (
	"slices"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/geo"
)

// Issue 13 item 5: the legend lists inferred places when such events are
// drawn, and explains the country fills in view, only those.
func TestLegendInferredPlacesAndFills(t *testing.T) {
	s := testScene(t)
	for _, c := range []struct {
		name      string
		bound     orb.Bound
		from, to  data.Date
		want, not []string
	}{
		{"Dodoma, October 2025", orb.Bound{Min: orb.Point{33, -8}, Max: orb.Point{38, -4}}, data.D(2025, 10, 1), data.D(2025, 10, 31),
			[]string{"place inferred (sources give none)"}, []string{"Mali", "France"}},
		{"the Sahel, 2025", orb.Bound{Min: orb.Point{-18, 5}, Max: orb.Point{40, 50}}, data.D(2025, 1, 1), data.D(2025, 12, 31),
			[]string{"Mali", "Sudan", "France", "neighbour of Mali, Sudan or France"}, nil},
		{"Bamako, 14 September 2025 (no source names the place)", orb.Bound{Min: orb.Point{-9, 11.5}, Max: orb.Point{-7, 13.5}}, data.D(2025, 9, 14), data.D(2025, 9, 14),
			[]string{"expulsion", "place inferred (sources give none)", "Mali", "neighbour of Mali, Sudan or France"}, []string{"France", "Sudan"}},
	} {
		l, err := s.NewLayers(c.to)
		if err != nil {
			t.Fatal(err)
		}
		l.Set(s.Data.Query(c.from, c.to, data.Filter{}), c.from, c.to)
		v := geo.Fit(c.bound, 960, 540, 1)
		var labels []string
		for _, it := range Legend(l, nil, v) {
			labels = append(labels, it.Label)
		}
		for _, w := range c.want {
			if !slices.Contains(labels, w) {
				t.Errorf("%s: legend %q lacks %q", c.name, strings.Join(labels, "; "), w)
			}
		}
		for _, n := range c.not {
			if slices.Contains(labels, n) {
				t.Errorf("%s: legend %q has %q", c.name, strings.Join(labels, "; "), n)
			}
		}
	}
}
