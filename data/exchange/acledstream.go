package exchange

import (
	"fmt"
	"time"

	"github.com/sahelatlas/sahelatlas/data"
)

// streamBatch is how many records a call of Options.Stream receives at
// most.
const streamBatch = 4096

// acledAmendment is what becomes of a streamed record once the file's
// order of day and month is known: its day, or nothing (left out).
type acledAmendment struct {
	drop bool
	day  data.Date
	tp   int
}

// readACLEDStream is readACLED for Options.Stream: rows are mapped and
// passed on a batch at a time, so memory holds a batch, not the file.
// Copies of one event in the file are all passed (the store keeps the
// newest, by Record.Version). Rows whose numeric dates wait for the file's
// order of day and month are passed with the order that fits meanwhile,
// and what must change is in Result.Amend.
func readACLEDStream(t *rows, c acledColumns, name string, opts Options, res *Result) error {
	dates, err := newFileDates(opts.DateFormat)
	if err != nil {
		return fmt.Errorf("exchange: %s: %v", name, err)
	}
	dates.acled = true
	b := newBuilder(name, opts.Countries)
	b.dates = dates
	from, to := opts.Dates.bounds(time.Now())
	var pending []acledPending
	rej := rejecter{res}
	width := len(t.header)
	batches, readProblems := t.readAhead()
	out := make([]data.Record, 0, streamBatch)
	seq := 0
	flush := func() error {
		if len(out) == 0 {
			return nil
		}
		err := opts.Stream(out)
		clear(out)
		out = out[:0]
		return err
	}
	var ferr error
	for batch := range batches {
		if batch.err != nil {
			ferr = batch.err
		}
		if ferr != nil {
			continue // drain the reader
		}
		for i, at := range batch.lines {
			rec := batch.fields[i*width : (i+1)*width]
			prov := data.Provenance{File: b.file, Line: at}
			if t.records {
				prov = data.Provenance{File: b.file, Feature: at}
			}
			r, pend, wait, err := b.acledRow(rec, prov, &c)
			if err != nil {
				rej.add(t.problem(at, err))
				continue
			}
			if p, odd := implausible(&r, from, to); odd && !wait {
				rej.add(p) // a waiting row's date is checked once it is settled
				continue
			}
			if wait {
				pend.slot, pend.at = seq, at
				pending = append(pending, pend)
			}
			out = append(out, r)
			seq++
			if len(out) == streamBatch {
				if ferr = flush(); ferr != nil {
					break
				}
			}
		}
	}
	if ferr == nil {
		ferr = flush()
	}
	if ferr != nil {
		return ferr
	}
	res.Streamed = seq
	dates.decide()
	amend := map[int]acledAmendment{}
	for _, p := range pending {
		day, err := dates.day(p.reading, p.raw)
		if err != nil {
			amend[p.slot] = acledAmendment{drop: true}
			rej.add(t.problem(p.at, fmt.Errorf("event_date: %w", err)))
			continue
		}
		var e data.Event
		acledSetDates(&e, day, p.tp)
		if pr, odd := implausible(&data.Record{Event: e, From: data.Provenance{Line: p.at}}, from, to); odd {
			amend[p.slot] = acledAmendment{drop: true}
			if t.records {
				pr.Line, pr.Feature = 0, p.at
			}
			rej.add(pr)
			continue
		}
		if day != p.day {
			amend[p.slot] = acledAmendment{day: day, tp: p.tp}
		}
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
			acledSetDates(&r.Event, a.day, a.tp)
			return true
		}
	}
	mergeProblems(res, readProblems)
	res.Notes = append(res.Notes, dates.notes()...)
	return nil
}
