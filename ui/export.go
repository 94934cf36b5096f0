package ui

import (
	"fmt"
	"image"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"github.com/sahelatlas/sahelatlas/data/prefs"
	"github.com/sahelatlas/sahelatlas/geo"
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
	{"Caveat bands", layout.Caveat}, {"Date made", layout.MadeAt}, {"Event numbers and list", layout.EventList},
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
	from, to             *widget.Entry // the date window, to the day
	// open: the dialog is in use (shown, or hidden while a file is chosen
	// and written); bound is the window's frame when it opened, which the
	// page keeps while the map behind shows the page's extent; before is
	// the map's view then, given back when the dialog closes.
	open, choosing bool
	remembered     string // the caveat last read from or written to the settings
	bound          orb.Bound
	before         geo.Viewport
	elements       []*widget.Check
	worldFile      *widget.Check
	preview        *canvas.Image
	overview       *canvas.Image // the map around the page, its extent outlined
	status         *widget.Label
	dialog         dialog.Dialog

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
	sc   *scene.Scene
	o    scene.Snapshot
	page scene.Snapshot // the page itself, whose extent the map outlines
}

// previewResult is a drawn preview, the page's extent and the map around
// it with the extent outlined (nil when it cannot be drawn), or why there
// is no preview.
type previewResult struct {
	img      *image.RGBA
	extent   orb.Bound
	overview *image.RGBA
	err      error
}

// previewDelay is how long the preview waits for typing to pause before
// drawing (a preview takes most of a second with 100,000 events).
const previewDelay = 200 * time.Millisecond

// ShowExport opens the Export dialog (File → Export snapshot…, Ctrl+E),
// with the choices made the last time it was open.
func (ui *Window) ShowExport() {
	if ui.exporter == nil {
		ui.exporter = newExporter(ui, ui.do)
	}
	ui.exporter.show("")
}

