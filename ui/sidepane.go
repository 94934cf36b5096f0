package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
)

// sideTabsBelow is the height of the side pane, in logical pixels, under
// which the event list becomes a tab beside the details instead of a pane
// above them: on a small screen (1024×600, say) it keeps its rows rather
// than sharing half the height.
const sideTabsBelow = 560

// The side pane's tabs, in order; the Events tab is there only when the
// pane is collapsed into tabs.
const (
	tabDetails     = "Details"
	tabLegend      = "Legend"
	tabAnnotations = "Annotations"
	tabImports     = "Imports"
	tabEvents      = "Events"
)

// sidePane is the side of the window: the event list above the tabs of
// details, legend, annotations and imports, or, when the pane is short,
// all of them as tabs. Nothing vanishes on a small screen.
type sidePane struct {
	ui        *Window
	list      fyne.CanvasObject // the filters and the event list
	events    *container.TabItem
	box       *fyne.Container
	collapsed bool
	pending   bool // a switch is queued
	offset    float64
}

// newSidePane makes the side pane of ui around list (the filters and the
// event list) and the tabs items, and sets ui.sideTabs.
func (ui *Window) newSidePane(list fyne.CanvasObject, items ...*container.TabItem) *sidePane {
	ui.sideTabs = container.NewAppTabs(items...)
	p := &sidePane{ui: ui, list: list, events: container.NewTabItem(lang.L(tabEvents), list), offset: 0.55}
	split := container.NewVSplit(list, ui.sideTabs)
	split.SetOffset(p.offset)
	p.box = container.New(p, split)
	return p
}

// MinSize is the least size of the pane's content: the collapsed tabs'
// when collapsed.
func (p *sidePane) MinSize(objects []fyne.CanvasObject) fyne.Size {
	if len(objects) == 0 {
		return fyne.Size{}
	}
	return objects[0].MinSize()
}

// Layout gives the content all of size and, when size crosses
// sideTabsBelow, queues the switch between the split and the tabs (the
// content cannot change while it is laid out).
func (p *sidePane) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	want := size.Height < sideTabsBelow
	if want == p.collapsed || p.pending {
		return
	}
	p.pending = true
	do := p.ui.do
	if do == nil {
		do = fyne.Do
	}
	go do(func() {
		p.pending = false
		p.setCollapsed(want)
	})
}

// setCollapsed puts the event list in a tab of its own (collapsed) or
// back above the tabs.
func (p *sidePane) setCollapsed(on bool) {
	if on == p.collapsed {
		return
	}
	p.collapsed = on
	tabs := p.ui.sideTabs
	if on {
		if s, ok := p.box.Objects[0].(*container.Split); ok {
			p.offset = s.Offset
		}
		tabs.Items = append([]*container.TabItem{p.events}, tabs.Items...)
		tabs.Refresh()
		tabs.Select(p.events)
		p.box.Objects = []fyne.CanvasObject{tabs}
	} else {
		selected := tabs.Selected()
		tabs.Remove(p.events)
		if selected == p.events && len(tabs.Items) > 0 {
			tabs.SelectIndex(0)
		}
		split := container.NewVSplit(p.list, tabs)
		split.SetOffset(p.offset)
		p.box.Objects = []fyne.CanvasObject{split}
	}
	p.box.Refresh()
}

// showTab brings the side pane's tab named name to the front.
func (ui *Window) showTab(name string) {
	if ui.sideTabs == nil {
		return
	}
	for _, it := range ui.sideTabs.Items {
		if it.Text == lang.L(name) {
			ui.sideTabs.Select(it)
			return
		}
	}
}
