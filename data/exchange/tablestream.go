package exchange

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/sahelatlas/sahelatlas/data"
)

// tablePending is a streamed row of a generic table whose numeric dates
// (16/05/2025 or 5/16/2025) wait for the file's order of day and month:
// the cells its dates are made of, in one string (see pendingCells), not
// the row; a pendingLog holds them, beyond a few MiB on disk.
type tablePending struct {
	seq, at int
	cells   string
	order   dateOrder // the order the row was read in meanwhile
	odd     bool      // its dates, read so, are outside the plausible range
}

// The cells of a tablePending, in the order pendingCells joins them.
const (
	pendDate = iota
	pendStart
	pendEnd
	pendPrecision
	pendNoYear
	pendTimePrecision
	pendDateNote
	pendYear
	pendCells
)

// pendingCells joins the cells of rec that make its dates into one new
// string, which holds none of the row's memory.
func pendingCells(rec []string, x *csvIndexes) string {
	var cells [pendCells]string
	for k, i := range []int{x.date, x.start, x.end, x.precision, x.noYear, x.timePrec, x.dateNote, x.year} {
		cells[k] = cellAt(rec, i)
	}
	return strings.Join(cells[:], "\x00")
}

// tableAmendment is what becomes of a passed row once the order is known.
type tableAmendment struct {
	drop       bool
	start, end data.Date
	precision  data.Precision
	note       string
}

// readGenericStream is readGenericRows for Options.Stream: each row
// becomes a record as it is read and is passed a batch at a time, so
// memory holds a batch, not the file. A row whose numeric dates could be
// read either way (or only one way, which the rest of the file may
// contradict) is passed with the order that fits it meanwhile; once every
// row is read and the file's order known, what must change is in
// Result.Amend, as for ACLED's exports (see readACLEDStream). A row that
// the meanwhile order refuses but the file's may accept (a start and an
// end that are in order only one way) is kept whole and read again at the
// end. Ids are checked against the earlier rows' when the table has an id
// column.
func readGenericStream(t *rows, name string, x *csvIndexes, fields []int, opts Options, res *Result) error {
	dates, err := newFileDates(opts.DateFormat)
	if err != nil {
		return fmt.Errorf("exchange: %s: %v", name, err)
	}
	b := newBuilder(name, opts.Countries)
	b.dates = dates
	g := &gazetteerOnce{g: opts.Gazetteer}
	from, to := opts.Dates.bounds(time.Now())
	late := &Result{} // problems found once every row is read, merged by line
	var ids map[string]bool
	if x.id >= 0 {
		ids = map[string]bool{}
	}
	var pending pendingLog
	defer pending.close()
	var held []genericRow // rows refused meanwhile that the file's order may accept
	out := make([]data.Record, 0, streamBatch)
	seq := 0
	flush := func() error {
		if len(out) == 0 {
			return nil
		}
		err := opts.Stream(out)
		res.Streamed += len(out)
		clear(out)
		out = out[:0]
		return err
	}
	// keep checks a mapped row's id and, unless they wait for the file's
	// order, its dates, and passes it on.
	keep := func(r data.Record, at int, rej rejecter, settled bool) (bool, error) {
		if ids != nil && ids[r.Event.ID] {
			rej.add(t.problem(at, fmt.Errorf("id %q is used by an earlier row", r.Event.ID)))
			return false, nil
		}
		if settled { // a waiting row's dates are checked once its order is known
			if p, odd := implausible(&r, from, to); odd {
				rej.add(p)
				return false, nil
			}
		}
		if ids != nil {
			ids[r.Event.ID] = true
		}
		if t.records {
			r.From = data.Provenance{File: r.From.File, Feature: at}
		}
		out = append(out, r)
		seq++
		if len(out) == streamBatch {
			return true, flush()
		}
		return true, nil
	}
	for {
		rec, at, ok, err := t.next()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		row := readRowDates(dates, t, x, rec, at)
		wait := row.err == nil && dates.forced == orderUnknown && waitsForOrder(&row)
		if wait {
			dates.order = dates.meanwhile(&row)
		}
		r, err := b.csvRow(&row, x, fields, t, g)
		if err != nil && wait && dependsOnOrder(b, &row, x, fields, t, g, err) {
			row.rec = slices.Clone(rec)
			held = append(held, row)
			continue
		}
		if err != nil {
			t.rej.add(t.problem(at, err))
			continue
		}
		if wait {
			_, odd := implausible(&r, from, to)
			p := tablePending{seq: seq, at: at, cells: pendingCells(rec, x), order: dates.order, odd: odd}
			passed, err := keep(r, at, t.rej, false)
			if err != nil {
				return err
			}
			if passed {
				pending.add(p)
			}
			continue
		}
		if _, err := keep(r, at, t.rej, true); err != nil {
			return err
		}
	}
	dates.order = dates.forced // as it was before the rows: decide sets it
	dates.decide()
	amend := map[int]tableAmendment{}
	lateRej := rejecter{late}
	width := len(t.header)
	err = pending.each(func(p tablePending) error {
		if p.order == dates.order && !p.odd {
			return nil // passed as it must be kept
		}
		a, err := p.settle(b, t, x, width)
		if err != nil {
			amend[p.seq] = tableAmendment{drop: true}
			lateRej.add(t.problem(p.at, err))
			return nil
		}
		e := data.Event{Start: a.start, End: a.end}
		if pr, odd := implausible(&data.Record{Event: e, From: t.provenance(p.at)}, from, to); odd {
			amend[p.seq] = tableAmendment{drop: true}
			lateRej.add(pr)
			return nil
		}
		amend[p.seq] = a
		return nil
	})
	if err != nil {
		return fmt.Errorf("exchange: %s: %v", name, err)
	}
	for _, row := range held {
		r, err := b.csvRow(&row, x, fields, t, g)
		if err != nil {
			lateRej.add(t.problem(row.at, err))
			continue
		}
		if _, err := keep(r, row.at, lateRej, true); err != nil {
			return err
		}
	}
	if err := flush(); err != nil {
		return err
	}
	if len(amend) > 0 {
		res.Amend = func(seq int, r *data.Record) bool {
			a, ok := amend[seq]
			switch {
			case !ok:
				return true
			case a.drop:
				return false
			}
			r.Event.Start, r.Event.End, r.Event.Precision, r.Event.DateNote = a.start, a.end, a.precision, a.note
			return true
		}
	}
	mergeProblems(res, late)
	res.Notes = append(res.Notes, dates.notes()...)
	return nil
}

