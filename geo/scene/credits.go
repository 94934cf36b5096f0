package scene

import (
	"strings"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/lang"
)

// maxCreditSources is how many sources the credits name before counting
// the rest.
const maxCreditSources = 6

// maxCreditHeadline is the longest headline the credits quote, in runes;
// a longer one is cut at a word and ends with "…".
const maxCreditHeadline = 60

// Credits is the credit line of a map showing events: Natural Earth's
// boundaries, GSHHG's rivers and lakes, GeoNames's places, and the
// sources of the events inside the lon/lat bound in view, each by outlet, headline and date as d knows them
// (never by the document's file name), the first maxCreditSources named and
// the rest counted. Sources are listed in the order their events come.
func Credits(d *data.Dataset, events []*data.Event, in orb.Bound) string {
	line := lang.T("credits.boundaries") + " " + lang.T("credits.rivers") + " " + lang.T("credits.geonames")
	var named []string
	seen := map[string]bool{}
	unnamed := 0
	for _, e := range events {
		if !inBound(in, e.At()) {
			continue
		}
		for _, ref := range e.Sources {
			if seen[ref.Document] {
				continue
			}
			seen[ref.Document] = true
			var s *data.Source
			if d != nil {
				s = d.Source(ref.Document)
			}
			if c := sourceCredit(s); c != "" {
				named = append(named, c)
			} else {
				unnamed++
			}
		}
	}
	if len(named) == 0 && unnamed == 0 {
		return line
	}
	more := 0
	if len(named) > maxCreditSources {
		more = len(named) - maxCreditSources
		named = named[:maxCreditSources]
	}
	if unnamed > 0 {
		named = append(named, lang.Current().Plural("credits.unnamed", unnamed))
	}
	if more > 0 {
		named = append(named, lang.T("credits.more", more))
	}
	return line + lang.T("credits.sources", strings.Join(named, lang.T("credits.sep")))
}

// inBound reports whether p lies in b, edges included. An empty bound
// (the zero value) holds every point, for callers with no view.
func inBound(b orb.Bound, p orb.Point) bool {
	if b == (orb.Bound{}) {
		return true
	}
	return b.Contains(p)
}

// sourceCredit names s by outlet, quoted headline and publication date,
// whichever it gives ("" when it gives none of them, or s is nil); a file
// the analyst imported is named by its file name.
func sourceCredit(s *data.Source) string {
	if s == nil {
		return ""
	}
	if *s == data.ImportSource(s.Document) {
		return lang.T("credits.imported", s.Document) // the analyst's own file, named as they named it
	}
	var parts []string
	if o := strings.TrimSpace(s.Outlet); o != "" {
		parts = append(parts, o)
	}
	if h := strings.TrimSpace(s.Headline); h != "" {
		parts = append(parts, lang.T("quote.open")+shorten(h, maxCreditHeadline)+lang.T("quote.close"))
	}
	if !s.Published.IsZero() {
		parts = append(parts, lang.Current().DateShort(s.Published.Time()))
	}
	return strings.Join(parts, ", ")
}

// shorten cuts s to at most n runes, at a space when there is one in its
// second half, ending it with "…".
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n-1])
	if i := strings.LastIndex(cut, " "); i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}
