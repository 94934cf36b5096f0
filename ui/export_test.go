package ui

import (
	"image"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/sahelatlas/sahelatlas/data/prefs"
	"github.com/sahelatlas/sahelatlas/geo/scene"
)

// withConfigDir points the settings folder ($XDG_CONFIG_HOME) at a
// temporary one and returns it.
func withConfigDir(t *testing.T) string {
	t.Helper()
	config := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", config)
	return config
}

// newTestExporter builds the window with its Export dialog, the dialog's
// work handed to a queue the test drains, and a preview that draws nothing.
func newTestExporter(t *testing.T) (*Window, *Exporter, *uiQueue) {
	t.Helper()
	ui := newTestWindow(t)
	q := &uiQueue{ch: make(chan func(), 1024)}
	x := newExporter(ui, q.do)
	x.previews.delay = 0
	x.render = func(*scene.Scene, scene.Snapshot) (*image.RGBA, error) {
		return image.NewRGBA(image.Rect(0, 0, 1, 1)), nil
	}
	ui.exporter = x
	return ui, x, q
}

// exportNow exports the dialog's choices to path as the Export… button
// does once the file is chosen, and runs the UI work until it is done.
func exportNow(t *testing.T, ui *Window, x *Exporter, q *uiQueue, path string) {
	t.Helper()
	o, err := x.snapshot()
	if err != nil {
		t.Fatal(err)
	}
	x.hide() // as the Export… button does
	x.export(path, o)
	for strings.HasPrefix(ui.Status.Text, "Exporting") {
		q.next(t)
	}
}

// smallPNG sets the dialog to a small custom PNG, quick to write.
func smallPNG(x *Exporter) {
	x.format.SetSelected("PNG")
	x.size.SetSelected(exportSizes[len(exportSizes)-1].Label)
	x.width.SetText("320")
	x.height.SetText("180")
}

func TestExportWrittenWhenTheCaveatCannotBeRemembered(t *testing.T) {
	config := withConfigDir(t)
	ui, x, q := newTestExporter(t)
	// The settings folder is a file: the caveat cannot be saved.
	if err := os.WriteFile(filepath.Join(config, "sahelatlas"), []byte("not a folder"), 0o644); err != nil {
		t.Fatal(err)
	}
	ui.ShowExport()
	smallPNG(x)
	x.caveat.SetText("RESTRICTED")
	path := filepath.Join(t.TempDir(), "map.png")
	exportNow(t, ui, x, q, path)

	if _, err := os.Stat(path); err != nil {
		t.Fatalf("the snapshot was not written: %v", err)
	}
	for _, text := range []string{ui.Status.Text, x.status.Text} {
		if strings.Contains(text, "NOT written") {
			t.Errorf("the snapshot was written, yet the window says %q", text)
		}
		if !strings.Contains(text, "caveat could not be remembered") {
			t.Errorf("%q does not say that the caveat was not remembered", text)
		}
	}
	if !strings.Contains(x.status.Text, "Written: "+path) {
		t.Errorf("the dialog's status %q does not say the file was written", x.status.Text)
	}
}

func TestExportRemembersTheCaveat(t *testing.T) {
	tests := []struct {
		name, remembered, typed string
	}{
		{"a cleared caveat is remembered empty", "SECRET // NOFORN", ""},
		{"a new caveat replaces the old", "SECRET // NOFORN", "UNCLASSIFIED // FOR TRAINING"},
		{"the first caveat is remembered", "", "RESTRICTED"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			withConfigDir(t)
			if tt.remembered != "" {
				if err := prefs.SaveSnapshot(prefs.Snapshot{Caveat: tt.remembered}); err != nil {
					t.Fatal(err)
				}
			}
			ui, x, q := newTestExporter(t)
			ui.ShowExport()
			if x.caveat.Text != tt.remembered {
				t.Fatalf("the dialog opens with the caveat %q, want the remembered %q", x.caveat.Text, tt.remembered)
			}
			smallPNG(x)
			x.caveat.SetText(tt.typed)
			exportNow(t, ui, x, q, filepath.Join(t.TempDir(), "map.png"))
			p, err := prefs.LoadSnapshot()
			if err != nil {
				t.Fatal(err)
			}
			if p.Caveat != tt.typed {
				t.Fatalf("remembered caveat %q, want %q", p.Caveat, tt.typed)
			}
		})
	}
}

// shownDialog returns the visible pop-up of c's overlays that holds o, or nil.
func shownDialog(c fyne.Canvas, o fyne.CanvasObject) *widget.PopUp {
	for _, ov := range c.Overlays().List() {
		if p, ok := ov.(*widget.PopUp); ok && p.Visible() && holds(p.Content, o) {
			return p
		}
	}
	return nil
}

// holds reports whether o is tree or lies in its containers and widgets.
func holds(tree, o fyne.CanvasObject) bool {
	if tree == o {
		return true
	}
	var children []fyne.CanvasObject
	switch w := tree.(type) {
	case *fyne.Container:
		children = w.Objects
	case fyne.Widget:
		children = test.WidgetRenderer(w).Objects()
	}
	for _, child := range children {
		if holds(child, o) {
			return true
		}
	}
	return false
}

// dialogButton returns the button labelled text in c's top overlay.
func dialogButton(t *testing.T, c fyne.Canvas, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Button:
			if w.Text == text {
				found = w
			}
		case *fyne.Container:
			for _, child := range w.Objects {
				walk(child)
			}
		case fyne.Widget:
			for _, child := range test.WidgetRenderer(w).Objects() {
				walk(child)
			}
		}
	}
	if top := c.Overlays().Top(); top != nil {
		walk(top)
	}
	if found == nil {
		t.Fatalf("no %q button in the dialog", text)
	}
	return found
}

