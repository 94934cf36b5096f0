package data

import (
	"encoding/json"
	"sync"

	"github.com/sahelatlas/sahelatlas/assets"
	"github.com/sahelatlas/sahelatlas/data/lang"
)

// The bundled dataset's words in French live in assets/dataset/french.json,
// written for Sahel Atlas from the seed documents: each bundled event's
// title and summary and its notes (confidence, date_note, year_inferred),
// the sources' date notes, the actors' names where French says them
// otherwise, and the titles of their roles. Each is tied to the English it
// stands for (title_en, confidence_en, name_en…): when the dataset's
// English changes, the stale French is no longer shown, and the English
// is, until someone rewrites it.

// frenchFile is french.json as written.
type frenchFile struct {
	Events []struct {
		ID      string `json:"id"`
		TitleEN string `json:"title_en"`
		Title   string `json:"title"`
		Summary string `json:"summary"`

		ConfidenceEN   string `json:"confidence_en"`
		Confidence     string `json:"confidence"`
		DateNoteEN     string `json:"date_note_en"`
		DateNote       string `json:"date_note"`
		YearInferredEN string `json:"year_inferred_en"`
		YearInferred   string `json:"year_inferred"`
	} `json:"events"`
	Sources []struct {
		Document   string `json:"document"`
		DateNoteEN string `json:"date_note_en"`
		DateNote   string `json:"date_note"`
	} `json:"sources"`
	Actors []struct {
		ID     string `json:"id"`
		NameEN string `json:"name_en"`
		Name   string `json:"name"`
	} `json:"actors"`
	Roles []struct {
		TitleEN string `json:"title_en"`
		Title   string `json:"title"`
	} `json:"roles"`
}

// frenchText is an event's French title and summary, and the English
// title they translate, and its notes.
type frenchText struct {
	titleEN, title, summary string
	confidence, dateNote    frenchNote
	yearInferred            frenchNote
}

// frenchNote is a note in French and the English it translates.
type frenchNote struct{ en, fr string }

// in is the note in t when en is still the English translated, else en.
func (n frenchNote) in(t lang.Tag, en string) string {
	if t == lang.French && n.fr != "" && n.en == en {
		return n.fr
	}
	return en
}

// frenchNames is an actor's French name and the English one it translates.
type frenchNames struct{ nameEN, name string }

var (
	frenchOnce   sync.Once
	frenchEvents map[string]frenchText
	frenchActors map[string]frenchNames
	frenchRoles  map[string]string
	frenchSource map[string]frenchNote
	frenchErr    error
)

// loadFrench reads french.json once. It is compiled in; TestFrenchWords
// checks it parses and covers every bundled event.
func loadFrench() error {
	frenchOnce.Do(func() {
		b, err := assets.Dataset.ReadFile("dataset/french.json")
		if err != nil {
			frenchErr = err
			return
		}
		var f frenchFile
		if frenchErr = json.Unmarshal(b, &f); frenchErr != nil {
			return
		}
		frenchEvents = make(map[string]frenchText, len(f.Events))
		for _, e := range f.Events {
			frenchEvents[e.ID] = frenchText{e.TitleEN, e.Title, e.Summary,
				frenchNote{e.ConfidenceEN, e.Confidence}, frenchNote{e.DateNoteEN, e.DateNote},
				frenchNote{e.YearInferredEN, e.YearInferred}}
		}
		frenchSource = make(map[string]frenchNote, len(f.Sources))
		for _, s := range f.Sources {
			frenchSource[s.Document] = frenchNote{s.DateNoteEN, s.DateNote}
		}
		frenchActors = make(map[string]frenchNames, len(f.Actors))
		for _, a := range f.Actors {
			frenchActors[a.ID] = frenchNames{a.NameEN, a.Name}
		}
		frenchRoles = make(map[string]string, len(f.Roles))
		for _, r := range f.Roles {
			frenchRoles[r.TitleEN] = r.Title
		}
	})
	return frenchErr
}

// french is the French text of e, when e is a bundled event whose
// English title is still the one translated.
func (e *Event) french() (frenchText, bool) {
	if loadFrench() != nil {
		return frenchText{}, false
	}
	f, ok := frenchEvents[e.ID]
	return f, ok && f.titleEN == e.Title
}

