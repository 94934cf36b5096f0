package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/sahelatlas/sahelatlas/data"
)

// actorPickerLimit is how many known actors the picker offers at once.
const actorPickerLimit = 30

// pickActors gives the form an "Add actor" field offering the known
// actors whose name or an alias holds what is typed, case and diacritics
// ignored ("goita" offers Assimi Goïta); choosing one adds it to Actors as
// a party (the analyst changes the role by hand: visitor:, host:).
func (f *eventForm) pickActors(known []*data.Actor) {
	p := widget.NewSelectEntry(nil)
	p.SetPlaceHolder(lang.L("type part of a name, then choose (aliases and accents ignored)"))
	names := map[string]bool{}
	for _, a := range known {
		names[a.Name] = true
	}
	adding := false
	p.OnChanged = func(s string) {
		if adding {
			return
		}
		if names[s] {
			adding = true
			f.addActor(s)
			p.SetText("")
			adding = false
			return
		}
		p.SetOptions(matchingActors(known, s))
	}
	p.SetOptions(matchingActors(known, ""))
	f.picker = p
}

// matchingActors returns the names of the known actors whose name or an
// alias holds text, folded, in order of name.
func matchingActors(known []*data.Actor, text string) []string {
	key := data.Fold(strings.TrimSpace(text))
	var out []string
	for _, a := range known {
		for _, n := range a.Names() {
			if strings.Contains(data.Fold(n), key) {
				out = append(out, a.Name)
				break
			}
		}
	}
	slices.Sort(out)
	return out[:min(len(out), actorPickerLimit)]
}

// addActor adds a party to the Actors field unless it is there already.
func (f *eventForm) addActor(name string) {
	for _, s := range strings.Split(f.actors.Text, ",") {
		if s = strings.TrimSpace(s); s == name || strings.HasSuffix(s, ":"+name) {
			return
		}
	}
	t := strings.TrimSpace(f.actors.Text)
	if t != "" {
		t += ", "
	}
	f.actors.SetText(t + "party:" + name)
}
