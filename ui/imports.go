package ui

import (
	"errors"
	"fmt"
	"image/color"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/exchange"
	"github.com/sahelatlas/sahelatlas/data/files"
	datalang "github.com/sahelatlas/sahelatlas/data/lang"
	"github.com/sahelatlas/sahelatlas/data/store"
	"github.com/sahelatlas/sahelatlas/geo/overlay"
)

// Imports is the imported-events part of the window: the imports of the
// workspace store (one per imported file) that can be shown, hidden and
// removed, File → Import and File → Export events.
type Imports struct {
	ui      *Window
	st      *store.Store    // nil: imports are off
	base    *data.Dataset   // the bundled (or synthetic) events
	imports []store.Import  // the store's imports
	hidden  map[string]bool // import ids the analyst hid
	gen     uint64          // counts reloads, to drop overtaken ones
	do      func(func())    // runs a function on the UI goroutine: fyne.Do; tests pass a queue
	list    *widget.List
	Panel   fyne.CanvasObject
	message *widget.Label
	mine    *widget.Check // shows or hides My events, the analyst's own
	running *importRun    // the import under way, if any; on the UI goroutine
	// deletedEvent is the analyst's event deleted last, for Undo delete event.
	deletedEvent *data.MyEvent
}

func newImports(ui *Window, base *data.Dataset, st *store.Store) *Imports {
	m := &Imports{ui: ui, base: base, st: st, hidden: map[string]bool{}, message: widget.NewLabel(""), do: fyne.Do}
	m.message.Wrapping = fyne.TextWrapWord
	m.list = widget.NewList(
		func() int { return len(m.imports) },
		func() fyne.CanvasObject {
			return container.NewBorder(nil, nil, widget.NewCheck("", nil), widget.NewButton(lang.L("Remove"), nil),
				widget.NewLabel("an imported file name.csv · 100000 events"))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= len(m.imports) {
				return
			}
			l := m.imports[id]
			row := o.(*fyne.Container)
			label := row.Objects[0].(*widget.Label)
			check := row.Objects[1].(*widget.Check)
			remove := row.Objects[2].(*widget.Button)
			text := fmt.Sprintf(lang.L("%s · %s · %d events"), l.Name, l.Format, l.Count)
			if l.Problem != "" {
				text += lang.L(" · DAMAGED: ") + l.Problem
			}
			label.SetText(text)
			check.OnChanged = nil
			check.SetChecked(!m.hidden[l.ID])
			check.OnChanged = func(on bool) { m.hidden[l.ID] = !on; m.reloadData() }
			remove.OnTapped = func() { m.confirmRemove(l) }
		})
	m.mine = widget.NewCheck(lang.L("My events (your own, Events → New event…)"), nil)
	m.mine.SetChecked(true)
	m.mine.OnChanged = func(on bool) {
		m.hidden[store.MyEventsLayer] = !on
		m.reloadData()
	}
	top := container.NewVBox(
		container.NewGridWithColumns(2,
			widget.NewButton(lang.L("Import…"), m.ShowImport),
			widget.NewButton(lang.L("Export events…"), m.ShowExportEvents)),
		m.mine,
		m.message)
	if st == nil {
		top = container.NewVBox(widget.NewLabel(lang.L("Imports are off: no workspace store is open.")))
	}
	m.Panel = container.NewBorder(top, nil, nil, nil, m.list)
	return m
}

// merge returns the store's imports and the base events merged with those
// of the imports not hidden. It reads the store only, so it may run off the
// UI goroutine: with 100,000 imported events it takes about a second.
func (m *Imports) merge(base *data.Dataset, hidden map[string]bool) ([]store.Import, *data.Dataset, error) {
	s := m.store()
	if s == nil {
		return nil, base, nil
	}
	// The events are merged a block at a time as the store reads them, so
	// a million imported events are never all held as records too; the
	// dataset is the one exchange.Merge makes of ShownEvents (what
	// snapshot --store draws).
	mg := exchange.NewMerger(base, shownCountOf(s, hidden))
	imports, err := s.ShownEventsTo(hidden, mg)
	if err != nil {
		return imports, base, err
	}
	if mg.Added() == 0 {
		return imports, base, nil
	}
	d, err := mg.Dataset()
	if err != nil {
		return imports, base, fmt.Errorf("cannot join the imported events to the others: %w", err)
	}
	return imports, d, nil
}