// newExporter makes the Export dialog, not yet shown; do runs work on the
// UI goroutine.
func newExporter(ui *Window, do func(func())) *Exporter {
	ex := &Exporter{ui: ui, do: do, render: scene.Render, write: scene.Write,
		loadPrefs: prefs.LoadSnapshot, savePrefs: prefs.SaveSnapshot}
	ex.previews = newNewestWorker(func(r previewRequest) previewResult {
		img, err := ex.render(r.sc, r.o)
		if err != nil {
			return previewResult{err: err}
		}
		res := previewResult{img: img}
		if extent, err := pageExtent(r.sc, r.page); err == nil {
			res.extent = extent
			res.overview, _ = pageOverview(r.sc, r.page, extent, 480, 270) // without it, the dialog shows the preview alone
		}
		return res
	}, ex.showPreview, do, previewDelay)
	ex.format = newChoice([]string{"PNG", "SVG", "PDF", "GIF"}, func(string) { ex.changed() })
	ex.format.SetSelected("PNG")
	labels := make([]string, len(exportSizes))
	for i, s := range exportSizes {
		labels[i] = lang.L(s.Label)
	}
	ex.width, ex.height = widget.NewEntry(), widget.NewEntry()
	ex.width.SetText("1920")
	ex.height.SetText("1080")
	ex.width.OnChanged = func(string) { ex.changed() }
	ex.height.OnChanged = func(string) { ex.changed() }
	ex.size = newChoice(labels, func(label string) {
		// A preset fills in its size; only Custom lets the analyst type one.
		for _, s := range exportSizes {
			if lang.L(s.Label) == label && s.Paper != "" {
				p := scene.Papers[s.Paper]
				ex.width.SetText(strconv.Itoa(p.Width))
				ex.height.SetText(strconv.Itoa(p.Height))
				ex.width.Disable()
				ex.height.Disable()
			} else if lang.L(s.Label) == label {
				ex.width.Enable()
				ex.height.Enable()
			}
		}
		ex.changed()
	})
	ex.size.SetSelected(labels[0])
	ex.series = newChoice([]string{lang.L("One snapshot"), lang.L("Every day"), lang.L("Every week"), lang.L("Every month")}, func(string) { ex.changed() })
	ex.series.SetSelected(lang.L("One snapshot"))
	ex.title = widget.NewEntry()
	ex.title.SetPlaceHolder(lang.L("Title"))
	ex.title.OnChanged = func(string) { ex.changed() }
	ex.subtitle = widget.NewEntry()
	ex.subtitle.SetPlaceHolder(lang.L("Subtitle (default: the date window)"))
	ex.subtitle.OnChanged = func(string) { ex.changed() }
	ex.caveat = widget.NewEntry()
	ex.caveat.SetPlaceHolder(lang.L("Caveat, e.g. UNCLASSIFIED // FOR TRAINING"))
	ex.status = widget.NewLabel("")
	ex.status.Wrapping = fyne.TextWrapWord
	if p, err := ex.loadPrefs(); err == nil {
		ex.caveat.SetText(p.Caveat)
		ex.remembered = p.Caveat
	} else {
		ex.status.SetText(lang.L("The caveat of the last export cannot be read: ") + err.Error())
	}
	ex.caveat.OnChanged = func(string) { ex.changed() }
	ex.from, ex.to = newDateEntry(), newDateEntry()
	ex.from.SetText(ui.Explorer.From.String())
	ex.to.SetText(ui.Explorer.To.String())
	ex.from.OnChanged = func(string) { ex.changed() }
	ex.to.OnChanged = func(string) { ex.changed() }
	checks := container.NewGridWithColumns(4)
	for _, e := range exportElements {
		c := widget.NewCheck(lang.L(e.Label), func(bool) { ex.changed() })
		c.SetChecked(true)
		ex.elements = append(ex.elements, c)
		checks.Add(c)
	}
	ex.worldFile = widget.NewCheck(lang.L("World file (.pgw + .prj)"), nil)
	ex.preview = canvas.NewImageFromImage(nil)
	ex.preview.FillMode = canvas.ImageFillContain
	ex.preview.SetMinSize(fyne.NewSize(320, 180))
	ex.overview = canvas.NewImageFromImage(nil)
	ex.overview.FillMode = canvas.ImageFillContain
	ex.overview.SetMinSize(fyne.NewSize(240, 135))

	caveat := widget.NewFormItem(lang.L("Caveat"), ex.caveat)
	caveat.HintText = lang.L("Filled in with the last export's (or snapshot command's); clear it for none")
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Dates"), container.NewHBox(dateBox(ex.from), widget.NewLabel(lang.L("to")), dateBox(ex.to))),
		widget.NewFormItem(lang.L("Format"), ex.format),
		widget.NewFormItem(lang.L("Size"), container.NewBorder(nil, nil, ex.size, nil,
			container.NewGridWithColumns(3, ex.width, widget.NewLabel("×"), ex.height))),
		widget.NewFormItem(lang.L("Series"), ex.series),
		widget.NewFormItem(lang.L("Title"), ex.title),
		widget.NewFormItem(lang.L("Subtitle"), ex.subtitle),
		caveat,
	)
	// The choices scroll and the preview shrinks, so the dialog fits a
	// small screen.
	choices := container.NewVScroll(container.NewVBox(form, checks, ex.worldFile))
	choices.SetMinSize(fyne.NewSize(0, 160))
	pictures := container.NewGridWithColumns(2,
		container.NewBorder(widget.NewLabel(lang.L("Preview")), nil, nil, nil, ex.preview),
		container.NewBorder(widget.NewLabel(lang.L("The page's extent on the map")), nil, nil, nil, ex.overview))
	panes := container.NewVSplit(choices, pictures)
	panes.SetOffset(0.55)
	content := container.NewBorder(nil, ex.status, nil, nil, panes)
	d := dialog.NewCustomWithoutButtons(lang.L("Export snapshot"), content, ui.Win)
	exportButton := widget.NewButtonWithIcon(lang.L("Export…"), theme.ConfirmIcon(), func() {
		ex.choosing = true
		ex.hide()
		ex.chooseFile()
	})
	exportButton.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{widget.NewButtonWithIcon(lang.L("Close"), theme.CancelIcon(), ex.hide), exportButton})
	d.SetOnClosed(func() {
		if ex.choosing {
			ex.choosing = false // hidden to choose a file: still in use
			return
		}
		ex.closed()
	})
	ex.dialog = d // the widgets are made: changes now redraw the preview
	return ex
}

// hide closes the dialog, first taking the focus from its fields (Fyne
// forgets a closed dialog's focus without telling the field, which then
// shows a cursor when the dialog opens again).
func (ex *Exporter) hide() {
	ex.ui.Win.Canvas().Unfocus()
	ex.dialog.Hide()
}

