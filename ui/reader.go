package ui

import (
	"errors"
	"fmt"
	"fyne.io/fyne/v2/lang"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/article"
)

// Reader is the lang.L("Read an article") window: the analyst pastes an article
// or opens a .txt, .md or .html file, and the events the article tells
// are proposed beside its text, the words they were read from
// highlighted. Each proposal is accepted as it is, edited then accepted
// (the New event form), or rejected; accepted ones join My events with the
// article, its text included, as their source.
type Reader struct {
	ui        *Window
	Win       fyne.Window
	paste     *widget.Entry // the article as pasted or opened
	published *widget.Entry // YYYY-MM-DD, or empty for the dateline's
	lang      *choice
	status    *widget.Label
	evidence  *widget.RichText // the text with the evidence highlighted
	list      *fyne.Container  // a card per proposal
	tabs      *container.AppTabs
	file      string // the file opened, "" when pasted

	res      *article.Result // the last extraction, nil before
	decided  []string        // per proposal: "", "accepted", "rejected"
	selected int             // the proposal whose evidence is shown, -1 for none
	running  int             // extractions started; a result of an older one is dropped
}

// readArticleShortcut is Ctrl+Shift+A (Cmd+Shift+A on macOS).
var readArticleShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyA, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}

// ShowReader opens the Read an article window (or brings it forward).
func (ui *Window) ShowReader() *Reader {
	if ui.reader != nil {
		ui.reader.Win.Show()
		ui.reader.Win.RequestFocus()
		return ui.reader
	}
	r := &Reader{ui: ui, selected: -1}
	r.Win = ui.App.NewWindow(lang.L("Read an article"))
	r.paste = widget.NewMultiLineEntry()
	r.paste.Wrapping = fyne.TextWrapWord
	r.paste.SetPlaceHolder(lang.L("Paste an article here (English or French), or open a .txt, .md or .html file."))
	r.published = widget.NewEntry()
	r.published.SetPlaceHolder(lang.L("published YYYY-MM-DD"))
	r.published.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		_, err := data.ParseDate(strings.TrimSpace(s))
		return err
	}
	r.lang = newChoice([]string{"auto", "en", "fr"}, nil)
	r.lang.SetSelected("auto")
	r.status = widget.NewLabel("")
	r.status.Wrapping = fyne.TextWrapWord
	r.evidence = widget.NewRichText()
	r.evidence.Wrapping = fyne.TextWrapWord
	r.list = container.NewVBox()
	r.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("Article"), r.paste),
		container.NewTabItem(lang.L("Evidence"), container.NewVScroll(r.evidence)))
	bar := container.NewHBox(
		widget.NewButton(lang.L("Open file…"), r.showOpen),
		widget.NewButton(lang.L("Propose events"), r.Propose),
		container.NewGridWrap(fyne.NewSize(260, r.published.MinSize().Height), r.published),
		r.lang)
	right := container.NewBorder(widget.NewLabelWithStyle(lang.L("Proposed events"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil,
		container.NewVScroll(r.list))
	split := container.NewHSplit(r.tabs, right)
	split.Offset = 0.55
	r.Win.SetContent(container.NewBorder(bar, r.status, nil, nil, split))
	r.Win.Resize(fyne.NewSize(1200, 760))
	r.Win.SetOnClosed(func() { ui.reader = nil })
	ui.reader = r
	r.Win.Show()
	return r
}

// showOpen asks for a .txt, .md or .html file and puts its text in the
// Article tab.
func (r *Reader) showOpen() {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			r.ui.showError(err)
			return
		}
		if rc == nil {
			return
		}
		defer rc.Close()
		raw, err := io.ReadAll(io.LimitReader(rc, 16<<20))
		if err != nil {
			r.ui.showError(fmt.Errorf(lang.L("cannot read %s: %w"), rc.URI().Name(), err))
			return
		}
		r.Open(rc.URI().Name(), raw)
	}, r.Win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".txt", ".md", ".markdown", ".html", ".htm"}))
	d.Show()
}

