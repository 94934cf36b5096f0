package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/sahelatlas/sahelatlas/data"
)

// readTestArticle is one of the extractor's test articles.
func readTestArticle(t *testing.T, name string) string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "data", "article", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

// tapSave taps the Save button of the form shown on c.
func tapSave(t *testing.T, c fyne.Canvas) {
	t.Helper()
	save, _ := findObject(t, c.Overlays().Top(), func(o fyne.CanvasObject) bool {
		b, ok := o.(*widget.Button)
		return ok && b.Text == "Save"
	}).(*widget.Button)
	if save == nil {
		t.Fatalf("no form with a Save button is shown (overlay %T)", c.Overlays().Top())
	}
	test.Tap(save)
}

// The analyst pastes an article, accepts a proposal as it is, edits and
// accepts another, and rejects a third: the accepted ones are My events,
// in the store and in the window, with the article's text as their
// source; the rejected one is not.
func TestReaderAcceptEditReject(t *testing.T) {
	ui, q := newTestWindowQueue(t)
	st := ui.Imports.store()
	drain := func(done func() bool) {
		t.Helper()
		for !done() {
			q.next(t)
		}
	}
	text := readTestArticle(t, "en_relative.txt")
	r := ui.ShowReader()
	r.paste.SetText(text)
	r.Propose()
	drain(func() bool { return r.res != nil }) // read in the background
	if len(r.res.Proposals) != 7 || !strings.Contains(r.status.Text, "7 events proposed; published 2025-03-12") {
		t.Fatalf("%d proposals, status %q; want 7, published 2025-03-12", len(r.res.Proposals), r.status.Text)
	}
	if len(r.list.Objects) != 7 {
		t.Errorf("%d cards, want 7", len(r.list.Objects))
	}
	bold := 0
	for _, s := range r.evidence.Segments {
		if ts, ok := s.(*widget.TextSegment); ok && ts.Style.TextStyle.Bold {
			bold++
		}
	}
	if bold == 0 {
		t.Error("no evidence is highlighted in the text")
	}

	r.Accept(0) // the visit to Bamako on Monday 10 March
	drain(func() bool { return ui.Imports.message.Text == "" })
	visit := r.res.Proposals[0].Title()
	if r.decided[0] != "accepted" || findTitle(ui, visit) == nil {
		t.Fatalf("accepted %q is not among the window's events (decided %q)", visit, r.decided[0])
	}

	f := r.ShowEdit(1) // the expulsion, edited
	f.title.SetText("Burkina Faso expels two French diplomats")
	f.place.SetText("Ouagadougou")
	gaz, _ := ui.Explorer.Data.Gazetteer()
	orig := r.res.Proposals[1].MyEvent(r.source())
	if _, err := f.edited(&orig, gaz, ui.Explorer.Data.Actors); err != nil {
		t.Fatal(err)
	}
	tapSave(t, r.Win.Canvas())
	drain(func() bool { return ui.Imports.message.Text == "" })
	if r.decided[1] != "accepted" || findTitle(ui, "Burkina Faso expels two French diplomats") == nil {
		t.Fatalf("the edited proposal is not among the window's events (decided %q)", r.decided[1])
	}

	r.Reject(2)
	r.AcceptInYear(5) // the agreement of February 7, in 2025
	drain(func() bool { return ui.Imports.message.Text == "" })
	mine, err := st.Events()
	if err != nil || len(mine) != 3 {
		t.Fatalf("the store holds %d events of the analyst's (%v), want 3", len(mine), err)
	}
	for _, m := range mine {
		if len(m.Sources) != 1 || m.Sources[0].Text != text || m.Sources[0].Published != data.D(2025, 3, 12) {
			t.Errorf("%q does not cite the article with its text and date: %+v", m.Event.Title, m.Sources)
		}
		if m.Event.Title == "Burkina Faso expels two French diplomats" && (m.Event.Kind != data.KindExpulsion || m.Event.Start != data.D(2025, 3, 11) || m.PlacePrecision != data.PlaceInferred) {
			t.Errorf("the edit lost the proposal's kind, date or place precision: %+v", m)
		}
	}
	agreement := findTitle(ui, r.res.Proposals[5].Title())
	if agreement == nil || agreement.Start != data.D(2025, 2, 7) || agreement.YearInferred == "" {
		t.Errorf("the agreement accepted in 2025 is not shown dated 2025-02-07 with its year flagged: %+v", agreement)
	}
	if r.decided[2] != "rejected" {
		t.Errorf("proposal 2 is %q, want rejected", r.decided[2])
	}
}

// Opening an HTML file reads its text, without its script, and proposes
// its events; the menu's item opens the same window.
func TestReaderOpenHTML(t *testing.T) {
	ui, q := newTestWindowQueue(t)
	raw, err := os.ReadFile(filepath.Join("..", "data", "article", "testdata", "page.html"))
	if err != nil {
		t.Fatal(err)
	}
	r := ui.ShowReader()
	if ui.ShowReader() != r {
		t.Error("a second Read an article opened another window")
	}
	r.Open("page.html", raw)
	for r.res == nil {
		q.next(t)
	}
	if strings.Contains(r.paste.Text, "trackVisit") || strings.Contains(r.paste.Text, "<p>") {
		t.Errorf("the HTML was not reduced to its text: %q", r.paste.Text)
	}
	if len(r.res.Proposals) != 2 {
		t.Errorf("%d proposals, want 2", len(r.res.Proposals))
	}
}

