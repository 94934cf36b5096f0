package ui

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/store"
	"github.com/sahelatlas/sahelatlas/geo/overlay"
)

// drawMode is what a click on the map does.
type drawMode int

const (
	modeBrowse drawMode = iota // clicks select events and annotations
	modePin                    // the next click places a pin
	modeLine                   // clicks add vertices of a line
	modeArea                   // clicks add vertices of an area
)

// authorPref is the preference key of the analyst's name, empty unless
// given; authorAskedPref records that the window asked for it once, before
// the first annotation was saved.
const (
	authorPref      = "author"
	authorAskedPref = "author-asked"
)

// Colours offered for annotations.
var annotationColours = []struct{ Name, Hex string }{
	{"Purple", "#8e24aa"}, {"Red", "#d32f2f"}, {"Orange", "#ef6c00"}, {"Green", "#2e7d32"},
	{"Blue", "#1565c0"}, {"Black", "#212121"},
}

// Notes is the annotations part of the window: the store, the map layer,
// the list with its search, drawing modes, the editor and undo of deletes.
type Notes struct {
	ui    *Window
	Store *store.Store
	Layer *overlay.AnnotationLayer

	all      []data.Annotation // every annotation, by id
	shown    []data.Annotation // the list's rows after the search
	selected string
	deleted  []data.Annotation // undo stack of deletes

	mode  drawMode
	draft orb.LineString

	search *widget.Entry
	list   *widget.List
	hint   *widget.Label
	Panel  fyne.CanvasObject
}

func newNotes(ui *Window, s *store.Store) *Notes {
	n := &Notes{ui: ui, Store: s, Layer: overlay.NewAnnotationLayer(), hint: widget.NewLabel("")}
	n.hint.Wrapping = fyne.TextWrapWord
	n.search = widget.NewEntry()
	n.search.SetPlaceHolder(lang.L("Search annotations"))
	n.search.OnChanged = func(string) { n.refreshList() }
	n.list = widget.NewList(
		func() int { return len(n.shown) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("an annotation title for sizing · 2025")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(n.shown) {
				o.(*widget.Label).SetText(noteLine(n.shown[id]))
			}
		})
	n.list.OnSelected = func(id widget.ListItemID) {
		if id < len(n.shown) {
			n.choose(n.shown[id].ID, true)
		}
	}
	buttons := container.NewGridWithColumns(3,
		widget.NewButton(lang.L("Pin"), func() { n.startMode(modePin) }),
		widget.NewButton(lang.L("Line"), func() { n.startMode(modeLine) }),
		widget.NewButton(lang.L("Area"), func() { n.startMode(modeArea) }),
		widget.NewButton(lang.L("Edit…"), func() { n.editSelected() }),
		widget.NewButton(lang.L("Delete"), func() { n.deleteSelected() }),
		widget.NewButton(lang.L("Undo delete"), func() { n.undoDelete() }),
	)
	top := container.NewVBox(buttons, n.hint, n.search)
	if s == nil {
		top = container.NewVBox(widget.NewLabel(lang.L("Annotations are off: no workspace store is open.")))
	}
	n.Panel = container.NewBorder(top, nil, nil, nil, n.list)
	n.reload()
	return n
}

func noteLine(a data.Annotation) string {
	kind := "pin"
	switch a.Geometry.(type) {
	case orb.LineString:
		kind = "line"
	case orb.Polygon:
		kind = "area"
	}
	s := a.Title + " · " + kind
	if !a.From.IsZero() {
		s += " · " + FormatDate(a.From)
	}
	return s
}

// reload reads every annotation from the store and redraws.
func (n *Notes) reload() {
	if n.Store == nil {
		return
	}
	all, err := n.Store.List()
	if err != nil {
		n.ui.showError(fmt.Errorf(lang.L("cannot read the annotations: %w"), err))
		return
	}
	n.all = all
	n.refreshList()
	n.refreshLayer()
}

