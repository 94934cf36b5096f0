package ui

import (
	"fmt"
	"image"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/sahelatlas/sahelatlas/data/prefs"
	"github.com/sahelatlas/sahelatlas/geo/layout"
	"github.com/sahelatlas/sahelatlas/geo/scene"
)

// exportSizes are the size presets of the Export dialog, in order.
var exportSizes = []struct{ Label, Paper string }{
	{"Slide 1920×1080", "slide"}, {"4K 3840×2160", "4k"}, {"A4 landscape, 300 dpi", "a4"},
	{"A3 landscape, 300 dpi", "a3"}, {"US Letter landscape, 300 dpi", "letter"}, {"Custom size", ""},
}

// exportElements are the switches of the Export dialog.
var exportElements = []struct {
	Label string
	E     layout.Element
}{
	{"Title", layout.Title}, {"Subtitle", layout.Subtitle}, {"Legend", layout.Legend},
	{"Scale bar", layout.ScaleBar}, {"North arrow", layout.NorthArrow}, {"Credits", layout.Credits},
	{"Caveat bands", layout.Caveat}, {"Date made", layout.MadeAt},
}

// Exporter is the Export dialog: it turns what the window shows (view,
// date window, filters, layers, annotations) into a snapshot or a dated
// series with scene.Write, the function the snapshot command uses,
// so the file matches the preview and the window. The window keeps one for
// the session, so its choices stay when it is closed and opened again.
type Exporter struct {
	ui *Window

	format, size, series *choice
	width, height        *widget.Entry
	title, subtitle      *widget.Entry
	caveat               *widget.Entry
	elements             []*widget.Check
	worldFile            *widget.Check
	preview              *canvas.Image
	status               *widget.Label
	dialog               dialog.Dialog
	built                bool // the widgets are made: changes redraw the preview

	// previews draws the preview off the UI goroutine, the newest choices only.
	previews *newestWorker[previewRequest, previewResult]

	// What the dialog calls to run on the UI goroutine, draw, write and
	// remember the caveat: fyne.Do and the engine's functions, fakes in tests.
	do        func(func())
	render    func(*scene.Scene, scene.Snapshot) (*image.RGBA, error)
	write     func(*scene.Scene, string, scene.Snapshot) error
	loadPrefs func() (prefs.Snapshot, error)
	savePrefs func(prefs.Snapshot) error
}

// previewRequest is one preview to draw: the choices and the window's
// scene as they were when asked for.
type previewRequest struct {
	sc *scene.Scene
	o  scene.Snapshot
}

// previewResult is a drawn preview, or why there is none.
type previewResult struct {
	img *image.RGBA
	err error
}

// previewDelay is how long the preview waits for typing to pause before
// drawing (a preview takes most of a second with 100,000 events).
const previewDelay = 200 * time.Millisecond

// ShowExport opens the Export dialog (File → Export snapshot…, Ctrl+E),
// with the choices made the last time it was open.
func (ui *Window) ShowExport() {
	if ui.exporter == nil {
		ui.exporter = newExporter(ui, fyne.Do)
	}
	ui.exporter.show("")
}

