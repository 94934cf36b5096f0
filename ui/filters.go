package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/sahelatlas/sahelatlas/data"
)

const anyChoice = "(any)"

// Filters is the filter bar: kind, actor and country, combinable, with one reset.
type Filters struct {
	*fyne.Container
	x                      *Explorer
	kind, actor, country   *choice
	actorIDs, countryCodes map[string]string // choice label -> id
	countryName            func(code string) string
	syncing                bool
}

// NewFilters makes the filter bar for x.
func NewFilters(x *Explorer, countryName func(code string) string) *Filters {
	f := &Filters{x: x, countryName: countryName}
	f.kind = newChoice(nil, func(string) { f.apply() })
	f.actor = newChoice(nil, func(string) { f.apply() })
	f.country = newChoice(nil, func(string) { f.apply() })
	f.kind.PlaceHolder, f.actor.PlaceHolder, f.country.PlaceHolder = lang.L("Kind"), lang.L("Actor"), lang.L("Country")
	f.SetOptions()
	reset := widget.NewButton(lang.L("Reset filters"), func() { x.ResetFilter() })
	// Two rows, the selects named by their placeholders, so the event list
	// keeps its rows on a small screen.
	f.Container = container.NewGridWithColumns(2, f.kind, f.actor, f.country, reset)
	return f
}

// SetOptions fills the selects with the kinds, actors and countries of the
// Explorer's events, for instance after an import.
func (f *Filters) SetOptions() {
	x := f.x
	f.actorIDs, f.countryCodes = map[string]string{}, map[string]string{}
	kinds := []string{anyChoice}
	seenKind := map[data.Kind]bool{}
	for _, e := range x.Data.Events {
		seenKind[e.Kind] = true
	}
	for _, k := range data.Kinds {
		if seenKind[k] {
			kinds = append(kinds, kindName(k))
		}
	}
	actors := []string{}
	for _, a := range x.Data.Actors {
		if x.Data.ActorEventCount(a.ID) == 0 {
			continue
		}
		actors = append(actors, actorName(a))
		f.actorIDs[actorName(a)] = a.ID
	}
	slices.Sort(actors)
	countries := []string{}
	seen := map[string]bool{}
	for _, e := range x.Data.Events {
		for _, c := range e.Countries {
			if !seen[c] {
				seen[c] = true
				label := f.countryName(c) + " (" + c + ")"
				countries = append(countries, label)
				f.countryCodes[label] = c
			}
		}
	}
	slices.Sort(countries)
	f.kind.SetOptions(kinds)
	f.actor.SetOptions(append([]string{anyChoice}, actors...))
	f.country.SetOptions(append([]string{anyChoice}, countries...))
}

func (f *Filters) apply() {
	if f.syncing {
		return
	}
	var flt data.Filter
	flt.Text = f.x.Filter.Text
	if k := f.kind.Selected; k != "" && k != anyChoice {
		flt.Kinds = []data.Kind{kindOf(k)}
	}
	if id, ok := f.actorIDs[f.actor.Selected]; ok {
		flt.Actors = []string{id}
	}
	if c, ok := f.countryCodes[f.country.Selected]; ok {
		flt.Countries = []string{c}
	}
	f.x.SetFilter(flt)
}

// Sync shows the Explorer's filter in the selects (after a reset, or an actor tapped in the details).
func (f *Filters) Sync() {
	f.syncing = true
	defer func() { f.syncing = false }()
	flt := f.x.Filter
	pick := func(s *choice, choice string) {
		switch {
		case choice == "" && s.Selected != "":
			s.ClearSelected()
		case choice != "" && s.Selected != choice:
			s.SetSelected(choice)
		}
	}
	kind := ""
	if len(flt.Kinds) == 1 {
		kind = kindName(flt.Kinds[0])
	}
	pick(f.kind, kind)
	actor := ""
	if len(flt.Actors) == 1 {
		for label, id := range f.actorIDs {
			if id == flt.Actors[0] {
				actor = label
			}
		}
	}
	pick(f.actor, actor)
	country := ""
	if len(flt.Countries) == 1 {
		for label, c := range f.countryCodes {
			if c == flt.Countries[0] {
				country = label
			}
		}
	}
	pick(f.country, country)
}

// FilterToActor keeps only the events of actor a (other filters stay).
func (f *Filters) FilterToActor(a *data.Actor) {
	flt := f.x.Filter
	flt.Actors = []string{a.ID}
	f.x.SetFilter(flt)
}
