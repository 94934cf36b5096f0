package ui

import (
	"math"
	"testing"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/scene"
)

// Issue 13 item 6: the Export dialog exports the frame the window shows:
// the snapshot's bound is the map's view, and the page shows all of it,
// centred, edge to edge on one side.
func TestExportKeepsTheWindowsFrame(t *testing.T) {
	withConfigDir(t)
	ui, x, _ := newTestExporter(t)
	for _, b := range []orb.Bound{
		{Min: orb.Point{-12.5, 10}, Max: orb.Point{9.6, 51.2}}, // France and Mali
		{Min: orb.Point{-18, 8}, Max: orb.Point{40, 22}},       // the Sahel
	} {
		ui.Map.FitBound(b)
		view := ui.Map.View()
		o, err := x.snapshot()
		if err != nil {
			t.Fatal(err)
		}
		if o.Bound != view.Bound() {
			t.Errorf("the snapshot's bound is %v, the window shows %v", o.Bound, view.Bound())
		}
		o, err = o.Complete(ui.sc, "")
		if err != nil {
			t.Fatal(err)
		}
		v, err := scene.PageView(ui.sc, o)
		if err != nil {
			t.Fatal(err)
		}
		framed, page := view.Bound(), v.Bound()
		if !page.Pad(1e-6).Contains(framed.Min) || !page.Pad(1e-6).Contains(framed.Max) {
			t.Errorf("the window shows %v; the page %v, not all of it", framed, page)
		}
		if a, w := geo.ToWorld(v.Center), geo.ToWorld(view.Center); math.Abs(a[0]-w[0]) > 1e-6 || math.Abs(a[1]-w[1]) > 1e-6 {
			t.Errorf("the window is centred on %v, the page on %v", view.Center, v.Center)
		}
		nw, se := geo.ToWorld(orb.Point{page.Min[0], page.Max[1]}), geo.ToWorld(orb.Point{page.Max[0], page.Min[1]})
		fnw, fse := geo.ToWorld(orb.Point{framed.Min[0], framed.Max[1]}), geo.ToWorld(orb.Point{framed.Max[0], framed.Min[1]})
		if tight := math.Min((se[0]-nw[0])/(fse[0]-fnw[0]), (se[1]-nw[1])/(fse[1]-fnw[1])); tight > 1.02 {
			t.Errorf("the page shows %.2f× the window's frame on its tighter side, want it edge to edge", tight)
		}
	}
}