// dataset merges the shown imports now (at start-up and in tests).
func (m *Imports) dataset() (*data.Dataset, error) {
	imports, d, err := m.merge(m.base, m.hidden)
	m.imports = imports
	return d, err
}

func (m *Imports) store() *store.Store { return m.st }

// shownCount is how many events the store's shown imports hold, from
// their records (no event is read).
func (m *Imports) shownCount() int {
	s := m.store()
	if s == nil {
		return 0
	}
	return shownCountOf(s, m.hidden)
}

// shownCountOf is how many events the imports of s not in hidden hold.
func shownCountOf(s *store.Store, hidden map[string]bool) int {
	imports, err := s.Imports()
	if err != nil {
		return 0 // the merge reports it
	}
	n := 0
	for _, l := range imports {
		if !hidden[l.ID] {
			n += l.Count
		}
	}
	return n
}

// reloadNow merges the shown imports into the window's events, on the UI
// goroutine (at start-up and in tests); a background reload still under
// way is dropped, so it cannot undo this one.
func (m *Imports) reloadNow() {
	m.gen++
	d, err := m.dataset()
	m.apply(d, err)
}

// reloadData merges the shown imports into the window's events in the
// background; a reload overtaken by a newer one is dropped.
func (m *Imports) reloadData() {
	hidden := make(map[string]bool, len(m.hidden))
	for id, h := range m.hidden {
		hidden[id] = h
	}
	m.gen++
	gen, base := m.gen, m.base
	m.message.SetText("Loading the imported events…")
	go func() {
		imports, d, err := m.merge(base, hidden)
		settleMemory()
		m.do(func() {
			if gen != m.gen {
				return
			}
			m.message.SetText("")
			m.imports = imports
			m.apply(d, err)
		})
	}()
}

func (m *Imports) apply(d *data.Dataset, err error) {
	if err != nil {
		m.ui.showError(err)
	}
	m.list.Refresh()
	if d != m.ui.Explorer.Data {
		m.ui.setData(d)
	}
}

// ShowImport asks for a file and imports it.
func (m *Imports) ShowImport() {
	if m.store() == nil {
		m.ui.showError(errors.New("imports are off: no workspace store is open"))
		return
	}
	fd := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			m.ui.showError(err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		m.prepare(path)
	}, m.ui.Win)
	fd.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".tsv", ".txt", ".xlsx", ".geojson", ".json", ".kml", ".kmz", ".zip"})) // .CSV and .zip: GDELT's files too
	fd.Show()
}

// prepare imports path, first showing a generic CSV's columns to map,
// with its first rows; it returns that dialog, nil when there is none.
func (m *Imports) prepare(path string) *columnDialog {
	f, err := os.Open(path)
	if err != nil {
		m.ui.showError(fmt.Errorf(lang.L("cannot open %s: %w"), path, err))
		return nil
	}
	head := make([]byte, 4096)
	n, _ := io.ReadFull(f, head)
	f.Close()
	format := exchange.Sniff(path, head[:n])
	if format != exchange.FormatCSV && format != exchange.FormatACLED {
		m.run(path, exchange.Options{Format: format})
		return nil
	}
	p, err := readCSVPreview(path, 5)
	if format == exchange.FormatACLED { // columns known by name: no dialog
		m.run(path, exchange.Options{Format: format, Encoding: p.Encoding})
		return nil
	}
	if err != nil || len(p.Header) == 0 {
		m.run(path, exchange.Options{Format: format, Encoding: p.Encoding}) // the importer says what is wrong
		return nil
	}
	c := newColumnDialog(m, path, p)
	c.dialog.Show()
	return c
}