// TitleIn is e's title in t: the bundled French one when t is French and
// there is one, else the dataset's own (English, or the analyst's words).
func (e *Event) TitleIn(t lang.Tag) string {
	if t != lang.French {
		return e.Title // french.json is not read for English
	}
	if f, ok := e.french(); ok && f.title != "" {
		return f.title
	}
	return e.Title
}

// SummaryIn is e's summary in t, as TitleIn chooses.
func (e *Event) SummaryIn(t lang.Tag) string {
	if t != lang.French {
		return e.Summary
	}
	if f, ok := e.french(); ok && f.summary != "" {
		return f.summary
	}
	return e.Summary
}

// ConfidenceIn is e's confidence note in t: the bundled French one when t
// is French and it translates e's current note, else e's own.
func (e *Event) ConfidenceIn(t lang.Tag) string {
	if t != lang.French {
		return e.Confidence
	}
	f, _ := e.frenchNotes()
	return f.confidence.in(t, e.Confidence)
}

// DateNoteIn is e's date note (the source's words on its date) in t, as
// ConfidenceIn chooses.
func (e *Event) DateNoteIn(t lang.Tag) string {
	if t != lang.French {
		return e.DateNote
	}
	f, _ := e.frenchNotes()
	return f.dateNote.in(t, e.DateNote)
}

// YearInferredIn is how e's year was inferred, in t, as ConfidenceIn
// chooses.
func (e *Event) YearInferredIn(t lang.Tag) string {
	if t != lang.French {
		return e.YearInferred
	}
	f, _ := e.frenchNotes()
	return f.yearInferred.in(t, e.YearInferred)
}

// frenchNotes is the French of e's notes, each tied to its own English
// (an analyst's correction of a bundled event keeps its ID and may keep a
// note while changing the title).
func (e *Event) frenchNotes() (frenchText, bool) {
	if loadFrench() != nil {
		return frenchText{}, false
	}
	f, ok := frenchEvents[e.ID]
	return f, ok
}

// DateNoteIn is what the document says about its date, in t: the bundled
// French when t is French and it translates s's current note.
func (s *Source) DateNoteIn(t lang.Tag) string {
	if t != lang.French || loadFrench() != nil {
		return s.DateNote
	}
	return frenchSource[s.Document].in(t, s.DateNote)
}

// NameIn is a's name in t: the French one for a bundled actor French
// names otherwise ("Forces de soutien rapide (FSR)"), else its own.
func (a *Actor) NameIn(t lang.Tag) string {
	if t == lang.French && loadFrench() == nil {
		if f, ok := frenchActors[a.ID]; ok && f.nameEN == a.Name {
			return f.name
		}
	}
	// Actors the app makes rather than the dataset (the stand-in for an
	// imported event's unnamed actors) are named in the catalogs.
	if k := "actor." + a.ID; t.Has(k) {
		return t.T(k)
	}
	return a.Name
}

// TitleIn is the role's title in t ("Ministre des Affaires étrangères du
// Mali" in French), else its own.
func (r Role) TitleIn(t lang.Tag) string {
	if t == lang.French && loadFrench() == nil {
		if f, ok := frenchRoles[r.Title]; ok {
			return f
		}
	}
	return r.Title
}

// FrenchNames are the French names and role titles of a, for search:
// "Forces de soutien rapide" finds the RSF.
func (a *Actor) FrenchNames() []string {
	var out []string
	if n := a.NameIn(lang.French); n != a.Name {
		out = append(out, n)
	}
	for _, r := range a.Roles {
		if t := r.TitleIn(lang.French); t != r.Title {
			out = append(out, t)
		}
	}
	return out
}

// frenchSearch are the French words of e that search also looks in: its
// French title and summary and the French name of its kind, those that
// differ from the English.
func (e *Event) frenchSearch() []string {
	var out []string
	if f, ok := e.french(); ok {
		out = append(out, f.title, f.summary)
	}
	if k := lang.French.Term("kind", e.Kind.String()); k != e.Kind.String() {
		out = append(out, k)
	}
	return out
}
