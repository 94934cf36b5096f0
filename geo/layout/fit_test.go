package layout

import (
	"image"
	"math"
	"testing"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
)

// Issue 13 item 6: a page shows the box it is given, centred, with only
// what the page's aspect adds around it: never the world.
func TestFitKeepsTheFramedBox(t *testing.T) {
	// mercY is a latitude's Web Mercator ordinate, for comparing extents
	// as the map draws them.
	mercY := func(lat float64) float64 { return geo.ToWorld(orb.Point{0, lat})[1] }
	mercX := func(lon float64) float64 { return geo.ToWorld(orb.Point{lon, 0})[0] }
	for _, c := range []struct {
		name string
		w, h int
		box  orb.Bound
	}{
		{"France and Mali on a slide", 1920, 1080, orb.Bound{Min: orb.Point{-12.5, 10}, Max: orb.Point{9.6, 51.2}}},
		{"France and Mali on A4", 1684, 1190, orb.Bound{Min: orb.Point{-12.5, 10}, Max: orb.Point{9.6, 51.2}}},
		{"the Sahel, wide, on a slide", 1920, 1080, orb.Bound{Min: orb.Point{-18, 8}, Max: orb.Point{40, 22}}},
		{"a square slide of Mali", 1080, 1080, orb.Bound{Min: orb.Point{-12.5, 10}, Max: orb.Point{4.5, 25}}},
	} {
		for _, o := range []Options{{Title: "Briefing", Subtitle: "Sep 2025", Caveat: "SECRET", Credits: "Natural Earth"}, {Hide: Title | Subtitle | Credits | MadeAt}} {
			p := New(draw.NewRaster(image.NewRGBA(image.Rect(0, 0, c.w, c.h))), o)
			v := p.Fit(c.box)
			got := v.Bound()
			if !got.Pad(1e-6).Contains(c.box.Min) || !got.Pad(1e-6).Contains(c.box.Max) {
				t.Errorf("%s: the page shows %v, not all of %v", c.name, got, c.box)
				continue
			}
			centre := geo.ToWorld(v.Center)
			want := orb.Point{(mercX(c.box.Min[0]) + mercX(c.box.Max[0])) / 2, (mercY(c.box.Min[1]) + mercY(c.box.Max[1])) / 2}
			if math.Abs(centre[0]-want[0]) > 1e-9 || math.Abs(centre[1]-want[1]) > 1e-9 {
				t.Errorf("%s: the page is centred on %v, not on the box's centre", c.name, v.Center)
			}
			// The page's extent over the box's, on each axis as drawn: one
			// of them is the box's (≈1), the other what the aspect adds.
			boxW, boxH := mercX(c.box.Max[0])-mercX(c.box.Min[0]), mercY(c.box.Min[1])-mercY(c.box.Max[1])
			pageW, pageH := mercX(got.Max[0])-mercX(got.Min[0]), mercY(got.Min[1])-mercY(got.Max[1])
			fw, fh := float64(p.Map.Dx()), float64(p.Map.Dy())
			tight := math.Min(pageW/boxW, pageH/boxH)
			if tight > 1.02 {
				t.Errorf("%s: the page shows %.2f× the box on its tighter side, want the box edge to edge", c.name, tight)
			}
			aspect := math.Max((fw/fh)/(boxW/boxH), (boxW/boxH)/(fw/fh))
			if loose := math.Max(pageW/boxW, pageH/boxH); loose > 1.02*aspect {
				t.Errorf("%s: the page shows %.2f× the box on its looser side; the frame's aspect needs only %.2f×", c.name, loose, aspect)
			}
		}
	}
}
