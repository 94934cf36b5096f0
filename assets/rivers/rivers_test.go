package rivers

import (
	"errors"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/clip"
	"github.com/paulmach/orb/planar"
	"github.com/sahelatlas/sahelatlas/assets"
)

func TestRoundTrip(t *testing.T) {
	in := []Level{
		{MinZoom: 3.5, Rivers: orb.MultiLineString{{{-8.0, 12.6}, {-4.2, 14.5}, {-0.05, 16.27}}}},
		{MinZoom: 5.5,
			Rivers: orb.MultiLineString{{{32.5, 15.6}, {32.55, 15.65}}},
			Lakes:  orb.MultiPolygon{{{{14, 13}, {14.5, 13.5}, {14, 14}, {14, 13}}}}},
	}
	out, err := Decode(Encode(nil, in))
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 2 || out[1].MinZoom != 5.5 || len(out[1].Lakes) != 1 || len(out[0].Rivers[0]) != 3 {
		t.Fatalf("decoded %+v, want the two levels given", out)
	}
	for i, p := range out[0].Rivers[0] {
		if d := planar.Distance(p, in[0].Rivers[0][i]); d > Unit {
			t.Errorf("point %d = %v, want %v", i, p, in[0].Rivers[0][i])
		}
	}
}

// Open gives the levels' zooms, and Level each level as Decode does.
func TestOpenLevels(t *testing.T) {
	in := []Level{
		{MinZoom: 3.5, Rivers: orb.MultiLineString{{{-8.0, 12.6}, {-4.2, 14.5}}}, Lakes: orb.MultiPolygon{{{{14, 13}, {14.5, 13.5}, {14, 14}, {14, 13}}}}},
		{MinZoom: 5.5},
		{MinZoom: 7, Rivers: orb.MultiLineString{{{32.5, 15.6}, {32.55, 15.65}}, {{1, 2}, {3, 4}, {5, 6}}}},
	}
	b := Encode(nil, in)
	f, err := Open(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Zooms) != 3 || f.Zooms[0] != 3.5 || f.Zooms[1] != 5.5 || f.Zooms[2] != 7 {
		t.Fatalf("zooms %v, want 3.5, 5.5, 7", f.Zooms)
	}
	all, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range []int{2, 0, 1} { // in any order
		lv, err := f.Level(i)
		if err != nil {
			t.Fatalf("level %d: %v", i, err)
		}
		if !orb.Equal(lv.Rivers, all[i].Rivers) || !orb.Equal(lv.Lakes, all[i].Lakes) || lv.MinZoom != all[i].MinZoom {
			t.Errorf("level %d = %+v, Decode gives %+v", i, lv, all[i])
		}
	}
	if lv, _ := f.Level(2); len(lv.Rivers) != 2 || len(lv.Rivers[1]) != 3 {
		t.Errorf("level 2 = %+v, want its two rivers", lv)
	}
}

func TestDecodeRefuses(t *testing.T) {
	good := Encode(nil, []Level{{MinZoom: 4, Rivers: orb.MultiLineString{{{1, 2}, {3, 4}}}}})
	for name, b := range map[string][]byte{
		"empty":     nil,
		"no magic":  []byte("XXXX"),
		"truncated": good[:len(good)-2],
		"trailing":  append(append([]byte(nil), good...), 0),
	} {
		if _, err := Decode(b); !errors.Is(err, ErrFormat) {
			t.Errorf("%s: Decode = %v, want ErrFormat", name, err)
		}
		if _, err := Open(b); !errors.Is(err, ErrFormat) {
			t.Errorf("%s: Open = %v, want ErrFormat", name, err)
		}
	}
}

// The embedded file reads, and holds the rivers a reader of a Sahel map
// orients by: the Niger through Mali, the Nile through Sudan, and Lake
// Chad.
func TestEmbedded(t *testing.T) {
	levels, err := Decode(assets.Rivers)
	if err != nil {
		t.Fatal(err)
	}
	if len(levels) < 2 {
		t.Fatalf("%d levels of detail, want 2", len(levels))
	}
	crosses := func(lv Level, b orb.Bound) bool {
		for _, r := range lv.Rivers {
			if len(clip.LineString(b, r.Clone())) > 0 {
				return true
			}
		}
		return false
	}
	lake := func(lv Level, b orb.Bound) bool {
		for _, l := range lv.Lakes {
			if lb := l.Bound(); b.Contains(lb.Min) && b.Contains(lb.Max) {
				return true
			}
		}
		return false
	}
	for i, lv := range levels {
		for name, b := range map[string]orb.Bound{
			"the Niger at Mopti":   {Min: orb.Point{-4.5, 14.2}, Max: orb.Point{-3.9, 14.8}},
			"the Nile at Khartoum": {Min: orb.Point{32.3, 15.4}, Max: orb.Point{32.8, 15.9}},
			"the Senegal at Kayes": {Min: orb.Point{-11.7, 14.2}, Max: orb.Point{-11.2, 14.7}},
		} {
			if !crosses(lv, b) {
				t.Errorf("level %d: no river in %v (%s)", i, b, name)
			}
		}
		if !lake(lv, orb.Bound{Min: orb.Point{12.5, 12}, Max: orb.Point{15.5, 14.5}}) {
			t.Errorf("level %d: Lake Chad missing", i)
		}
	}
}