// newExporter makes the Export dialog, not yet shown; do runs work on the
// UI goroutine.
func newExporter(ui *Window, do func(func())) *Exporter {
	x := &Exporter{ui: ui, do: do, render: scene.Render, write: scene.Write,
		loadPrefs: prefs.LoadSnapshot, savePrefs: prefs.SaveSnapshot}
	x.previews = newNewestWorker(func(r previewRequest) previewResult {
		img, err := x.render(r.sc, r.o)
		return previewResult{img, err}
	}, x.showPreview, do, previewDelay)
	x.format = newChoice([]string{"PNG", "SVG", "PDF", "GIF"}, func(string) { x.changed() })
	x.format.SetSelected("PNG")
	labels := make([]string, len(exportSizes))
	for i, s := range exportSizes {
		labels[i] = s.Label
	}
	x.width, x.height = widget.NewEntry(), widget.NewEntry()
	x.width.SetText("1920")
	x.height.SetText("1080")
	x.width.OnChanged = func(string) { x.changed() }
	x.height.OnChanged = func(string) { x.changed() }
	x.size = newChoice(labels, func(label string) {
		// A preset fills in its size; only Custom lets the analyst type one.
		for _, s := range exportSizes {
			if s.Label == label && s.Paper != "" {
				p := scene.Papers[s.Paper]
				x.width.SetText(strconv.Itoa(p.Width))
				x.height.SetText(strconv.Itoa(p.Height))
				x.width.Disable()
				x.height.Disable()
			} else if s.Label == label {
				x.width.Enable()
				x.height.Enable()
			}
		}
		x.changed()
	})
	x.size.SetSelected(labels[0])
	x.series = newChoice([]string{"One snapshot", "Every day", "Every week", "Every month"}, func(string) { x.changed() })
	x.series.SetSelected("One snapshot")
	x.title = widget.NewEntry()
	x.title.SetPlaceHolder("Title")
	x.title.OnChanged = func(string) { x.changed() }
	x.subtitle = widget.NewEntry()
	x.subtitle.SetPlaceHolder("Subtitle (default: the date window)")
	x.subtitle.OnChanged = func(string) { x.changed() }
	x.caveat = widget.NewEntry()
	x.caveat.SetPlaceHolder("Caveat, e.g. UNCLASSIFIED // FOR TRAINING")
	x.status = widget.NewLabel("")
	x.status.Wrapping = fyne.TextWrapWord
	if p, err := x.loadPrefs(); err == nil {
		x.caveat.SetText(p.Caveat)
	} else {
		x.status.SetText("The caveat of the last export cannot be read: " + err.Error())
	}
	x.caveat.OnChanged = func(string) { x.changed() }
	checks := container.NewGridWithColumns(4)
	for _, e := range exportElements {
		c := widget.NewCheck(e.Label, func(bool) { x.changed() })
		c.SetChecked(true)
		x.elements = append(x.elements, c)
		checks.Add(c)
	}
	x.worldFile = widget.NewCheck("World file (.pgw + .prj)", nil)
	x.preview = canvas.NewImageFromImage(nil)
	x.preview.FillMode = canvas.ImageFillContain
	x.preview.SetMinSize(fyne.NewSize(480, 270))

	form := widget.NewForm(
		widget.NewFormItem("Format", x.format),
		widget.NewFormItem("Size", container.NewBorder(nil, nil, x.size, nil,
			container.NewGridWithColumns(3, x.width, widget.NewLabel("×"), x.height))),
		widget.NewFormItem("Series", x.series),
		widget.NewFormItem("Title", x.title),
		widget.NewFormItem("Subtitle", x.subtitle),
		widget.NewFormItem("Caveat", x.caveat),
	)
	content := container.NewBorder(
		container.NewVBox(form, checks, x.worldFile), x.status, nil, nil,
		container.NewBorder(widget.NewLabel("Preview"), nil, nil, nil, x.preview))
	d := dialog.NewCustomWithoutButtons("Export snapshot", content, ui.Win)
	exportButton := widget.NewButtonWithIcon("Export…", theme.ConfirmIcon(), func() {
		x.hide()
		x.chooseFile()
	})
	exportButton.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{widget.NewButtonWithIcon("Close", theme.CancelIcon(), x.hide), exportButton})
	d.Resize(fyne.NewSize(900, 820))
	x.dialog = d
	x.built = true
	return x
}

// hide closes the dialog, first taking the focus from its fields (Fyne
// forgets a closed dialog's focus without telling the field, which then
// shows a cursor when the dialog opens again).
func (x *Exporter) hide() {
	x.ui.Win.Canvas().Unfocus()
	x.dialog.Hide()
}

// show opens the dialog with a new preview (the map may have moved since
// it was last open) and status, when given, in its status line.
func (x *Exporter) show(status string) {
	x.dialog.Show()
	x.changed()
	if status != "" {
		x.status.SetText(status)
	}
}

// snapshot is the dialog's choices applied to what the window shows.
func (x *Exporter) snapshot() (scene.Snapshot, error) {
	ui := x.ui
	ex := ui.Explorer
	o := scene.Snapshot{
		Format: scene.Format(strings.ToLower(x.format.Selected)),
		Bound:  ui.Map.View().Bound(),
		From:   ex.From, To: ex.To,
		Filter:        ex.Filter,
		Actor:         ui.Layers.Actor,
		HideRelations: !ui.Layers.ShowRelations,
		HideVisits:    !ui.Layers.ShowVisits,
		WorldFile:     x.worldFile.Checked && x.format.Selected == "PNG",
		Layout: layout.Options{
			Title:    strings.TrimSpace(x.title.Text),
			Subtitle: strings.TrimSpace(x.subtitle.Text),
			Caveat:   strings.TrimSpace(x.caveat.Text),
		},
	}
	if ui.showNote && ui.Notes != nil {
		o.Annotations = ui.Notes.Layer.Shown()
	}
	for i, c := range x.elements {
		if !c.Checked {
			o.Layout.Hide |= exportElements[i].E
		}
	}
	for _, s := range exportSizes {
		if s.Label == x.size.Selected {
			o.Paper = s.Paper
		}
	}
	if o.Paper == "" {
		w, err1 := strconv.Atoi(strings.TrimSpace(x.width.Text))
		h, err2 := strconv.Atoi(strings.TrimSpace(x.height.Text))
		if err1 != nil || err2 != nil {
			return o, fmt.Errorf("the custom size must be two whole numbers of pixels, each 1 to %d", scene.MaxSide)
		}
		if err := scene.CheckSize(w, h); err != nil { // the command's limits too
			return o, err
		}
		o.Width, o.Height = w, h
	}
	switch x.series.Selected {
	case "Every day":
		o.Every = scene.StepDay
	case "Every week":
		o.Every = scene.StepWeek
	case "Every month":
		o.Every = scene.StepMonth
	}
	if o.Every != "" && o.Format == scene.FormatSVG {
		return o, fmt.Errorf("a series is written as a PDF (a page a step), a GIF or PNG frames: choose one of those")
	}
	return o, nil
}

