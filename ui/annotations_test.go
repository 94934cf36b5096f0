package ui

import (
	"testing"

	"github.com/paulmach/orb"

	"github.com/sahelatlas/sahelatlas/data"
)

func TestNotesSaveDeleteUndo(t *testing.T) {
	ui := newTestWindow(t)
	n := ui.Notes
	gossi := orb.Point{-1.3, 15.82}
	n.save(data.Annotation{Geometry: gossi, Title: "Gossi: watch", Text: "two lines\nof text", Tags: []string{"field"}}, false)
	if len(n.all) != 1 || n.all[0].Title != "Gossi: watch" {
		t.Fatalf("after saving, the annotations are %+v", n.all)
	}
	id := n.all[0].ID
	if got, err := n.Store.Get(id); err != nil || got.Text != "two lines\nof text" {
		t.Fatalf("the store holds %+v, %v", got, err)
	}
	if want := "Saved “Gossi: watch”."; ui.Status.Text != want {
		t.Errorf("status %q, want %q", ui.Status.Text, want)
	}
	// Search in the list.
	n.search.SetText("GOSSI")
	if len(n.shown) != 1 {
		t.Fatalf("searching GOSSI shows %d annotations", len(n.shown))
	}
	n.search.SetText("nothing like it")
	if len(n.shown) != 0 {
		t.Fatalf("a search that matches nothing shows %d annotations", len(n.shown))
	}
	n.search.SetText("")
	// Delete, then undo.
	n.choose(id, false)
	n.deleteSelected()
	if _, err := n.Store.Get(id); err == nil || len(n.all) != 0 {
		t.Fatalf("after delete: store still has it (%v) or list %d", err, len(n.all))
	}
	n.undoDelete()
	if got, err := n.Store.Get(id); err != nil || got.Title != "Gossi: watch" {
		t.Fatalf("undo did not restore the annotation: %+v, %v", got, err)
	}
}

func TestNotesDrawArea(t *testing.T) {
	ui := newTestWindow(t)
	n := ui.Notes
	n.startMode(modeArea)
	corners := []orb.Point{{0.5, 14.5}, {2.5, 14.5}, {2.5, 16}}
	for _, p := range corners[:2] {
		if !n.tapped(p, 0, 0) {
			t.Fatal("a click in area mode was not taken as a vertex")
		}
	}
	// Two corners are not an area: Enter keeps drawing.
	n.Finish()
	if n.mode != modeArea {
		t.Fatal("an area of two corners was finished")
	}
	// The double-click adds the last corner and finishes.
	if !n.doubleTapped(corners[2]) {
		t.Fatal("the double-click did not finish the area")
	}
	if n.mode != modeBrowse || n.draft != nil {
		t.Fatalf("after finishing: mode %v, draft %v", n.mode, n.draft)
	}
	// The editor is open over the window.
	if top := ui.Win.Canvas().Overlays().Top(); top == nil {
		t.Fatal("no editor opened for the new area")
	}
	// Escape cancels a drawing without saving.
	n.startMode(modeLine)
	n.tapped(orb.Point{-8, 12.6}, 0, 0)
	if !n.Cancel() || n.mode != modeBrowse || len(n.all) != 0 {
		t.Fatalf("cancel: mode %v, saved %d", n.mode, len(n.all))
	}
}

func TestParseDateRange(t *testing.T) {
	tests := []struct {
		from, to string
		ok       bool
		days     int
	}{
		{"", "", true, -1},
		{"2025-09-14", "", true, 0},
		{"2025-09-14", "2025-09-19", true, 5},
		{"2025-09-19", "2025-09-14", false, 0},
		{"14/09/2025", "", false, 0},
		{"2025-02-30", "", false, 0},
	}
	for _, tt := range tests {
		f, to, err := parseDateRange(tt.from, tt.to)
		if (err == nil) != tt.ok {
			t.Errorf("parseDateRange(%q, %q) error %v, want ok=%v", tt.from, tt.to, err, tt.ok)
			continue
		}
		if tt.ok && tt.days >= 0 && int(to.Days()-f.Days()) != tt.days {
			t.Errorf("parseDateRange(%q, %q) = %v–%v", tt.from, tt.to, f, to)
		}
		if tt.ok && tt.days < 0 && (!f.IsZero() || !to.IsZero()) {
			t.Errorf("no dates gave %v–%v", f, to)
		}
	}
}