// dependsOnOrder reports whether a row refused (err) in the order that
// fits it meanwhile might be read otherwise in the file's: read the other
// way, it is accepted or refused for another reason.
func dependsOnOrder(b *builder, row *genericRow, x *csvIndexes, fields []int, t *rows, g *gazetteerOnce, err error) bool {
	was := b.dates.order
	b.dates.order = orderDMY + orderMDY - was
	_, other := b.csvRow(row, x, fields, t, g)
	b.dates.order = was
	return other == nil || other.Error() != err.Error()
}

// settle reads a pending row's dates in the file's order.
func (p *tablePending) settle(b *builder, t *rows, x *csvIndexes, width int) (tableAmendment, error) {
	cells := strings.Split(p.cells, "\x00")
	rec := make([]string, width)
	row := genericRow{rec: rec, at: p.at}
	for k, i := range []int{x.date, x.start, x.end} {
		if i < 0 {
			continue
		}
		rec[i] = cells[k]
		if s := cleanValue(cells[k]); s != "" {
			r, err := rereadDate(s, cells[pendYear])
			if err != nil {
				return tableAmendment{}, fmt.Errorf("%s: %w", t.header[i], err)
			}
			row.dates[k] = r
		}
	}
	get := func(k int) string { return unneutralise(cleanValue(cells[k])) }
	e := data.Event{DateNote: get(pendDateNote)}
	if err := b.rowDates(&e, &row, x, t, get(pendPrecision), get(pendNoYear), get(pendTimePrecision)); err != nil {
		return tableAmendment{}, err
	}
	return tableAmendment{start: e.Start, end: e.End, precision: e.Precision, note: e.DateNote}, nil
}

// rereadDate reads again a date fileDates.read has read once, with the
// row's year column for a two-digit year, without counting it again.
func rereadDate(s, yearHint string) (dateReading, error) {
	r, err := readDate(s)
	if err != nil || !r.yy {
		return r, err
	}
	yearHint = strings.TrimSpace(yearHint)
	if y, ok := atoi(yearHint); ok && len(yearHint) == 4 && y%100 == r.year {
		r.year = y
	} else {
		r.year = pivotYear(r.year)
	}
	return r, nil
}

// provenance is where the row at (a line, or a record) was read.
func (t *rows) provenance(at int) data.Provenance {
	if t.records {
		return data.Provenance{Feature: at}
	}
	return data.Provenance{Line: at}
}

// cellAt returns the cell i of rec, "" for no column.
func cellAt(rec []string, i int) string {
	if i < 0 {
		return ""
	}
	return rec[i]
}

// waitsForOrder reports whether a row has a numeric date whose day and
// month differ: how it reads depends on the file's order.
func waitsForOrder(row *genericRow) bool {
	for _, r := range row.dates {
		if r.shape == shapeNumeric && r.a != r.b {
			return true
		}
	}
	return false
}

// meanwhile is the order to read a waiting row in before the file's is
// known: the one its dates fit when they fit one, else the one the file's
// dates so far fit, else day first.
func (f *fileDates) meanwhile(row *genericRow) dateOrder {
	for _, r := range row.dates {
		if r.shape != shapeNumeric || r.a == r.b {
			continue
		}
		switch dmy, mdy := r.fits(); {
		case dmy && !mdy:
			return orderDMY
		case mdy && !dmy:
			return orderMDY
		}
	}
	if f.seen[orderMDY].n > f.seen[orderDMY].n {
		return orderMDY
	}
	return orderDMY
}
