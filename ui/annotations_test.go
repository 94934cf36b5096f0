package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
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

// Ctrl+Z, which Fyne delivers as fyne.ShortcutUndo, brings back the
// annotation deleted last (a custom Ctrl+Z shortcut never fired).
func TestUndoShortcutRestoresDelete(t *testing.T) {
	ui := newTestWindow(t)
	n := ui.Notes
	n.save(data.Annotation{Geometry: orb.Point{-1.3, 15.82}, Title: "Gossi"}, false)
	id := n.all[0].ID
	n.choose(id, false)
	n.deleteSelected()
	if _, err := n.Store.Get(id); err == nil {
		t.Fatal("the annotation was not deleted")
	}
	sc, ok := ui.Win.Canvas().(fyne.Shortcutable)
	if !ok {
		t.Fatalf("the canvas %T takes no shortcuts", ui.Win.Canvas())
	}
	sc.TypedShortcut(&fyne.ShortcutUndo{})
	if got, err := n.Store.Get(id); err != nil || got.Title != "Gossi" {
		t.Fatalf("Ctrl+Z did not restore the annotation: %+v, %v", got, err)
	}
}

// The author's name is asked for once, before the first annotation is
// saved, and never taken from the login; an empty answer signs nothing.
func TestAskAuthorOnce(t *testing.T) {
	for _, name := range []string{"A. Analyst", ""} {
		t.Run(fmt.Sprintf("name %q", name), func(t *testing.T) {
			ui := newTestWindow(t)
			ui.App.Preferences().SetBool(authorAskedPref, false)
			n := ui.Notes
			n.save(data.Annotation{Geometry: orb.Point{-8, 12.65}, Title: "first"}, false)
			if len(n.all) != 0 {
				t.Fatal("saved before asking for the author's name")
			}
			form := ui.Win.Canvas().Overlays().Top()
			entry, _ := findObject(t, form, func(o fyne.CanvasObject) bool {
				e, ok := o.(*widget.Entry)
				return ok && e.PlaceHolder == "Leave empty to sign nothing"
			}).(*widget.Entry)
			save, _ := findObject(t, form, func(o fyne.CanvasObject) bool {
				b, ok := o.(*widget.Button)
				return ok && b.Text == "Save"
			}).(*widget.Button)
			if entry == nil || save == nil {
				t.Fatalf("no author form shown (overlay %T)", form)
			}
			entry.SetText(name)
			test.Tap(save)
			if len(n.all) != 1 || n.all[0].Author != name {
				t.Fatalf("after the form: annotations %+v, want one by %q", n.all, name)
			}
			n.save(data.Annotation{Geometry: orb.Point{-8, 12.65}, Title: "second"}, false)
			if len(n.all) != 2 {
				t.Fatalf("the second save asked again or failed: %d annotations", len(n.all))
			}
		})
	}
}

// findObject is the first object under o, walking containers and widgets'
// renderers, for which match is true; nil if none.
func findObject(t *testing.T, o fyne.CanvasObject, match func(fyne.CanvasObject) bool) fyne.CanvasObject {
	if o == nil {
		return nil
	}
	if match(o) {
		return o
	}
	var children []fyne.CanvasObject
	switch x := o.(type) {
	case *fyne.Container:
		children = x.Objects
	case fyne.Widget:
		children = test.TempWidgetRenderer(t, x).Objects()
	}
	for _, c := range children {
		if f := findObject(t, c, match); f != nil {
			return f
		}
	}
	return nil
}