// refreshLayer gives the map the annotations in view, found with the
// store's spatial index.
func (n *Notes) refreshLayer() {
	if n.Store == nil {
		return
	}
	v := n.ui.Map.View()
	var in []data.Annotation
	if v.Width > 0 {
		var err error
		if in, err = n.Store.InView(v.Bound()); err != nil {
			n.ui.showError(fmt.Errorf(lang.L("cannot read the annotations in view: %w"), err))
			return
		}
	} else {
		in = n.all
	}
	n.Layer.SetAnnotations(in)
	n.Layer.SetWindow(n.ui.Explorer.From, n.ui.Explorer.To)
}

func (n *Notes) refreshList() {
	q := strings.Fields(data.Fold(n.search.Text))
	n.shown = n.shown[:0]
	for _, a := range n.all {
		text := data.Fold(a.Title + " " + a.Text + " " + strings.Join(a.Tags, " "))
		ok := true
		for _, w := range q {
			if !strings.Contains(text, w) {
				ok = false
				break
			}
		}
		if ok {
			n.shown = append(n.shown, a)
		}
	}
	n.list.Refresh()
}

func (n *Notes) find(id string) (data.Annotation, bool) {
	for _, a := range n.all {
		if a.ID == id {
			return a, true
		}
	}
	return data.Annotation{}, false
}

// choose selects an annotation and, from the list, brings it into view.
func (n *Notes) choose(id string, bring bool) {
	n.selected = id
	n.Layer.SetSelected(id)
	if a, ok := n.find(id); ok && bring {
		if _, pt := a.Geometry.(orb.Point); pt {
			v := n.ui.Map.View()
			v.Center = a.Position()
			v.Zoom = max(v.Zoom, 6)
			n.ui.Map.SetView(v)
		} else {
			b := a.Bound().Pad(0.2 * max(a.Bound().Max[0]-a.Bound().Min[0], a.Bound().Max[1]-a.Bound().Min[1], 0.5))
			n.ui.Map.FitBound(b)
		}
	}
	n.ui.Map.Redraw()
}

// startMode begins placing a pin or drawing a line or an area.
func (n *Notes) startMode(m drawMode) {
	if n.Store == nil {
		n.ui.showError(errors.New(lang.L("annotations are off: no workspace store is open")))
		return
	}
	n.mode, n.draft = m, nil
	n.Layer.SetDraft(nil, false)
	switch m {
	case modePin:
		n.hint.SetText(lang.L("Click on the map to place the pin (Escape cancels)."))
	case modeLine:
		n.hint.SetText(lang.L("Click the line's points; double-click or Enter to finish, Escape to cancel."))
	case modeArea:
		n.hint.SetText(lang.L("Click the area's corners; double-click or Enter to finish, Escape to cancel."))
	}
	n.ui.Map.Redraw()
}

// Cancel leaves a drawing mode without saving.
func (n *Notes) Cancel() bool {
	if n.mode == modeBrowse {
		return false
	}
	n.mode, n.draft = modeBrowse, nil
	n.Layer.SetDraft(nil, false)
	n.hint.SetText("")
	n.ui.Map.Redraw()
	return true
}

// tapped handles a click on the map; it reports whether it used it.
func (n *Notes) tapped(p orb.Point, x, y float64) bool {
	switch n.mode {
	case modePin:
		n.mode = modeBrowse
		n.hint.SetText("")
		n.edit(data.Annotation{Geometry: p}, false)
		return true
	case modeLine, modeArea:
		n.draft = append(n.draft, p)
		n.Layer.SetDraft(n.draft, n.mode == modeArea)
		n.ui.Map.Redraw()
		return true
	}
	if !n.ui.showNote {
		return false
	}
	if id := n.Layer.HitTest(n.ui.Map.View(), x, y); id != "" {
		n.choose(id, false)
		n.ui.showTab(tabAnnotations)
		for i, a := range n.shown {
			if a.ID == id {
				n.list.Select(i)
			}
		}
		return true
	}
	return false
}

