package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// A choice opens its menu in every state without the panic Fyne 2.7.1's
// Select has when the select is not in a window's tree (issue 5965): it
// falls back to the window's canvas, and with no option opens nothing.
func TestChoiceStates(t *testing.T) {
	cases := []struct {
		name     string
		options  []string
		attached bool // in the window's tree
		disabled bool
		wantMenu bool
	}{
		{"attached", []string{"a", "b"}, true, false, true},
		{"detached", []string{"a", "b"}, false, false, true},
		{"no options, attached", nil, true, false, false},
		{"no options, detached", nil, false, false, false},
		{"disabled", []string{"a"}, true, true, false},
		{"disabled, detached", []string{"a"}, false, true, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			test.NewTempApp(t)
			var picked string
			c := newChoice(tc.options, func(s string) { picked = s })
			w := test.NewTempWindow(t, widget.NewLabel("the window"))
			w.Resize(fyne.NewSize(300, 200))
			if tc.attached {
				w.SetContent(c)
			}
			if tc.disabled {
				c.Disable()
			}
			for _, open := range []func(){
				func() { c.Tapped(&fyne.PointEvent{}) },
				func() { c.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace}) },
			} {
				for w.Canvas().Overlays().Top() != nil {
					w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
				}
				open()
				menu := w.Canvas().Overlays().Top()
				if (menu != nil) != tc.wantMenu {
					t.Fatalf("menu shown = %v, want %v", menu != nil, tc.wantMenu)
				}
			}
			if tc.wantMenu {
				// The menu's first item selects the first option.
				pop := findMenu(t, w.Canvas().Overlays().Top())
				if pop == nil {
					t.Fatalf("overlay %T holds no pop-up menu", w.Canvas().Overlays().Top())
				}
				item, ok := pop.Menu.Items[0].(fyne.Tappable)
				if !ok {
					t.Fatalf("menu item %T cannot be tapped", pop.Menu.Items[0])
				}
				item.Tapped(&fyne.PointEvent{})
				if picked != tc.options[0] || c.Selected != tc.options[0] {
					t.Errorf("picked %q, selected %q, want %q", picked, c.Selected, tc.options[0])
				}
			}
		})
	}
}

// choicesIn lists the choices in the tree under o, and the plain
// widget.Selects (which would crash detached), walking widgets' renderers.
func choicesIn(t *testing.T, o fyne.CanvasObject) (choices []*choice, plain []*widget.Select) {
	switch x := o.(type) {
	case *choice:
		return []*choice{x}, nil
	case *widget.Select:
		return nil, []*widget.Select{x}
	case *fyne.Container:
		for _, c := range x.Objects {
			cs, ps := choicesIn(t, c)
			choices, plain = append(choices, cs...), append(plain, ps...)
		}
	case fyne.Widget:
		for _, c := range test.TempWidgetRenderer(t, x).Objects() {
			cs, ps := choicesIn(t, c)
			choices, plain = append(choices, cs...), append(plain, ps...)
		}
	}
	return choices, plain
}

// Every select of the window and of its Export dialog is a choice, and
// each opens its menu when tapped.
func TestWindowSelectsOpen(t *testing.T) {
	ui := newTestWindow(t)
	ui.ShowExport()
	roots := []fyne.CanvasObject{ui.Win.Content()}
	roots = append(roots, ui.Win.Canvas().Overlays().List()...)
	var all []*choice
	for _, r := range roots {
		cs, plain := choicesIn(t, r)
		if len(plain) > 0 {
			t.Errorf("%d plain widget.Select in the window: use newChoice", len(plain))
		}
		all = append(all, cs...)
	}
	if len(all) < 7 { // kind, actor, country, speed; format, size, series
		t.Fatalf("found %d selects, want the filters', the speed's and the Export dialog's", len(all))
	}
	for i, c := range all {
		c.Tapped(&fyne.PointEvent{})
		if top := ui.Win.Canvas().Overlays().Top(); top == nil {
			t.Errorf("select %d (%v) opened no menu", i, c.Options)
		} else if findMenu(t, top) != nil {
			ui.Win.Canvas().Overlays().Remove(top)
		} else {
			t.Errorf("select %d (%v) opened no menu but %T", i, c.Options, top)
		}
	}
}

// findMenu is the pop-up menu in the tree under o (an overlay), or nil.
func findMenu(t *testing.T, o fyne.CanvasObject) *widget.PopUpMenu {
	switch x := o.(type) {
	case *widget.PopUpMenu:
		return x
	case *fyne.Container:
		for _, c := range x.Objects {
			if m := findMenu(t, c); m != nil {
				return m
			}
		}
	case fyne.Widget:
		for _, c := range test.TempWidgetRenderer(t, x).Objects() {
			if m := findMenu(t, c); m != nil {
				return m
			}
		}
	}
	return nil
}

// With the speed select focused, Home still shows all dates (the select
// hands keys it has no use for to the window), and choosing a speed gives
// the keys back to the map.
func TestSpeedSelectKeys(t *testing.T) {
	ui := newTestWindow(t)
	var speed *choice
	cs, _ := choicesIn(t, ui.Win.Content())
	for _, c := range cs {
		if len(c.Options) > 0 && c.Options[0] == Speeds[0].Label {
			speed = c
		}
	}
	if speed == nil {
		t.Fatal("no speed select in the window")
	}
	first, last := ui.Timeline.Span()
	ui.Timeline.SetWindow(first, first.AddDays(30))
	ui.Win.Canvas().Focus(speed)
	speed.TypedKey(&fyne.KeyEvent{Name: fyne.KeyHome})
	if from, to := ui.Timeline.Window(); from != first || to != last {
		t.Errorf("Home with the speed select focused: window %s–%s, want all dates %s–%s", from, to, first, last)
	}
	speed.SetSelected(Speeds[2].Label)
	if f := ui.Win.Canvas().Focused(); f != nil {
		t.Errorf("after choosing a speed, %T keeps the focus", f)
	}
}