// The analyst edits an event of theirs, and undoes the edit; a bundled
// event is corrected as theirs, keeping its sources.
func TestEditAndCorrectEvents(t *testing.T) {
	ui, q := newTestWindowQueue(t)
	st := ui.Imports.store()
	merged := func() {
		t.Helper()
		for ui.Imports.message.Text != "" {
			q.next(t)
		}
	}
	kone := ui.Explorer.Data.Event("2025-04-09-kone-meets-burhan-port-sudan")
	ui.Explorer.Select(kone)
	ui.EditSelectedEvent()
	if !strings.Contains(ui.Status.Text, "Only your own events") {
		t.Errorf("editing a bundled event: status %q", ui.Status.Text)
	}
	ui.CorrectSelectedEvent()
	tapSave(t, ui.Win.Canvas())
	merged()
	mine, _ := st.Events()
	if len(mine) != 1 {
		t.Fatalf("the store holds %d events of the analyst's, want the correction", len(mine))
	}
	c := mine[0]
	if c.Event.Title != kone.Title || c.Place.Name != "Port Sudan" || c.Origin == nil || c.Origin.Name != "Bamako" ||
		len(c.Sources) != 1 || c.Sources[0].Document != "000_0ddf7597853a97e6.txt" || !strings.Contains(c.Event.Confidence, kone.ID) {
		t.Errorf("the correction lost what it corrects: %+v", c)
	}

	ui.Explorer.Select(ui.Explorer.Data.Event(c.Event.ID))
	ui.EditSelectedEvent()
	f := findObject(t, ui.Win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) bool {
		e, ok := o.(*widget.Entry)
		return ok && e.Text == kone.Title
	}).(*widget.Entry)
	f.SetText("Koné meets Burhan (corrected)")
	tapSave(t, ui.Win.Canvas())
	merged()
	if findTitle(ui, "Koné meets Burhan (corrected)") == nil {
		t.Fatal("the edited title is not shown")
	}
	ui.UndoEditEvent()
	merged()
	if findTitle(ui, kone.Title) == nil || findTitle(ui, "Koné meets Burhan (corrected)") != nil {
		t.Error("Undo edit event did not put the version before back")
	}
}

// The form's actor picker offers known actors by part of a name or alias,
// accents ignored, and adds the one chosen as a party.
func TestActorPicker(t *testing.T) {
	ui := newTestWindow(t)
	f := newEventForm(nil)
	f.pickActors(ui.Explorer.Data.Actors)
	f.actors.SetText("visitor:Abdoulaye Diop")
	if got := matchingActors(ui.Explorer.Data.Actors, "goita"); !slices.Equal(got, []string{"Assimi Goïta"}) {
		t.Errorf("'goita' offers %q, want Assimi Goïta", got)
	}
	f.picker.SetText("Assimi Goïta") // chosen from the list
	f.picker.SetText("Assimi Goïta") // twice: added once
	if f.actors.Text != "visitor:Abdoulaye Diop, party:Assimi Goïta" || f.picker.Text != "" {
		t.Errorf("actors %q, picker %q", f.actors.Text, f.picker.Text)
	}
	if len(f.items()) != 12 {
		t.Errorf("%d rows in the form, want 12 with Add actor", len(f.items()))
	}
}

// The details of an event accepted from an article show that article
// again, the event's sentence highlighted in the primary colour.
func TestDetailsShowTheArticle(t *testing.T) {
	ui, q := newTestWindowQueue(t)
	text := readTestArticle(t, "fr_relatif.txt")
	r := ui.ShowReader()
	r.paste.SetText(text)
	r.Propose()
	for r.res == nil {
		q.next(t)
	}
	r.Accept(0)
	for ui.Imports.message.Text != "" {
		q.next(t)
	}
	r.Win.Close()
	e := findTitle(ui, r.res.Proposals[0].Title())
	if e == nil {
		t.Fatal("the accepted event is not shown")
	}
	ui.Explorer.Select(e)
	show, _ := findObject(t, ui.Details.Container, func(o fyne.CanvasObject) bool {
		b, ok := o.(*widget.Button)
		return ok && b.Text == "Show the article…"
	}).(*widget.Button)
	if show == nil {
		t.Fatal("the details offer no Show the article")
	}
	test.Tap(show)
	r2 := ui.reader
	if r2 == nil || r2.paste.Text != text {
		t.Fatal("Show the article did not open the article's text")
	}
	var lit strings.Builder
	for _, s := range r2.evidence.Segments {
		if ts, ok := s.(*widget.TextSegment); ok && ts.Style.ColorName == theme.ColorNamePrimary {
			lit.WriteString(ts.Text)
		}
	}
	if got := lit.String(); !strings.Contains(got, "Abdoulaye Diop") || strings.Contains(got, "Hier") {
		t.Errorf("highlighted %q, want the sentence of the visit only", got)
	}
}
