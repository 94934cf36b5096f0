package exchange

import (
	"fmt"
	"strings"
	"time"

	"github.com/sahelatlas/sahelatlas/data"
)

// DateRange bounds the dates an import accepts. The zero DateRange is the
// default: from 1900-01-01 to a year after today, which refuses the
// 0001-01-01 and 9999-12-31 that spreadsheets and bad exports leave
// behind, before they stretch the timeline over millennia.
type DateRange struct {
	From, To data.Date
}

// bounds is r with its defaults filled in for today.
func (r DateRange) bounds(today time.Time) (from, to data.Date) {
	from, to = r.From, r.To
	if from.IsZero() {
		from = data.D(1900, 1, 1)
	}
	if to.IsZero() {
		to = data.DateOf(today.AddDate(1, 0, 0))
	}
	return from, to
}

// ParseDateRange reads FROM..TO (YYYY-MM-DD..YYYY-MM-DD; either end may
// be left out for its default), as --allow-dates gives it.
func ParseDateRange(s string) (DateRange, error) {
	fromS, toS, ok := strings.Cut(strings.TrimSpace(s), "..")
	if !ok {
		return DateRange{}, fmt.Errorf("exchange: --allow-dates %q is not FROM..TO, such as 1800-01-01..2030-12-31", s)
	}
	var r DateRange
	for _, d := range []struct {
		in  string
		out *data.Date
	}{{fromS, &r.From}, {toS, &r.To}} {
		if d.in = strings.TrimSpace(d.in); d.in == "" {
			continue
		}
		v, err := data.ParseDate(d.in)
		if err != nil {
			return DateRange{}, fmt.Errorf("exchange: --allow-dates %q: %q is not a date YYYY-MM-DD", s, d.in)
		}
		*d.out = v
	}
	if !r.From.IsZero() && !r.To.IsZero() && r.To.Before(r.From) {
		return DateRange{}, fmt.Errorf("exchange: --allow-dates %q ends before it starts", s)
	}
	return r, nil
}

// refuseImplausible moves the records of res dated outside opts.Dates to
// its problems, each with its line and the flag that would keep it.
func refuseImplausible(res *Result, opts Options, today time.Time) {
	from, to := opts.Dates.bounds(today)
	kept := res.Records[:0]
	var bad Result
	for _, r := range res.Records {
		if p, odd := implausible(&r, from, to); odd {
			rejecter{&bad}.add(p)
			continue
		}
		kept = append(kept, r)
	}
	clear(res.Records[len(kept):])
	res.Records = kept
	if len(bad.Rejected) > 0 {
		mergeProblems(res, &bad)
	}
}

// implausible returns the problem of a record dated outside from–to.
func implausible(r *data.Record, from, to data.Date) (Problem, bool) {
	e := &r.Event
	if !e.Dated() || (!e.Start.Before(from) && !e.End.After(to)) {
		return Problem{}, false
	}
	odd := e.Start
	if !e.Start.Before(from) {
		odd = e.End
	}
	return Problem{Line: r.From.Line, Feature: r.From.Feature,
		Reason: fmt.Sprintf("date %s is outside %s..%s, the dates an event can plausibly have", odd, from, to),
		Fix:    fmt.Sprintf("--allow-dates %s..%s", min(odd.String(), from.String()), max(odd.String(), to.String()))}, true
}