// Open puts the text of a file's bytes (HTML and Markdown reduced to
// their text) in the Article tab and proposes its events.
func (r *Reader) Open(name string, raw []byte) {
	r.file = name
	r.paste.SetText(article.Text(raw, name))
	r.tabs.SelectIndex(0)
	r.Propose()
}

// Propose reads the article in the background and shows what it
// proposes when done.
func (r *Reader) Propose() {
	text := r.paste.Text
	if strings.TrimSpace(text) == "" {
		r.status.SetText(lang.L("Paste an article first, or open a file."))
		return
	}
	opts := article.Options{Lang: r.lang.Selected}
	if s := strings.TrimSpace(r.published.Text); s != "" {
		d, err := data.ParseDate(s)
		if err != nil {
			r.status.SetText(fmt.Sprintf(lang.L("The publication date %q is not a real date written YYYY-MM-DD."), s))
			return
		}
		opts.Published = d
	}
	r.running++
	run := r.running
	r.status.SetText(lang.L("Reading the article…"))
	d := r.ui.Explorer.Data
	go func() {
		gaz, err := d.Gazetteer()
		var res *article.Result
		if err == nil {
			res = article.New(gaz, d.Actors).Extract(text, opts)
		}
		r.ui.Imports.do(func() {
			if run != r.running {
				return // a newer reading was started
			}
			if err != nil {
				r.ui.showError(err)
				return
			}
			r.show(res)
		})
	}()
}

// show lists the proposals of res and highlights their evidence.
func (r *Reader) show(res *article.Result) {
	r.res, r.decided, r.selected = res, make([]string, len(res.Proposals)), -1
	pub := lang.L("no publication date: relative dates (last Friday, hier) are left out; give it above")
	if !res.Published.IsZero() {
		pub = lang.L("published ") + res.Published.String()
		if res.PublishedFrom != "given" {
			pub += " (its dateline)"
		}
	}
	r.status.SetText(fmt.Sprintf("%d events proposed; %s; language %s.", len(res.Proposals), pub, res.Lang))
	r.refresh()
	r.tabs.SelectIndex(1)
}

// refresh redraws the cards and the highlighted text.
func (r *Reader) refresh() {
	r.list.RemoveAll()
	for i := range r.res.Proposals {
		r.list.Add(r.card(i))
	}
	r.list.Refresh()
	r.evidence.Segments = highlight(r.res, r.decided, r.selected)
	r.evidence.Refresh()
}