// doubleTapped finishes a line or an area; it reports whether it used the double-click.
func (n *Notes) doubleTapped(p orb.Point) bool {
	if n.mode != modeLine && n.mode != modeArea {
		return false
	}
	if len(n.draft) == 0 || n.draft[len(n.draft)-1] != p {
		n.draft = append(n.draft, p)
	}
	n.Finish()
	return true
}

// Finish ends drawing a line or an area and opens the editor.
func (n *Notes) Finish() bool {
	if n.mode != modeLine && n.mode != modeArea {
		return false
	}
	area := n.mode == modeArea
	need := 2
	if area {
		need = 3
	}
	pts := slices.Compact(append(orb.LineString(nil), n.draft...))
	if len(pts) < need {
		n.hint.SetText(fmt.Sprintf(lang.L("A %s needs at least %d points; keep clicking, or Escape to cancel."), map[bool]string{false: lang.L("line"), true: lang.L("area")}[area], need))
		return true
	}
	n.mode, n.draft = modeBrowse, nil
	n.Layer.SetDraft(nil, false)
	n.hint.SetText("")
	var g orb.Geometry = pts
	if area {
		g = orb.Polygon{append(orb.Ring(pts), pts[0])}
	}
	n.edit(data.Annotation{Geometry: g}, false)
	return true
}

// AnnotateEvent opens the editor for a note on event e, at its place and dates.
func (n *Notes) AnnotateEvent(e *data.Event) {
	if n.Store == nil {
		n.ui.showError(errors.New(lang.L("annotations are off: no workspace store is open")))
		return
	}
	a := data.Annotation{Geometry: e.At(), EventID: e.ID, Title: lang.L("Note: ") + e.Title}
	if e.Dated() {
		a.From, a.To = e.Start, e.End
	}
	n.edit(a, false)
}

func (n *Notes) editSelected() {
	a, ok := n.find(n.selected)
	if !ok {
		n.hint.SetText(lang.L("Select an annotation in the list or on the map first."))
		return
	}
	n.edit(a, true)
}

// edit opens the editor on a; existing says whether a is already saved.
func (n *Notes) edit(a data.Annotation, existing bool) {
	title := widget.NewEntry()
	title.SetText(a.Title)
	text := widget.NewMultiLineEntry()
	text.SetText(a.Text)
	text.SetMinRowsVisible(4)
	tags := widget.NewEntry()
	tags.SetText(strings.Join(a.Tags, ", "))
	tags.SetPlaceHolder(lang.L("comma-separated"))
	names := make([]string, len(annotationColours))
	colour := lang.L(annotationColours[0].Name)
	for i, c := range annotationColours {
		names[i] = lang.L(c.Name)
		if strings.EqualFold(c.Hex, a.Colour) {
			colour = lang.L(c.Name)
		}
	}
	colours := newChoice(names, nil)
	colours.SetSelected(colour)
	from, to := widget.NewEntry(), widget.NewEntry()
	from.SetPlaceHolder(lang.L("YYYY-MM-DD (optional)"))
	to.SetPlaceHolder(lang.L("YYYY-MM-DD (optional)"))
	if !a.From.IsZero() {
		from.SetText(a.From.String())
		to.SetText(a.To.String())
	}
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Title"), title),
		widget.NewFormItem(lang.L("Text"), text),
		widget.NewFormItem(lang.L("Tags"), tags),
		widget.NewFormItem(lang.L("Colour"), colours),
		widget.NewFormItem(lang.L("From"), from),
		widget.NewFormItem(lang.L("To"), to),
	}
	if a.EventID != "" {
		items = append(items, widget.NewFormItem(lang.L("Event"), widget.NewLabel(a.EventID)))
	}
	d := dialog.NewForm(lang.L("Annotation"), lang.L("Save"), lang.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		a.Title = strings.TrimSpace(title.Text)
		a.Text = text.Text
		a.Tags = data.SplitList(tags.Text)
		for _, c := range annotationColours {
			if lang.L(c.Name) == colours.Selected {
				a.Colour = c.Hex
			}
		}
		var err error
		if a.From, a.To, err = parseDateRange(from.Text, to.Text); err != nil {
			n.ui.showError(err)
			n.edit(a, existing)
			return
		}
		if a.Title == "" {
			n.ui.showError(errors.New(lang.L("an annotation needs a title")))
			n.edit(a, existing)
			return
		}
		n.save(a, existing)
	}, n.ui.Win)
	d.Resize(fyne.NewSize(520, 480))
	d.Show()
	n.ui.Win.Canvas().Focus(title)
}

