package render

import (
	"testing"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/assets"
	"github.com/sahelatlas/sahelatlas/assets/rivers"
	"github.com/sahelatlas/sahelatlas/geo"
)

// Every level's lines in world units are the embedded file's lon/lat
// lines projected point by point, each with the bound orb gives it, and
// the lakes are their outer rings: the layer projects the decoded lines
// in place and bounds them itself.
func TestRiverLevelsProjected(t *testing.T) {
	want, err := rivers.Decode(assets.Rivers)
	if err != nil {
		t.Fatal(err)
	}
	l := newRiversLayer()
	for i, src := range want {
		lv := l.level(src.MinZoom)
		if lv == nil || lv.minZoom != src.MinZoom {
			t.Fatalf("level at zoom %g: got %v", src.MinZoom, lv)
		}
		var lakes []orb.LineString
		for _, p := range src.Lakes {
			if len(p) > 0 {
				lakes = append(lakes, orb.LineString(p[0]))
			}
		}
		for _, part := range []struct {
			name string
			got  []worldLine
			want []orb.LineString
		}{{"rivers", lv.rivers, src.Rivers}, {"lakes", lv.lakes, lakes}} {
			if len(part.got) != len(part.want) {
				t.Fatalf("level %d: %d %s, want %d", i, len(part.got), part.name, len(part.want))
			}
			for j, ls := range part.want {
				world := make(orb.LineString, len(ls))
				for k, p := range ls {
					world[k] = geo.ToWorld(p)
				}
				got := part.got[j]
				if !got.line.Equal(world) || got.bound != world.Bound() {
					t.Fatalf("level %d, %s %d: %d points bound %v, want %d points bound %v",
						i, part.name, j, len(got.line), got.bound, len(world), world.Bound())
				}
			}
		}
	}
}
