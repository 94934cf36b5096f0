package scene

import (
	"bytes"
	"testing"
	"time"

	"github.com/sahelatlas/sahelatlas/data/lang"
	"github.com/sahelatlas/sahelatlas/geo"
)

// TestDrawnAheadOnlyWhenTheSame draws a snapshot ahead and then asks
// Encode for one: the file drawn ahead must be what Encode writes only
// when the snapshot (but for its made-at time), the scene and the
// language are the same; otherwise Encode draws its own.
func TestDrawnAheadOnlyWhenTheSame(t *testing.T) {
	t.Cleanup(func() { lang.Set(lang.English) })
	ahead := time.Date(2001, 2, 3, 4, 5, 0, 0, time.UTC)
	later := time.Date(2002, 2, 3, 4, 5, 0, 0, time.UTC)
	snapshot := func(s *Scene, view string, made time.Time) Snapshot {
		b, err := geo.ViewBound(view, s.Atlas)
		if err != nil {
			t.Fatal(err)
		}
		o, err := Snapshot{Format: FormatPNG, Width: 320, Height: 180, Bound: b}.Complete(s, "")
		if err != nil {
			t.Fatal(err)
		}
		o.Layout.MadeAt = made
		return o
	}
	encode := func(s *Scene, o Snapshot) []byte {
		var buf bytes.Buffer
		if err := Encode(t.Context(), s, &buf, o); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	for _, c := range []struct {
		name      string
		view      string   // the command's view; the page drawn ahead is of the Sahel
		lang      lang.Tag // the command's language; the page drawn ahead is in English
		otherLoad bool     // the command loads its own scene
		want      bool     // the command writes the page drawn ahead
	}{
		{"same", "sahel", lang.English, false, true},
		{"another view", "mali", lang.English, false, false},
		{"another language", "sahel", lang.French, false, false},
		{"another scene", "sahel", lang.English, true, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			lang.Set(lang.English)
			PreloadAndDraw(nil, func(s *Scene) (Snapshot, bool) { return snapshot(s, "sahel", ahead), true })
			s, err := Load()
			if err != nil {
				t.Fatal(err)
			}
			aheadMu.Lock()
			a := drawnAhead
			aheadMu.Unlock()
			<-a.done // drawn in English before the command's language is set
			if c.otherLoad {
				if s, err = load(); err != nil {
					t.Fatal(err)
				}
			}
			lang.Set(c.lang)
			o := snapshot(s, c.view, later)
			got := encode(s, o)
			drawnAhead := o
			drawnAhead.Layout.MadeAt = ahead
			if want := encode(s, drawnAhead); bytes.Equal(got, want) != c.want {
				t.Errorf("wrote the page drawn ahead: %v, want %v", !c.want, c.want)
			}
			if own := encode(s, o); !c.want && !bytes.Equal(got, own) {
				t.Error("did not write the page of the snapshot asked for")
			}
		})
	}
}

// TestNothingDrawnAhead checks that a snapshot is drawn as usual when
// what was to be drawn ahead was refused (ask reports false).
func TestNothingDrawnAhead(t *testing.T) {
	PreloadAndDraw(nil, func(s *Scene) (Snapshot, bool) { return Snapshot{}, false })
	s, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if a := takeDrawn(s, Snapshot{}); a != nil {
		t.Errorf("took a page drawn ahead of %d bytes", len(a.file))
	}
}