func TestExportDialogKeepsItsChoices(t *testing.T) {
	withConfigDir(t)
	ui, x, _ := newTestExporter(t)
	c := ui.Win.Canvas()
	ui.ShowExport()
	if shownDialog(c, x.format) == nil {
		t.Fatal("Ctrl+E's action did not show the Export dialog")
	}
	test.Type(x.title, "Mali and Sudan")
	test.Type(x.subtitle, "Visits, 2025")
	x.format.SetSelected("PDF")
	x.series.SetSelected("Every month")
	x.elements[2].SetChecked(false) // legend
	test.Tap(dialogButton(t, c, "Close"))
	if shownDialog(c, x.format) != nil {
		t.Fatal("the Export dialog is still shown after Close")
	}

	ui.ShowExport()
	if shownDialog(c, x.format) == nil {
		t.Fatal("the Export dialog did not open again")
	}
	if ui.exporter != x {
		t.Fatal("opening the dialog again made a new one")
	}
	got := []string{x.title.Text, x.subtitle.Text, x.format.Selected, x.series.Selected}
	want := []string{"Mali and Sudan", "Visits, 2025", "PDF", "Every month"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("after reopening: %q, want %q", got[i], want[i])
		}
	}
	if x.elements[2].Checked {
		t.Error("after reopening the legend is on again")
	}
}

func TestExportAnotherFormat(t *testing.T) {
	withConfigDir(t)
	ui, x, q := newTestExporter(t)
	var written []scene.Snapshot
	x.write = func(_ *scene.Scene, path string, o scene.Snapshot) error {
		written = append(written, o)
		return os.WriteFile(path, []byte("snapshot"), 0o644)
	}
	c := ui.Win.Canvas()
	ui.ShowExport()
	test.Type(x.title, "Wagner in Mali")
	test.Type(x.subtitle, "Visits and expulsions")
	dir := t.TempDir()
	exportNow(t, ui, x, q, filepath.Join(dir, "map.png"))

	// The dialog is back, says what was written, and offers another format.
	if shownDialog(c, x.format) == nil {
		t.Fatal("after the export the Export dialog is not shown")
	}
	if !strings.Contains(x.status.Text, "Written: "+filepath.Join(dir, "map.png")) || !strings.Contains(x.status.Text, "Export another format") {
		t.Errorf("the dialog's status says %q", x.status.Text)
	}
	if c.Focused() != x.format {
		t.Errorf("the focus is on %T, want the format select", c.Focused())
	}
	x.format.SetSelected("PDF")
	exportNow(t, ui, x, q, filepath.Join(dir, "map.pdf"))
	if len(written) != 2 {
		t.Fatalf("%d files written, want 2", len(written))
	}
	for i, o := range written {
		if o.Layout.Title != "Wagner in Mali" || o.Layout.Subtitle != "Visits and expulsions" {
			t.Errorf("file %d has title %q and subtitle %q", i, o.Layout.Title, o.Layout.Subtitle)
		}
	}
	if written[0].Format != scene.FormatPNG || written[1].Format != scene.FormatPDF {
		t.Errorf("formats %s then %s, want png then pdf", written[0].Format, written[1].Format)
	}
}

func TestExportFailureSaysNotWritten(t *testing.T) {
	withConfigDir(t)
	ui, x, q := newTestExporter(t)
	ui.ShowExport()
	smallPNG(x)
	path := filepath.Join(t.TempDir(), "no such folder", "map.png")
	exportNow(t, ui, x, q, path)
	if !strings.Contains(ui.Status.Text, "NOT written to "+path) {
		t.Errorf("the window's status says %q after a failed export", ui.Status.Text)
	}
	if shownDialog(ui.Win.Canvas(), x.format) == nil {
		t.Error("after a failed export the Export dialog is not shown again")
	}
}

func TestExportPreviewShowsOnlyTheNewestChoices(t *testing.T) {
	withConfigDir(t)
	ui, x, q := newTestExporter(t)
	g := newGate()
	// Each preview is as wide as its answer, so the test can tell them apart.
	x.render = func(_ *scene.Scene, o scene.Snapshot) (*image.RGBA, error) {
		return image.NewRGBA(image.Rect(0, 0, len(g.compute(o.Layout.Title)), 1)), nil
	}
	ui.ShowExport()
	if s := g.waitStart(t); s != "" {
		t.Fatalf("the first preview is of the title %q, want none", s)
	}
	// Typed while the first preview is drawn: the entry keeps up, and only
	// the last title is drawn next.
	test.Type(x.title, "Mali briefing")
	if x.title.Text != "Mali briefing" {
		t.Fatalf("the title shows %q while a preview is drawn", x.title.Text)
	}
	g.release <- struct{}{}
	q.next(t) // the first preview: stale
	if x.preview.Image != nil {
		t.Fatal("a preview of older choices was shown")
	}
	if s := g.waitStart(t); s != "Mali briefing" {
		t.Fatalf("the next preview is of %q, want the newest title", s)
	}
	g.release <- struct{}{}
	q.next(t)
	if x.preview.Image == nil || x.preview.Image.Bounds().Dx() != len("result of Mali briefing") {
		t.Fatalf("the preview shown is not the newest title's: %v", x.preview.Image)
	}
	if len(g.calls) != 2 {
		t.Fatalf("drew %q, want the first and the newest only", g.calls)
	}
}
