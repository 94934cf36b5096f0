package scene

import (
	"bytes"
	"strings"
	"testing"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/geo/draw"
	"github.com/sahelatlas/sahelatlas/geo/overlay"
)

// TestSnapshotDrawsDensity: an exported page whose view holds more events
// than can be read as symbols draws the density layer (a "density" group
// of hexagons in the SVG) and its legend lists the ramp's classes, as the
// window's does; a month of the same events is drawn as symbols.
func TestSnapshotDrawsDensity(t *testing.T) {
	s := testScene(t).WithData(data.SyntheticEvents(overlay.DensityEvents+5_000, 3))
	for _, c := range []struct {
		name     string
		from, to data.Date
		density  bool
	}{
		{"every date", data.D(2000, 1, 1), data.D(2025, 12, 31), true},
		{"a month", data.D(2010, 3, 1), data.D(2010, 3, 31), false},
	} {
		t.Run(c.name, func(t *testing.T) {
			o, err := Snapshot{From: c.from, To: c.to, Format: FormatSVG}.Complete(s, "d.svg")
			if err != nil {
				t.Fatal(err)
			}
			f, err := newFramer(s, o)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			cv := draw.NewSVG(&buf, o.Width, o.Height)
			cv.SetTextMode(draw.TextEditable) // the legend's words are read back
			v, _ := f.draw(cv, c.from, c.to)
			if err := cv.Close(); err != nil {
				t.Fatal(err)
			}
			legend := svgGroupTexts(t, buf.Bytes(), "legend")
			// The hexagons: the elements of the group "density", wherever it is.
			hexagons := 0
			if _, rest, ok := strings.Cut(buf.String(), `<g id="density">`); ok {
				group, _, _ := strings.Cut(rest, "</g>")
				hexagons = strings.Count(group, "<")
			}
			classes := 0
			for _, it := range Legend(f.layers, nil, v) {
				if strings.HasSuffix(it.Label, "events per hexagon") {
					classes++
					if !strings.Contains(strings.Join(legend, "|"), it.Label) {
						t.Errorf("the SVG legend %q does not write %q", legend, it.Label)
					}
				}
			}
			if got := hexagons > 0 && classes > 0; got != c.density {
				t.Errorf("%d hexagons drawn, %d classes in the legend; want density %v", hexagons, classes, c.density)
			}
		})
	}
}
