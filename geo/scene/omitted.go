package scene

import (
	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/lang"
)

// Omitted counts the events a snapshot leaves off its pages, for the
// command and the dialog to say so.
type Omitted struct {
	// Undated are the events passing the filter that have no date on the
	// calendar: a page, drawn for a date window, never shows them.
	Undated int
	// Filtered are the dated events of the window the filter leaves out.
	Filtered int
}

// Omitted counts what a snapshot of o (Complete) leaves off: the events
// with no date, and those of its window its filter excludes.
func (o Snapshot) Omitted(s *Scene) Omitted {
	return o.omittedIn(s, o.From, o.To, orb.Bound{})
}

// omittedIn counts what a page of the window from–to leaves off among the
// events placed inside the bound in (everywhere for the zero bound): what
// a reader of the page would miss.
func (o Snapshot) omittedIn(s *Scene, from, to data.Date, in orb.Bound) Omitted {
	var m Omitted
	match := o.Filter.Matcher()
	for _, e := range s.Data.Undated() {
		if match(e) && inBound(in, e.At()) {
			m.Undated++
		}
	}
	if !o.Filter.IsZero() {
		for _, e := range s.Data.Between(from, to) {
			if !match(e) && inBound(in, e.At()) {
				m.Filtered++
			}
		}
	}
	return m
}

// Sentences says what was left off, a sentence each ("9 events have no
// date and are not drawn"); none when nothing was.
func (m Omitted) Sentences() []string {
	var out []string
	if m.Undated > 0 {
		out = append(out, lang.Current().Plural("omitted.undated", m.Undated))
	}
	if m.Filtered > 0 {
		out = append(out, lang.Current().Plural("omitted.filtered", m.Filtered))
	}
	return out
}