// parseDateRange reads the editor's optional dates; a lone From is a single day.
func parseDateRange(from, to string) (data.Date, data.Date, error) {
	from, to = strings.TrimSpace(from), strings.TrimSpace(to)
	if from == "" && to == "" {
		return data.Date{}, data.Date{}, nil
	}
	if from == "" {
		from = to
	}
	if to == "" {
		to = from
	}
	f, err := data.ParseDate(from)
	if err != nil {
		return data.Date{}, data.Date{}, fmt.Errorf(lang.L("the From date %q is not a date: write it as YYYY-MM-DD"), from)
	}
	t, err := data.ParseDate(to)
	if err != nil {
		return data.Date{}, data.Date{}, fmt.Errorf(lang.L("the To date %q is not a date: write it as YYYY-MM-DD"), to)
	}
	if t.Before(f) {
		return data.Date{}, data.Date{}, fmt.Errorf(lang.L("the To date %s is before the From date %s"), to, from)
	}
	return f, t, nil
}

// save writes a to the store; the status bar says "saved" only once the
// store has it on disk.
func (n *Notes) save(a data.Annotation, existing bool) {
	prefs := n.ui.App.Preferences()
	if !prefs.Bool(authorAskedPref) {
		// The name goes into every annotation and its exports: ask once,
		// before the first save, and never guess it from the login.
		prefs.SetBool(authorAskedPref, true)
		n.ui.askAuthor(func() { n.save(a, existing) })
		return
	}
	a.Author = prefs.String(authorPref)
	var err error
	if existing {
		a, err = n.Store.Update(a)
	} else {
		a, err = n.Store.Add(a)
	}
	if err != nil {
		n.ui.showError(fmt.Errorf(lang.L("the annotation %q was NOT saved: %w"), a.Title, err))
		return
	}
	n.ui.Status.SetText(fmt.Sprintf(lang.L("Saved “%s”."), a.Title))
	n.reload()
	n.choose(a.ID, false)
}

func (n *Notes) deleteSelected() {
	if n.selected == "" {
		n.hint.SetText(lang.L("Select an annotation in the list or on the map first."))
		return
	}
	a, err := n.Store.Delete(n.selected)
	if err != nil {
		n.ui.showError(fmt.Errorf(lang.L("the annotation was NOT deleted: %w"), err))
		return
	}
	n.deleted = append(n.deleted, a)
	n.selected = ""
	n.Layer.SetSelected("")
	n.list.UnselectAll()
	n.ui.Status.SetText(fmt.Sprintf(lang.L("Deleted “%s” — Ctrl+Z or Undo delete brings it back."), a.Title))
	n.reload()
	n.ui.Map.Redraw()
}

// undoDelete brings back the annotation deleted last.
func (n *Notes) undoDelete() {
	if len(n.deleted) == 0 {
		n.ui.Status.SetText(lang.L("Nothing to undo."))
		return
	}
	a := n.deleted[len(n.deleted)-1]
	if err := n.Store.Put(a); err != nil {
		n.ui.showError(fmt.Errorf(lang.L("the annotation %q was NOT restored: %w"), a.Title, err))
		return
	}
	n.deleted = n.deleted[:len(n.deleted)-1]
	n.ui.Status.SetText(fmt.Sprintf(lang.L("Restored “%s”."), a.Title))
	n.reload()
	n.choose(a.ID, false)
}
