package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// choice is a widget.Select that never opens its pop-up where Fyne 2.7.1
// would crash: Select.showPopUp asks the driver for the select's canvas,
// which is nil while the select is not (or no longer) in a window's tree,
// and the pop-up menu then panics in its renderer (fyne issue 5965, fixed
// after 2.7.1, the newest version served here). With no canvas the choice
// opens its menu on its window's canvas instead, and with no options it
// opens nothing.
type choice struct {
	widget.Select
	canvas func() fyne.Canvas // the window's canvas, the fallback; may return nil
}

// newChoice makes a choice of options calling changed, whose pop-up falls
// back to the canvas of the app's first window.
func newChoice(options []string, changed func(string)) *choice {
	c := &choice{canvas: appCanvas}
	c.Options, c.OnChanged = options, changed
	c.ExtendBaseWidget(c)
	return c
}

// Tapped opens the menu as widget.Select does, when it safely can.
func (c *choice) Tapped(ev *fyne.PointEvent) {
	if c.Disabled() {
		return
	}
	if c.ownCanvas() != nil {
		c.Select.Tapped(ev)
		return
	}
	c.showOnWindow()
}

// TypedKey opens the menu for Space, Up and Down as widget.Select does,
// when it safely can, and steps with Left and Right; other keys go to the
// window.
func (c *choice) TypedKey(ev *fyne.KeyEvent) {
	if c.Disabled() {
		return
	}
	switch ev.Name {
	case fyne.KeySpace, fyne.KeyUp, fyne.KeyDown:
		if c.ownCanvas() == nil {
			c.showOnWindow()
			return
		}
	case fyne.KeyLeft, fyne.KeyRight:
	default:
		// Keys a select has no use for (Home, Page Up, Escape…) reach the
		// window's own handler, as they would with nothing focused.
		if cv := c.windowCanvas(); cv != nil && cv.OnTypedKey() != nil {
			cv.OnTypedKey()(ev)
			return
		}
	}
	c.Select.TypedKey(ev)
}

// ownCanvas is the canvas the select is drawn on, or nil when it is not in
// a window's tree or has nothing to offer.
func (c *choice) ownCanvas() fyne.Canvas {
	if len(c.Options) == 0 {
		return nil
	}
	app := fyne.CurrentApp()
	if app == nil {
		return nil
	}
	return app.Driver().CanvasForObject(c)
}

// windowCanvas is the canvas the choice is on, else the fallback's.
func (c *choice) windowCanvas() fyne.Canvas {
	if app := fyne.CurrentApp(); app != nil {
		if cv := app.Driver().CanvasForObject(c); cv != nil {
			return cv
		}
	}
	if c.canvas != nil {
		return c.canvas()
	}
	return nil
}

// showOnWindow shows the options in a menu on the window's canvas, under
// the select, or does nothing when there is no option or no canvas.
func (c *choice) showOnWindow() {
	if len(c.Options) == 0 || c.canvas == nil {
		return
	}
	cv := c.canvas()
	if cv == nil {
		return
	}
	items := make([]*fyne.MenuItem, len(c.Options))
	for i, text := range c.Options {
		items[i] = fyne.NewMenuItem(text, func() { c.SetSelected(text) })
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(c).Add(fyne.NewPos(0, c.Size().Height))
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), cv, pos)
}

// appCanvas is the canvas of the app's first window (the main window, over
// which dialogs are drawn), or nil.
func appCanvas() fyne.Canvas {
	app := fyne.CurrentApp()
	if app == nil {
		return nil
	}
	if ws := app.Driver().AllWindows(); len(ws) > 0 {
		return ws[0].Canvas()
	}
	return nil
}
