package ui

import (
	"fmt"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/scene"
)

// Window is Sahel Atlas's main window: the map with its view presets, the
// timeline, the event list, the details, the filters, the search box and
// the status bar.
type Window struct {
	App        fyne.App
	Win        fyne.Window
	Atlas      *geo.Atlas
	Map        *MapView
	Explorer   *Explorer
	Timeline   *Timeline
	Player     *Player
	List       *EventList
	Details    *Details
	Filters    *Filters
	Search     *SearchBox
	Status     *widget.Label
	Coords     *widget.Label
	DateWindow *widget.Label // the date window and the count of events in it
	Layers     *scene.Layers // the time layers drawn over the base map
	Notes      *Notes        // the analyst's annotations
	frames     *sceneRenderer
	idle       *idleRelease // hands memory back when the map is still (the real window only)
	sc         *scene.Scene
	Imports    *Imports
	clustering bool
	sideTabs   *container.AppTabs
	side       *sidePane
	Dates      *DateFields // the From and To fields beside the timeline
	showNote   bool
	do         func(func()) // runs work on the UI goroutine: fyne.Do, or a test's queue

	play      *widget.Button
	tip       *tooltip
	legend    *fyne.Container
	legendKey string
	exporter  *Exporter    // the Export dialog, its choices kept for the session
	extent    *extentLayer // outlines an exported page's extent while the Export dialog is open
	reader    *Reader      // the Read an article window, while it is open
	// editedEvent is the analyst's event as it was before its last edit,
	// for Undo edit event.
	editedEvent *data.MyEvent

	speed   *choice // playback speed
	loading         // events loading in the background
	lag             // what follows a dragged or playing timeline late
}

// Presets are the named views offered in the toolbar and the View menu, in order.
var Presets = []struct{ Name, Label string }{
	{"sahel", "Sahel"}, {"mali", "Mali"}, {"sudan", "Sudan"}, {"france", "France"}, {"world", "World"},
}

// Build makes the window's content and menus on w.
func Build(a fyne.App, w fyne.Window, opts Options) (*Window, error) {
	sc, err := scene.Load()
	if err != nil {
		return nil, err
	}
	start, err := geo.ViewBound(opts.View, sc.Atlas)
	if err != nil {
		return nil, err
	}
	ui := &Window{App: a, Win: w, Atlas: sc.Atlas,
		Status: widget.NewLabel(""), Coords: widget.NewLabel(""), DateWindow: widget.NewLabel("")}
	ui.Imports = newImports(ui, sc.Data, opts.Workspace)
	if opts.Synthetic == 0 && ui.Imports.shownCount() > lazyImportEvents {
		ui.storeLater = true // the map first, with the bundled events
	} else if opts.Synthetic == 0 {
		if d, err := ui.Imports.dataset(); err != nil {
			fmt.Fprintln(os.Stderr, "sahelatlas:", err) // shown again in the window when it reloads
		} else {
			sc.Data = d // the bundled events with those of the imported layers
		}
	}
	ui.sc = sc
	ui.Explorer = NewExplorer(sc.Data)
	first, last := ui.Explorer.Span()
	if ui.Layers, err = sc.NewLayers(last); err != nil {
		return nil, err
	}
	ui.tip, ui.legend, ui.extent = newTooltip(), container.NewVBox(), &extentLayer{}
	ui.frames = newSceneRenderer(sc.Map)
	if memoryTuning {
		ui.idle = newIdleRelease()
	}
	do := opts.do
	if do == nil {
		do = fyne.Do
	}
	ui.do, ui.Imports.do = do, do // merges hand their result to the UI goroutine as frames do
	ui.Map = newMapView(ui.frames, geo.Viewport{Center: start.Center(), Zoom: 3}, do)
	ui.Map.OnHover = ui.mapHover
	ui.Map.OnHoverOut = ui.tip.hide
	ui.Map.OnTapped = ui.mapTapped
	ui.Map.OnSecondaryTapped = ui.mapMenu
	ui.frameLog, ui.progress = openFrameLog(), newProgress()
	ui.Map.OnFrame = ui.frameShown
	ui.Map.FitBound(start)
	ui.Notes, ui.showNote = newNotes(ui, opts.Workspace), true
	ui.Map.OnDoubleTapped = ui.Notes.doubleTapped
	ui.Map.OnViewChanged = func(geo.Viewport) {
		ui.showZoom()
		ui.Notes.refreshLayer()
	}

	ui.Timeline = NewTimeline(first, last)
	ui.Timeline.OnChanged = ui.Explorer.SetWindow
	ui.Timeline.Deferred = ui.live // drawn with the map's frames (frameShown)
	ui.Dates = NewDateFields(ui.Timeline, ui.Status.SetText)
	ui.Player = NewPlayer(ui.Timeline)
	ui.Player.do = ui.do
	ui.List = NewEventList(ui.Explorer)
	ui.List.OnChosen = ui.bringIntoView
	ui.Details = NewDetails(ui.Explorer)
	ui.Filters = NewFilters(ui.Explorer, ui.countryName)
	ui.Details.OnActor = ui.Filters.FilterToActor
	ui.Details.OnAnnotate = ui.Notes.AnnotateEvent
	ui.Details.OnEdit, ui.Details.OnArticle = ui.editOrCorrect, ui.showArticle
	ui.Search = NewSearchBox(Searcher{Data: sc.Data, Atlas: sc.Atlas, Gaz: BundledGazetteer})
	ui.Search.OnPicked = ui.pickResult
	ui.Explorer.OnChange = ui.explorerChanged

	w.SetContent(ui.layout())
	w.SetMainMenu(ui.menu())
	ui.bindKeys()
	ui.explorerChanged(ChangeWindow | ChangeFilter | ChangeSelection)
	// Try the map with many events: a synthetic dataset in place of the
	// bundled one, made once the first map is on screen.
	ui.synthetic = opts.Synthetic
	return ui, nil
}