// run imports path in the background with a progress dialog, then stores
// the events as an import; a refused file shows its bad rows and offers to
// keep the good ones.
func (m *Imports) run(path string, opts exchange.Options) {
	run := m.newImportRun(path)
	st := m.store()
	d := m.ui.Explorer.Data
	if opts.Countries == nil && m.ui.Atlas != nil {
		opts.Countries = m.ui.Atlas // the country of a row that names none
	}
	go func() {
		if opts.Format != exchange.FormatGeoJSON && opts.Format != exchange.FormatKML && opts.Gazetteer == nil {
			if g, err := d.Gazetteer(); err == nil {
				opts.Gazetteer = g // the dataset's own places, then GeoNames
			}
		}
		var (
			res *exchange.Result
			ch  store.ImportChange
			err error
		)
		res, ch, err = streamImport(st, path, opts, run)
		m.do(func() {
			run.end(m)
			var refused *exchange.RefusedError
			switch {
			case err != nil && run.cancelled():
				msg := fmt.Sprintf(lang.L("%s: import cancelled; nothing was imported and the workspace is unchanged."), filepath.Base(path))
				m.message.SetText(msg)
				m.ui.Status.SetText(msg)
			case errors.As(err, &refused):
				m.showRefused(path, opts, refused)
			case err != nil:
				m.ui.showError(fmt.Errorf(lang.L("%s was NOT imported: %s"), filepath.Base(path), exchange.Say(datalang.Current(), err.Error())))
			default:
				msg := fmt.Sprintf(lang.L("%s: added %d, updated %d, rejected %d."), filepath.Base(path), ch.Added, ch.Updated, len(res.Rejected)+res.More)
				if n := res.SkippedCount(); n > 0 { // GDELT: codes with no kind, events with no place, duplicates
					first := res.Skipped[0]
					more := ""
					if len(res.Skipped) > 1 {
						more = "; …"
					}
					msg = strings.TrimSuffix(msg, ".") + fmt.Sprintf(lang.L(", left out %d (%d %s%s)."), n, first.Count, exchange.Say(datalang.Current(), first.Reason), more)
				}
				if len(res.Notes) > 0 {
					for _, n := range res.Notes {
						msg += " " + exchange.Say(datalang.Current(), n)
					}
				}
				m.message.SetText(msg)
				m.ui.Status.SetText(msg)
				m.reloadData()
				if len(res.Rejected) > 0 {
					m.showProblems(lang.L("Rows left out of ")+filepath.Base(path), res.Rejected, res.More)
				}
			}
		})
	}()
}

// showRefused lists a refused file's bad rows and offers to import the good ones.
func (m *Imports) showRefused(path string, opts exchange.Options, e *exchange.RefusedError) {
	text := exchange.ProblemsText(e.Problems, e.More)
	entry := widget.NewMultiLineEntry()
	entry.SetText(text)
	entry.Wrapping = fyne.TextWrapWord
	msg := widget.NewLabel(fmt.Sprintf(lang.L("%s was refused: %d problem(s). Nothing was imported and the workspace is unchanged. ")+
		lang.L("Rows with the same problem share a line; where a fix names --date-format, choose the order of day and month in the column dialog."), filepath.Base(path), len(e.Problems)+e.More))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(lang.L("Import refused"), lang.L("Import the good rows"), lang.L("Cancel"),
		container.NewBorder(msg, nil, nil, nil, entry), func(ok bool) {
			if ok {
				opts.SkipInvalid = true
				m.run(path, opts)
			}
		}, m.ui.Win)
	d.Resize(fyne.NewSize(760, 520))
	d.Show()
}

func (m *Imports) showProblems(title string, ps []exchange.Problem, more int) {
	entry := widget.NewMultiLineEntry()
	entry.SetText(exchange.ProblemsText(ps, more))
	d := dialog.NewCustom(title, lang.L("Close"), entry, m.ui.Win)
	d.Resize(fyne.NewSize(700, 480))
	d.Show()
}

func (m *Imports) confirmRemove(l store.Import) {
	dialog.ShowConfirm(fmt.Sprintf(lang.L("Remove %s?"), l.Name), fmt.Sprintf(lang.L("Its %d imported events leave the workspace. The file itself is not touched."), l.Count), func(ok bool) {
		if !ok {
			return
		}
		n, err := m.store().RemoveImport(l.ID)
		if err != nil {
			m.ui.showError(fmt.Errorf(lang.L("%s was NOT removed: %w"), l.Name, err))
			return
		}
		m.message.SetText(fmt.Sprintf(lang.L("Removed %s (%d events)."), l.Name, n))
		m.reloadData()
	}, m.ui.Win)
}

