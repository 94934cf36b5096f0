package ui

import (
	"path/filepath"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/sahelatlas/sahelatlas/data/exchange"
)

// previewColumns is how many columns the column dialog shows rows of.
const previewColumns = 6

// columnDialog asks which columns of a generic CSV file hold the
// coordinates, the place, the dates, the title and the rest, showing the
// file's first rows; Import imports the file with those columns.
type columnDialog struct {
	m       *Imports
	path    string
	preview csvPreview
	cols    exchange.Columns
	fields  map[string]*choice // by the field's label: "Latitude", "Date"…
	grid    *fyne.Container    // the first columns' names, then the first rows
	skip    *widget.Check
	dates   *widget.Label // how the date column's first rows write dates
	order   *choice       // the order of day and month: the file's, or forced
	dialog  dialog.Dialog
}

// The choices of the column dialog's order of day and month.
const (
	orderFromFile = "as the file's dates show"
	orderDayFirst = "day first (16/05/2025)"
	orderMonFirst = "month first (5/16/2025)"
)

func newColumnDialog(m *Imports, path string, p csvPreview) *columnDialog {
	c := &columnDialog{m: m, path: path, preview: p, fields: map[string]*choice{},
		cols: exchange.DetectColumns(p.Header, exchange.Columns{})}
	choices := append([]string{lang.L("(none)")}, p.Header...)
	fields := []struct {
		label string
		ptr   *string
	}{
		{lang.L("Latitude"), &c.cols.Lat}, {lang.L("Longitude"), &c.cols.Lon}, {lang.L("Place name"), &c.cols.Place},
		{lang.L("Date"), &c.cols.Date}, {lang.L("Start"), &c.cols.Start}, {lang.L("End"), &c.cols.End}, {lang.L("Title"), &c.cols.Title},
		{lang.L("Summary"), &c.cols.Summary}, {lang.L("Kind"), &c.cols.Kind}, {lang.L("Actors"), &c.cols.Actors},
	}
	var items []*widget.FormItem
	c.dates = widget.NewLabel("")
	for _, fld := range fields {
		sel := newChoice(choices, func(s string) {
			if s == lang.L("(none)") {
				s = ""
			}
			*fld.ptr = s
			c.showDateLayout()
		})
		if *fld.ptr != "" {
			sel.SetSelected(*fld.ptr)
		} else {
			sel.SetSelected(lang.L("(none)"))
		}
		c.fields[fld.label] = sel
		items = append(items, widget.NewFormItem(fld.label, sel))
	}
	c.order = newChoice([]string{lang.L(orderFromFile), lang.L(orderDayFirst), lang.L(orderMonFirst)}, nil)
	c.order.SetSelected(lang.L(orderFromFile))
	items = append(items, widget.NewFormItem(lang.L("Date layout"), c.dates), widget.NewFormItem(lang.L("Day and month"), c.order))
	c.showDateLayout()
	shown := min(len(p.Header), previewColumns)
	c.grid = container.NewGridWithColumns(max(1, shown))
	for _, h := range p.Header[:shown] {
		c.grid.Add(widget.NewLabelWithStyle(h, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	}
	for _, row := range p.Rows {
		for i := range shown {
			cell := ""
			if i < len(row) {
				cell = row[i]
			}
			l := widget.NewLabel(cell)
			l.Truncation = fyne.TextTruncateEllipsis
			c.grid.Add(l)
		}
	}
	name := filepath.Base(path)
	about := lang.L("First rows of ") + name + lang.L(":")
	if p.Encoding != "" {
		about = lang.L("First rows of ") + name + lang.L(" (not UTF-8: read as Windows-1252):")
	}
	c.skip = widget.NewCheck(lang.L("Import the good rows when some are bad (and list the rest)"), nil)
	content := container.NewBorder(widget.NewForm(items...), c.skip, nil, nil,
		container.NewVScroll(container.NewVBox(widget.NewLabel(about), c.grid)))
	c.dialog = dialog.NewCustomConfirm(lang.L("Map the columns of ")+name, lang.L("Import"), lang.L("Cancel"), content, func(ok bool) {
		if ok {
			c.importFile()
		}
	}, m.ui.Win)
	c.dialog.Resize(fyne.NewSize(820, 640))
	return c
}

// showDateLayout shows how the first rows of the date (or start) column
// write their dates (exchange.DateLayout).
func (c *columnDialog) showDateLayout() {
	if c.dates == nil {
		return
	}
	col := c.cols.Date
	if col == "" {
		col = c.cols.Start
	}
	i := slices.Index(c.preview.Header, col)
	if i < 0 {
		c.dates.SetText(lang.L("no date column chosen"))
		return
	}
	var values []string
	for _, row := range c.preview.Rows {
		if i < len(row) {
			values = append(values, row[i])
		}
	}
	c.dates.SetText(exchange.DateLayout(values))
}

// options are the import options the dialog's choices make.
func (c *columnDialog) options() exchange.Options {
	o := exchange.Options{Format: exchange.FormatCSV, Columns: c.cols, SkipInvalid: c.skip.Checked, Encoding: c.preview.Encoding}
	switch c.order.Selected {
	case lang.L(orderDayFirst):
		o.DateFormat = "d/m/yyyy"
	case lang.L(orderMonFirst):
		o.DateFormat = "m/d/yyyy"
	}
	return o
}

// importFile imports the file with the columns chosen (the Import button).
func (c *columnDialog) importFile() { c.m.run(c.path, c.options()) }
