package exchange

import (
	"strings"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/lang"
)

// Problem is one rejected row, feature or placemark, or something wrong
// with the file as a whole (Line and Feature both zero).
type Problem struct {
	Line    int    // 1-based line of a CSV row (its first line when a field spans lines), or row of a sheet
	Feature int    // 1-based feature (GeoJSON), placemark (KML) or record (ACLED's JSON)
	Reason  string // what is wrong
	Fix     string // the flag or step that fixes it, when there is one: "--date-format d/m/yyyy"
}

// String writes "line 12: reason", "feature 3: reason" or the reason,
// followed by "; fix: …" when there is a fix, in the current language
// (see Say).
func (p Problem) String() string {
	t := lang.Current()
	s := Say(t, p.Reason)
	switch {
	case p.Line > 0:
		s = t.T("exchange.line", p.Line, s)
	case p.Feature > 0:
		s = t.T("exchange.feature", p.Feature, s)
	}
	if p.Fix != "" {
		s += t.T("exchange.fix") + Say(t, p.Fix)
	}
	return s
}

// Result is what Import read.
type Result struct {
	Name     string        // the file's name, as given to Import
	Format   Format        // the format read
	Records  []data.Record // the good rows, in file order
	Rejected []Problem
	// More counts problems beyond MaxProblems that were not listed.
	More int
	// Skipped counts rows left out on purpose (GDELT: filters, codes with
	// no kind, duplicates), by reason; see Skip.
	Skipped []Skip
	// Notes say what the reader should know of how the file was read: the
	// order of day and month a column's dates were read in, two-digit
	// years, the sheet read.
	Notes []string
	// Amend is set, when Options.Stream received the records, if some
	// records passed must change now that the whole file was read (the
	// order of day and month of numeric dates is the whole file's): seq
	// is a record's place in the stream, counted from 0 over every batch.
	// Amend changes r as it must be kept, and returns false for a record
	// that must be left out (its problem is in Rejected).
	Amend func(seq int, r *data.Record) (keep bool)
	// Streamed counts the records passed to Options.Stream.
	Streamed int
}

// RefusedError is returned by Import when the file has problems and
// Options.SkipInvalid is false: nothing from the file may be used.
type RefusedError struct {
	Name     string
	Problems []Problem
	More     int // problems not listed
}

// Error lists the problems grouped by what is wrong, each group with its
// count, its first lines and the fix when there is one (see GroupProblems),
// in the current language.
func (e *RefusedError) Error() string {
	t := lang.Current()
	var b strings.Builder
	groups := GroupProblems(e.Problems)
	sorts := ""
	if len(groups) > 1 {
		sorts = t.T("exchange.refused.sorts", len(groups))
	}
	b.WriteString(t.T("exchange.refused", e.Name, len(e.Problems)+e.More, sorts))
	for _, g := range groups {
		b.WriteString("\n  ")
		b.WriteString(g.String())
	}
	if e.More > 0 {
		b.WriteString("\n  ")
		b.WriteString(t.T("exchange.more_problems", e.More))
	}
	return b.String()
}

// Limits on what Import reads.
const (
	MaxFileSize    = 256 << 20 // bytes of a file (uncompressed, for KMZ)
	MaxFieldSize   = 64 << 10  // bytes of one CSV field, property or XML text
	MaxXMLDepth    = 64        // nesting of KML elements
	MaxProblems    = 10_000    // problems listed; more are only counted
	MaxKMZEntries  = 10_000    // files in a KMZ archive
	maxJSONNesting = 32        // nesting of a GeoJSON feature's properties
)

// appendField appends a non-empty value.
func appendField(fs []data.Field, name, value string) []data.Field {
	if value == "" {
		return fs
	}
	return append(fs, data.Field{Name: name, Value: value})
}