// exportFormats are the formats of File → Export events, with their writers.
var exportFormats = []struct {
	Label, Ext string
	Write      func(io.Writer, []*data.Event, *data.Dataset) error
}{
	{"GeoJSON", ".geojson", exchange.WriteGeoJSON},
	{"CSV", ".csv", exchange.WriteCSV},
	{"KML (Google Earth, with time spans)", ".kml", func(w io.Writer, es []*data.Event, d *data.Dataset) error {
		return exchange.WriteKMLStyled(w, es, d, func(k data.Kind) color.RGBA { return overlay.StyleOf(k).Colour })
	}},
	{"TimelineJS sheet (CSV)", ".csv", exchange.WriteTimeline},
}

// ShowExportEvents writes the events in view (after filters and the date
// window) in a chosen format.
func (m *Imports) ShowExportEvents() {
	labels := make([]string, len(exportFormats))
	for i, f := range exportFormats {
		labels[i] = lang.L(f.Label)
	}
	format := newChoice(labels, nil)
	format.SetSelected(labels[0])
	events := m.ui.Explorer.InWindow()
	info := widget.NewLabel(fmt.Sprintf(lang.L("%d events: those in the date window that pass the filters."), len(events)))
	dialog.ShowCustomConfirm(lang.L("Export events"), lang.L("Choose file…"), lang.L("Cancel"), container.NewVBox(info, format), func(ok bool) {
		if !ok {
			return
		}
		var f = exportFormats[0]
		for _, x := range exportFormats {
			if lang.L(x.Label) == format.Selected {
				f = x
			}
		}
		m.saveEvents(f.Ext, f.Write, append([]*data.Event(nil), events...))
	}, m.ui.Win)
}

func (m *Imports) saveEvents(ext string, write func(io.Writer, []*data.Event, *data.Dataset) error, events []*data.Event) {
	d := m.ui.Explorer.Data
	fd := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			m.ui.showError(err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		os.Remove(path) // written again below through a temporary file
		if !strings.EqualFold(filepath.Ext(path), ext) {
			path += ext
		}
		if err := files.WriteAtomic(path, func(out io.Writer) error { return write(out, events, d) }); err != nil {
			m.ui.showError(fmt.Errorf(lang.L("the events were NOT written to %s: %w"), path, err))
			return
		}
		m.ui.Status.SetText(fmt.Sprintf(lang.L("Wrote %d events to %s"), len(events), path))
	}, m.ui.Win)
	fd.SetFileName("sahel-atlas-events" + ext)
	fd.Show()
}

// streamImport reads the file at path and hands its records to the store a
// batch at a time (CSV/TSV tables, GDELT files, GeoJSON and KML are read
// row by row, with no size cap, a workbook's sheet too; see
// exchange.Options.Stream), so memory holds a batch, not the file. A
// refused file, or any error, leaves the store as it was. run, when not
// nil, counts what is read for the progress dialog, and its Cancel stops
// the reading.
func streamImport(st *store.Store, path string, opts exchange.Options, run *importRun) (*exchange.Result, store.ImportChange, error) {
	name := filepath.Base(path)
	f, err := os.Open(path)
	if err != nil {
		return nil, store.ImportChange{}, err
	}
	defer f.Close()
	size := int64(0)
	if fi, err := f.Stat(); err == nil {
		size = fi.Size()
	}
	in := run.reading(files.NewProgress(f, size))
	w, err := st.NewImport(store.Import{Name: name})
	if err != nil {
		return nil, store.ImportChange{}, err
	}
	n := 0
	opts.Stream = func(batch []data.Record) error {
		if in.Stopped() {
			return files.ErrStopped
		}
		n += len(batch)
		run.added(len(batch))
		return w.Add(batch)
	}
	res, err := exchange.Import(in, name, opts)
	if err == nil && n == 0 {
		err = fmt.Errorf("nothing to import in %s: it holds no events", name)
	}
	if err != nil {
		w.Abort()
		return res, store.ImportChange{}, err
	}
	w.SetFormat(string(res.Format))
	ch, err := w.Commit(res.Amend)
	return res, ch, err
}