// closed ends the dialog's use: the map loses the page's outline and gets
// back the view it had when the dialog opened.
func (ex *Exporter) closed() {
	if !ex.open {
		return
	}
	ex.open = false
	ex.previews.cancel()
	ex.ui.extent.set(nil)
	ex.ui.Map.SetView(ex.before)
	ex.ui.updateLayers()
}

// show opens the dialog with a new preview and status, when given, in its
// status line. Opened anew, it takes the window's frame and date window
// (the map may have moved since it was last open) and its size from the
// window's, so it fits a small screen.
func (ex *Exporter) show(status string) {
	if !ex.open {
		ex.open = true
		ex.before = ex.ui.Map.View()
		ex.bound = ex.before.Bound()
		ex.from.SetText(ex.ui.Explorer.From.String())
		ex.to.SetText(ex.ui.Explorer.To.String())
		// A caveat the snapshot command remembered since: filled in,
		// unless the analyst has typed another here.
		if p, err := ex.loadPrefs(); err == nil && p.Caveat != ex.remembered && ex.caveat.Text == ex.remembered {
			ex.caveat.SetText(p.Caveat)
			ex.remembered = p.Caveat
		}
		if cs := ex.ui.Win.Canvas().Size(); cs.Width > 0 {
			ex.dialog.Resize(fyne.NewSize(min(900, cs.Width-24), min(820, cs.Height-24)))
		} else {
			ex.dialog.Resize(fyne.NewSize(900, 820))
		}
	}
	ex.dialog.Show()
	ex.changed()
	if status != "" {
		ex.status.SetText(status)
	}
}

// snapshot is the dialog's choices applied to what the window shows.
func (ex *Exporter) snapshot() (scene.Snapshot, error) {
	ui := ex.ui
	explorer := ui.Explorer
	bound := ex.bound
	if !ex.open {
		bound = ui.Map.View().Bound()
	}
	from, to, err := ParseDateWindow(ex.from.Text, ex.to.Text)
	if err != nil {
		return scene.Snapshot{}, err
	}
	o := scene.Snapshot{
		Format: scene.Format(strings.ToLower(ex.format.Selected)),
		Bound:  bound,
		From:   from, To: to,
		Filter:        explorer.Filter,
		Actor:         ui.Layers.Actor,
		HideRelations: !ui.Layers.ShowRelations,
		HideVisits:    !ui.Layers.ShowVisits,
		WorldFile:     ex.worldFile.Checked && ex.format.Selected == "PNG",
		Layout: layout.Options{
			Title:    strings.TrimSpace(ex.title.Text),
			Subtitle: strings.TrimSpace(ex.subtitle.Text),
			Caveat:   strings.TrimSpace(ex.caveat.Text),
		},
	}
	if ui.showNote && ui.Notes != nil {
		o.Annotations = ui.Notes.Layer.Shown()
	}
	for i, c := range ex.elements {
		if !c.Checked {
			o.Layout.Hide |= exportElements[i].E
		}
	}
	for _, s := range exportSizes {
		if lang.L(s.Label) == ex.size.Selected {
			o.Paper = s.Paper
		}
	}
	if o.Paper == "" {
		w, err1 := strconv.Atoi(strings.TrimSpace(ex.width.Text))
		h, err2 := strconv.Atoi(strings.TrimSpace(ex.height.Text))
		if err1 != nil || err2 != nil {
			return o, fmt.Errorf(lang.L("the custom size must be two whole numbers of pixels, each 1 to %d"), scene.MaxSide)
		}
		if err := scene.CheckSize(w, h); err != nil { // the command's limits too
			return o, err
		}
		o.Width, o.Height = w, h
	}
	switch ex.series.Selected {
	case lang.L("Every day"):
		o.Every = scene.StepDay
	case lang.L("Every week"):
		o.Every = scene.StepWeek
	case lang.L("Every month"):
		o.Every = scene.StepMonth
	}
	if o.Every != "" && o.Format == scene.FormatSVG {
		return o, fmt.Errorf("%s", lang.L("a series is written as a PDF (a page a step), a GIF or PNG frames: choose one of those"))
	}
	return o, nil
}

