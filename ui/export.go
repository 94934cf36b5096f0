package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
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
// so the file matches the preview and the window.
type Exporter struct {
	ui *Window

	format, size, series *widget.Select
	width, height        *widget.Entry
	title, subtitle      *widget.Entry
	caveat               *widget.Entry
	elements             []*widget.Check
	worldFile            *widget.Check
	preview              *canvas.Image
	status               *widget.Label

	previewGen atomic.Uint64
}

// ShowExport opens the Export dialog (File → Export snapshot…, Ctrl+E).
func (ui *Window) ShowExport() {
	x := &Exporter{ui: ui}
	x.format = widget.NewSelect([]string{"PNG", "SVG", "PDF", "GIF"}, func(string) { x.changed() })
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
	x.size = widget.NewSelect(labels, func(label string) {
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
	x.series = widget.NewSelect([]string{"One snapshot", "Every day", "Every week", "Every month"}, func(string) { x.changed() })
	x.series.SetSelected("One snapshot")
	x.title = widget.NewEntry()
	x.title.SetPlaceHolder("Title")
	x.title.OnChanged = func(string) { x.changed() }
	x.subtitle = widget.NewEntry()
	x.subtitle.SetPlaceHolder("Subtitle (default: the date window)")
	x.subtitle.OnChanged = func(string) { x.changed() }
	x.caveat = widget.NewEntry()
	x.caveat.SetPlaceHolder("Caveat, e.g. UNCLASSIFIED // FOR TRAINING")
	if p, err := prefs.LoadSnapshot(); err == nil {
		x.caveat.SetText(p.Caveat)
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
	x.status = widget.NewLabel("")
	x.status.Wrapping = fyne.TextWrapWord

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
	var d dialog.Dialog
	d = dialog.NewCustomConfirm("Export snapshot", "Export…", "Close", content, func(ok bool) {
		if ok {
			x.chooseFile(d)
		}
	}, ui.Win)
	d.Resize(fyne.NewSize(900, 820))
	d.Show()
	x.changed()
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
		if err1 != nil || err2 != nil || w < 200 || h < 150 || w > 20000 || h > 20000 {
			return o, fmt.Errorf("the custom size must be two whole numbers of pixels, from 200×150 to 20000×20000")
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

// changed renders a new preview in the background; a preview finished
// after a newer one was asked for is dropped.
func (x *Exporter) changed() {
	if x.preview == nil || x.status == nil {
		return // still building the dialog
	}
	o, err := x.snapshot()
	if err != nil {
		x.status.SetText(err.Error())
		return
	}
	x.status.SetText("")
	gen := x.previewGen.Add(1)
	// The preview is the snapshot itself, one raster frame at a reduced
	// size with the same proportions and layout.
	o.Progress = nil
	w, h := o.Width, o.Height
	if p, ok := scene.Papers[o.Paper]; ok {
		w, h = p.Width, p.Height
	}
	o.Paper, o.Width, o.Height = "", 960, 960*h/max(w, 1)
	sc := x.ui.sc // exports draw the window's map and data
	go func() {
		img, err := scene.Render(sc, o)
		fyne.Do(func() {
			if x.previewGen.Load() != gen {
				return // a newer preview is on its way
			}
			if err != nil {
				x.status.SetText("No preview: " + err.Error())
				return
			}
			x.preview.Image = img
			x.preview.Refresh()
		})
	}()
}

// chooseFile asks where to save, then exports in the background with a
// progress bar for a series.
func (x *Exporter) chooseFile(parent dialog.Dialog) {
	o, err := x.snapshot()
	if err != nil {
		x.ui.showError(err)
		return
	}
	ext := "." + string(o.Format)
	save := func(path string) {
		if o.Every != "" && o.Format == scene.FormatPNG {
			path = strings.TrimSuffix(path, ext) // numbered frames go in a folder
		}
		x.export(path, o)
	}
	fd := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			x.ui.showError(err)
			return
		}
		if w == nil {
			return // cancelled
		}
		path := w.URI().Path()
		w.Close()
		os.Remove(path) // the save dialog made an empty file; the export writes its own, atomically
		if !strings.EqualFold(filepath.Ext(path), ext) && !(o.Every != "" && o.Format == scene.FormatPNG) {
			path += ext
		}
		save(path)
	}, x.ui.Win)
	fd.SetFileName("sahel-atlas" + ext)
	fd.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	fd.Show()
}

func (x *Exporter) export(path string, o scene.Snapshot) {
	x.ui.Status.SetText("Exporting " + path + "…")
	bar := widget.NewProgressBar()
	progress := dialog.NewCustomWithoutButtons("Exporting", container.NewVBox(widget.NewLabel(filepath.Base(path)), bar), x.ui.Win)
	progress.Show()
	o.Progress = func(done, total int) {
		fyne.Do(func() { bar.SetValue(float64(done) / float64(max(total, 1))) })
	}
	sc := x.ui.sc // exports draw the window's map and data
	go func() {
		err := scene.Write(sc, path, o)
		if err == nil && o.Layout.Caveat != "" {
			err = prefs.SaveSnapshot(prefs.Snapshot{Caveat: o.Layout.Caveat})
		}
		fyne.Do(func() {
			progress.Hide()
			if err != nil {
				x.ui.showError(fmt.Errorf("the snapshot was NOT written to %s: %w", path, err))
				return
			}
			x.ui.Status.SetText("Exported " + path)
			dialog.ShowInformation("Exported", "Written: "+path, x.ui.Win)
		})
	}()
}