func (ui *Window) layout() fyne.CanvasObject {
	toolbar := container.NewHBox()
	for _, p := range Presets {
		name := p.Name
		toolbar.Add(widget.NewButton(lang.L(p.Label), func() { ui.ShowPreset(name) }))
	}
	toolbar.Add(widget.NewSeparator())
	toolbar.Add(widget.NewButton("−", func() { ui.Map.ZoomBy(0.5) }))
	toolbar.Add(widget.NewButton("+", func() { ui.Map.ZoomBy(2) }))

	ui.play = widget.NewButtonWithIcon(lang.L("Play"), theme.MediaPlayIcon(), ui.Player.Toggle)
	ui.Player.OnChange = func(playing bool) {
		if playing {
			ui.play.SetText(lang.L("Pause"))
			ui.play.SetIcon(theme.MediaPauseIcon())
		} else {
			ui.play.SetText(lang.L("Play"))
			ui.play.SetIcon(theme.MediaPlayIcon())
			ui.catchUpNow() // paused: the list and the date line show the window at once
		}
	}
	speeds := make([]string, len(Speeds))
	for i, s := range Speeds {
		speeds[i] = s.Label
	}
	speed := newChoice(speeds, func(label string) {
		for _, s := range Speeds {
			if s.Label == label {
				ui.Player.SetSpeed(s.Days)
			}
		}
		// Give the keys back to the map: Space plays, Home shows all dates.
		ui.Win.Canvas().Unfocus()
	})
	speed.SetSelected(Speeds[1].Label)
	ui.speed = speed
	ui.DateWindow.Truncation = fyne.TextTruncateEllipsis // the window narrows it rather than growing
	controls := container.NewBorder(nil, nil, container.NewHBox(
		widget.NewButtonWithIcon("", theme.MediaSkipPreviousIcon(), ui.StepPrev), ui.play,
		widget.NewButtonWithIcon("", theme.MediaSkipNextIcon(), ui.StepNext),
		speed, widget.NewButton(lang.L("All dates"), ui.ShowAllDates), ui.Dates.Container), nil, ui.DateWindow)
	timeline := container.NewBorder(controls, nil, nil, nil, ui.Timeline)
	status := container.NewBorder(nil, nil, container.NewHBox(ui.Status, ui.progress), ui.Coords)
	bottom := container.NewVBox(timeline, status)

	layers := container.NewHBox(
		widget.NewCheck(lang.L("Relations"), func(on bool) { ui.Layers.ShowRelations = on; ui.updateLayers() }),
		widget.NewCheck(lang.L("Visits"), func(on bool) { ui.Layers.ShowVisits = on; ui.updateLayers() }),
		widget.NewCheck(lang.L("Clusters"), func(on bool) { ui.clustering = on; ui.Layers.Events.SetClustering(on); ui.updateLayers() }),
		widget.NewCheck(lang.L("Notes"), func(on bool) { ui.showNote = on; ui.updateLayers() }))
	for _, o := range layers.Objects {
		o.(*widget.Check).SetChecked(true)
	}
	top := container.NewBorder(nil, nil, container.NewHBox(toolbar, layers), nil, ui.Search.Entry)

	results := container.NewStack(canvas.NewRectangle(theme.Color(theme.ColorNameBackground)), container.NewBorder(
		container.NewBorder(nil, nil, widget.NewLabelWithStyle(lang.L("Search results"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			widget.NewButton(lang.L("Clear"), ui.Search.Clear)), nil, nil, nil, ui.Search.List))
	results.Hide()
	ui.Search.OnResults = func(showing bool) {
		if showing {
			results.Show()
		} else {
			results.Hide()
		}
	}
	listPane := container.NewStack(container.NewBorder(ui.Filters.Container, nil, nil, nil, ui.List.List), results)
	ui.side = ui.newSidePane(listPane,
		container.NewTabItem(lang.L(tabDetails), container.NewVScroll(ui.Details.Container)),
		container.NewTabItem(lang.L(tabLegend), container.NewVScroll(ui.legend)),
		container.NewTabItem(lang.L(tabAnnotations), ui.Notes.Panel),
		container.NewTabItem(lang.L(tabImports), ui.Imports.Panel))
	side := ui.side.box
	mapPane := container.NewStack(ui.Map, container.NewWithoutLayout(ui.tip.box))
	main := container.NewHSplit(mapPane, side)
	main.SetOffset(0.72)
	return container.NewBorder(top, bottom, nil, nil, main)
}

// explorerChanged brings every panel in line with the Explorer (while
// the timeline is dragged or plays, see followLive).
func (ui *Window) explorerChanged(c Change) {
	x := ui.Explorer
	if ui.followLive(c) {
		return
	}
	ui.panelsDirty = false
	if c&ChangeFilter != 0 {
		ui.Timeline.SetHistogram(x.Filtered())
		ui.Filters.Sync()
	}
	if c&(ChangeWindow|ChangeFilter) != 0 {
		text := fmt.Sprintf(lang.L("%s – %s · %d events"), FormatDate(x.From), FormatDate(x.To), len(x.InWindow()))
		if n := len(x.Undated()); n > 0 {
			text += fmt.Sprintf(lang.L(" (+%d with no date, at the end of the list)"), n)
		}
		ui.DateWindow.SetText(text)
		ui.Dates.Sync()
	}
	if c&ChangeSelection != 0 {
		ui.Details.Show(x.Selected)
		if x.Selected != nil && (ui.side == nil || !ui.side.collapsed || ui.sideTabs.Selected() != ui.side.events) {
			ui.showTab(tabDetails) // collapsed, a choice in the Events tab keeps the list in front
		}
	}
	if c&ChangeWindow != 0 && ui.Notes != nil {
		ui.Notes.Layer.SetWindow(x.From, x.To)
	}
	ui.List.Sync()
	if c&changePanels == 0 { // else the map has it already
		ui.updateLayers()
	}
}

// bringIntoView pans the map so e's place is in view (zooming in when the
// map shows too much of the world to pick it out).
func (ui *Window) bringIntoView(e *data.Event) {
	p := e.At()
	v := ui.Map.View()
	w, h := v.PixelSize()
	x, y := v.Project(p)
	inside := x > 0.1*float64(w) && x < 0.9*float64(w) && y > 0.1*float64(h) && y < 0.9*float64(h)
	if inside && v.Zoom >= 3 {
		return
	}
	v.Center = p
	if v.Zoom < 3 {
		v.Zoom = 4
	}
	ui.Map.SetView(v)
}

// pickResult flies the map to a search result and selects it.
func (ui *Window) pickResult(r SearchResult) {
	switch {
	case r.Event != nil:
		if r.Event.Dated() && !r.Event.Overlaps(ui.Explorer.From, ui.Explorer.To) {
			ui.ShowAllDates()
		}
		ui.Explorer.Select(r.Event)
		ui.bringIntoView(r.Event)
	case r.Actor != nil:
		ui.Filters.FilterToActor(r.Actor)
	case r.Place != nil:
		v := ui.Map.View()
		v.Center, v.Zoom = r.Place.Point, max(v.Zoom, 6)
		ui.Map.SetView(v)
	case r.Country != nil:
		b, err := geo.ViewBound(strings.ToLower(r.Country.Name), ui.Atlas)
		if err != nil {
			b = r.Country.Bound
		}
		ui.Map.FitBound(b)
	}
}

// ShowAllDates widens the date window to the whole span.
func (ui *Window) ShowAllDates() {
	first, last := ui.Timeline.Span()
	ui.Timeline.SetWindow(first, last)
}

// StepNext moves the window so that it ends on the next event's start.
func (ui *Window) StepNext() {
	_, to := ui.Timeline.Window()
	ui.stepTo(ui.Explorer.NextEventAfter(to))
}

// StepPrev moves the window so that it ends on the previous event's start.
func (ui *Window) StepPrev() {
	_, to := ui.Timeline.Window()
	ui.stepTo(ui.Explorer.PrevEventBefore(to))
}

// stepTo moves the window, keeping its width, to end on e's start, and
// selects e; nil (no event that way) does nothing.
func (ui *Window) stepTo(e *data.Event) {
	if e == nil {
		return
	}
	from, to := ui.Timeline.Window()
	d := e.Start.Days() - to.Days()
	ui.Timeline.setWindow(from.Days()+d, to.Days()+d)
	ui.Explorer.Select(e)
}

func (ui *Window) countryName(code string) string {
	if c := ui.Atlas.Country(code); c != nil {
		return countryIn(c.Code, c.Name)
	}
	return code
}

// ShowPreset moves the map to a named view.
func (ui *Window) ShowPreset(name string) {
	b, err := geo.ViewBound(name, ui.Atlas)
	if err != nil {
		ui.Status.SetText(err.Error())
		return
	}
	ui.Map.FitBound(b)
}

func (ui *Window) showZoom() {
	ui.Status.SetText(fmt.Sprintf(lang.L("zoom %s"), decimal(ui.Map.View().Zoom, 1)))
}

// mapMenu is the map's right-click menu: a new event or a note here.
func (ui *Window) mapMenu(p orb.Point, pos fyne.Position) {
	menu := fyne.NewMenu("",
		fyne.NewMenuItem(lang.L("New event here"), func() { ui.ShowNewEvent(&p) }),
		fyne.NewMenuItem(lang.L("Add a note here"), func() { ui.Notes.edit(data.Annotation{Geometry: p}, false) }),
		fyne.NewMenuItem(lang.L("Start a line here"), func() { ui.Notes.startMode(modeLine); ui.Notes.tapped(p, 0, 0) }),
		fyne.NewMenuItem(lang.L("Start an area here"), func() { ui.Notes.startMode(modeArea); ui.Notes.tapped(p, 0, 0) }),
	)
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(ui.Map).Add(pos)
	widget.ShowPopUpMenuAtPosition(menu, ui.Win.Canvas(), at)
}

// askAuthor sets the name written on every annotation and its exports,
// empty for none; then, when set, runs after the dialog closes either way.
func (ui *Window) askAuthor(then func()) {
	e := widget.NewEntry()
	e.SetText(ui.App.Preferences().String(authorPref))
	e.SetPlaceHolder(lang.L("Leave empty to sign nothing"))
	note := widget.NewLabel(lang.L("Your name is written on the annotations you save and in their exports."))
	note.Wrapping = fyne.TextWrapWord
	dialog.ShowForm(lang.L("Author name"), lang.L("Save"), lang.L("Cancel"), []*widget.FormItem{
		widget.NewFormItem("", note), widget.NewFormItem(lang.L("Name"), e)}, func(ok bool) {
		if ok {
			ui.App.Preferences().SetString(authorPref, strings.TrimSpace(e.Text))
		}
		if then != nil {
			then()
		}
	}, ui.Win)
}

// showError tells the analyst what went wrong.
func (ui *Window) showError(err error) {
	ui.Status.SetText(err.Error())
	dialog.ShowError(err, ui.Win)
}

// setData replaces the window's events (the bundled ones merged with the
// shown imported layers): the timeline's span, the filters' choices, the
// search, the map's layers and the exports all follow.
func (ui *Window) setData(d *data.Dataset) {
	sc := *ui.sc // exports under way keep the scene they started with
	sc.Data = d
	ui.sc = &sc
	x := ui.Explorer
	oldFirst, oldLast := x.Span()
	wasAll := x.From == oldFirst && x.To == oldLast
	first, last := d.Span()
	layers, err := sc.NewLayers(last)
	if err != nil {
		ui.showError(err)
		return
	}
	layers.ShowRelations, layers.ShowVisits = ui.Layers.ShowRelations, ui.Layers.ShowVisits
	layers.Events.SetClustering(ui.clustering)
	ui.Layers = layers
	ui.Search.setData(d)
	ui.Timeline.SetSpan(first, last)
	ui.Filters.SetOptions()
	x.SetData(d)
	if wasAll {
		ui.Timeline.SetWindow(first, last) // the whole span stays the whole span
	}
	ui.loaded()
}