// card shows one proposal with its buttons.
func (r *Reader) card(i int) fyne.CanvasObject {
	p := &r.res.Proposals[i]
	origin := ""
	if p.Origin != nil {
		origin = " · from " + p.Origin.Name
	}
	date := p.DateString()
	if end := p.EndString(); end != "" {
		date += " to " + end
	}
	if p.Ongoing {
		date += ", ongoing"
	}
	head := widget.NewLabelWithStyle(p.Title(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Wrapping = fyne.TextWrapWord
	facts := widget.NewLabel(fmt.Sprintf("%s · %s · %s (%s)%s · %s\n%s", p.Kind, date, p.Place.Name, p.PlacePrecision, origin, p.Status, strings.Join(p.ActorNames(), ", ")))
	facts.Wrapping = fyne.TextWrapWord
	quote := widget.NewLabelWithStyle("“"+strings.Join(strings.Fields(p.Evidence), " ")+"”", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	quote.Wrapping = fyne.TextWrapWord
	var buttons fyne.CanvasObject
	switch r.decided[i] {
	case "":
		row := []fyne.CanvasObject{widget.NewButton(lang.L("Accept"), func() { r.Accept(i) })}
		if p.NoYear != nil && p.YearHint > 0 {
			row = append(row, widget.NewButton(fmt.Sprintf(lang.L("Accept in %d"), p.YearHint), func() { r.AcceptInYear(i) }))
		}
		buttons = container.NewHBox(append(row,
			widget.NewButton(lang.L("Edit, then accept…"), func() { r.ShowEdit(i) }),
			widget.NewButton(lang.L("Reject"), func() { r.Reject(i) }),
			widget.NewButton(lang.L("Show in the text"), func() { r.Select(i) }))...)
	default:
		buttons = widget.NewLabel(capitalise(r.decided[i]) + ".")
	}
	return container.NewVBox(head, facts, quote, buttons, widget.NewSeparator())
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// Select shows proposal i's evidence in the text.
func (r *Reader) Select(i int) {
	r.selected = i
	r.evidence.Segments = highlight(r.res, r.decided, r.selected)
	r.evidence.Refresh()
	r.tabs.SelectIndex(1)
}

// Reject sets proposal i aside.
func (r *Reader) Reject(i int) {
	r.decided[i] = "rejected"
	r.refresh()
}

// source is the article as the source of the events accepted from it.
func (r *Reader) source() data.Source {
	return article.ArticleSource(r.res.Text, r.file, r.res.Published)
}

// Accept records proposal i as it is in My events.
func (r *Reader) Accept(i int) {
	if err := r.save(r.res.Proposals[i].MyEvent(r.source()), i); err != nil {
		r.ui.showError(err)
	}
}

// AcceptInYear records proposal i, whose date has no year, in the year
// its publication date suggests, flagged as inferred with its reason.
func (r *Reader) AcceptInYear(i int) {
	m, ok := r.res.Proposals[i].MyEventInYear(r.source())
	if !ok {
		r.status.SetText(lang.L("No year can be inferred for this event: accept it without one, or edit it."))
		return
	}
	if err := r.save(m, i); err != nil {
		r.ui.showError(err)
	}
}

// save adds m to My events as the result of proposal i.
func (r *Reader) save(m data.MyEvent, i int) error {
	st := r.ui.Imports.store()
	if st == nil {
		return errors.New(lang.L("my events are off: no workspace store is open"))
	}
	m.Author = r.ui.App.Preferences().String(authorPref)
	if m.Event.ID == "" {
		m.Event.ID = data.NewAnnotationID()
	}
	if err := m.Validate(); err != nil {
		return errors.New(strings.TrimPrefix(err.Error(), "data: "))
	}
	m, err := st.AddEvent(m)
	if err != nil {
		return err
	}
	r.decided[i] = "accepted"
	r.refresh()
	r.ui.Imports.reloadData() // off the UI goroutine
	r.ui.Status.SetText(fmt.Sprintf(lang.L("Saved to My events: %s"), m.Event.Title))
	r.status.SetText(fmt.Sprintf(lang.L("Saved to My events: %s"), m.Event.Title))
	return nil
}

// readArticleItem is the File menu's Read an article item.
func readArticleItem(ui *Window) *fyne.MenuItem {
	item := fyne.NewMenuItem(lang.L("Read an article…"), func() { ui.ShowReader() })
	item.Shortcut = readArticleShortcut
	return item
}

// showArticle opens the Read an article window on the text of source s,
// with the sentence event e was read from (its summary) highlighted.
func (ui *Window) showArticle(e *data.Event, s *data.Source) {
	r := ui.ShowReader()
	r.running++ // a reading under way no longer shows
	r.file = s.Headline
	r.paste.SetText(s.Text)
	r.res, r.decided, r.selected = &article.Result{Text: s.Text}, nil, -1
	if at := strings.Index(s.Text, e.Summary); e.Summary != "" && at >= 0 {
		r.res.Proposals = []article.Proposal{{EvidenceAt: [2]int{at, at + len(e.Summary)}}}
		r.decided, r.selected = []string{"shown"}, 0
	}
	r.list.RemoveAll()
	r.list.Refresh()
	r.evidence.Segments = highlight(r.res, r.decided, r.selected)
	r.evidence.Refresh()
	r.tabs.SelectIndex(1)
	r.status.SetText(fmt.Sprintf(lang.L("The article %q, as read for %q. Propose events reads it again."), s.Headline, e.Title))
}
