package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
)

// menu is the window's main menu: File, View, Events and Annotations.
func (ui *Window) menu() *fyne.MainMenu {
	var items []*fyne.MenuItem
	for i, p := range Presets {
		name := p.Name
		items = append(items, withShortcut(fyne.NewMenuItem(lang.L(p.Label), func() { ui.ShowPreset(name) }), fyne.KeyName(fmt.Sprint(i+1))))
	}
	items = append(items, fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(lang.L("Zoom in (+)"), func() { ui.Map.ZoomBy(2) }),
		fyne.NewMenuItem(lang.L("Zoom out (−)"), func() { ui.Map.ZoomBy(0.5) }))
	notes := fyne.NewMenu(lang.L("Annotations"),
		withShortcut(fyne.NewMenuItem(lang.L("Add a pin"), func() { ui.Notes.startMode(modePin) }), fyne.KeyN),
		fyne.NewMenuItem(lang.L("Draw a line"), func() { ui.Notes.startMode(modeLine) }),
		fyne.NewMenuItem(lang.L("Draw an area"), func() { ui.Notes.startMode(modeArea) }),
		fyne.NewMenuItem(lang.L("Annotate the selected event"), func() {
			if e := ui.Explorer.Selected; e != nil {
				ui.Notes.AnnotateEvent(e)
			} else {
				ui.Status.SetText(lang.L("Select an event first."))
			}
		}),
		undoItem(fyne.NewMenuItem(lang.L("Undo delete"), func() { ui.Notes.undoDelete() })),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(lang.L("Author name…"), func() { ui.askAuthor(nil) }))
	file := fyne.NewMenu(lang.L("File"),
		withShortcut(fyne.NewMenuItem(lang.L("Import events…"), ui.Imports.ShowImport), fyne.KeyI),
		readArticleItem(ui),
		fyne.NewMenuItem(lang.L("Export events…"), ui.Imports.ShowExportEvents),
		fyne.NewMenuItemSeparator(),
		withShortcut(fyne.NewMenuItem(lang.L("Export snapshot…"), ui.ShowExport), fyne.KeyE))
	return fyne.NewMainMenu(file, fyne.NewMenu(lang.L("View"), append(items, fyne.NewMenuItemSeparator(), ui.languageItem())...), ui.eventsMenu(), notes)
}

// withShortcut gives a menu item the shortcut Ctrl (Cmd on macOS) + key.
func withShortcut(item *fyne.MenuItem, key fyne.KeyName) *fyne.MenuItem {
	item.Shortcut = &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
	return item
}

// undoItem gives a menu item Fyne's own undo shortcut: Ctrl+Z (Cmd+Z on
// macOS) arrives as fyne.ShortcutUndo, never as a custom shortcut, and a
// text field with focus keeps it for its own undo.
func undoItem(item *fyne.MenuItem) *fyne.MenuItem {
	item.Shortcut = &fyne.ShortcutUndo{}
	return item
}

// bindKeys routes keys typed while no text field has focus to the map, and
// registers the shortcut of every menu item (the menus only show them).
func (ui *Window) bindKeys() {
	c := ui.Win.Canvas()
	c.SetOnTypedKey(func(e *fyne.KeyEvent) {
		switch e.Name {
		case fyne.KeySpace:
			ui.Player.Toggle()
		case fyne.KeyPageDown:
			ui.StepNext()
		case fyne.KeyPageUp:
			ui.StepPrev()
		case fyne.KeyHome:
			ui.ShowAllDates()
		case fyne.KeyEscape:
			if !ui.Notes.Cancel() {
				ui.Explorer.Select(nil)
			}
		case fyne.KeyReturn, fyne.KeyEnter:
			ui.Notes.Finish()
		default:
			ui.Map.HandleKey(e.Name)
		}
	})
	c.SetOnTypedRune(func(r rune) { ui.Map.HandleRune(r) })
	for _, m := range ui.Win.MainMenu().Items {
		for _, item := range m.Items {
			if item.Shortcut != nil {
				action := item.Action
				c.AddShortcut(item.Shortcut, func(fyne.Shortcut) { action() })
			}
		}
	}
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) { ui.Search.Warm(); c.Focus(ui.Search.Entry) })
}
