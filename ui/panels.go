package ui

import (
	"time"

	"fyne.io/fyne/v2"

	"github.com/sahelatlas/sahelatlas/geo"
)

// lag is what follows a dragged or playing timeline late.
type lag struct {
	panelsDirty bool          // the list and the date line lag the Explorer's window
	panelsDue   bool          // catchUpLater will bring them in line
	panelsAt    time.Time     // when, at the latest
	legendLag   *geo.Viewport // the view of a frame whose legend is not shown yet
	legendRows  []legendRow   // the legend's rows, reused while they show the same item
}

// frameShown runs on the UI goroutine after each map frame is shown: it
// logs the frame (EnvFrameLog), draws the timeline's window where a drag
// or playback moved it, and brings the legend in line.
func (ui *Window) frameShown(v geo.Viewport) {
	ui.Timeline.ShowMoves()
	if ui.idle != nil {
		ui.idle.frame()
	}
	what := "frame"
	if ui.frames.takeMark(ui.Map.image.Image) {
		what = "events"
	}
	if ui.storeLater {
		ui.storeLater = false
		ui.loadStoreLater()
	}
	if n := ui.synthetic; n > 0 {
		ui.synthetic = 0
		ui.loadSynthetic(n)
	}
	if ui.frameLog.mark(what, len(ui.Explorer.Filtered())) == 1 {
		ui.frameLog.place(map[string]fyne.CanvasObject{"timeline": ui.Timeline, "speed": ui.speed, "play": ui.play, "map": ui.Map})
	}
	if ui.live() {
		// The legend's rows (the density classes change every step) are
		// widgets: rebuilt with the list, not every frame; with this
		// frame when due before the next, so that the window is
		// repainted once for both.
		ui.legendLag = &v
		ui.catchUpLater()
		ui.catchUp()
		return
	}
	ui.legendLag = nil
	ui.updateLegend(v)
}

// live reports whether the timeline is being dragged or plays: the map
// then follows every step, the panels every panelDelay.
func (ui *Window) live() bool { return ui.Timeline.Dragging() || ui.Player.Playing() }

// followLive, while the timeline is dragged or plays, redraws the map
// for a change of the window at once and leaves the list and the date
// line for panelsLater (setting their text takes longer than a frame with
// many events). It reports whether it did.
func (ui *Window) followLive(c Change) bool {
	if c != ChangeWindow || !ui.live() {
		return false
	}
	if ui.Notes != nil {
		ui.Notes.Layer.SetWindow(ui.Explorer.From, ui.Explorer.To)
	}
	ui.updateLayers()
	ui.panelsLater()
	return true
}

// panelDelay is how often the list and the date line follow a dragged
// timeline.
const panelDelay = 125 * time.Millisecond

// playPanelDelay is how often they follow a playing timeline, twice a
// second. Each time about 25 rows of the list show other events: with
// imported events every row's title is its own, so each is shaped and
// drawn anew (synthetic events repeat theirs, and most rows kept their
// text), and the window's events are listed again; at 10× the window
// moves 35 days between two catch-ups, faster than anyone reads a row.
// Playback paused, they catch up at once (catchUpNow).
const playPanelDelay = 500 * time.Millisecond

// followDelay is how long the list, the date line and the legend lag a
// timeline moving now: panelDelay when dragged, playPanelDelay when it
// only plays.
func (ui *Window) followDelay() time.Duration {
	if ui.Player.Playing() && !ui.Timeline.Dragging() {
		return playPanelDelay
	}
	return panelDelay
}

// panelsLater brings the list and the date line in line with the
// Explorer's window panelDelay from now, once for any number of changes
// meanwhile.
func (ui *Window) panelsLater() {
	ui.panelsDirty = true
	ui.catchUpLater()
}

// panelSlack is how early a frame shown brings the panels in line when
// they are due before the next frame would come.
const panelSlack = 40 * time.Millisecond

// catchUpLater, followDelay from now (or with the frame shown just
// before), brings in line what lags: the list and the date line
// (panelsDirty), the legend (legendLag).
func (ui *Window) catchUpLater() {
	if ui.panelsDue {
		return
	}
	d := ui.followDelay()
	ui.panelsDue = true
	ui.panelsAt = time.Now().Add(d)
	time.AfterFunc(d, func() { ui.do(ui.catchUp) })
}

// catchUpNow brings in line at once what lags, as when playback is
// paused: the analyst reads the list of the window the map shows.
func (ui *Window) catchUpNow() {
	if ui.panelsDue {
		ui.panelsAt = time.Now()
		ui.catchUp()
	}
}

// catchUp brings in line what lags if catchUpLater asked for it and it is
// due within panelSlack (a frame may have done it already, and a timer
// of an earlier request may come early for a later one).
func (ui *Window) catchUp() {
	if !ui.panelsDue || time.Until(ui.panelsAt) >= panelSlack {
		return
	}
	ui.panelsDue = false
	if ui.panelsDirty {
		ui.panelsDirty = false
		ui.explorerChanged(ChangeWindow | changePanels)
	}
	if v := ui.legendLag; v != nil {
		ui.legendLag = nil
		ui.updateLegend(*v)
	}
}