// changed asks for a new preview of the dialog's choices, drawn off the
// UI goroutine; a preview overtaken by newer choices is never shown.
func (x *Exporter) changed() {
	if !x.built {
		return // still making the widgets
	}
	o, err := x.snapshot()
	if err != nil {
		x.previews.cancel()
		x.status.SetText(err.Error())
		return
	}
	x.status.SetText("")
	// The preview is the snapshot itself, one raster frame at a reduced
	// size with the same proportions and layout.
	o.Progress = nil
	w, h := o.Width, o.Height
	if p, ok := scene.Papers[o.Paper]; ok {
		w, h = p.Width, p.Height
	}
	o.Paper, o.Width, o.Height = "", 960, 960*h/max(w, 1)
	x.previews.request(previewRequest{sc: x.ui.sc, o: o}) // exports draw the window's map and data
}

// showPreview puts a drawn preview in the dialog, on the UI goroutine.
func (x *Exporter) showPreview(r previewResult) {
	if r.err != nil {
		x.status.SetText("No preview: " + r.err.Error())
		return
	}
	x.preview.Image = r.img
	x.preview.Refresh()
}

// chooseFile asks where to save, then exports in the background with a
// progress bar for a series.
func (x *Exporter) chooseFile() {
	o, err := x.snapshot()
	if err != nil {
		x.ui.showError(err)
		x.show(err.Error())
		return
	}
	ext := "." + string(o.Format)
	fd := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			x.ui.showError(err)
			return
		}
		if w == nil {
			x.show("") // cancelled: back to the choices
			return
		}
		path := w.URI().Path()
		w.Close()
		os.Remove(path) // the save dialog made an empty file; the export writes its own, atomically
		if o.Every != "" && o.Format == scene.FormatPNG {
			path = strings.TrimSuffix(path, ext) // numbered frames go in a folder
		} else if !strings.EqualFold(filepath.Ext(path), ext) {
			path += ext
		}
		x.export(path, o)
	}, x.ui.Win)
	fd.SetFileName("sahel-atlas" + ext)
	fd.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	fd.Show()
}

// export writes o to path in the background, then remembers its caveat
// and opens the dialog again, its choices kept, to export another format
// or size of the same map.
func (x *Exporter) export(path string, o scene.Snapshot) {
	x.ui.Status.SetText("Exporting " + path + "…")
	bar := widget.NewProgressBar()
	progress := dialog.NewCustomWithoutButtons("Exporting", container.NewVBox(widget.NewLabel(filepath.Base(path)), bar), x.ui.Win)
	progress.Show()
	do := x.do
	o.Progress = func(done, total int) {
		do(func() { bar.SetValue(float64(done) / float64(max(total, 1))) })
	}
	sc := x.ui.sc // exports draw the window's map and data
	write, load, save := x.write, x.loadPrefs, x.savePrefs
	go func() {
		err := write(sc, path, o)
		var prefErr error
		if err == nil {
			prefErr = rememberCaveat(load, save, o.Layout.Caveat)
		}
		do(func() {
			progress.Hide()
			x.exported(path, err, prefErr)
		})
	}()
}

// exported says, on the UI goroutine, how an export went: the file was
// written or not; when it was, whether its caveat could be remembered.
func (x *Exporter) exported(path string, err, prefErr error) {
	if err != nil {
		err = fmt.Errorf("the snapshot was NOT written to %s: %w", path, err)
		x.show(err.Error())
		x.ui.showError(err)
		return
	}
	status, msg := "Written: "+path+". Export another format or size of the same map: choose it and press Export… again.", "Exported "+path
	if prefErr != nil {
		note := "The caveat could not be remembered for the next export: " + prefErr.Error()
		status, msg = status+"\n"+note, msg+". "+note
	}
	x.ui.Status.SetText(msg)
	x.show(status)
	x.ui.Win.Canvas().Focus(x.format)
}

// rememberCaveat keeps caveat, empty too, as the one the next export
// starts with, unless it is already the one remembered.
func rememberCaveat(load func() (prefs.Snapshot, error), save func(prefs.Snapshot) error, caveat string) error {
	p, err := load()
	if err == nil && p.Caveat == caveat {
		return nil
	}
	p.Caveat = caveat // an unreadable file is replaced by a good one
	return save(p)
}