// changed asks for a new preview of the dialog's choices, drawn off the
// UI goroutine; a preview overtaken by newer choices is never shown.
func (ex *Exporter) changed() {
	if ex.dialog == nil {
		return // still making the widgets
	}
	o, err := ex.snapshot()
	if err != nil {
		ex.previews.cancel()
		ex.status.SetText(err.Error())
		return
	}
	ex.status.SetText("")
	// The preview is the snapshot itself, one raster frame at a reduced
	// size with the same proportions and layout.
	o.Progress = nil
	page := o
	w, h := o.Width, o.Height
	if p, ok := scene.Papers[o.Paper]; ok {
		w, h = p.Width, p.Height
	}
	o.Paper, o.Width, o.Height = "", 960, 960*h/max(w, 1)
	ex.previews.request(previewRequest{sc: ex.ui.sc, o: o, page: page}) // exports draw the window's map and data
}

// showPreview puts a drawn preview in the dialog, on the UI goroutine.
func (ex *Exporter) showPreview(r previewResult) {
	if r.err != nil {
		ex.status.SetText(lang.L("No preview: ") + r.err.Error())
		return
	}
	ex.preview.Image = r.img
	ex.preview.Refresh()
	ex.overview.Image = r.overview
	ex.overview.Refresh()
	if !ex.open || r.extent == (orb.Bound{}) {
		return
	}
	// Outline the page's extent on the map, moving the map out to show
	// it whole when it does not.
	extent := r.extent
	ex.ui.extent.set(&extent)
	if v := ex.ui.Map.View().Bound(); !v.Contains(extent.Min) || !v.Contains(extent.Max) {
		ex.ui.Map.FitBound(extent.Pad(0.08 * math.Max(extent.Max[0]-extent.Min[0], extent.Max[1]-extent.Min[1])))
	}
	ex.ui.updateLayers()
}

// chooseFile asks where to save, then exports in the background with a
// progress bar for a series.
func (ex *Exporter) chooseFile() {
	o, err := ex.snapshot()
	if err != nil {
		ex.ui.showError(err)
		ex.show(err.Error())
		return
	}
	ext := "." + string(o.Format)
	fd := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			ex.ui.showError(err)
			return
		}
		if w == nil {
			ex.show("") // cancelled: back to the choices
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
		ex.export(path, o)
	}, ex.ui.Win)
	fd.SetFileName("sahel-atlas" + ext)
	fd.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	fd.Show()
}

// export writes o to path in the background, then remembers its caveat
// and opens the dialog again, its choices kept, to export another format
// or size of the same map.
func (ex *Exporter) export(path string, o scene.Snapshot) {
	ex.ui.Status.SetText(lang.L("Exporting ") + path + "…")
	bar := widget.NewProgressBar()
	progress := dialog.NewCustomWithoutButtons(lang.L("Exporting"), container.NewVBox(widget.NewLabel(filepath.Base(path)), bar), ex.ui.Win)
	progress.Show()
	do := ex.do
	o.Progress = func(done, total int) {
		do(func() { bar.SetValue(float64(done) / float64(max(total, 1))) })
	}
	sc := ex.ui.sc // exports draw the window's map and data
	write, load, save := ex.write, ex.loadPrefs, ex.savePrefs
	go func() {
		err := write(sc, path, o)
		var prefErr error
		if err == nil {
			prefErr = rememberCaveat(load, save, o.Layout.Caveat)
		}
		do(func() {
			progress.Hide()
			if err == nil && prefErr == nil {
				ex.remembered = o.Layout.Caveat
			}
			ex.exported(path, err, prefErr)
		})
	}()
}

// exported says, on the UI goroutine, how an export went: the file was
// written or not; when it was, whether its caveat could be remembered.
func (ex *Exporter) exported(path string, err, prefErr error) {
	if err != nil {
		err = fmt.Errorf(lang.L("the snapshot was NOT written to %s: %w"), path, err)
		ex.show(err.Error())
		ex.ui.showError(err)
		return
	}
	status, msg := lang.L("Written: ")+path+lang.L(". Export another format or size of the same map: choose it and press Export… again."), lang.L("Exported ")+path
	if prefErr != nil {
		note := lang.L("The caveat could not be remembered for the next export: ") + prefErr.Error()
		status, msg = status+"\n"+note, msg+". "+note
	}
	ex.ui.Status.SetText(msg)
	ex.show(status)
	ex.ui.Win.Canvas().Focus(ex.format)
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
